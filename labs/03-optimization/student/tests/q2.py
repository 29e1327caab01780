from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_adam_first_step(adam_step, env):
    """With the bias correction, the first step moves each coordinate by about lr, whatever the gradient's scale."""
    import numpy as np
    from utils.remote import kernel_object
    w, g = (np.array([1.0, 1.0, 1.0]), np.array([0.001, -2.0, 50.0]))
    given = [kernel_object(env, a) for a in (w.copy(), np.zeros(3), np.zeros(3))]
    out = adam_step(given[0], g, given[1], given[2], 1, lr=0.1)
    assert out is not None and len(out) == 3, 'adam_step should return a triple (w, m, v)'
    w1, m1, v1 = (np.asarray(a, dtype=float) for a in out)
    assert w1.shape == m1.shape == v1.shape == (3,), 'w, m and v should keep the shape of w, (3,)'
    assert all((np.allclose(np.asarray(a), b) for a, b in zip(given, (1.0, 0.0, 0.0)))), 'w, m or v was modified in place: write w = w - ..., not w -= ...'
    assert np.allclose(m1, 0.1 * g) and np.allclose(v1, 0.001 * g ** 2), 'after one step m should be (1 - beta1) * grad and v (1 - beta2) * grad**2 (return the averages, not the corrected ones)'
    moved = np.abs(w1 - w)
    assert np.allclose(moved, 0.1, rtol=0.0001), 'the first step should move every coordinate by about lr, whatever the scale of its gradient; it does not: check the bias correction and where eps enters'

