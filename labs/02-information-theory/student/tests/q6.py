from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_fit_gaussian_small_example(fit_gaussian):
    """Four numbers whose estimates can be checked by hand."""
    import numpy as np
    out = fit_gaussian(np.array([1.0, 2.0, 3.0, 4.0]))
    assert out is not None and len(out) == 2, 'fit_gaussian should return a pair (mu_hat, var_hat)'
    mu, var = (float(v) for v in out)
    assert abs(mu - 2.5) < 1e-12, f'the mean of 1, 2, 3, 4 is 2.5, got {mu:.6g}'
    assert var > 0, f'a variance is positive, got {var:.6g}'
    assert abs(var - 1.25) < 1e-12, f'the maximum-likelihood variance of 1, 2, 3, 4 is 1.25, got {var:.6g}' + (': that is the standard deviation' if abs(var ** 2 - 1.25) < 1e-09 else '') + (': check the normaliser that d ell / d sigma^2 = 0 gives' if abs(var - 5 / 3) < 1e-09 else '')

