"""utils.information against references that share no code with it.

utils.information computes entropies and divergences with scipy.special.entr and rel_entr;
scipy.stats.entropy is built on the same two functions, so it would check nothing. The
references here are the defining sums written out with np.log (zero-probability terms set to
0 by hand) and torch.distributions (Categorical, Bernoulli, Normal, MultivariateNormal).
"""

import numpy as np
import pytest
import torch
from scipy import stats
from torch.distributions import Bernoulli, Categorical, MultivariateNormal, Normal
from torch.distributions import kl_divergence as torch_kl

from utils.information import (binary_entropy, conditional_entropy, cross_entropy, entropy,
                               gaussian_entropy, gaussian_kl, joint_entropy, kl_divergence,
                               mutual_information)


def _plain_entropy(p, axis=-1):
    """-sum p log p in nats, written out; terms with p = 0 are 0."""
    p = np.asarray(p, dtype=float)
    logp = np.log(np.where(p > 0, p, 1.0))
    return -np.sum(p * logp, axis=axis)


def _plain_kl(p, q, axis=-1):
    """sum p log(p / q) in nats, written out; terms with p = 0 are 0 (q > 0 assumed)."""
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    logp = np.log(np.where(p > 0, p, 1.0))
    return np.sum(np.where(p > 0, p * (logp - np.log(q)), 0.0), axis=axis)


def _torch_categorical(p):
    return Categorical(probs=torch.tensor(np.asarray(p, dtype=float)))


def _random_dists(rng, shape, zeros=False):
    p = rng.random(shape)
    if zeros:
        p[p < 0.3] = 0.0
        p[..., 0] += 0.1  # keep every row non-empty
    return p / p.sum(axis=-1, keepdims=True)


@pytest.mark.parametrize("base", [None, 2, 10])
def test_entropy_matches_plain_sum_and_torch(base):
    rng = np.random.default_rng(0)
    p = _random_dists(rng, (20, 7), zeros=True)
    assert (p == 0).any()
    scale = 1.0 if base is None else np.log(base)
    np.testing.assert_allclose(entropy(p, base=base), _plain_entropy(p) / scale,
                               rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(entropy(p, base=base),
                               _torch_categorical(p).entropy().numpy() / scale,
                               rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(entropy(p.T, base=base, axis=0),
                               _plain_entropy(p.T, axis=0) / scale, rtol=1e-12)


def test_entropy_closed_forms_and_units():
    assert entropy(np.full(8, 1 / 8), base=2) == pytest.approx(3.0, abs=1e-14)
    assert entropy(np.full(8, 1 / 8)) == pytest.approx(np.log(8), abs=1e-14)
    assert entropy([0.5, 0.25, 0.25], base=2) == pytest.approx(1.5, abs=1e-14)
    # bits = nats / log 2
    p = [0.1, 0.2, 0.7]
    assert entropy(p, base=2) == pytest.approx(entropy(p) / np.log(2), rel=1e-14)
    # a point mass has no uncertainty, and zeros contribute 0 log 0 = 0
    assert entropy([0.0, 1.0, 0.0]) == 0.0
    assert isinstance(entropy(p), float)


def test_binary_entropy():
    ps = np.linspace(0, 1, 11)
    expected = _plain_entropy(np.stack([ps, 1 - ps], axis=-1)) / np.log(2)
    np.testing.assert_allclose(binary_entropy(ps, base=2), expected, rtol=1e-12, atol=1e-15)
    inner = ps[1:-1]  # torch's Bernoulli entropy, away from the end points
    np.testing.assert_allclose(binary_entropy(inner),
                               Bernoulli(probs=torch.tensor(inner)).entropy().numpy(), rtol=1e-12)
    assert binary_entropy(0.0) == 0.0 and binary_entropy(1.0) == 0.0
    with pytest.raises(ValueError, match="p"):
        binary_entropy(1.2)


@pytest.mark.parametrize("base", [None, 2])
def test_kl_and_cross_entropy_match_plain_sums_and_torch(base):
    rng = np.random.default_rng(1)
    p = _random_dists(rng, (30, 5), zeros=True)
    q = _random_dists(rng, (30, 5))
    assert (p == 0).any()
    scale = 1.0 if base is None else np.log(base)
    np.testing.assert_allclose(kl_divergence(p, q, base=base), _plain_kl(p, q) / scale,
                               rtol=1e-12)
    torch_value = torch_kl(_torch_categorical(p), _torch_categorical(q)).numpy()
    np.testing.assert_allclose(kl_divergence(p, q, base=base), torch_value / scale, rtol=1e-12)
    # H(p, q) = H(p) + KL(p || q)
    np.testing.assert_allclose(cross_entropy(p, q, base=base),
                               entropy(p, base=base) + kl_divergence(p, q, base=base),
                               rtol=1e-12)
    np.testing.assert_allclose(cross_entropy(p, q, base=base),
                               -(p * np.log(q)).sum(-1) / scale, rtol=1e-12)


def test_kl_infinite_where_torch_says_so():
    p = np.array([[0.5, 0.5, 0.0], [0.2, 0.3, 0.5]])
    q = np.array([[0.5, 0.0, 0.5], [0.2, 0.3, 0.5]])
    expected = torch_kl(_torch_categorical(p), _torch_categorical(q)).numpy()
    assert expected[0] == np.inf and expected[1] == pytest.approx(0.0, abs=1e-15)
    np.testing.assert_array_equal(kl_divergence(p, q), [np.inf, 0.0])


def test_kl_edge_cases():
    p = np.array([0.5, 0.5, 0.0])
    assert kl_divergence(p, p) == 0.0
    assert kl_divergence([0.2, 0.8], [0.2, 0.8], base=2) == 0.0
    # q = 0 where p > 0: infinite; p = 0 where q > 0: finite
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == np.inf
    assert kl_divergence([1.0, 0.0], [0.5, 0.5], base=2) == pytest.approx(1.0, abs=1e-14)
    # Gibbs: KL >= 0 on many random pairs
    rng = np.random.default_rng(2)
    assert (kl_divergence(_random_dists(rng, (500, 4)), _random_dists(rng, (500, 4))) > 0).all()


def test_kl_broadcasts_and_is_asymmetric():
    p = np.array([0.9, 0.1])
    Q = np.array([[0.5, 0.5], [0.1, 0.9]])
    np.testing.assert_allclose(kl_divergence(p, Q), [kl_divergence(p, q) for q in Q])
    assert kl_divergence(p, Q[0]) != pytest.approx(kl_divergence(Q[0], p))


def test_no_floating_point_warnings_at_zero():
    with np.errstate(all="raise"):
        entropy([0.0, 1.0])
        kl_divergence([0.0, 1.0], [1.0, 0.0])
        cross_entropy([0.0, 1.0], [1.0, 0.0])
        mutual_information([[0.5, 0.0], [0.0, 0.5]])


@pytest.mark.parametrize("bad, message", [
    ([0.5, 0.6], "sum to 1"),
    ([2.0, 3.0], "sum to 1"),
    ([-0.1, 1.1], "negative"),
    ([np.nan, 1.0], "nan"),
    ([np.inf, 0.0], "inf"),
    ([], "non-empty"),
    (0.5, "non-empty"),
    (["a", "b"], "numeric"),
])
def test_rejects_non_distributions_naming_the_argument(bad, message):
    with pytest.raises(ValueError, match=rf"^p\b.*{message}"):
        entropy(bad)
    if np.size(bad) == 2:  # the second argument is checked the same way, and named
        with pytest.raises(ValueError, match=rf"^q\b.*{message}"):
            kl_divergence([0.5, 0.5], bad)


def test_unnormalised_input_is_not_silently_normalised():
    with pytest.raises(ValueError, match="^p .*sum to 1"):
        kl_divergence([1.0, 1.0], [0.5, 0.5])
    with pytest.raises(ValueError, match="^q .*sum to 1"):
        cross_entropy([0.5, 0.5], [1.0, 1.0])


def test_shape_mismatch_and_bad_base():
    with pytest.raises(ValueError, match="p and q"):
        kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5])
    for base in (0, 1, -2, np.nan):
        with pytest.raises(ValueError, match="base"):
            entropy([0.5, 0.5], base=base)


