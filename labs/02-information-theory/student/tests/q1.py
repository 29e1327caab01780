from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_as_distribution_accepts_distributions(as_distribution):
    """Valid input comes back as a float array of the same shape and values."""
    import numpy as np
    out = as_distribution([0.2, 0.3, 0.5])
    assert out is not None, 'as_distribution returned None: return the checked array'
    out = np.asarray(out)
    assert out.dtype.kind == 'f', f'as_distribution should return floats, got dtype {out.dtype}'
    assert np.array_equal(out, [0.2, 0.3, 0.5]), "as_distribution should return the input's values unchanged"
    table = as_distribution(np.array([[0.25, 0.25], [0.5, 0.0]]))
    assert np.shape(table) == (2, 2), 'a 2-D table that sums to 1 is a distribution too; keep its shape'
    assert np.asarray(as_distribution([0, 1])).dtype.kind == 'f', 'integers should come back as floats'

@test_case(points=None, hidden=False)
def test_as_distribution_rejects(as_distribution):
    """Unnormalised, negative and nan input raise a ValueError that names the argument."""
    import numpy as np
    cases = [([0.5, 0.6], 'entries summing to 1.1'), ([2.0, 3.0, 5.0], 'counts instead of frequencies'), ([1.5, -0.5], 'a negative entry (even though the sum is 1)'), ([0.5, np.nan], 'a nan')]
    for bad, what in cases:
        try:
            as_distribution(bad, name='weights')
        except ValueError as e:
            assert 'weights' in str(e), f"the ValueError for {what} should name the argument ('weights'); got: {e}"
        else:
            raise AssertionError(f'as_distribution({bad}) should raise a ValueError: {what} is not a distribution (and must not be normalised silently)')

