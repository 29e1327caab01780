"""A small reverse-mode automatic differentiation engine on NumPy arrays.

In the spirit of micrograd, but every value is a float64 array. A :class:`Tensor`
remembers the tensors it was computed from (``_parents``) and a function
``_backward`` that turns the gradient of the final result with respect to the
tensor into gradients with respect to its parents. :meth:`Tensor.backward` visits
the graph in reverse topological order and applies the chain rule.

**Adding an operation.** An operation is a function that computes the output's
data with NumPy and returns ``Tensor(out, parents=(...), backward=fn, op="name")``,
where ``fn(g)`` receives the gradient ``g`` of the final scalar with respect to the
output (same shape as ``out``) and returns a tuple with one gradient per parent
(or ``None`` for a parent that needs none). Broadcasting is undone by the engine,
so ``fn`` may return gradients of the output's shape. For example::

    def sin(x):
        x = as_tensor(x)
        return Tensor(np.sin(x.data), parents=(x,),
                      backward=lambda g: (g * np.cos(x.data),), op="sin")
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Backward = Callable[[np.ndarray], tuple]


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` over the axes that broadcasting added or stretched, to get ``shape``.

    Examples
    --------
    >>> unbroadcast(np.ones((4, 3)), (3,)).tolist()
    [4.0, 4.0, 4.0]
    >>> unbroadcast(np.ones((4, 3)), (4, 1)).shape
    (4, 1)
    """
    grad = np.asarray(grad, dtype=np.float64)
    while grad.ndim > len(shape):           # axes added in front
        grad = grad.sum(axis=0)
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    if stretched:
        grad = grad.sum(axis=stretched, keepdims=True)
    return grad.reshape(shape)


def as_tensor(x) -> Tensor:
    """``x`` itself if it is a Tensor, else a constant Tensor (``requires_grad=False``)."""
    return x if isinstance(x, Tensor) else Tensor(x, requires_grad=False)


