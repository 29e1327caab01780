from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_gamma_star_is_a_discount(gamma_star):
    """gamma_star is a number strictly between 0 and 1."""
    assert gamma_star is not ..., 'replace the ... with your value'
    assert isinstance(gamma_star, (int, float)), f'gamma_star should be a float, got {type(gamma_star).__name__}'
    assert 0 < gamma_star < 1, f'a discount factor here lies strictly between 0 and 1, got {gamma_star}'