def _random_joint(rng, nx, ny):
    pxy = rng.random((nx, ny)) ** 3
    return pxy / pxy.sum()


def test_joint_conditional_and_mutual_information_identities():
    rng = np.random.default_rng(3)
    for _ in range(20):
        pxy = _random_joint(rng, 3, 4)
        px, py = pxy.sum(1), pxy.sum(0)
        h_xy = _plain_entropy(pxy.ravel())
        assert joint_entropy(pxy) == pytest.approx(h_xy, rel=1e-12)
        assert joint_entropy(pxy) == pytest.approx(
            _torch_categorical(pxy.ravel()).entropy().item(), rel=1e-12)
        # H(Y|X) = H(X,Y) - H(X), and directly as an average of row entropies (torch)
        rows = _torch_categorical(pxy / px[:, None]).entropy().numpy()
        h_y_given_x = float(px @ rows)
        assert conditional_entropy(pxy) == pytest.approx(h_xy - _plain_entropy(px), rel=1e-10)
        assert conditional_entropy(pxy) == pytest.approx(h_y_given_x, rel=1e-10)
        # I = H(Y) - H(Y|X) = H(X) + H(Y) - H(X,Y) = KL(pxy || px py), symmetric in X, Y
        mi = mutual_information(pxy, base=2)
        assert mi == pytest.approx((_plain_entropy(py) - h_y_given_x) / np.log(2), rel=1e-9)
        mi_torch = torch_kl(_torch_categorical(pxy.ravel()),
                            _torch_categorical(np.outer(px, py).ravel())).item()
        assert mi == pytest.approx(mi_torch / np.log(2), rel=1e-12)
        assert mi == pytest.approx(mutual_information(pxy.T, base=2), rel=1e-12)


