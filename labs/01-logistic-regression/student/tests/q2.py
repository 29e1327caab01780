from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_nll_at_zero_logits(nll):
    """With every logit 0 every prediction is 1/2, so the loss is log 2."""
    import numpy as np
    out = nll(np.zeros(4), np.array([0, 1, 0, 1]))
    assert out is not None, 'nll returned None: replace the ... with code that returns the result'
    assert np.ndim(out) == 0, f'nll should return a single number, got shape {np.shape(out)}'
    assert abs(float(out) - np.log(2)) < 1e-12, f'with all logits 0 the loss should be log 2 = 0.6931, got {float(out):.4g}'

@test_case(points=None, hidden=False)
def test_nll_large_logits(nll):
    """Confident predictions: about 0 when right, about |z| per example when wrong, never inf or nan."""
    import numpy as np
    z = np.array([800.0, -800.0])
    for y, target, kind in [([1, 0], 0.0, 'right'), ([0, 1], 800.0, 'wrong')]:
        try:
            with np.errstate(over='raise', invalid='raise', divide='raise'):
                out = float(nll(z, np.array(y)))
        except FloatingPointError as e:
            raise AssertionError(f'nll(z=[800, -800], y={y}) triggered a numpy floating-point error ({e}); work with log(1 + e^t) via np.logaddexp instead of the log of a sigmoid') from None
        assert np.isfinite(out), f'nll(z=[800, -800], y={y}) returned {out}; expected a finite number (both predictions are confidently {kind})'
        assert abs(out - target) < 1e-09, f'nll(z=[800, -800], y={y}) returned {out:.6g}, but confidently {kind} predictions should cost ' + ('about 0' if kind == 'right' else 'about |z| each')

