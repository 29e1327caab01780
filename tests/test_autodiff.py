"""utils.autodiff and utils.forward_mode against torch.autograd and finite differences (float64)."""

import numpy as np
import pytest
import torch

from utils import forward_mode as fm
from utils.autodiff import Tensor, as_tensor, log_softmax, matmul, topological_order, unbroadcast
from utils.checks import gradient_check

RTOL = 1e-10  # engine vs torch: the same float64 formulas, so only rounding differs


def sin(x):
    """A new op added from outside the class, exactly as the module docstring describes."""
    x = as_tensor(x)
    return Tensor(np.sin(x.data), parents=(x,), backward=lambda g: (g * np.cos(x.data),), op="sin")


def both(fn_engine, fn_torch, *arrays, weights_seed=1):
    """Gradients of sum(w * f(inputs)) with a random weight w, from the engine and from torch."""
    ours = [Tensor(a) for a in arrays]
    out = fn_engine(*ours)
    w = np.random.default_rng(weights_seed).standard_normal(out.shape)  # a non-trivial upstream g
    (out * w).sum().backward()
    theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
    out_t = fn_torch(*theirs)
    np.testing.assert_allclose(out.data, out_t.detach().numpy(), rtol=RTOL, atol=1e-12)
    (out_t * torch.tensor(w)).sum().backward()
    for a, t in zip(ours, theirs):
        assert a.grad.shape == a.shape
        np.testing.assert_allclose(a.grad, t.grad.numpy(), rtol=RTOL, atol=1e-12)


rng = np.random.default_rng(0)
X34, Y34, R4, C3 = (rng.standard_normal(s) for s in [(3, 4), (3, 4), (4,), (3, 1)])
POS34 = rng.uniform(0.5, 2.0, (3, 4))

