import numpy as np
import pytest
import torch

from utils.checks import assert_close, gradient_check, numerical_gradient


def test_numerical_gradient_matches_torch_autograd():
    rng = np.random.default_rng(0)
    A = rng.standard_normal((4, 3))
    x0 = rng.standard_normal(3)

    def f(x):
        return float(np.sum(np.tanh(A @ x) ** 2) + np.log1p(np.exp(x)).sum())

    xt = torch.tensor(x0, requires_grad=True)
    (torch.tanh(torch.tensor(A) @ xt).pow(2).sum() + torch.nn.functional.softplus(xt).sum()).backward()
    np.testing.assert_allclose(numerical_gradient(f, x0), xt.grad.numpy(), rtol=1e-7, atol=1e-9)


def test_numerical_gradient_does_not_modify_input_and_keeps_shape():
    x = np.arange(6.0).reshape(2, 3)
    g = numerical_gradient(lambda v: float((v ** 3).sum()), x)
    np.testing.assert_array_equal(x, np.arange(6.0).reshape(2, 3))
    np.testing.assert_allclose(g, 3 * x ** 2, rtol=1e-6, atol=1e-8)


def test_gradient_check_catches_wrong_sign():
    x = np.array([0.5, -1.0, 2.0])
    gradient_check(lambda v: float((v ** 2).sum()), lambda v: 2 * v, x, verbose=False)
    with pytest.raises(AssertionError, match="finite differences"):
        gradient_check(lambda v: float((v ** 2).sum()), lambda v: -2 * v, x, verbose=False)


def test_gradient_check_shape_mismatch():
    with pytest.raises(ValueError, match="shape"):
        gradient_check(lambda v: float(v.sum()), lambda v: np.ones(2), np.ones(3), verbose=False)


def test_assert_close_reports_errors(capsys):
    r = assert_close(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 2e-9]), rtol=1e-8, name="pair")
    assert r.max_abs_err == pytest.approx(2e-9, rel=1e-6)
    assert r.max_rel_err == pytest.approx(1e-9, rel=1e-6)
    assert "pair: max abs err 2.0e-09" in capsys.readouterr().out


def test_assert_close_fails_with_worst_index():
    with pytest.raises(AssertionError, match=r"1 of 3 elements differ; worst at index \(2,\)"):
        assert_close([1.0, 2.0, 3.0], [1.0, 2.0, 3.1], rtol=1e-3, verbose=False)


def test_assert_close_accepts_torch_and_rejects_nan_and_shapes():
    assert_close(torch.tensor([1.0, 2.0]), np.array([1.0, 2.0]), verbose=False)
    with pytest.raises(AssertionError, match="NaN"):
        assert_close([np.nan], [1.0], verbose=False)
    with pytest.raises(ValueError, match="shape"):
        assert_close(np.ones(2), np.ones(3), verbose=False)
    with pytest.raises(TypeError, match="actual must be numeric"):
        assert_close(np.array(["a"]), np.array([1.0]), verbose=False)
