"""utils.optimizers against torch.optim: same start, same gradients, same trajectory (float64)."""

import numpy as np
import pytest
import torch

from utils.optimizers import SGD, Adam, Momentum, Nesterov, Optimizer, RMSProp, run

RTOL = 1e-10  # relative, per coordinate, over the whole trajectory
ATOL = 1e-12  # for coordinates that pass near zero

# (ours, torch's, shared hyperparameters -> (our kwargs, torch kwargs))
CASES = {
    "sgd": (SGD, torch.optim.SGD, dict(lr=0.05), dict(lr=0.05)),
    "momentum": (Momentum, torch.optim.SGD, dict(lr=0.02, momentum=0.9),
                 dict(lr=0.02, momentum=0.9)),
    "nesterov": (Nesterov, torch.optim.SGD, dict(lr=0.02, momentum=0.8),
                 dict(lr=0.02, momentum=0.8, nesterov=True)),
    "rmsprop": (RMSProp, torch.optim.RMSprop, dict(lr=0.01), dict(lr=0.01)),
    "rmsprop_alpha": (RMSProp, torch.optim.RMSprop, dict(lr=0.003, alpha=0.9, eps=1e-6),
                      dict(lr=0.003, alpha=0.9, eps=1e-6)),
    "adam": (Adam, torch.optim.Adam, dict(lr=0.05), dict(lr=0.05)),
    "adam_betas": (Adam, torch.optim.Adam, dict(lr=0.01, betas=(0.5, 0.9), eps=1e-6),
                   dict(lr=0.01, betas=(0.5, 0.9), eps=1e-6)),
}


def _problems():
    rng = np.random.default_rng(0)
    A = np.array([[3.0, 1.0], [1.0, 0.5]])
    X = rng.standard_normal((40, 3))
    y_reg = X @ np.array([1.0, -2.0, 0.5]) + 0.1 * rng.standard_normal(40)
    y_cls = (X @ np.array([1.0, 1.0, -1.0]) + 0.5 * rng.standard_normal(40) > 0).astype(float)

    # each problem: (initial params, numpy gradient fn of a list of arrays, torch loss of tensors)
    quad = ([np.array([2.0, -1.5])],
            lambda ps: [A @ ps[0]],
            lambda ts: 0.5 * ts[0] @ torch.tensor(A) @ ts[0])
    lsq = ([np.zeros(3), np.array([0.3])],
           lambda ps: [X.T @ (X @ ps[0] + ps[1] - y_reg) / 40,
                       np.array([np.mean(X @ ps[0] + ps[1] - y_reg)])],
           lambda ts: 0.5 * torch.mean((torch.tensor(X) @ ts[0] + ts[1]
                                        - torch.tensor(y_reg)) ** 2))

    def logistic_grad(ps):
        p = 1 / (1 + np.exp(-(X @ ps[0] + ps[1])))
        return [X.T @ (p - y_cls) / 40, np.array([np.mean(p - y_cls)])]

    logistic = ([np.array([0.1, -0.2, 0.3]), np.zeros(1)], logistic_grad,
                lambda ts: torch.nn.functional.binary_cross_entropy_with_logits(
                    torch.tensor(X) @ ts[0] + ts[1], torch.tensor(y_cls)))
    return {"quadratic": quad, "least_squares": lsq, "logistic": logistic}


PROBLEMS = _problems()


@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("case", CASES)
def test_trajectory_matches_torch(case, problem):
    ours_cls, torch_cls, hp, torch_hp = CASES[case]
    init, grad_fn, torch_loss = PROBLEMS[problem]
    steps = 100

    params = [p.copy() for p in init]
    opt = ours_cls(params, **hp)
    ours = []
    for _ in range(steps):
        opt.step(grad_fn(params))
        ours.append(np.concatenate([p.ravel() for p in params]))

    tparams = [torch.tensor(p.copy(), requires_grad=True) for p in init]
    topt = torch_cls(tparams, **torch_hp)
    theirs = []
    for _ in range(steps):
        topt.zero_grad()
        loss = torch_loss(tparams)
        loss.backward()
        # the same gradients, so that only the update rules are compared
        np.testing.assert_allclose(
            np.concatenate([t.grad.numpy().ravel() for t in tparams]),
            np.concatenate([g.ravel() for g in grad_fn([t.detach().numpy() for t in tparams])]),
            rtol=1e-9, atol=1e-13)
        topt.step()
        theirs.append(np.concatenate([t.detach().numpy().ravel() for t in tparams]))

    ours, theirs = np.array(ours), np.array(theirs)
    assert not np.allclose(ours[-1], ours[0]), "the parameters should move"
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL)


