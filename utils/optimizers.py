"""First-order optimizers on NumPy arrays: SGD, momentum, Nesterov, RMSProp, Adam.

Each optimizer follows ``torch.optim``'s update rule and defaults, so that, given
the same initial parameters and the same gradients, it produces the same
parameter trajectory (``tests/test_optimizers.py`` checks this in float64).

All share one interface:

* ``opt = Optimizer(params, lr=..., **hyperparameters)`` where ``params`` is a
  list of float NumPy arrays; the optimizer keeps references to them;
* ``opt.step(grads)`` takes one gradient array per parameter (same shapes) and
  updates the parameters **in place**; the state (velocities, running
  averages, step count) lives inside the optimizer;
* ``opt.lr`` may be changed between steps (a learning-rate schedule).

>>> x = np.array([1.0, -2.0])
>>> opt = SGD([x], lr=0.1)
>>> opt.step([2 * x])          # gradient of |x|^2
>>> x
array([ 0.8, -1.6])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


class Optimizer:
    """Base class: stores the parameters, checks gradients, counts steps.

    Parameters
    ----------
    params : list of np.ndarray
        Float arrays updated in place by :meth:`step`.
    lr : float
        Learning rate (step size), > 0.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float) -> None:
        params = list(params)
        if not params:
            raise ValueError("params must be a non-empty list of arrays")
        for i, p in enumerate(params):
            if not isinstance(p, np.ndarray) or not np.issubdtype(p.dtype, np.floating):
                raise TypeError(f"params[{i}] must be a float np.ndarray, got "
                                f"{type(p).__name__} {getattr(p, 'dtype', '')}")
        if not lr > 0:
            raise ValueError(f"lr must be > 0, got {lr}")
        self.params = params
        self.lr = float(lr)
        self.t = 0  # number of steps taken

    def _check(self, grads: Sequence[np.ndarray]) -> list[np.ndarray]:
        grads = [np.asarray(g) for g in grads]
        if len(grads) != len(self.params):
            raise ValueError(f"expected {len(self.params)} gradients, got {len(grads)}")
        for i, (p, g) in enumerate(zip(self.params, grads)):
            if g.shape != p.shape:
                raise ValueError(f"grads[{i}] has shape {g.shape}, params[{i}] has shape {p.shape}")
        return grads

    def step(self, grads: Sequence[np.ndarray]) -> None:
        """Update every parameter in place, given its gradient."""
        grads = self._check(grads)
        self.t += 1
        for i, (p, g) in enumerate(zip(self.params, grads)):
            self._update(i, p, g)

    def _update(self, i: int, p: np.ndarray, g: np.ndarray) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Plain (stochastic) gradient descent: ``p <- p - lr g``.

    Parameters
    ----------
    lr : float
        Step size; stable on a quadratic only below 2 / (largest Hessian
        eigenvalue). Typical range 1e-3 to 1.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float = 0.01) -> None:
        super().__init__(params, lr)

    def _update(self, i, p, g):
        p -= self.lr * g


