"""utils.training: seeded batches, a quiet progress bar, evaluation checked by hand."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from utils.training import accuracy, count_parameters, evaluate, make_loader, progress


def _data(n=103, d=4, k=3, seed=0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.integers(0, k, size=n)


def _order(loader):
    return torch.cat([xb[:, 0] for xb, _ in loader])


def test_loader_order_depends_on_seed_only():
    X, y = _data()
    a = _order(make_loader(X, y, batch_size=10, seed=3))
    torch.manual_seed(123)  # the global RNG must not matter
    torch.rand(7)
    b = _order(make_loader(X, y, batch_size=10, seed=3))
    c = _order(make_loader(X, y, batch_size=10, seed=4))
    assert torch.equal(a, b)
    assert not torch.equal(a, c)


def test_loader_epoch_is_a_permutation_and_reshuffles():
    X, y = _data()
    loader = make_loader(X, y, batch_size=10, seed=0)
    e1, e2 = _order(loader), _order(loader)
    ref = torch.from_numpy(X[:, 0]).float()
    assert torch.equal(torch.sort(e1).values, torch.sort(ref).values)
    assert not torch.equal(e1, e2), "a new order every epoch"
    sizes = [xb.shape[0] for xb, _ in loader]
    assert sizes == [10] * 10 + [3]
    assert [xb.shape[0] for xb, _ in make_loader(X, y, batch_size=10, drop_last=True)] == [10] * 10


def test_loader_dtypes_and_errors():
    X, y = _data()
    xb, yb = next(iter(make_loader(X, y)))
    assert xb.dtype == torch.float32 and yb.dtype == torch.int64
    _, yr = next(iter(make_loader(X, X[:, 0])))
    assert yr.dtype == torch.float32
    with pytest.raises(ValueError, match="same number of rows"):
        make_loader(X, y[:-1])
    with pytest.raises(ValueError, match="batch_size"):
        make_loader(X, y, batch_size=0)
    with pytest.raises(TypeError, match="X must be"):
        make_loader([[1.0]], y[:1])


def test_progress_is_silent_when_quiet(monkeypatch, capsys):
    monkeypatch.setenv("MLBOOK_QUIET", "1")
    assert list(progress(range(5), desc="x")) == [0, 1, 2, 3, 4]
    out = capsys.readouterr()
    assert out.out == "" and out.err == ""


def test_progress_shows_when_not_quiet(monkeypatch, capsys):
    monkeypatch.delenv("MLBOOK_QUIET", raising=False)
    assert sum(progress(range(5), desc="steps")) == 10
    assert "steps" in capsys.readouterr().err


def test_accuracy_and_evaluate_against_hand_computation():
    X, y = _data(n=57)
    torch.manual_seed(0)
    model = torch.nn.Linear(4, 3)
    model.train()
    res = evaluate(model, make_loader(X, y, batch_size=8, shuffle=False))
    assert model.training, "mode restored"
    # by hand, with plain tensor arithmetic on the whole set at once
    with torch.no_grad():
        logits = torch.from_numpy(X).float() @ model.weight.T + model.bias
    logp = logits - logits.exp().sum(1, keepdim=True).log()
    nll = -logp[torch.arange(57), torch.from_numpy(y)].mean().item()
    acc = float(np.mean(logits.argmax(1).numpy() == y))
    assert res["loss"] == pytest.approx(nll, rel=1e-5)
    assert res["accuracy"] == pytest.approx(acc)
    assert accuracy(logits, torch.from_numpy(y)) == pytest.approx(acc)
    # regression targets: loss only, no accuracy
    reg = evaluate(torch.nn.Linear(4, 1), make_loader(X, X[:, :1], batch_size=8), F.mse_loss)
    assert set(reg) == {"loss"}


def test_evaluate_uses_eval_mode():
    X, y = _data(n=40)
    model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Dropout(0.9))
    loader = make_loader(X, y, batch_size=40, shuffle=False)
    assert evaluate(model, loader)["loss"] == evaluate(model, loader)["loss"], "no dropout noise"


def test_count_parameters():
    model = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Linear(3, 2))
    model[1].bias.requires_grad_(False)
    assert count_parameters(model) == 4 * 3 + 3 + 3 * 2
