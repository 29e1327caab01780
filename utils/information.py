"""Entropy, cross-entropy, KL divergence and mutual information, in nats or bits.

Every function takes NumPy array-likes. ``base=None`` means natural logarithms
(nats), ``base=2`` bits, exactly as in :func:`scipy.stats.entropy`. Zero
probabilities are safe (``0 log 0 = 0``) and produce no floating-point warning;
a divergence that is infinite (``q = 0`` where ``p > 0``) returns ``inf``.

Inputs that are not distributions (negative or nan entries, entries that do not
sum to one, mismatched shapes) raise a ``ValueError`` that names the argument.
Unnormalised input is rejected, never silently normalised.
"""

from __future__ import annotations

import numpy as np
from scipy.special import entr, rel_entr, xlogy

SUM_TOL = 1e-8  # how far from 1 the entries of a distribution may sum (float rounding)


# --- validation at the boundary ------------------------------------------------------------

def _log_base(base: float | None) -> float:
    """The divisor that turns nats into units of ``base`` (1 for nats)."""
    if base is None:
        return 1.0
    if not np.isscalar(base) or not np.isfinite(base) or base <= 0 or base == 1:
        raise ValueError(f"base must be a positive number other than 1 (or None for nats), "
                         f"got {base!r}")
    return float(np.log(base))


def _as_distribution(p, name: str, axis: int | tuple[int, ...] = -1) -> np.ndarray:
    """Check that ``p`` holds probability distributions along ``axis``; return it as float64."""
    arr = np.asarray(p)
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_):
        raise ValueError(f"{name} must be numeric, got dtype {arr.dtype}")
    arr = arr.astype(np.float64)
    if arr.ndim == 0 or arr.size == 0:
        raise ValueError(f"{name} must be a non-empty array of probabilities, got shape "
                         f"{arr.shape}")
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains nan")
    if np.isinf(arr).any():
        raise ValueError(f"{name} contains inf; probabilities must be finite")
    if (arr < 0).any():
        raise ValueError(f"{name} has negative entries (smallest {arr.min():.3g}); "
                         f"probabilities must be >= 0")
    sums = arr.sum(axis=axis)
    worst = float(np.max(np.abs(sums - 1.0)))
    if worst > SUM_TOL:
        raise ValueError(f"{name} must sum to 1 along axis {axis}, but a sum is off by "
                         f"{worst:.3g} (tolerance {SUM_TOL:g}); normalise it yourself "
                         f"if that is what you mean")
    return arr


def _as_pair(p, q, axis: int) -> tuple[np.ndarray, np.ndarray]:
    p_arr, q_arr = np.asarray(p), np.asarray(q)
    try:
        shape = np.broadcast_shapes(p_arr.shape, q_arr.shape)
    except ValueError:
        raise ValueError(f"p and q must have the same (or broadcastable) shapes, got "
                         f"p {p_arr.shape} and q {q_arr.shape}") from None
    p_arr = _as_distribution(np.broadcast_to(p_arr, shape), "p", axis)
    q_arr = _as_distribution(np.broadcast_to(q_arr, shape), "q", axis)
    return p_arr, q_arr


# --- discrete distributions ----------------------------------------------------------------

def entropy(p, base: float | None = None, axis: int = -1) -> np.ndarray | float:
    """Shannon entropy ``H(p) = -sum_i p_i log p_i`` along ``axis`` (``0 log 0 = 0``).

    Examples
    --------
    >>> float(entropy([0.5, 0.25, 0.25], base=2))
    1.5
    """
    p = _as_distribution(p, "p", axis)
    return _scalar(entr(p).sum(axis=axis) / _log_base(base))


def binary_entropy(p, base: float | None = None) -> np.ndarray | float:
    """Entropy of a Bernoulli(p) variable, ``-p log p - (1-p) log(1-p)``, elementwise in ``p``.

    Examples
    --------
    >>> float(binary_entropy(0.5, base=2))
    1.0
    """
    arr = np.asarray(p, dtype=np.float64)
    if np.isnan(arr).any() or (arr < 0).any() or (arr > 1).any():
        raise ValueError("p must hold probabilities in [0, 1] (no nan)")
    return _scalar((entr(arr) + entr(1.0 - arr)) / _log_base(base))


