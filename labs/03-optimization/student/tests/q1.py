from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_momentum_first_step(sgd_momentum_step, env):
    """From zero velocity the first step is plain SGD and the velocity becomes the gradient."""
    import numpy as np
    from utils.remote import kernel_object
    w, g = (np.array([1.0, -2.0]), np.array([0.5, 4.0]))
    w_given, v_given = (kernel_object(env, w.copy()), kernel_object(env, np.zeros(2)))
    out = sgd_momentum_step(w_given, g, v_given, lr=0.1, momentum=0.9)
    assert out is not None and len(out) == 2, 'sgd_momentum_step should return a pair (w, velocity)'
    w1, v1 = (np.asarray(a, dtype=float) for a in out)
    assert w1.shape == (2,) and v1.shape == (2,), f'shapes {w1.shape} and {v1.shape}; expected (2,) and (2,)'
    assert np.allclose(np.asarray(w_given), [1.0, -2.0]) and np.allclose(np.asarray(v_given), 0.0), 'w or velocity was modified in place: write w = w - ..., not w -= ...'
    assert np.allclose(w1, w - 0.1 * g), 'from zero velocity the first step should be w - lr * grad (check the order of the two updates, and that the gradient enters the velocity with weight 1)'

@test_case(points=None, hidden=False)
def test_momentum_two_steps(sgd_momentum_step):
    """Two steps in one dimension, followed by hand with torch.optim.SGD's convention."""
    import numpy as np
    w, v = sgd_momentum_step(np.array([3.0]), np.array([2.0]), np.zeros(1), lr=0.5, momentum=0.5)
    w, v = sgd_momentum_step(np.asarray(w), np.array([1.0]), np.asarray(v), lr=0.5, momentum=0.5)
    assert np.allclose(v, [2.0]), 'after two steps the velocity is not momentum * (first velocity) + (second gradient): does the gradient enter with weight 1, without a factor (1 - momentum)?'
    assert np.allclose(w, [1.0]), 'after two steps w is off: the step should use the velocity after its update'

