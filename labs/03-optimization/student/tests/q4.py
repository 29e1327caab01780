from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_train_loop_on_a_toy_problem(train_logreg):
    """Three steps with a plain gradient step in place of Adam, on two examples, followed by hand."""
    import numpy as np
    from scipy.special import expit

    def gd_step(param, grad, m, v, t, lr):
        return (param - lr * grad, m, v)
    X, y = (np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([1.0, 0.0]))
    out = train_logreg(X, y, n_steps=3, lr=0.5, step_fn=gd_step, softplus_fn=lambda z: (z.exp() + 1.0).log())
    assert out is not None and len(out) == 3, 'train_logreg should return (w, b, losses)'
    w, b, losses = out
    assert len(losses) == 3, f'with n_steps=3, losses should hold 3 values, got {len(losses)}'
    assert abs(losses[0] - np.log(2)) < 1e-12, 'losses[0] should be the loss at w = 0, b = 0, which is log 2'
    w_ref, b_ref = (np.zeros(2), 0.0)
    for _ in range(3):
        r = expit(X @ w_ref + b_ref) - y
        w_ref, b_ref = (w_ref - 0.5 * X.T @ r / 2, b_ref - 0.5 * r.mean())
    assert np.allclose(w, w_ref, atol=1e-12) and abs(float(b) - b_ref) < 1e-12, 'after 3 steps w and b differ from gradient descent: did you reset the gradients before each backward pass, and update both w and b with step_fn?'