def test_trajectory_matches_torch_with_identical_gradients_on_rosenbrock():
    """Feed torch our own gradient (no autograd) on a non-convex function, 200 steps."""
    def grad(x):
        return np.array([-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2),
                         200 * (x[1] - x[0] ** 2)])

    for ours_cls, torch_cls, hp, torch_hp in [
            (Momentum, torch.optim.SGD, dict(lr=1e-3, momentum=0.9), dict(lr=1e-3, momentum=0.9)),
            (Adam, torch.optim.Adam, dict(lr=0.02), dict(lr=0.02))]:
        path = run(ours_cls, grad, np.array([-1.5, 1.5]), steps=200, **hp)
        t = torch.tensor([-1.5, 1.5], dtype=torch.float64, requires_grad=True)
        topt = torch_cls([t], **torch_hp)
        tpath = [t.detach().numpy().copy()]
        for _ in range(200):
            t.grad = torch.tensor(grad(t.detach().numpy()))
            topt.step()
            tpath.append(t.detach().numpy().copy())
        np.testing.assert_allclose(path, np.array(tpath), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("cls,hp", [(SGD, dict(lr=0.1)), (Momentum, dict(lr=0.05, momentum=0.9)),
                                    (Nesterov, dict(lr=0.05, momentum=0.9)),
                                    (RMSProp, dict(lr=0.01)), (Adam, dict(lr=0.05))])
def test_each_optimizer_decreases_a_convex_loss(cls, hp):
    rng = np.random.default_rng(1)
    X = rng.standard_normal((100, 5))
    y = X @ rng.standard_normal(5) + 0.1 * rng.standard_normal(100)

    def loss(w):
        return 0.5 * np.mean((X @ w - y) ** 2)

    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    path = run(cls, lambda w: X.T @ (X @ w - y) / len(y), np.zeros(5), steps=300, **hp)
    gap0, gap = loss(path[0]) - loss(w_star), loss(path[-1]) - loss(w_star)
    assert gap < 1e-3 * gap0, f"{cls.__name__}: excess loss {gap0:.3g} -> {gap:.3g}"


def test_step_updates_in_place_and_run_returns_path():
    x = np.array([1.0, -2.0])
    ref = x
    opt = Momentum([x], lr=0.1, momentum=0.5)
    opt.step([2 * x])
    opt.step([2 * x])
    assert x is ref and opt.t == 2
    # x1 = 0.8 x0, v1 = 2 x0; v2 = 0.5 v1 + 2 x1 = 2.6 x0; x2 = x1 - 0.1 v2 = 0.54 x0
    np.testing.assert_allclose(x, [0.54, -1.08])
    x0 = np.array([1.0, 2.0])
    path = run(SGD, lambda v: v, x0, steps=3, lr=0.5)
    assert path.shape == (4, 2)
    np.testing.assert_array_equal(x0, [1.0, 2.0])
    np.testing.assert_allclose(path[-1], x0 / 8)


def test_adam_without_bias_correction_first_step_is_off_by_the_bias_ratio():
    x, y = np.array([1.0]), np.array([1.0])
    a, b = Adam([x], lr=0.1), Adam([y], lr=0.1, bias_correction=False)
    a.step([np.array([1.0])])
    b.step([np.array([1.0])])
    np.testing.assert_allclose(1 - x, 0.1, rtol=1e-6)         # lr * sign(g) on the first step
    # uncorrected: (1 - b1) / sqrt(1 - b2) = 3.16 times too large with the default betas
    np.testing.assert_allclose(1 - y, 0.1 * 0.1 / np.sqrt(0.001), rtol=1e-6)


def test_bad_input_is_rejected():
    with pytest.raises(TypeError, match="params"):
        SGD([np.array([1, 2])])                       # integer array cannot be updated in place
    with pytest.raises(ValueError, match="lr"):
        SGD([np.zeros(2)], lr=0.0)
    with pytest.raises(ValueError, match="momentum"):
        Momentum([np.zeros(2)], momentum=1.0)
    with pytest.raises(ValueError, match="betas"):
        Adam([np.zeros(2)], betas=(0.9, 1.0))
    opt = SGD([np.zeros(2)])
    with pytest.raises(ValueError, match="shape"):
        opt.step([np.zeros(3)])
    with pytest.raises(ValueError, match="gradients"):
        opt.step([np.zeros(2), np.zeros(2)])
    with pytest.raises(NotImplementedError):
        Optimizer([np.zeros(2)], lr=0.1).step([np.zeros(2)])
