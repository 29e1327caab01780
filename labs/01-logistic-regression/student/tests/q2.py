from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_nll_at_zero_logits(nll):
    """With every logit 0 every prediction is 1/2."""
    import numpy as np
    out = nll(np.zeros(4), np.array([0, 1, 0, 1]))
    assert out is not None, 'nll returned None: replace the ... with code that returns the result'
    assert np.ndim(out) == 0, f'nll should return a single number, got shape {np.shape(out)}'
    assert abs(float(out) - np.log(2)) < 1e-12, 'with all logits 0 every example has probability 1/2 of its label: the loss is wrong'

@test_case(points=None, hidden=False)
def test_nll_large_logits(nll):
    """Confident predictions, right and wrong: finite, no floating-point warning, the right size."""
    import numpy as np
    z = np.array([800.0, -800.0])
    for y, target, kind in [([1, 0], 0.0, 'right'), ([0, 1], 800.0, 'wrong')]:
        try:
            with np.errstate(over='raise', invalid='raise', divide='raise'):
                out = float(nll(z, np.array(y)))
        except FloatingPointError as e:
            raise AssertionError(f'nll(z=[800, -800], y={y}) triggered a numpy floating-point error ({e}): your formula passes through a number that is out of range') from None
        assert np.isfinite(out), f'nll(z=[800, -800], y={y}) is not finite, although both predictions are merely confidently {kind}: the loss must not go through a probability that rounds to 0 or 1'
        assert abs(out - target) < 1e-09, f'nll(z=[800, -800], y={y}) is off: confidently {kind} predictions should cost ' + ('almost nothing' if kind == 'right' else 'about |z| nats each')

