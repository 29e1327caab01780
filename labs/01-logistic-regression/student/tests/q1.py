from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_sigmoid_shape_and_midpoint(sigmoid):
    """sigmoid keeps the shape of its input and sigmoid(0) = 1/2."""
    import numpy as np
    out = sigmoid(np.zeros((2, 3)))
    assert out is not None, 'sigmoid returned None: replace the ... with code that returns the result'
    assert np.shape(out) == (2, 3), f'sigmoid(np.zeros((2, 3))) has shape {np.shape(out)}; expected (2, 3)'
    assert np.asarray(out).dtype.kind == 'f', f'sigmoid should return floats, got dtype {np.asarray(out).dtype}'
    assert np.allclose(out, 0.5), 'sigmoid(0) should be exactly 1/2'
    assert np.shape(sigmoid(0.0)) == (), 'sigmoid(0.0) should return a single number (a 0-d array is fine)'
    assert abs(float(sigmoid(2.0)) - 1.0 / (1.0 + np.exp(-2.0))) < 1e-12, 'sigmoid(2.0) is not 1 / (1 + e^-2)'

@test_case(points=None, hidden=False)
def test_sigmoid_large_inputs(sigmoid):
    """Large scores of both signs: no floating-point warning, and the limits 0 and 1."""
    import numpy as np
    z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    try:
        with np.errstate(over='raise', invalid='raise', divide='raise'):
            out = np.asarray(sigmoid(z), dtype=float)
    except FloatingPointError as e:
        raise AssertionError(f'sigmoid({z.tolist()}) triggered a numpy floating-point error ({e}): some intermediate result of your formula is out of range for these inputs') from None
    assert out.shape == z.shape, f'shape {out.shape}, expected {z.shape}'
    assert np.all(np.isfinite(out)), f'sigmoid({z.tolist()}) is not finite everywhere'
    assert out[0] < 1e-300 and out[-1] == 1.0, 'sigmoid should approach 0 far to the left and 1 far to the right'
    assert 0 < out[1] < 1e-20, 'sigmoid(-50) should be tiny but positive'
    assert abs(out[2] - 1.0) < 1e-15, 'sigmoid(50) should be 1 to float precision'

