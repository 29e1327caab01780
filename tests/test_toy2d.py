"""The ring of Gaussians and its scores (utils.toy2d) against independent computations.

Mode statistics are checked on hand-built point sets whose answers are known by
construction; the MMD against a double loop over pairs and against the closed form for
two Gaussians with the same covariance; the sampler against the moments and component
frequencies it must have, and the log-density against scipy's multivariate normal.
"""

import doctest

import numpy as np
import pytest
import torch
from scipy import stats

from utils import toy2d


def test_doctests():
    result = doctest.testmod(toy2d, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_centres_on_the_unit_circle_at_equal_angles():
    c = toy2d.ring_centres()
    assert c.shape == (8, 2)
    np.testing.assert_allclose(np.linalg.norm(c, axis=1), 1.0, atol=1e-15)
    angles = np.mod(np.arctan2(c[:, 1], c[:, 0]), 2 * np.pi)
    np.testing.assert_allclose(angles, np.arange(8) * np.pi / 4, atol=1e-12)
    np.testing.assert_allclose(toy2d.ring_centres(4, 2.0), [[2, 0], [0, 2], [-2, 0], [0, -2]],
                               atol=1e-12)


def test_sampler_is_seeded_and_has_the_right_moments():
    a = toy2d.sample_ring(20000, std=0.05, seed=3)
    b = toy2d.sample_ring(20000, std=0.05, seed=3)
    c = toy2d.sample_ring(20000, std=0.05, seed=4)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    x, k = toy2d.sample_ring(40000, std=0.07, seed=0, return_labels=True)
    assert x.dtype == np.float64 and x.shape == (40000, 2) and k.shape == (40000,)
    # component frequencies: chi-square test against uniform (fixed seed, p well above 0.001)
    counts = np.bincount(k, minlength=8)
    assert stats.chisquare(counts).pvalue > 1e-3
    # residuals around the centres: mean 0, std 0.07 in each coordinate, uncorrelated
    r = x - toy2d.ring_centres()[k]
    np.testing.assert_allclose(r.mean(0), 0.0, atol=4 * 0.07 / np.sqrt(40000))
    np.testing.assert_allclose(r.std(0), 0.07, rtol=0.02)
    assert abs(np.corrcoef(r.T)[0, 1]) < 0.02
    # a generator can be passed instead of a seed
    g1, g2 = np.random.default_rng(9), np.random.default_rng(9)
    assert np.array_equal(toy2d.sample_ring(5, seed=g1), toy2d.sample_ring(5, seed=g2))
    # std = 0 puts every point on a centre
    z, kz = toy2d.sample_ring(10, std=0.0, seed=0, return_labels=True)
    np.testing.assert_array_equal(z, toy2d.ring_centres()[kz])


def test_log_density_matches_scipy_mixture_and_integrates_to_one():
    std = 0.1
    pts = np.random.default_rng(0).uniform(-1.5, 1.5, size=(50, 2))
    ref = np.log(sum(stats.multivariate_normal(c, std**2 * np.eye(2)).pdf(pts)
                     for c in toy2d.ring_centres()) / 8)
    np.testing.assert_allclose(toy2d.ring_log_density(pts, std), ref, rtol=1e-10, atol=1e-10)
    # Riemann sum on a fine grid
    g = np.linspace(-1.6, 1.6, 641)
    X, Y = np.meshgrid(g, g)
    p = np.exp(toy2d.ring_log_density(np.stack([X.ravel(), Y.ravel()], 1), std))
    assert abs(p.sum() * (g[1] - g[0]) ** 2 - 1) < 1e-6


def test_mode_stats_on_hand_built_sets():
    std = 0.05
    c = toy2d.ring_centres()
    # 3 modes hit: 10 points at centre 0, 5 at centre 3 (offset 2.9 std), 1 at centre 6;
    # plus 4 misses: the origin, and points 3.1 std from centres 1 and 2, and a NaN
    pts = np.concatenate([
        np.repeat(c[:1], 10, axis=0),
        c[3] + np.array([[2.9 * std, 0.0]] * 5),
        c[6:7],
        np.zeros((1, 2)),
        c[1:2] + np.array([[0.0, 3.1 * std]]),
        c[2:3] - np.array([[3.1 * std, 0.0]]),
        np.array([[np.nan, 0.0]]),
    ])
    n = len(pts)  # 20
    s = toy2d.mode_stats(pts, std, min_count=1)
    np.testing.assert_array_equal(s.counts, [10, 0, 0, 5, 0, 0, 1, 0])
    assert s.n_covered == 3 and s.min_count == 1 and s.n_samples == n
    assert s.frac_high_quality == pytest.approx(16 / 20, abs=1e-15)
    # thresholds: min_count 5 keeps two modes, 6 keeps one; min_fraction 0.25 -> 5 of 20
    assert toy2d.mode_stats(pts, std, min_count=5).n_covered == 2
    assert toy2d.mode_stats(pts, std, min_count=6).n_covered == 1
    s25 = toy2d.mode_stats(pts, std, min_fraction=0.25)
    assert s25.min_count == 5 and s25.n_covered == 2
    # the default 1 % of 20 samples rounds up to 1
    assert toy2d.mode_stats(pts, std).min_count == 1
    # a wider disc (4 std) catches the two 3.1-std points too
    s4 = toy2d.mode_stats(pts, std, n_sigma=4.0, min_count=1)
    np.testing.assert_array_equal(s4.counts, [10, 1, 1, 5, 0, 0, 1, 0])
    assert s4.frac_high_quality == pytest.approx(18 / 20, abs=1e-15)
    # torch tensors are accepted
    assert toy2d.mode_stats(torch.as_tensor(pts[:16]), std).n_covered == 3


def test_mode_stats_collapsed_and_perfect_samplers():
    std = 0.05
    x = toy2d.sample_ring(8000, std=std, seed=1)
    s = toy2d.mode_stats(x, std)
    # within 3 std in 2-D: P(chi2_2 <= 9) = 1 - exp(-4.5)
    expected = 1 - np.exp(-4.5)
    assert s.n_covered == 8
    assert abs(s.frac_high_quality - expected) < 4 * np.sqrt(expected * (1 - expected) / 8000)
    # samples from 2 components only: 2 modes covered
    xc, k = toy2d.sample_ring(8000, std=std, seed=2, return_labels=True)
    two = xc[k < 2]
    assert toy2d.mode_stats(two, std).n_covered == 2
    # a sampler spread uniformly on the circle covers all modes but few samples are good
    th = np.random.default_rng(0).uniform(0, 2 * np.pi, 8000)
    circ = np.stack([np.cos(th), np.sin(th)], 1)
    sc = toy2d.mode_stats(circ, std)
    assert sc.n_covered == 8
    # share of the circle within 0.15 of a centre: arc half-angle 2 asin(0.075) per mode
    share = 8 * 2 * 2 * np.arcsin(0.15 / 2) / (2 * np.pi)
    assert abs(sc.frac_high_quality - share) < 0.02


def mmd2_loop(x, y, h, unbiased):
    k = lambda a, b: np.exp(-np.sum((a - b) ** 2) / (2 * h * h))
    n, m = len(x), len(y)
    sxx = sum(k(x[i], x[j]) for i in range(n) for j in range(n) if not unbiased or i != j)
    syy = sum(k(y[i], y[j]) for i in range(m) for j in range(m) if not unbiased or i != j)
    sxy = sum(k(x[i], y[j]) for i in range(n) for j in range(m))
    if unbiased:
        return sxx / (n * (n - 1)) + syy / (m * (m - 1)) - 2 * sxy / (n * m)
    return sxx / n**2 + syy / m**2 - 2 * sxy / (n * m)


@pytest.mark.parametrize("unbiased", [False, True])
def test_mmd_matches_a_loop_over_pairs(unbiased):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(17, 2)), rng.normal(0.3, 1.2, size=(23, 2))
    for h in (0.1, 0.5, 2.0):
        assert toy2d.mmd2_rbf(x, y, h, unbiased=unbiased) == pytest.approx(
            mmd2_loop(x, y, h, unbiased), rel=1e-10, abs=1e-13)
    # symmetric in its arguments
    assert toy2d.mmd2_rbf(x, y, 0.5) == pytest.approx(toy2d.mmd2_rbf(y, x, 0.5), rel=1e-12)


