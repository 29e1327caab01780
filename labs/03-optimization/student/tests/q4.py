from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_adamw_first_step(adamw_step, env):
    """One step from a zero state: a coordinate with zero loss gradient only decays; the others also take Adam's step."""
    import numpy as np
    from utils.remote import kernel_object
    w, g = (np.array([2.0, -1.0, 0.5]), np.array([0.0, 3.0, -0.01]))
    given = [kernel_object(env, a) for a in (w.copy(), np.zeros(3), np.zeros(3))]
    out = adamw_step(given[0], g, given[1], given[2], 1, lr=0.1, weight_decay=0.5)
    assert out is not None and len(out) == 3, 'adamw_step should return a triple (w, m, v)'
    w1, m1, v1 = (np.asarray(a, dtype=float) for a in out)
    assert w1.shape == m1.shape == v1.shape == (3,), 'w, m and v should keep the shape of w, (3,)'
    assert all((np.allclose(np.asarray(a), b) for a, b in zip(given, (w, 0.0, 0.0)))), 'w, m or v was modified in place: write w = w - ..., not w -= ...'
    assert np.allclose(m1, 0.1 * g) and np.allclose(v1, 0.001 * g ** 2), "m and v should be Adam's moments of the loss gradient alone (the decay must not enter them)"
    assert abs(w1[0] - w[0]) > 0.001, 'a weight whose loss gradient is zero should still decay towards 0'
    assert w1[0] < w[0] and abs(w1[0] - w[0]) < 0.1 * abs(w[0]), 'a weight with zero loss gradient decays by the wrong amount: how do lr and weight_decay enter the decay?'
    assert np.allclose(w1[1:] - w[1:] * (w1[0] / w[0]), -0.1 * np.sign(g[1:]), rtol=0.0001), "beside the decay, each coordinate should take Adam's first step (about lr times the sign of the gradient)"