def cross_entropy(p, q, base: float | None = None, axis: int = -1) -> np.ndarray | float:
    """Cross-entropy ``H(p, q) = -sum_i p_i log q_i``; ``inf`` if some ``q_i = 0 < p_i``.

    It is the expected code length (in units of ``base``) when data from ``p`` is
    coded with ideal code lengths ``-log q_i`` built for ``q``.

    Examples
    --------
    >>> float(cross_entropy([0.5, 0.5], [0.25, 0.75], base=2)) > 1.0
    True
    """
    p, q = _as_pair(p, q, axis)
    return _scalar(-xlogy(p, q).sum(axis=axis) / _log_base(base))


def kl_divergence(p, q, base: float | None = None, axis: int = -1) -> np.ndarray | float:
    """Kullback-Leibler divergence ``KL(p || q) = sum_i p_i log(p_i / q_i)``.

    Terms with ``p_i = 0`` are 0; the result is ``inf`` if some ``q_i = 0 < p_i``.
    It equals ``cross_entropy(p, q) - entropy(p)`` but is computed term by term, so
    it is exactly 0 when ``p == q`` (rounding can leave values of order 1e-16,
    of either sign, when p and q are merely close).

    Examples
    --------
    >>> float(kl_divergence([0.5, 0.5], [0.5, 0.5]))
    0.0
    """
    p, q = _as_pair(p, q, axis)
    return _scalar(rel_entr(p, q).sum(axis=axis) / _log_base(base))


# --- joint tables pxy[..., x, y] ----------------------------------------------------------

def _as_joint(pxy) -> np.ndarray:
    arr = np.asarray(pxy)
    if arr.ndim < 2:
        raise ValueError(f"pxy must be a joint table pxy[x, y] with at least 2 dimensions, "
                         f"got shape {arr.shape}")
    return _as_distribution(arr, "pxy", axis=(-2, -1))


def joint_entropy(pxy, base: float | None = None) -> np.ndarray | float:
    """``H(X, Y)`` of a joint table ``pxy[x, y]`` (leading axes, if any, are a batch).

    Examples
    --------
    >>> float(joint_entropy([[0.25, 0.25], [0.25, 0.25]], base=2))
    2.0
    """
    pxy = _as_joint(pxy)
    return _scalar(entr(pxy).sum(axis=(-2, -1)) / _log_base(base))


def conditional_entropy(pxy, base: float | None = None) -> np.ndarray | float:
    """``H(Y | X) = -sum_{x,y} p(x, y) log p(y | x)`` for a joint table ``pxy[x, y]``.

    Examples
    --------
    >>> float(conditional_entropy([[0.5, 0.0], [0.0, 0.5]]))  # Y is a copy of X
    0.0
    """
    pxy = _as_joint(pxy)
    px = pxy.sum(axis=-1, keepdims=True)  # (..., nx, 1); px >= pxy entrywise, so each term >= 0
    return _scalar(-rel_entr(pxy, px).sum(axis=(-2, -1)) / _log_base(base))


def mutual_information(pxy, base: float | None = None) -> np.ndarray | float:
    """``I(X; Y) = KL(p(x, y) || p(x) p(y))`` for a joint table ``pxy[x, y]``.

    Equal to ``H(Y) - H(Y | X)``; computed as the divergence, term by term, and
    clipped at 0 (rounding can leave about -1e-17 for independent variables).

    Examples
    --------
    >>> float(mutual_information([[0.5, 0.0], [0.0, 0.5]], base=2))
    1.0
    """
    pxy = _as_joint(pxy)
    px = pxy.sum(axis=-1, keepdims=True)  # (..., nx, 1)
    py = pxy.sum(axis=-2, keepdims=True)  # (..., 1, ny)
    mi = rel_entr(pxy, px * py).sum(axis=(-2, -1))
    return _scalar(np.maximum(mi, 0.0) / _log_base(base))


# --- Gaussians -----------------------------------------------------------------------------

