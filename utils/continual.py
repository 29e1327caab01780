"""Plumbing for the continual-learning pages: permuted tasks, a small MLP, a loop with hooks.

The methods the pages teach (the EWC penalty, the synaptic-intelligence path
integral, the context-dependent gates) are written out in the notebooks; they
plug into :func:`train_on_task` through its ``penalty``, ``on_grad`` and
``after_step`` hooks. What lives here is what every method needs: the
sequence of permuted-digit tasks, the network, a seeded mini-batch loop and
the task-by-task accuracy matrix.

The pattern a notebook follows::

    tasks = make_permuted_tasks(n_tasks=5, seed=0)
    model = MLP(seed=0)

    def train_task(t, task):
        train_on_task(model, task, steps=300, seed=t)

    R = accuracy_matrix(model, tasks, train_task)   # R[i, j]: task j after training on task i
    mean_seen_accuracy(R)                             # mean over tasks 0..i, for each i
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from utils.datasets import load_digits

N_PIXELS = 64      # 8 x 8 digits
N_CLASSES = 10


@dataclass(frozen=True)
class Task:
    """One permuted-digits task: the same digits with the pixels shuffled by ``perm``."""

    perm: np.ndarray           # (64,) pixel order; the identity for the first task
    X_train: torch.Tensor      # (N_train, 64) float32, pixels in [0, 1]
    y_train: torch.Tensor      # (N_train,) int64
    X_test: torch.Tensor       # (N_test, 64)
    y_test: torch.Tensor       # (N_test,)


def make_permuted_tasks(n_tasks: int = 5, seed: int = 0, test_size: float = 0.25) -> list[Task]:
    """``n_tasks`` permuted versions of scikit-learn's 8x8 digits.

    Task 0 is the unpermuted data; task ``t > 0`` applies one fixed random
    permutation of the 64 pixels, drawn from ``np.random.default_rng(seed)``,
    to every image (train and test alike). The train/test split is the same
    for every task and every ``seed``, so only the permutations change.

    Examples
    --------
    >>> tasks = make_permuted_tasks(3, seed=0)
    >>> len(tasks), tuple(tasks[1].X_train.shape), bool((tasks[0].perm == np.arange(64)).all())
    (3, (1347, 64), True)
    """
    if n_tasks < 1:
        raise ValueError(f"n_tasks must be at least 1, got {n_tasks}")
    d = load_digits(test_size=test_size, seed=0)
    rng = np.random.default_rng(seed)
    perms = [np.arange(N_PIXELS)] + [rng.permutation(N_PIXELS) for _ in range(n_tasks - 1)]
    Xtr = torch.tensor(d.X_train, dtype=torch.float32)
    Xte = torch.tensor(d.X_test, dtype=torch.float32)
    ytr = torch.tensor(d.y_train, dtype=torch.int64)
    yte = torch.tensor(d.y_test, dtype=torch.int64)
    return [Task(p, Xtr[:, p], ytr, Xte[:, p], yte) for p in perms]


class MLP(nn.Module):
    """A two-hidden-layer ReLU network, 64 -> hidden -> hidden -> 10, one shared output head.

    ``forward(x, gate)`` multiplies the activations of each hidden layer by
    ``gate[0]`` and ``gate[1]`` (0/1 vectors of length ``hidden``) when a gate
    is given; context-dependent gating uses this, every other method passes
    ``None``. ``seed`` fixes the initial weights.
    """

    def __init__(self, hidden: int = 128, seed: int = 0):
        super().__init__()
        g = torch.Generator().manual_seed(seed)
        self.fc1, self.fc2 = nn.Linear(N_PIXELS, hidden), nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, N_CLASSES)
        with torch.no_grad():              # torch's default init, but from our own generator
            for layer in (self.fc1, self.fc2, self.out):
                bound = 1.0 / layer.in_features**0.5
                layer.weight.uniform_(-bound, bound, generator=g)
                layer.bias.uniform_(-bound, bound, generator=g)

    def forward(self, x: torch.Tensor, gate: Sequence[torch.Tensor] | None = None) -> torch.Tensor:
        h = F.relu(self.fc1(x))                                   # (B, hidden)
        if gate is not None:
            h = h * gate[0]
        h = F.relu(self.fc2(h))
        if gate is not None:
            h = h * gate[1]
        return self.out(h)                                        # (B, 10) logits


def train_on_task(model: nn.Module, task: Task, *, steps: int = 300, lr: float = 1e-3,
                  batch_size: int = 32, seed: int = 0,
                  penalty: Callable[[], torch.Tensor] | None = None,
                  on_grad: Callable[[], None] | None = None,
                  after_step: Callable[[], None] | None = None,
                  gate: Sequence[torch.Tensor] | None = None) -> dict[str, list[float]]:
    """Train ``model`` on one task with Adam (fresh per task) for a fixed number of steps.

    Each step draws ``batch_size`` training examples (with replacement, from a
    ``torch.Generator`` seeded by ``seed``), back-propagates the cross-entropy
    of the task, calls ``on_grad()`` (the parameters' ``.grad`` then hold the
    gradient of the task loss alone), adds the gradient of ``penalty()`` if
    one is given, takes the Adam step and calls ``after_step()``.
    ``lr``: Adam's step size, 1e-4..1e-2. Returns ``{"loss": [...]}``, the
    task loss per step (without the penalty).
    """
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    g = torch.Generator().manual_seed(seed)
    history: dict[str, list[float]] = {"loss": []}
    model.train()
    for _ in range(steps):
        idx = torch.randint(len(task.y_train), (batch_size,), generator=g)
        loss = F.cross_entropy(model(task.X_train[idx], gate), task.y_train[idx])
        opt.zero_grad()
        loss.backward()
        if on_grad is not None:
            on_grad()
        if penalty is not None:
            penalty().backward()           # adds the penalty's gradient to .grad
        opt.step()
        if after_step is not None:
            after_step()
        history["loss"].append(loss.item())
    return history


@torch.no_grad()
def task_accuracy(model: nn.Module, task: Task,
                  gate: Sequence[torch.Tensor] | None = None) -> float:
    """Fraction of the task's test digits classified correctly."""
    model.eval()
    return (model(task.X_test, gate).argmax(1) == task.y_test).float().mean().item()


def accuracy_matrix(model: nn.Module, tasks: Sequence[Task],
                    train_task: Callable[[int, Task], object],
                    gates: Sequence[Sequence[torch.Tensor]] | None = None) -> np.ndarray:
    """Train on the tasks in order; ``R[i, j]`` = accuracy on task ``j`` after training on ``i``.

    ``train_task(t, task)`` does the training on task ``t`` (and whatever a
    method does between tasks). Every task is evaluated after every stage,
    the later ones too (they sit near chance, 10 %); ``gates[j]``, if given,
    is the gate used for task ``j``.
    """
    n = len(tasks)
    R = np.full((n, n), np.nan)
    for i, task in enumerate(tasks):
        train_task(i, task)
        for j in range(n):
            R[i, j] = task_accuracy(model, tasks[j], None if gates is None else gates[j])
    return R


def mean_seen_accuracy(R: np.ndarray) -> np.ndarray:
    """Mean accuracy over the tasks seen so far: ``R[i, :i + 1].mean()`` for each stage ``i``.

    >>> mean_seen_accuracy(np.array([[0.9, 0.1], [0.5, 0.8]]))
    array([0.9 , 0.65])
    """
    R = np.asarray(R, dtype=float)
    return np.array([R[i, : i + 1].mean() for i in range(len(R))])