BINARY = {  # name: (engine, torch, inputs) -- the (4,) and (3, 1) inputs broadcast
    "add": (lambda a, b: a + b, lambda a, b: a + b, (X34, Y34)),
    "add_broadcast_row": (lambda a, b: a + b, lambda a, b: a + b, (X34, R4)),
    "sub_broadcast_col": (lambda a, b: a - b, lambda a, b: a - b, (X34, C3)),
    "mul_broadcast": (lambda a, b: a * b, lambda a, b: a * b, (C3, R4)),
    "div": (lambda a, b: a / b, lambda a, b: a / b, (X34, POS34)),
    "div_broadcast": (lambda a, b: b / a, lambda a, b: b / a, (POS34, R4)),
    "matmul_2d_2d": (lambda a, b: a @ b.T, lambda a, b: a @ b.T, (X34, Y34)),
    "matmul_2d_1d": (lambda a, b: a @ b, lambda a, b: a @ b, (X34, R4)),
    "matmul_1d_2d": (lambda a, b: b @ a.T, lambda a, b: b @ a.T, (X34, R4)),
}
UNARY = {
    "neg": (lambda a: -a, lambda a: -a, X34),
    "pow": (lambda a: a**3, lambda a: a**3, X34),
    "pow_fraction": (lambda a: a**-1.5, lambda a: a**-1.5, POS34),
    "exp": (lambda a: a.exp(), torch.exp, X34),
    "log": (lambda a: a.log(), torch.log, POS34),
    "tanh": (lambda a: a.tanh(), torch.tanh, X34),
    "relu": (lambda a: a.relu(), torch.relu, X34),
    "sigmoid": (lambda a: a.sigmoid(), torch.sigmoid, 30 * X34),
    "sum_all": (lambda a: a.sum(), torch.sum, X34),
    "sum_axis0": (lambda a: a.sum(axis=0), lambda a: a.sum(dim=0), X34),
    "sum_axis1_keep": (lambda a: a.sum(axis=1, keepdims=True), lambda a: a.sum(1, keepdim=True),
                       X34),
    "mean_all": (lambda a: a.mean(), torch.mean, X34),
    "mean_axis_neg": (lambda a: a.mean(axis=-1), lambda a: a.mean(dim=-1), X34),
    "logsumexp": (lambda a: a.logsumexp(axis=1), lambda a: torch.logsumexp(a, 1), 300 * X34),
    "logsumexp_axis0_keep": (lambda a: a.logsumexp(axis=0, keepdims=True),
                             lambda a: torch.logsumexp(a, 0, keepdim=True), X34),
    "log_softmax": (log_softmax, lambda a: torch.log_softmax(a, -1), 100 * X34),
    "reshape": (lambda a: a.reshape(4, 3) * np.arange(12.0).reshape(4, 3),
                lambda a: a.reshape(4, 3) * torch.arange(12.0, dtype=torch.float64).reshape(4, 3),
                X34),
    "transpose": (lambda a: a.T, lambda a: a.T, X34),
    "index_fancy_repeated": (lambda a: a[[0, 2, 2], [1, 3, 3]], lambda a: a[[0, 2, 2], [1, 3, 3]],
                             X34),
    "index_slice": (lambda a: a[1:, ::2], lambda a: a[1:, ::2], X34),
    "sin_added_from_outside": (sin, torch.sin, X34),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_op_gradients_match_torch(name):
    f, ft, inputs = BINARY[name]
    both(f, ft, *inputs)


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_op_gradients_match_torch(name):
    f, ft, x = UNARY[name]
    both(f, ft, x)


def test_numpy_array_on_the_left_and_scalars():
    x = Tensor(X34)
    out = (np.ones((3, 4)) - x) * 2.0 + 1.0 / (3.0 + x * x) - (x @ R4).reshape(3, 1)
    out.sum().backward()
    xt = torch.tensor(X34, requires_grad=True)
    ((1 - xt) * 2 + 1 / (3 + xt * xt) - (xt @ torch.tensor(R4)).reshape(3, 1)).sum().backward()
    np.testing.assert_allclose(x.grad, xt.grad.numpy(), rtol=RTOL)
    assert isinstance(np.ones(2) + Tensor([1.0, 2.0]), Tensor)


def test_reused_node_accumulates_and_leaves_accumulate_across_calls():
    x = Tensor([0.3, -1.2])
    y = x * x + x          # x used three times: dy/dx = 2x + 1
    y.sum().backward()
    np.testing.assert_allclose(x.grad, 2 * x.data + 1)
    y.sum().backward()     # intermediate grads are reset, the leaf accumulates (like torch)
    np.testing.assert_allclose(x.grad, 2 * (2 * x.data + 1))
    x.zero_grad()
    assert not x.grad.any()


def test_constants_get_no_gradient_and_matmul_skips_their_product():
    W, X = Tensor(np.ones((2, 3))), as_tensor(np.ones((4, 3)))
    assert W.requires_grad and not X.requires_grad
    out = matmul(X, W.T)
    assert out.requires_grad
    assert out._backward(np.ones((4, 2)))[0] is None     # no gradient for the data matrix
    out.sum().backward()
    assert not X.grad.any() and W.grad.tolist() == [[4.0] * 3] * 2


def test_topological_order_parents_first_and_long_chains():
    x = Tensor(1.0)
    y = x
    for _ in range(5000):   # deeper than Python's recursion limit
        y = y * 1.0001
    order = topological_order(y)
    assert order[-1] is y and any(n is x for n in order)
    y.backward()
    np.testing.assert_allclose(x.grad, 1.0001**5000)
    a = Tensor(2.0)
    b = a.exp()
    c = b * a
    pos = {id(n): i for i, n in enumerate(topological_order(c))}
    assert pos[id(a)] < pos[id(b)] < pos[id(c)]


def test_unbroadcast_and_bad_input():
    assert unbroadcast(np.ones((2, 3, 4)), (3, 1)).tolist() == [[8.0]] * 3
    with pytest.raises(ValueError, match="1-D or 2-D"):
        Tensor(np.ones((2, 2, 2))) @ Tensor(np.ones((2, 2)))
    with pytest.raises(TypeError, match="scalar exponents"):
        Tensor(2.0) ** Tensor(3.0)


def mlp_loss_engine(params, X, y):
    W1, b1, W2, b2 = params
    h = (X @ W1 + b1).tanh()                          # (N, H)
    logits = h @ W2 + b2                              # (N, K)
    return -log_softmax(logits)[np.arange(len(y)), y].mean()


def mlp_loss_torch(params, X, y):
    W1, b1, W2, b2 = params
    logits = torch.tanh(torch.tensor(X) @ W1 + b1) @ W2 + b2
    return torch.nn.functional.cross_entropy(logits, torch.tensor(y))


def init_mlp(rng, d=5, h=16, k=3):
    return [rng.standard_normal((d, h)) / np.sqrt(d), np.zeros(h),
            rng.standard_normal((h, k)) / np.sqrt(h), np.zeros(k)]


def test_mlp_loss_gradient_matches_torch_and_finite_differences():
    rng = np.random.default_rng(3)
    X, y = rng.standard_normal((20, 5)), rng.integers(0, 3, 20)
    arrays = init_mlp(rng)
    arrays[1], arrays[3] = 0.1 * rng.standard_normal(16), 0.1 * rng.standard_normal(3)
    ours = [Tensor(a) for a in arrays]
    loss = mlp_loss_engine(ours, X, y)
    loss.backward()
    theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
    loss_t = mlp_loss_torch(theirs, X, y)
    loss_t.backward()
    np.testing.assert_allclose(loss.data, loss_t.item(), rtol=1e-12)
    for p, t in zip(ours, theirs):
        np.testing.assert_allclose(p.grad, t.grad.numpy(), rtol=1e-9, atol=1e-12)
    for i in range(4):  # finite differences, one parameter array at a time
        def f(v, i=i):
            ps = [Tensor(v) if j == i else Tensor(a) for j, a in enumerate(arrays)]
            return float(mlp_loss_engine(ps, X, y).data)
        gradient_check(f, lambda v, i=i: ours[i].grad, arrays[i], rtol=1e-6, atol=1e-9,
                       verbose=False)


def test_engine_passes_torch_gradcheck_style_finite_differences():
    """gradcheck's criterion (float64 central differences, eps 1e-6) on a composite function."""
    x0 = np.random.default_rng(4).standard_normal((3, 4))

    def f(x):
        inner = x.sigmoid() * sin(x) + (x * x + 1.0).log() / (1.0 + x.exp())
        return inner.logsumexp(axis=0).sum()

    x = Tensor(x0)
    f(x).backward()
    gradient_check(lambda v: float(f(Tensor(v)).data), lambda v: x.grad, x0, verbose=False)
    xt = torch.tensor(x0, requires_grad=True)
    def ft(t):
        inner = torch.sigmoid(t) * torch.sin(t) + torch.log(t * t + 1) / (1 + torch.exp(t))
        return torch.logsumexp(inner, 0).sum()

    assert torch.autograd.gradcheck(ft, (xt,))
    ft(xt).backward()
    np.testing.assert_allclose(x.grad, xt.grad.numpy(), rtol=RTOL)


def seed_function_engine(x1, x2):
    return x1.log() + x1 * x2 - sin(x2)


def seed_function_dual(x1, x2):
    return fm.log(x1) + x1 * x2 - fm.sin(x2)


def test_forward_mode_reverse_mode_and_torch_agree():
    # the evaluation-trace example of Baydin et al.: f = log x1 + x1 x2 - sin x2 at (2, 5)
    _, d1 = fm.derivative(lambda x: seed_function_dual(x, fm.Dual(5.0)), 2.0, 1.0)
    _, d2 = fm.derivative(lambda x: seed_function_dual(fm.Dual(2.0), x), 5.0, 1.0)
    x1, x2 = Tensor(2.0), Tensor(5.0)
    seed_function_engine(x1, x2).backward()
    t1, t2 = (torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in (2.0, 5.0))
    (torch.log(t1) + t1 * t2 - torch.sin(t2)).backward()
    expected = [1 / 2 + 5, 2 - np.cos(5.0)]
    np.testing.assert_allclose([d1, d2], expected, rtol=1e-14)
    np.testing.assert_allclose([x1.grad, x2.grad], expected, rtol=1e-14)
    np.testing.assert_allclose([t1.grad.item(), t2.grad.item()], expected, rtol=1e-14)


def test_forward_mode_gradient_of_an_mlp_loss_matches_reverse_mode():
    rng = np.random.default_rng(5)
    X, y = rng.standard_normal((10, 4)), rng.integers(0, 2, 10).astype(float)
    w0 = rng.standard_normal(4)

    def loss_dual(w):          # logistic regression, written with the dual-number ops
        p = fm.sigmoid(X @ w)
        return (-(y * fm.log(p) + (1.0 - y) * fm.log(1.0 - p))).sum() / len(y)

    value, g_fwd = fm.gradient(loss_dual, w0)
    w = Tensor(w0)
    p = (X @ w).sigmoid()
    loss = (-(y * p.log() + (1.0 - y) * (1.0 - p).log())).mean()
    loss.backward()
    np.testing.assert_allclose(value, loss.data, rtol=1e-13)
    np.testing.assert_allclose(g_fwd, w.grad, rtol=1e-12)


@pytest.mark.parametrize("name", ["exp", "log", "sin", "cos", "tanh", "sigmoid", "relu"])
def test_forward_mode_elementwise_ops_match_torch(name):
    x0 = np.random.default_rng(6).uniform(0.2, 2.0, 5) * np.array([1, -1, 1, -1, 1.0])
    if name == "log":
        x0 = np.abs(x0)
    v = np.random.default_rng(7).standard_normal(5)
    value, tangent = fm.derivative(getattr(fm, name), x0, v)
    xt = torch.tensor(x0, requires_grad=True)
    out = getattr(torch, name)(xt)
    _, jvp = torch.autograd.functional.jvp(getattr(torch, name), xt, torch.tensor(v))
    np.testing.assert_allclose(value, out.detach().numpy(), rtol=1e-14)
    np.testing.assert_allclose(tangent, jvp.numpy(), rtol=1e-13)


def test_forward_mode_arithmetic_and_matmul():
    A = np.random.default_rng(8).standard_normal((3, 2))
    x0, v = np.array([0.5, 1.5]), np.array([1.0, -2.0])

    def f(x):
        return ((A @ x) ** 2 / (1.0 + x.sum()) - 3.0).sum() + 2.0 / (x @ x)

    def ft(x):
        return ((torch.tensor(A) @ x) ** 2 / (1 + x.sum()) - 3).sum() + 2 / (x @ x)

    _, d = fm.derivative(f, x0, v)
    _, jvp = torch.autograd.functional.jvp(ft, torch.tensor(x0), torch.tensor(v))
    np.testing.assert_allclose(d, jvp.numpy(), rtol=1e-12)


def test_training_an_mlp_with_the_engine_reduces_the_loss():
    """Full-batch gradient descent on two moons: the loss falls from above 0.5 to below 0.1."""
    from utils.datasets import make_toy_2d

    rng = np.random.default_rng(0)
    X, y = make_toy_2d("moons", n=200, noise=0.1, rng=rng)
    params = [Tensor(a) for a in init_mlp(rng, d=2, h=16, k=2)]
    losses = []
    for _ in range(600):
        loss = mlp_loss_engine(params, X, y)
        for p in params:
            p.zero_grad()
        loss.backward()
        for p in params:
            p.data -= 1.0 * p.grad
        losses.append(float(loss.data))
    assert losses[0] > 0.5
    assert losses[-1] < 0.1, f"final loss {losses[-1]:.3f}"
