"""Forward-mode automatic differentiation with dual numbers.

A dual number ``a + b eps`` with ``eps^2 = 0`` carries a value ``a`` and a tangent
``b``. Evaluating ``f`` on ``x + v eps`` gives ``f(x) + (J_f(x) v) eps``: the value
and the directional derivative along ``v``, in one pass. A full gradient of a
function of ``n`` inputs therefore needs ``n`` passes, one per basis direction
(:func:`gradient`). Values and tangents may be NumPy arrays of the same shape.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


class Dual:
    """``value + tangent * eps`` with ``eps^2 = 0``.

    Examples
    --------
    >>> x = Dual(3.0, 1.0)                  # seed dx/dx = 1
    >>> y = x * x + 2 * x                   # y = x^2 + 2x
    >>> float(y.value), float(y.tangent)    # y(3), y'(3) = 2*3 + 2
    (15.0, 8.0)
    """

    __array_ufunc__ = None  # ndarray * Dual defers to Dual.__rmul__

    def __init__(self, value, tangent=0.0):
        self.value = np.asarray(value, dtype=np.float64)
        self.tangent = np.asarray(tangent, dtype=np.float64)

    def __repr__(self) -> str:
        return f"Dual({self.value!r}, {self.tangent!r})"

    def __add__(self, other) -> Dual:
        other = lift(other)
        return Dual(self.value + other.value, self.tangent + other.tangent)

    def __sub__(self, other) -> Dual:
        other = lift(other)
        return Dual(self.value - other.value, self.tangent - other.tangent)

    def __mul__(self, other) -> Dual:
        if not isinstance(other, Dual):  # a constant: no tangent arithmetic to waste
            c = np.asarray(other, dtype=np.float64)
            return Dual(self.value * c, self.tangent * c)
        # (a + b eps)(c + d eps) = ac + (ad + bc) eps + bd eps^2
        return Dual(self.value * other.value,
                    self.value * other.tangent + self.tangent * other.value)

    def __truediv__(self, other) -> Dual:
        other = lift(other)
        return Dual(self.value / other.value,
                    (self.tangent * other.value - self.value * other.tangent) / other.value**2)

    def __neg__(self) -> Dual:
        return Dual(-self.value, -self.tangent)

    def __pow__(self, p: float) -> Dual:
        p = float(p)
        return Dual(self.value**p, p * self.value ** (p - 1) * self.tangent)

    def __radd__(self, other) -> Dual:
        return lift(other) + self

    def __rsub__(self, other) -> Dual:
        return lift(other) - self

    def __rmul__(self, other) -> Dual:
        return self * other

    def __rtruediv__(self, other) -> Dual:
        return lift(other) / self

    def __matmul__(self, other) -> Dual:
        if not isinstance(other, Dual):
            c = np.asarray(other, dtype=np.float64)
            return Dual(self.value @ c, self.tangent @ c)
        return Dual(self.value @ other.value,  # bilinear, like the product
                    self.value @ other.tangent + self.tangent @ other.value)

    def __rmatmul__(self, other) -> Dual:
        c = np.asarray(other, dtype=np.float64)  # a constant matrix times a dual vector
        return Dual(c @ self.value, c @ self.tangent)

    def __getitem__(self, index) -> Dual:
        return Dual(self.value[index], self.tangent[index])

    def sum(self, axis: int | None = None) -> Dual:
        return Dual(self.value.sum(axis=axis), self.tangent.sum(axis=axis))


def lift(x) -> Dual:
    """``x`` itself if it is a Dual, else a constant (tangent 0)."""
    return x if isinstance(x, Dual) else Dual(x, np.zeros_like(np.asarray(x, np.float64)))


def _unary(name: str, f: Callable, df: Callable) -> Callable[[Dual], Dual]:
    """Lift f with derivative df: f(a + b eps) = f(a) + f'(a) b eps."""
    def op(x):
        x = lift(x)
        return Dual(f(x.value), df(x.value) * x.tangent)
    op.__name__, op.__doc__ = name, f"{name} of a dual number (chain rule on the tangent)."
    return op


exp = _unary("exp", np.exp, np.exp)
log = _unary("log", np.log, lambda a: 1.0 / a)
sin = _unary("sin", np.sin, np.cos)
cos = _unary("cos", np.cos, lambda a: -np.sin(a))
tanh = _unary("tanh", np.tanh, lambda a: 1.0 - np.tanh(a) ** 2)


def _sigmoid(a: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(a))                      # in (0, 1]: never overflows
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


sigmoid = _unary("sigmoid", _sigmoid, lambda a: _sigmoid(a) * (1.0 - _sigmoid(a)))
relu = _unary("relu", lambda a: np.maximum(a, 0.0), lambda a: (a > 0).astype(np.float64))


def derivative(f: Callable[[Dual], Dual], x, direction) -> tuple[np.ndarray, np.ndarray]:
    """Value ``f(x)`` and directional derivative ``J_f(x) @ direction``: one forward pass.

    Examples
    --------
    >>> v, d = derivative(lambda z: sin(z) * z, 0.0, 1.0)   # (sin z * z)' = 0 at 0
    >>> float(v), float(d)
    (0.0, 0.0)
    """
    out = f(Dual(x, direction))
    return out.value, out.tangent


def gradient(f: Callable[[Dual], Dual], x: np.ndarray) -> tuple[float, np.ndarray]:
    """Gradient of a scalar ``f`` at ``x`` by ``x.size`` forward passes, one per input.

    Examples
    --------
    >>> v, g = gradient(lambda z: (z * z).sum(), np.array([1.0, -2.0]))
    >>> float(v), g.tolist()
    (5.0, [2.0, -4.0])
    """
    x = np.asarray(x, dtype=np.float64)
    grad = np.zeros_like(x)
    value = None
    for i in range(x.size):
        e = np.zeros_like(x)
        e.flat[i] = 1.0                          # basis direction e_i
        value, grad.flat[i] = derivative(f, x, e)
    return float(value), grad
