"""Numerical checks the book runs in the open: closeness reports and gradient checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Closeness:
    """What :func:`assert_close` compared and how close it came."""

    name: str
    max_abs_err: float
    max_rel_err: float
    rtol: float
    atol: float

    def __str__(self) -> str:
        return (f"{self.name}: max abs err {self.max_abs_err:.1e}, max rel err "
                f"{self.max_rel_err:.1e} (rtol {self.rtol:.0e}, atol {self.atol:.0e})")


def _as_array(x, name: str) -> np.ndarray:
    if hasattr(x, "detach"):  # a torch tensor
        x = x.detach().cpu().numpy()
    arr = np.asarray(x)
    if not (np.issubdtype(arr.dtype, np.number) or arr.dtype == np.bool_):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}")
    return arr.astype(np.float64)


def assert_close(actual, expected, rtol: float = 1e-7, atol: float = 0.0,
                 name: str = "value", verbose: bool = True) -> Closeness:
    """Assert ``|actual - expected| <= atol + rtol * |expected|`` elementwise, and report.

    Like ``numpy.testing.assert_allclose`` but it also prints (``verbose``) and
    returns the largest absolute and relative errors, so a notebook shows how
    close two computations came, not only that they passed.

    Parameters
    ----------
    actual, expected : array_like or torch.Tensor
        Arrays of the same shape (scalars allowed).
    rtol, atol : float
        Relative and absolute tolerances (typical: 1e-7 for float64 algebra,
        1e-5 for float32 or finite differences).
    name : str
        What is compared, for the report.
    verbose : bool
        Print the report.

    Examples
    --------
    >>> r = assert_close([1.0, 2.0], [1.0, 2.0 + 1e-12], name="demo", verbose=False)
    >>> r.max_abs_err < 1e-11
    True
    """
    a, e = _as_array(actual, "actual"), _as_array(expected, "expected")
    if a.shape != e.shape:
        raise ValueError(f"{name}: actual has shape {a.shape}, expected has shape {e.shape}")
    if rtol < 0 or atol < 0:
        raise ValueError(f"rtol and atol must be >= 0, got rtol={rtol}, atol={atol}")
    if np.isnan(a).any() or np.isnan(e).any():
        raise AssertionError(f"{name}: NaN in {'actual' if np.isnan(a).any() else 'expected'}")
    diff = np.abs(a - e)
    rel = diff / np.maximum(np.abs(e), np.finfo(np.float64).tiny)
    report = Closeness(name, float(diff.max(initial=0.0)),
                       float(np.where(diff > 0, rel, 0.0).max(initial=0.0)), rtol, atol)
    bad = diff > atol + rtol * np.abs(e)
    if bad.any():
        idx = np.unravel_index(np.argmax(diff - (atol + rtol * np.abs(e))), a.shape)
        raise AssertionError(f"{report}: {int(bad.sum())} of {a.size} elements differ; worst at "
                             f"index {tuple(int(i) for i in idx)}: {a[idx]!r} vs {e[idx]!r}")
    if verbose:
        print(f"{report}  OK")
    return report


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray,
                       eps: float = 1e-6) -> np.ndarray:
    """Central finite differences ``(f(x + eps e_i) - f(x - eps e_i)) / 2 eps`` for each i.

    The error is O(eps^2) from truncation plus O(machine eps / eps) from
    rounding, so eps around 1e-6 (float64) balances the two. ``f`` must map a
    float64 array of ``x``'s shape to a scalar; ``x`` is not modified.

    Examples
    --------
    >>> g = numerical_gradient(lambda v: float((v ** 2).sum()), np.array([1.0, -2.0]))
    >>> np.allclose(g, [2.0, -4.0])
    True
    """
    x = np.array(x, dtype=np.float64)  # a copy: we perturb it in place
    if eps <= 0:
        raise ValueError(f"eps must be > 0, got {eps}")
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        f_plus = float(f(x))
        flat[i] = old - eps
        f_minus = float(f(x))
        flat[i] = old
        gflat[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def gradient_check(f: Callable[[np.ndarray], float], grad: Callable[[np.ndarray], np.ndarray],
                   x: np.ndarray, eps: float = 1e-6, rtol: float = 1e-5, atol: float = 1e-8,
                   name: str = "gradient", verbose: bool = True) -> Closeness:
    """Compare an analytic gradient ``grad(x)`` with :func:`numerical_gradient` of ``f``.

    Raises ``AssertionError`` (with the worst element) when they disagree.

    Examples
    --------
    >>> r = gradient_check(lambda v: float(np.sin(v).sum()), np.cos, np.array([0.3, 1.2]),
    ...                    verbose=False)
    >>> r.max_abs_err < 1e-8
    True
    """
    x = np.asarray(x, dtype=np.float64)
    analytic = np.asarray(grad(x), dtype=np.float64)
    if analytic.shape != x.shape:
        raise ValueError(f"grad(x) has shape {analytic.shape}, but x has shape {x.shape}")
    return assert_close(analytic, numerical_gradient(f, x, eps), rtol=rtol, atol=atol,
                        name=f"{name} vs finite differences", verbose=verbose)