def _as_cov(cov, name: str) -> np.ndarray:
    """A positive variance (0-d) or a symmetric positive-definite (d, d) matrix."""
    arr = np.asarray(cov, dtype=np.float64)
    if not np.isfinite(arr).all():
        raise ValueError(f"{name} must be finite (no nan or inf)")
    if arr.ndim == 0:
        if arr <= 0:
            raise ValueError(f"{name} is a variance and must be > 0, got {float(arr):g}")
        return arr
    if arr.ndim != 2 or arr.shape[0] != arr.shape[1]:
        raise ValueError(f"{name} must be a scalar variance or a square (d, d) covariance "
                         f"matrix, got shape {arr.shape} (for a diagonal covariance use "
                         f"np.diag)")
    if not np.allclose(arr, arr.T, rtol=1e-10, atol=1e-12):
        raise ValueError(f"{name} must be symmetric")
    try:
        np.linalg.cholesky(arr)
    except np.linalg.LinAlgError:
        raise ValueError(f"{name} must be positive definite") from None
    return arr


def _logdet(cov: np.ndarray) -> float:
    if cov.ndim == 0:
        return float(np.log(cov))
    return float(2.0 * np.log(np.diag(np.linalg.cholesky(cov))).sum())


def gaussian_entropy(cov, base: float | None = None) -> float:
    """Differential entropy ``(1/2) log det(2 pi e cov)`` of a normal distribution.

    ``cov`` is a variance (scalar, not a standard deviation) or a (d, d) covariance.

    Examples
    --------
    >>> round(gaussian_entropy(1.0), 4)  # 0.5 log(2 pi e)
    1.4189
    """
    cov = _as_cov(cov, "cov")
    d = 1 if cov.ndim == 0 else cov.shape[0]
    return float(0.5 * (d * np.log(2 * np.pi * np.e) + _logdet(cov))) / _log_base(base)


def gaussian_kl(mean_p, cov_p, mean_q, cov_q, base: float | None = None) -> float:
    """``KL(N(mean_p, cov_p) || N(mean_q, cov_q))``, univariate or multivariate.

    ``(1/2) [tr(S_q^-1 S_p) + (m_q - m_p)^T S_q^-1 (m_q - m_p) - d + log det S_q - log det S_p]``.
    Univariate: scalar means and variances. Multivariate: means of shape (d,) and
    covariances of shape (d, d).

    Examples
    --------
    >>> round(gaussian_kl(0.0, 1.0, 1.0, 1.0), 4)  # (m_p - m_q)^2 / 2
    0.5
    """
    cov_p, cov_q = _as_cov(cov_p, "cov_p"), _as_cov(cov_q, "cov_q")
    m_p, m_q = np.asarray(mean_p, dtype=np.float64), np.asarray(mean_q, dtype=np.float64)
    for name, m in (("mean_p", m_p), ("mean_q", m_q)):
        if not np.isfinite(m).all():
            raise ValueError(f"{name} must be finite (no nan or inf)")
    d = 1 if cov_p.ndim == 0 else cov_p.shape[0]
    want = () if cov_p.ndim == 0 else (d,)
    for name, arr, shape in (("mean_p", m_p, want), ("mean_q", m_q, want),
                             ("cov_q", cov_q, cov_p.shape)):
        if arr.shape != shape:
            raise ValueError(f"{name} must have shape {shape} to match cov_p {cov_p.shape}, "
                             f"got {arr.shape}")
    diff = np.atleast_1d(m_q - m_p)
    S_p, S_q = np.atleast_2d(cov_p), np.atleast_2d(cov_q)
    trace = np.trace(np.linalg.solve(S_q, S_p))
    maha = diff @ np.linalg.solve(S_q, diff)
    kl = 0.5 * (trace + maha - d + _logdet(cov_q) - _logdet(cov_p))
    return float(kl) / _log_base(base)


def _scalar(x: np.ndarray) -> np.ndarray | float:
    """Return a Python float for 0-d results, the array otherwise (and -0.0 as 0.0)."""
    x = np.asarray(x) + 0.0
    return float(x) if x.ndim == 0 else x
