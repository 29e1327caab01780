from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_kl_by_hand(diag_gaussian_kl):
    """One-dimensional cases worked out by hand, and their sum over two dimensions."""
    import math
    import torch

    def t(*v):
        return torch.tensor([list(v)], dtype=torch.float64)
    out = diag_gaussian_kl(t(0.0), t(0.0), t(0.0), t(0.0))
    assert out is not None and tuple(out.shape) == (1,), f'for arguments of shape (1, 1) the result should have shape (1,), got {(None if out is None else tuple(out.shape))}'
    assert math.isfinite(float(out[0])), f'got {float(out[0])} for two standard normals (log-variances 0): a log-variance can be 0 or negative, the variance is exp(logvar)'
    assert abs(float(out[0])) < 1e-12, f'KL of a distribution from itself must be 0, got {float(out[0]):.3g}'
    cases = [((1.0, 0.0, 0.0, 0.0), 0.5, 'q = N(1, 1) from p = N(0, 1): the means differ by one standard deviation'), ((0.0, math.log(4.0), 0.0, 0.0), 0.5 * (3.0 - math.log(4.0)), 'q = N(0, 4) from p = N(0, 1)'), ((0.0, 0.0, 0.0, math.log(4.0)), 0.5 * (math.log(4.0) + 0.25 - 1.0), 'q = N(0, 1) from p = N(0, 4)'), ((3.0, 0.0, 1.0, math.log(4.0)), 0.5 * (math.log(4.0) + 0.25 + 1.0 - 1.0), 'q = N(3, 1) from p = N(1, 4)')]
    for (mq, lq, mp, lp), want, what in cases:
        got = float(diag_gaussian_kl(t(mq), t(lq), t(mp), t(lp))[0])
        if abs(got - want) > 1e-10:
            raise AssertionError(f'{what}: expected {want:.6f} nats, got {got:.6f}. Check the sign of each term, the factor 1/2, and that log-variances are logarithms (the variance is exp(logvar)); note KL(q || p) is not KL(p || q)')
    both = float(diag_gaussian_kl(t(1.0, 0.0), t(0.0, math.log(4.0)), t(0.0, 0.0), t(0.0, 0.0))[0])
    assert abs(both - (0.5 + 0.5 * (3.0 - math.log(4.0)))) < 1e-10, "each dimension is right alone, but a diagonal Gaussian's divergence is the sum over dimensions (not the mean)"

@test_case(points=None, hidden=False)
def test_kl_shapes_and_self_divergence(diag_gaussian_kl):
    """A batch of (4, 3) distributions of 5 dimensions: shape (4, 3), zero from themselves, positive otherwise."""
    import torch
    g = torch.Generator().manual_seed(601)
    mu, lv = (torch.randn(4, 3, 5, generator=g, dtype=torch.float64), torch.randn(4, 3, 5, generator=g, dtype=torch.float64))
    out = diag_gaussian_kl(mu, lv, mu, lv)
    assert tuple(out.shape) == (4, 3), f'for arguments of shape (4, 3, 5) the result should have shape (4, 3), got {tuple(out.shape)}'
    assert float(out.abs().max()) < 1e-12, 'the divergence of every distribution from itself must be 0'
    other = diag_gaussian_kl(mu, lv, torch.zeros_like(mu), torch.zeros_like(lv))
    assert bool((other > 0).all()), 'a KL divergence between different distributions is positive'

