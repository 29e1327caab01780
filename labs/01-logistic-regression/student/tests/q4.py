from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_softmax_rows_sum_to_one(softmax):
    """Shape is kept and every row is a probability vector."""
    import numpy as np
    Z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [-1.0, 0.5, 2.0], [4.0, -4.0, 0.0]])
    P = softmax(Z)
    assert P is not None, 'softmax returned None: replace the ... with code that returns the result'
    P = np.asarray(P, dtype=float)
    assert P.shape == (4, 3), f'softmax of a (4, 3) array should have shape (4, 3), got {P.shape}'
    assert np.all(P > 0), 'every softmax probability should be positive'
    assert np.allclose(P.sum(axis=1), 1.0), "the rows do not sum to 1: each example's probabilities are normalised over its classes"
    assert np.allclose(P[1], 1 / 3), 'a row of equal logits should give equal probabilities'

@test_case(points=None, hidden=False)
def test_softmax_large_logits(softmax):
    """Logits in the thousands: no floating-point warning, no nan, and invariance to shifting a row."""
    import numpy as np
    Z = np.array([[1000.0, 1000.0, 0.0], [-1000.0, 0.0, -1000.0]])
    try:
        with np.errstate(over='raise', invalid='raise', divide='raise'):
            P = np.asarray(softmax(Z), dtype=float)
    except FloatingPointError as e:
        raise AssertionError(f'softmax of logits of size 1000 triggered a numpy floating-point error ({e})') from None
    assert np.all(np.isfinite(P)), 'softmax returned nan or inf for logits of size 1000'
    assert np.allclose(P.sum(axis=1), 1.0), 'rows should sum to 1'
    with np.errstate(over='raise', invalid='raise', divide='raise'):
        shifted = np.asarray(softmax(Z[:, ::-1] - 7.0), dtype=float)[:, ::-1]
    assert np.allclose(P, shifted), 'softmax should not change when a constant is added to a row, nor mix up the classes'

