"""Plumbing for training torch models in the notebooks.

The training loop a page teaches stays in that page; what every loop needs and
no page is about lives here: seeded mini-batches, a progress bar that shows in
Jupyter but leaves no text in committed outputs, and evaluation.

The pattern a notebook follows::

    loader = make_loader(X_train, y_train, batch_size=64, seed=0)
    for epoch in progress(range(epochs), desc="epochs"):
        model.train()
        for xb, yb in loader:
            loss = F.cross_entropy(model(xb), yb)
            opt.zero_grad(); loss.backward(); opt.step()
        history["test_accuracy"].append(evaluate(model, test_loader)["accuracy"])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

QUIET_ENV = "MLBOOK_QUIET"


def _as_tensor(a, name: str, dtype: torch.dtype | None = None) -> torch.Tensor:
    if isinstance(a, np.ndarray):
        a = torch.from_numpy(np.ascontiguousarray(a))
    if not isinstance(a, torch.Tensor):
        raise TypeError(f"{name} must be a NumPy array or a torch tensor, got {type(a).__name__}")
    return a.to(dtype) if dtype is not None else a


def make_loader(X, y, batch_size: int = 64, shuffle: bool = True, seed: int = 0,
                drop_last: bool = False) -> DataLoader:
    """A DataLoader over ``(X, y)`` whose batch order depends on ``seed`` only.

    Parameters
    ----------
    X : array or tensor, shape (N, ...)
        Inputs; converted to float32 (the dtype torch layers expect).
    y : array or tensor, shape (N,) or (N, ...)
        Targets; integer labels become int64 (for ``cross_entropy``), real
        targets float32.
    batch_size : int
        Examples per batch (typical 32-256 for the book's small data sets).
    shuffle : bool
        Reshuffle every epoch (training) or keep the order (evaluation).
    seed : int
        Seeds the loader's own ``torch.Generator``: two loaders with the same
        seed give the same batches, whatever else has drawn random numbers.
    drop_last : bool
        Drop a last, smaller batch (useful with batch norm).

    Examples
    --------
    >>> xb, yb = next(iter(make_loader(np.zeros((5, 2)), np.arange(5), batch_size=2)))
    >>> tuple(xb.shape), yb.dtype
    ((2, 2), torch.int64)
    """
    X = _as_tensor(X, "X", torch.float32)
    y = _as_tensor(y, "y")
    y = y.to(torch.int64) if not torch.is_floating_point(y) else y.to(torch.float32)
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X and y must have the same number of rows, got {X.shape[0]} and {y.shape[0]}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    gen = torch.Generator().manual_seed(int(seed))
    return DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=shuffle,
                      generator=gen, drop_last=drop_last, num_workers=0)


def quiet() -> bool:
    """True when progress bars are off: ``MLBOOK_QUIET=1``, set by ``make execute``,
    nbval and the tests, so that committed outputs hold no progress text."""
    return os.environ.get(QUIET_ENV, "") == "1"


def progress(iterable: Iterable | None = None, total: int | None = None,
             desc: str | None = None, **kwargs):
    """A ``tqdm`` progress bar: a widget in Jupyter, text in a terminal, nothing when quiet.

    The bar is transient (``leave=False``), so even a reader's own run keeps
    only the results a cell prints. Extra keyword arguments go to ``tqdm``.
    """
    from tqdm.auto import tqdm

    kwargs.setdefault("leave", False)
    return tqdm(iterable, total=total, desc=desc, disable=quiet(), **kwargs)


def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    """Fraction of rows whose largest logit is at the true class ``y``."""
    if logits.ndim != 2 or y.ndim != 1 or logits.shape[0] != y.shape[0]:
        raise ValueError(f"expected logits (N, K) and y (N,), got {tuple(logits.shape)} and {tuple(y.shape)}")
    return (logits.argmax(dim=1) == y).float().mean().item()


@torch.no_grad()
def evaluate(model: torch.nn.Module, loader: DataLoader,
             loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor] | None = None) -> dict[str, float]:
    """Mean loss and accuracy of ``model`` over ``loader``, in eval mode.

    ``loss_fn`` defaults to ``cross_entropy`` (mean over a batch); the result is
    the mean over all examples, however the last batch is sized. The model's
    train/eval mode is restored afterwards.

    Returns
    -------
    dict
        ``{"loss": float, "accuracy": float}`` (accuracy only for class labels).
    """
    loss_fn = loss_fn or torch.nn.functional.cross_entropy
    was_training = model.training
    model.eval()
    total, loss_sum, correct, classify = 0, 0.0, 0, True
    try:
        for xb, yb in loader:
            out = model(xb)
            n = xb.shape[0]
            loss_sum += loss_fn(out, yb).item() * n
            total += n
            classify = classify and out.ndim == 2 and yb.ndim == 1 and not torch.is_floating_point(yb)
            if classify:
                correct += (out.argmax(dim=1) == yb).sum().item()
    finally:
        model.train(was_training)
    if total == 0:
        raise ValueError("loader is empty")
    result = {"loss": loss_sum / total}
    if classify:
        result["accuracy"] = correct / total
    return result


def count_parameters(model: torch.nn.Module) -> int:
    """Number of trainable parameters (entries of tensors with ``requires_grad``)."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