def test_mmd_of_identical_and_permuted_sets():
    x = toy2d.sample_ring(500, seed=0)
    assert toy2d.mmd2_rbf(x, x) == 0.0
    perm = x[np.random.default_rng(1).permutation(len(x))]
    assert abs(toy2d.mmd2_rbf(x, perm)) < 1e-12
    assert toy2d.mmd2_rbf(torch.as_tensor(x), x) == 0.0
    # 1-D inputs are treated as (n, 1)
    assert toy2d.mmd2_rbf(x[:, 0], x[:, 0] + 1.0, 1.0) == pytest.approx(
        toy2d.mmd2_rbf(x[:, :1], x[:, :1] + 1.0, 1.0), rel=1e-12)


def test_mmd_of_shifted_gaussians_against_the_closed_form():
    # X ~ N(0, s^2 I), Y ~ N(delta, s^2 I) in d dims, kernel bandwidth h:
    # E k(X, X') = E k(Y, Y') = c = (h^2 / (h^2 + 2 s^2))^(d/2),
    # E k(X, Y) = c exp(-|delta|^2 / (2 (h^2 + 2 s^2))), so MMD^2 = 2 c (1 - exp(...))
    s, h, d = 0.5, 0.7, 2
    delta = np.array([0.6, -0.3])
    c = (h**2 / (h**2 + 2 * s**2)) ** (d / 2)
    exact = 2 * c * (1 - np.exp(-delta @ delta / (2 * (h**2 + 2 * s**2))))
    est = []
    for seed in range(5):
        rng = np.random.default_rng(seed)
        x = s * rng.standard_normal((1500, d))
        y = delta + s * rng.standard_normal((1500, d))
        est.append(toy2d.mmd2_rbf(x, y, h, unbiased=True))
    # the mean of five unbiased estimates sits within 5 % of the exact value
    assert np.mean(est) == pytest.approx(exact, rel=0.05)
    # and the same distribution gives an estimate near zero (unbiased: either sign)
    rng = np.random.default_rng(10)
    same = toy2d.mmd2_rbf(s * rng.standard_normal((1500, d)), s * rng.standard_normal((1500, d)),
                          h, unbiased=True)
    assert abs(same) < 0.05 * exact