class Momentum(Optimizer):
    """Heavy-ball momentum in torch's convention: ``v <- momentum v + g;  p <- p - lr v``.

    (Polyak's form ``v <- momentum v - lr g; p <- p + v`` gives the same path for a
    constant ``lr``.)

    Parameters
    ----------
    lr : float
        Step size. Typical range 1e-3 to 1; the effective step on a constant
        gradient is ``lr / (1 - momentum)``.
    momentum : float
        Momentum coefficient (often written beta or mu) in [0, 1); typical 0.9
        (0.5 to 0.99). ``momentum = 0`` is plain SGD.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float = 0.01,
                 momentum: float = 0.9) -> None:
        super().__init__(params, lr)
        if not 0 <= momentum < 1:
            raise ValueError(f"momentum must be in [0, 1), got {momentum}")
        self.momentum = float(momentum)
        self.v = [np.zeros_like(p) for p in self.params]

    def _update(self, i, p, g):
        v = self.v[i]
        v *= self.momentum
        v += g
        p -= self.lr * v


class Nesterov(Momentum):
    """Nesterov momentum (torch): ``v <- b v + g;  p <- p - lr (g + b v)``, b = momentum.

    The step looks ahead along the new velocity: it is the heavy-ball step
    with the current gradient counted once more, ``momentum`` times.

    Parameters
    ----------
    lr : float
        Step size. Typical range 1e-3 to 1.
    momentum : float
        Momentum coefficient in [0, 1); typical 0.9.
    """

    def _update(self, i, p, g):
        v = self.v[i]
        v *= self.momentum
        v += g
        p -= self.lr * (g + self.momentum * v)


class RMSProp(Optimizer):
    """RMSProp as in torch: ``s <- alpha s + (1 - alpha) g^2;  p <- p - lr g / (sqrt(s) + eps)``.

    Parameters
    ----------
    lr : float
        Step size, in the units of the parameters (the ratio g / sqrt(s) is
        dimensionless). Typical range 1e-4 to 1e-1; torch's default 1e-2.
    alpha : float
        Decay of the running mean of squared gradients, in [0, 1); typical
        0.9 to 0.999, default 0.99.
    eps : float
        Added to sqrt(s) (after the square root) to avoid division by zero;
        typical 1e-8.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float = 0.01, alpha: float = 0.99,
                 eps: float = 1e-8) -> None:
        super().__init__(params, lr)
        if not 0 <= alpha < 1:
            raise ValueError(f"alpha must be in [0, 1), got {alpha}")
        if eps < 0:
            raise ValueError(f"eps must be >= 0, got {eps}")
        self.alpha, self.eps = float(alpha), float(eps)
        self.s = [np.zeros_like(p) for p in self.params]

    def _update(self, i, p, g):
        s = self.s[i]
        s *= self.alpha
        s += (1 - self.alpha) * g * g
        p -= self.lr * g / (np.sqrt(s) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma and Ba) as in torch.optim.Adam.

    ``m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;``
    ``m_hat = m / (1 - b1^t);  v_hat = v / (1 - b2^t);  p <- p - lr m_hat / (sqrt(v_hat) + eps)``.

    Parameters
    ----------
    lr : float
        Step size, roughly the largest distance a parameter moves in one
        step. Typical range 1e-4 to 1e-1; default 1e-3.
    betas : (float, float)
        Decays (b1, b2) of the running means of g and g^2, each in [0, 1);
        typical (0.9, 0.999).
    eps : float
        Added to sqrt(v_hat) (torch's placement); typical 1e-8.
    bias_correction : bool
        Divide by (1 - b^t) as in the paper and in torch. ``False`` shows what
        the correction is for: with the default betas the first steps come out
        (1 - b1) / sqrt(1 - b2), about 3 times, too large.
    """

    def __init__(self, params: Sequence[np.ndarray], lr: float = 1e-3,
                 betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8,
                 bias_correction: bool = True) -> None:
        super().__init__(params, lr)
        b1, b2 = betas
        if not (0 <= b1 < 1 and 0 <= b2 < 1):
            raise ValueError(f"betas must be in [0, 1), got {betas}")
        if eps < 0:
            raise ValueError(f"eps must be >= 0, got {eps}")
        self.b1, self.b2, self.eps = float(b1), float(b2), float(eps)
        self.bias_correction = bool(bias_correction)
        self.m = [np.zeros_like(p) for p in self.params]
        self.v = [np.zeros_like(p) for p in self.params]

    def _update(self, i, p, g):
        m, v = self.m[i], self.v[i]
        m *= self.b1
        m += (1 - self.b1) * g
        v *= self.b2
        v += (1 - self.b2) * g * g
        if self.bias_correction:
            c1, c2 = 1 - self.b1 ** self.t, 1 - self.b2 ** self.t
        else:
            c1 = c2 = 1.0
        # torch's arithmetic: (lr / c1) * m / (sqrt(v) / sqrt(c2) + eps)
        p -= (self.lr / c1) * m / (np.sqrt(v) / np.sqrt(c2) + self.eps)


def run(optimizer_cls: type[Optimizer], grad_fn: Callable[[np.ndarray], np.ndarray],
        x0: np.ndarray, steps: int, **hp) -> np.ndarray:
    """Run an optimizer from ``x0`` for ``steps`` steps and return the path.

    Parameters
    ----------
    optimizer_cls : one of the classes above
    grad_fn : callable
        Maps a point (shape ``x0.shape``) to the gradient there.
    x0 : array_like
        Starting point, e.g. shape (2,) for a 2-D path; not modified.
    steps : int
        Number of steps, >= 0.
    **hp
        Hyperparameters passed to ``optimizer_cls`` (``lr``, ``momentum``, ...).

    Returns
    -------
    np.ndarray, shape (steps + 1, *x0.shape)
        The iterates, starting with ``x0``.

    Examples
    --------
    >>> path = run(SGD, lambda x: x, np.array([1.0, 2.0]), steps=2, lr=0.5)
    >>> path[-1]
    array([0.25, 0.5 ])
    """
    if steps < 0:
        raise ValueError(f"steps must be >= 0, got {steps}")
    x = np.array(x0, dtype=np.float64)  # a copy, updated in place
    opt = optimizer_cls([x], **hp)
    path = [x.copy()]
    for _ in range(steps):
        opt.step([grad_fn(x.copy())])
        path.append(x.copy())
    return np.array(path)
