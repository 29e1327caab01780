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
    """sigmoid(+-1000) is 1 and 0, with no overflow along the way."""
    import numpy as np
    z = np.array([-1000.0, -50.0, 50.0, 1000.0])
    try:
        with np.errstate(over='raise', invalid='raise', divide='raise'):
            out = np.asarray(sigmoid(z), dtype=float)
    except FloatingPointError as e:
        raise AssertionError(f'sigmoid({z.tolist()}) triggered a numpy floating-point error ({e}); exponentiate only numbers <= 0') from None
    for zi, si, target in zip(z, out, [0.0, 0.0, 1.0, 1.0]):
        assert np.isfinite(si), f'sigmoid({zi}) returned {si}; expected a value close to {target:g}'
        assert abs(si - target) < 1e-15, f'sigmoid({zi}) returned {si!r}; expected a value close to {target:g}'

