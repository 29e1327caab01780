from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_train_steps_on_a_toy_problem(train):
    """Three steps on a least-squares toy problem, where each step is easy to follow by hand."""
    import numpy as np
    X, y = (np.eye(2), np.array([2.0, -4.0]))

    def loss_fn(z, y):
        return 0.5 * np.mean((z - y) ** 2)

    def grad_fn(w, X, y):
        return X.T @ (X @ w - y) / len(y)
    out = train(X, y, lr=0.1, n_steps=3, loss_fn=loss_fn, grad_fn=grad_fn)
    assert out is not None and len(out) == 2, 'train should return a pair (w, losses)'
    w, losses = out
    assert len(losses) == 3, f'with n_steps=3, losses should hold 3 values, got {len(losses)}'
    assert abs(losses[0] - 5.0) < 1e-12, 'losses[0] should be the loss at the starting point w = 0'
    expected = np.zeros(2)
    for _ in range(3):
        expected = expected - 0.1 * grad_fn(expected, X, y)
    assert np.shape(w) == (2,), f'w should have shape (2,), got {np.shape(w)}'
    err = np.abs(np.asarray(w) - expected).max()
    assert err < 1e-12, f'after 3 steps w is off by {err:.3g} from w <- w - lr * grad_fn(w, X, y) (did you step downhill, multiply by lr, and use grad_fn?)'