def test_mutual_information_edge_cases_and_batches():
    assert mutual_information(np.outer([0.3, 0.7], [0.1, 0.5, 0.4])) == pytest.approx(0, abs=1e-15)
    assert mutual_information(np.outer([0.3, 0.7], [0.1, 0.5, 0.4])) >= 0.0
    assert mutual_information(np.eye(4) / 4, base=2) == pytest.approx(2.0, abs=1e-14)
    assert conditional_entropy(np.eye(4) / 4) == 0.0
    batch = np.stack([np.eye(2) / 2, np.full((2, 2), 0.25)])
    np.testing.assert_allclose(mutual_information(batch, base=2), [1.0, 0.0], atol=1e-15)
    with pytest.raises(ValueError, match="^pxy.*2 dimensions"):
        mutual_information([0.5, 0.5])
    with pytest.raises(ValueError, match="^pxy.*sum to 1"):
        joint_entropy(np.ones((2, 2)))


def test_gaussian_entropy_matches_scipy_and_torch():
    rng = np.random.default_rng(4)
    assert gaussian_entropy(2.5) == pytest.approx(stats.norm(scale=np.sqrt(2.5)).entropy(),
                                                  rel=1e-12)
    assert gaussian_entropy(2.5) == pytest.approx(
        Normal(0.0, torch.tensor(np.sqrt(2.5))).entropy().item(), rel=1e-12)
    for d in (1, 2, 5):
        A = rng.standard_normal((d, d))
        cov = A @ A.T + 0.5 * np.eye(d)
        expected = stats.multivariate_normal(np.zeros(d), cov).entropy()
        assert gaussian_entropy(cov) == pytest.approx(expected, rel=1e-12)
        mvn = MultivariateNormal(torch.zeros(d, dtype=torch.float64), torch.tensor(cov))
        assert gaussian_entropy(cov) == pytest.approx(mvn.entropy().item(), rel=1e-12)
        assert gaussian_entropy(cov, base=2) == pytest.approx(expected / np.log(2), rel=1e-12)


def test_gaussian_kl_closed_form_and_monte_carlo():
    # univariate closed form
    mp, vp, mq, vq = 0.3, 0.5, -1.0, 2.0
    closed = 0.5 * np.log(vq / vp) + (vp + (mp - mq) ** 2) / (2 * vq) - 0.5
    assert gaussian_kl(mp, vp, mq, vq) == pytest.approx(closed, rel=1e-12)

    def normal(mean, var):
        return Normal(torch.tensor(mean, dtype=torch.float64),
                      torch.tensor(np.sqrt(var), dtype=torch.float64))

    assert gaussian_kl(mp, vp, mq, vq) == pytest.approx(
        torch_kl(normal(mp, vp), normal(mq, vq)).item(), rel=1e-12)
    assert gaussian_kl(mp, vp, mp, vp) == 0.0
    # multivariate vs a Monte Carlo average of log p(x) - log q(x), x ~ p
    rng = np.random.default_rng(5)
    d = 3
    A, B = rng.standard_normal((d, d)), rng.standard_normal((d, d))
    cov_p, cov_q = A @ A.T + np.eye(d), B @ B.T + np.eye(d)
    m_p, m_q = rng.standard_normal(d), rng.standard_normal(d)
    P, Q = stats.multivariate_normal(m_p, cov_p), stats.multivariate_normal(m_q, cov_q)
    x = P.rvs(size=200_000, random_state=rng)
    log_ratio = P.logpdf(x) - Q.logpdf(x)
    se = log_ratio.std() / np.sqrt(len(x))
    kl = gaussian_kl(m_p, cov_p, m_q, cov_q)
    assert abs(kl - log_ratio.mean()) < 4 * se
    mvn_p = MultivariateNormal(torch.tensor(m_p), torch.tensor(cov_p))
    mvn_q = MultivariateNormal(torch.tensor(m_q), torch.tensor(cov_q))
    assert kl == pytest.approx(torch_kl(mvn_p, mvn_q).item(), rel=1e-10)
    # a 1-D covariance matrix agrees with the scalar form
    assert gaussian_kl([mp], [[vp]], [mq], [[vq]]) == pytest.approx(closed, rel=1e-12)
    assert gaussian_kl(mp, vp, mq, vq, base=2) == pytest.approx(closed / np.log(2), rel=1e-12)


def test_gaussian_input_validation():
    with pytest.raises(ValueError, match="^cov .*> 0"):
        gaussian_entropy(-1.0)
    with pytest.raises(ValueError, match="^cov .*positive definite"):
        gaussian_entropy([[1.0, 2.0], [2.0, 1.0]])
    with pytest.raises(ValueError, match="^cov .*symmetric"):
        gaussian_entropy([[1.0, 0.5], [0.0, 1.0]])
    with pytest.raises(ValueError, match="^cov .*square"):
        gaussian_entropy([1.0, 2.0])
    with pytest.raises(ValueError, match="^cov_q"):
        gaussian_kl(0.0, 1.0, 0.0, np.nan)
    with pytest.raises(ValueError, match="^mean_q .*shape"):
        gaussian_kl(np.zeros(2), np.eye(2), np.zeros(3), np.eye(2))
    with pytest.raises(ValueError, match="^cov_q .*shape"):
        gaussian_kl(np.zeros(2), np.eye(2), np.zeros(2), np.eye(3))