def test_errors():
    with pytest.raises(ValueError):
        toy2d.sample_ring(10, std=-1)
    with pytest.raises(ValueError):
        toy2d.mode_stats(np.zeros((3, 3)))
    with pytest.raises(ValueError):
        toy2d.mode_stats(np.zeros((3, 2)), min_count=0)
    with pytest.raises(ValueError):
        toy2d.mmd2_rbf(np.zeros((3, 2)), np.zeros((3, 3)))
    with pytest.raises(ValueError):
        toy2d.mmd2_rbf(np.zeros((3, 2)), np.zeros((3, 2)), bandwidth=0)
    with pytest.raises(ValueError):
        toy2d.mmd2_rbf(np.zeros((1, 2)), np.zeros((3, 2)), unbiased=True)


def test_flow_log_prob_is_change_of_variables_and_sample_inverts_it():
    torch.manual_seed(0)
    flow = toy2d.CouplingFlow2d(n_layers=4, hidden=16)
    flow.net.double()
    x = torch.as_tensor(toy2d.sample_ring(6, seed=0))

    # log p(x) = log N(g(x); 0, I) + log|det dg/dx|, with g the latent map written out here
    # and its Jacobian from autograd
    def g(v):
        z = v[None]
        for k in range(len(flow.net)):
            a, b = (0, 1) if k % 2 == 0 else (1, 0)
            s, t = flow._st(k, z[:, a:a + 1])
            nb = z[:, b] * torch.exp(s) + t
            z = torch.stack([z[:, 0], nb] if a == 0 else [nb, z[:, 1]], dim=1)
        return z[0]

    for xi, lp in zip(x, flow.log_prob(x)):
        J = torch.autograd.functional.jacobian(g, xi)
        ref = (stats.multivariate_normal(np.zeros(2)).logpdf(g(xi).detach().numpy())
               + torch.linalg.slogdet(J).logabsdet.item())
        assert lp.item() == pytest.approx(ref, abs=1e-10)
    # sample() applies the inverse map: pushing samples back through g gives the base draws
    flow.net.float()
    z = torch.randn(50, 2, generator=torch.Generator().manual_seed(7))
    xs = flow.sample(50, seed=7)
    flow.net.double()
    back = torch.stack([g(v) for v in xs.double()])
    np.testing.assert_allclose(back.detach().numpy(), z.double().numpy(), atol=1e-4)


def test_flow_density_integrates_to_one_untrained():
    torch.manual_seed(1)
    flow = toy2d.CouplingFlow2d(n_layers=4, hidden=16)
    flow.net.double()
    g = np.linspace(-8, 8, 401)
    X, Y = np.meshgrid(g, g)
    with torch.no_grad():
        p = flow.log_prob(torch.as_tensor(np.stack([X.ravel(), Y.ravel()], 1))).exp().numpy()
    assert abs(p.sum() * (g[1] - g[0]) ** 2 - 1) < 1e-3


def test_flow_learns_the_ring():
    x = toy2d.sample_ring(4000, seed=0)
    flow, hist = toy2d.train_flow(x, n_layers=4, hidden=32, steps=300, batch_size=256, seed=0)
    assert len(hist["nll"]) == 300
    test = torch.as_tensor(toy2d.sample_ring(2000, seed=1), dtype=torch.float32)
    with torch.no_grad():
        nll = -flow.log_prob(test).mean().item()
    # the best single Gaussian costs about 2.1 nats per point; the flow must do far better
    assert nll < 1.0
    assert toy2d.mode_stats(flow.sample(2000, seed=0)).n_covered >= 6


def test_gan_learns_something_and_is_seeded():
    x = toy2d.sample_ring(4000, seed=0)
    gan, hist = toy2d.train_gan(x, steps=300, hidden=64, seed=0)
    gan2, _ = toy2d.train_gan(x, steps=300, hidden=64, seed=0)
    assert set(hist) == {"d_loss", "g_loss"} and len(hist["d_loss"]) == 300
    s1, s2 = gan.sample(500, seed=3), gan2.sample(500, seed=3)
    assert torch.equal(s1, s2)
    # generated points move from the origin region to the ring: mean radius near 1
    r = s1.norm(dim=1)
    assert 0.6 < r.mean().item() < 1.4
    # the discriminator's loss stays away from 0 (it has not won outright)
    assert np.mean(hist["d_loss"][-50:]) > 0.3
