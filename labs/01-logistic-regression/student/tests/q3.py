from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_nll_grad_at_zero(env):
    """At w = 0 every prediction is 1/2. (While this runs, scipy's expit stands in for your sigmoid,
    so that a mistake in Question 1 costs no points here.)"""
    import numpy as np
    from scipy.special import expit
    own_sigmoid = env.get('sigmoid')
    env['sigmoid'] = expit
    try:
        X = np.array([[1.0, 2.0, -1.0], [1.0, -0.5, 0.5], [1.0, 1.5, 2.0], [1.0, -2.0, 0.0], [1.0, 0.0, 1.0]])
        y = np.array([1, 0, 1, 0, 0])
        g = env['nll_grad'](np.zeros(3), X, y)
        assert g is not None, 'nll_grad returned None: replace the ... with code that returns the result'
        assert np.shape(g) == (3,), f'the gradient should have the shape of w, (3,), got {np.shape(g)}'
        err = np.abs(np.asarray(g, dtype=float) - np.array([0.1, -0.6, 0.05])).max()
        assert err < 1e-12, f'at w = 0 every prediction is 1/2; your gradient differs from the true one there by up to {err:.2g} (check its sign, and that it is a mean over the N examples)'
    finally:
        env['sigmoid'] = own_sigmoid