class Tensor:
    """A float64 array that records how it was computed, for reverse-mode autodiff.

    Parameters
    ----------
    data : array_like
        The value; stored as a float64 ndarray.
    parents : tuple of Tensor
        The tensors this one was computed from (empty for a leaf).
    backward : callable or None
        ``backward(g) -> tuple`` of gradients, one per parent (see the module docstring).
    op : str
        A short name of the operation, for printing graphs.
    requires_grad : bool or None
        Whether gradients flow to this tensor. Default: True for a leaf, and for
        a result whenever one of its parents requires it.

    Examples
    --------
    >>> x = Tensor([1.0, 2.0, 3.0])
    >>> y = (x * x).sum()          # y = sum x_i^2
    >>> y.backward()
    >>> x.grad.tolist()            # dy/dx = 2 x
    [2.0, 4.0, 6.0]
    """

    __array_ufunc__ = None  # ndarray + Tensor defers to Tensor.__radd__, etc.

    def __init__(self, data, parents: tuple = (), backward: Backward | None = None,
                 op: str = "", requires_grad: bool | None = None):
        self.data = np.array(data, dtype=np.float64)
        self.grad = np.zeros_like(self.data)
        self._parents = tuple(parents)
        self._backward = backward
        self.op = op
        if requires_grad is None:
            requires_grad = not parents or any(p.requires_grad for p in self._parents)
        self.requires_grad = bool(requires_grad)

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    def __repr__(self) -> str:
        return f"Tensor(shape={self.shape}, op={self.op or 'leaf'!r})"

    # ---------------------------------------------------------------- arithmetic
    def __add__(self, other) -> Tensor:
        other = as_tensor(other)
        return Tensor(self.data + other.data, (self, other), lambda g: (g, g), "+")

    def __mul__(self, other) -> Tensor:
        other = as_tensor(other)
        a, b = self.data, other.data
        return Tensor(a * b, (self, other), lambda g: (g * b, g * a), "*")

    def __neg__(self) -> Tensor:
        return Tensor(-self.data, (self,), lambda g: (-g,), "neg")

    def __sub__(self, other) -> Tensor:
        other = as_tensor(other)
        return Tensor(self.data - other.data, (self, other), lambda g: (g, -g), "-")

    def __truediv__(self, other) -> Tensor:
        other = as_tensor(other)
        a, b = self.data, other.data
        return Tensor(a / b, (self, other), lambda g: (g / b, -g * a / b**2), "/")

    def __pow__(self, p: float) -> Tensor:
        if isinstance(p, Tensor):
            raise TypeError("only scalar exponents are supported: use exp(p * log(x))")
        a, p = self.data, float(p)
        return Tensor(a**p, (self,), lambda g: (g * p * a ** (p - 1),), f"**{p:g}")

    def __radd__(self, other) -> Tensor:
        return as_tensor(other) + self

    def __rmul__(self, other) -> Tensor:
        return as_tensor(other) * self

    def __rsub__(self, other) -> Tensor:
        return as_tensor(other) - self

    def __rtruediv__(self, other) -> Tensor:
        return as_tensor(other) / self

    def __matmul__(self, other) -> Tensor:
        return matmul(self, other)

    def __rmatmul__(self, other) -> Tensor:
        return matmul(as_tensor(other), self)

    # ---------------------------------------------------------------- elementwise
    def exp(self) -> Tensor:
        out = np.exp(self.data)
        return Tensor(out, (self,), lambda g: (g * out,), "exp")

    def log(self) -> Tensor:
        a = self.data
        return Tensor(np.log(a), (self,), lambda g: (g / a,), "log")

    def tanh(self) -> Tensor:
        out = np.tanh(self.data)
        return Tensor(out, (self,), lambda g: (g * (1.0 - out**2),), "tanh")

    def relu(self) -> Tensor:
        a = self.data
        return Tensor(np.maximum(a, 0.0), (self,), lambda g: (g * (a > 0),), "relu")

    def sigmoid(self) -> Tensor:
        e = np.exp(-np.abs(self.data))          # in (0, 1]: never overflows
        out = np.where(self.data >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
        return Tensor(out, (self,), lambda g: (g * out * (1.0 - out),), "sigmoid")

    # ---------------------------------------------------------------- reductions and shapes
    def sum(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        """Sum over ``axis`` (all axes by default); the gradient is copied back along it."""
        shape = self.shape

        def backward(g):
            if axis is not None and not keepdims:
                g = np.expand_dims(g, axis)     # (..., 1, ...): broadcastable to shape
            return (np.broadcast_to(g, shape),)

        return Tensor(self.data.sum(axis=axis, keepdims=keepdims), (self,), backward, "sum")

    def mean(self, axis: int | tuple[int, ...] | None = None, keepdims: bool = False) -> Tensor:
        """Mean over ``axis``: a sum divided by the number of terms."""
        count = self.data.size / np.sum(self.data, axis=axis).size   # terms per mean
        return self.sum(axis=axis, keepdims=keepdims) * (1.0 / count)

    def logsumexp(self, axis: int = -1, keepdims: bool = False) -> Tensor:
        """``log sum exp`` over ``axis``, shifted by the maximum so that it never overflows.

        Its gradient is the softmax along ``axis``.
        """
        m = self.data.max(axis=axis, keepdims=True)
        lse = m + np.log(np.exp(self.data - m).sum(axis=axis, keepdims=True))  # keepdims shape

        def backward(g):
            g = g if keepdims else np.expand_dims(g, axis)
            return (g * np.exp(self.data - lse),)   # softmax

        out = lse if keepdims else np.squeeze(lse, axis=axis)
        return Tensor(out, (self,), backward, "logsumexp")

    def reshape(self, *shape) -> Tensor:
        old = self.shape
        return Tensor(self.data.reshape(*shape), (self,), lambda g: (g.reshape(old),), "reshape")

    def transpose(self, axes: tuple[int, ...] | None = None) -> Tensor:
        inverse = None if axes is None else tuple(np.argsort(axes))
        return Tensor(self.data.transpose(axes), (self,),
                      lambda g: (g.transpose(inverse),), "transpose")

    @property
    def T(self) -> Tensor:
        return self.transpose()

    def __getitem__(self, index) -> Tensor:
        shape = self.shape

        def backward(g):
            out = np.zeros(shape)
            np.add.at(out, index, g)            # repeated indices add up
            return (out,)

        return Tensor(self.data[index], (self,), backward, "index")

    # ---------------------------------------------------------------- backpropagation
    def zero_grad(self) -> None:
        """Reset the accumulated gradient to zeros."""
        self.grad = np.zeros_like(self.data)

    def backward(self, grad: np.ndarray | None = None) -> None:
        """Accumulate d(self)/d(leaf) into ``leaf.grad`` for every leaf of the graph.

        ``grad`` seeds the adjoint of ``self`` (default: ones, i.e. a scalar loss).
        Intermediate gradients are reset first; leaves accumulate, as in torch.
        """
        order = topological_order(self)
        for node in order:
            if node._parents:
                node.grad = np.zeros_like(node.data)
        self.grad = np.ones_like(self.data) if grad is None else np.asarray(grad, np.float64)
        for node in reversed(order):            # outputs before the nodes they depend on
            if node._backward is None or not node.requires_grad:
                continue
            for parent, g in zip(node._parents, node._backward(node.grad)):
                if g is not None and parent.requires_grad:
                    parent.grad = parent.grad + unbroadcast(g, parent.shape)


def matmul(a, b) -> Tensor:
    """Matrix product of 1-D or 2-D tensors, with gradients ``g @ B^T`` and ``A^T @ g``.

    A parent that needs no gradient (for example the data matrix) costs no product.

    Examples
    --------
    >>> A, x = Tensor(np.eye(2)), Tensor([1.0, 2.0])
    >>> (A @ x).sum().backward()
    >>> A.grad.tolist(), x.grad.tolist()
    ([[1.0, 2.0], [1.0, 2.0]], [1.0, 1.0])
    """
    a, b = as_tensor(a), as_tensor(b)
    if not (1 <= a.ndim <= 2 and 1 <= b.ndim <= 2):
        raise ValueError(f"matmul takes 1-D or 2-D tensors, got shapes {a.shape} and {b.shape}")
    A = a.data.reshape(1, -1) if a.ndim == 1 else a.data          # (n, k)
    B = b.data.reshape(-1, 1) if b.ndim == 1 else b.data          # (k, m)

    def backward(g):
        G = np.asarray(g).reshape(A.shape[0], B.shape[1])         # (n, m)
        ga = (G @ B.T).reshape(a.shape) if a.requires_grad else None   # (n, k)
        gb = (A.T @ G).reshape(b.shape) if b.requires_grad else None   # (k, m)
        return ga, gb

    return Tensor(a.data @ b.data, (a, b), backward, "@")


def log_softmax(x: Tensor, axis: int = -1) -> Tensor:
    """``x - logsumexp(x)`` along ``axis``: log-probabilities from logits, without overflow.

    Examples
    --------
    >>> p = np.exp(log_softmax(Tensor([[0.0, 0.0], [1000.0, 0.0]])).data)
    >>> p.round(3).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    """
    return x - x.logsumexp(axis=axis, keepdims=True)


def topological_order(root: Tensor) -> list[Tensor]:
    """Every tensor ``root`` depends on, each after all of its parents (``root`` last).

    Iterative depth-first search, so long chains do not hit Python's recursion limit.
    """
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, parents_done = stack.pop()
        if parents_done:
            order.append(node)
        elif id(node) not in seen:
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node._parents if id(p) not in seen)
    return order
