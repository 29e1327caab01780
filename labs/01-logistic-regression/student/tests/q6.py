from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_weight_path_first_steps(weight_path):
    """Shape, w_0 = 0, and the first step from w = 0, where every prediction is 1/2."""
    import numpy as np
    X = np.array([[1.0, 2.0], [-1.0, 0.5], [2.0, -1.0], [-0.5, -2.0]])
    y = np.array([1, 0, 1, 0])
    out = weight_path(X, y, 0.5, 0.1, [0, 1, 2])
    assert out is not None, 'weight_path returned None: replace the ... with code that returns the path'
    out = np.asarray(out, dtype=float)
    assert out.shape == (3, 2), f'three checkpoints in 2 dimensions should give shape (3, 2), got {out.shape}'
    assert np.all(out[0] == 0), 'row 0 (checkpoint 0) should be the starting point w = 0'
    first = -0.1 * (X.T @ (0.5 - y) / 4)
    assert np.allclose(out[1], first, rtol=1e-12, atol=1e-15), 'the first step from w = 0 is wrong (direction, learning rate, or mean over the examples)'
    assert not np.allclose(out[2], out[1]), 'the second checkpoint should be one more step along'

@test_case(points=None, hidden=False)
def test_weight_path_penalised_limit(weight_path):
    """With lam > 0, the path must settle at the minimiser of J_lam (found here by scipy), whatever the data."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.special import log_expit
    rng = np.random.default_rng(61)
    X = rng.standard_normal((30, 3))
    y = (X @ np.array([1.0, -2.0, 0.5]) + 0.5 * rng.standard_normal(30) > 0).astype(int)
    lam = 0.05

    def J(w):
        z = X @ w
        return -np.mean(y * log_expit(z) + (1 - y) * log_expit(-z)) + 0.5 * lam * w @ w
    best = minimize(J, np.zeros(3), method='BFGS', options={'gtol': 1e-12}).x
    path = np.asarray(weight_path(X, y, lam, 1.0, [2000, 3000]), dtype=float)
    assert np.allclose(path[0], path[1], atol=1e-09), 'with lam > 0 and lr = 1 the path should have settled after 2000 steps'
    assert np.allclose(path[1], best, atol=1e-06), 'the path settles, but not at the minimiser of J_lam: check the gradient of the penalty, and the mean over the examples'

