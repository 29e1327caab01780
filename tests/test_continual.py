"""The continual-learning plumbing against independent computations.

The permuted tasks are checked pixel by pixel against scikit-learn's raw digits,
the gated MLP against a forward pass written with plain matrix products, the
training loop against a hand-written Adam loop on the same batches, and the
accuracy matrix and its running mean against direct evaluation.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from utils import continual as cl


@pytest.fixture(scope="module")
def tasks():
    return cl.make_permuted_tasks(4, seed=3)


def test_tasks_are_permutations_of_the_same_digits(tasks):
    from sklearn.datasets import load_digits

    raw = load_digits()
    assert (tasks[0].perm == np.arange(64)).all()
    for t in tasks:
        assert sorted(t.perm.tolist()) == list(range(64))
        assert torch.equal(t.y_train, tasks[0].y_train) and torch.equal(t.y_test, tasks[0].y_test)
        # undoing the permutation gives back the first task's images
        inv = np.argsort(t.perm)
        assert torch.equal(t.X_train[:, inv], tasks[0].X_train)
        assert torch.equal(t.X_test[:, inv], tasks[0].X_test)
    assert len({tuple(t.perm) for t in tasks}) == len(tasks)       # all different
    # every training image of task 0 is a raw digit divided by 16
    raw_rows = {tuple(np.round(r / 16.0, 6)) for r in raw.data}
    assert all(tuple(np.round(r, 6)) in raw_rows for r in tasks[0].X_train[:50].double().numpy())


def test_permutations_depend_on_seed_only():
    a, b = cl.make_permuted_tasks(3, seed=1), cl.make_permuted_tasks(3, seed=1)
    c = cl.make_permuted_tasks(3, seed=2)
    assert all((x.perm == y.perm).all() for x, y in zip(a, b))
    assert not (a[1].perm == c[1].perm).all()
    with pytest.raises(ValueError):
        cl.make_permuted_tasks(0)


def test_gated_forward_matches_matrix_products(tasks):
    torch.manual_seed(0)
    m = cl.MLP(hidden=16, seed=5)
    x = tasks[1].X_test[:7]
    g = [(torch.rand(16) < 0.5).float(), (torch.rand(16) < 0.5).float()]
    W1, b1, W2, b2, W3, b3 = [p.detach() for p in m.parameters()]
    h1 = torch.clamp(x @ W1.T + b1, min=0) * g[0]
    h2 = torch.clamp(h1 @ W2.T + b2, min=0) * g[1]
    torch.testing.assert_close(m(x, g), h2 @ W3.T + b3)
    torch.testing.assert_close(m(x, [torch.ones(16), torch.ones(16)]), m(x))
    # same seed, same initial weights; different seed, different weights
    assert all(torch.equal(p, q) for p, q in zip(m.parameters(), cl.MLP(16, seed=5).parameters()))
    assert not torch.equal(m.fc1.weight, cl.MLP(16, seed=6).fc1.weight)


def test_train_on_task_is_a_plain_adam_loop(tasks):
    """Same batches, same Adam: the hooks called with the task-loss gradient, the penalty added."""
    m1, m2 = cl.MLP(hidden=16, seed=0), cl.MLP(hidden=16, seed=0)
    anchor = [p.detach().clone() + 0.1 for p in m1.parameters()]
    pen1 = lambda: 0.3 * sum(((p - a) ** 2).sum() for p, a in zip(m1.parameters(), anchor))
    seen = []
    hist = cl.train_on_task(m1, tasks[2], steps=25, lr=3e-3, batch_size=8, seed=11, penalty=pen1,
                            on_grad=lambda: seen.append(m1.fc1.weight.grad.clone()))

    opt = torch.optim.Adam(m2.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(11)
    losses = []
    for k in range(25):
        idx = torch.randint(len(tasks[2].y_train), (8,), generator=g)
        loss = F.cross_entropy(m2(tasks[2].X_train[idx]), tasks[2].y_train[idx])
        task_grad = torch.autograd.grad(loss, m2.fc1.weight, retain_graph=True)[0]
        torch.testing.assert_close(seen[k], task_grad)          # on_grad sees the task loss only
        pen = 0.3 * sum(((p - a) ** 2).sum() for p, a in zip(m2.parameters(), anchor))
        opt.zero_grad()
        (loss + pen).backward()
        opt.step()
        losses.append(loss.item())
    np.testing.assert_allclose(hist["loss"], losses, rtol=1e-6)
    for p, q in zip(m1.parameters(), m2.parameters()):
        torch.testing.assert_close(p, q)


def test_accuracy_matrix_and_running_mean(tasks):
    m = cl.MLP(hidden=32, seed=0)
    calls = []

    def train_task(t, task):
        calls.append(t)
        cl.train_on_task(m, task, steps=150, lr=3e-3, seed=t)

    R = cl.accuracy_matrix(m, tasks, train_task)
    assert calls == [0, 1, 2, 3] and R.shape == (4, 4)
    for j, task in enumerate(tasks):          # the last row is the final model's accuracy
        direct = (m(task.X_test).argmax(1) == task.y_test).double().mean().item()
        assert R[-1, j] == pytest.approx(direct)
    assert R[0, 0] > 0.5                                   # it learned something in 150 steps
    expected = [np.mean([R[i, j] for j in range(i + 1)]) for i in range(4)]
    np.testing.assert_allclose(cl.mean_seen_accuracy(R), expected)
