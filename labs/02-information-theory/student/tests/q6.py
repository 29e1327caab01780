from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_fit_student_t_is_a_maximum(fit_student_t):
    """Small data sets: a pair of floats at a stationary point that is a maximum, equivariant under shifts and rescaling."""
    import numpy as np
    from scipy.special import gammaln

    def nll(x, mu, sigma, nu):
        """Average negative log-likelihood of the location-scale Student-t model."""
        z = (x - mu) / sigma
        return float(np.mean(-gammaln((nu + 1) / 2) + gammaln(nu / 2) + 0.5 * np.log(nu * np.pi) + np.log(sigma) + (nu + 1) / 2 * np.log1p(z * z / nu)))

    def scaled_gradient(x, mu, sigma, nu):
        """Gradient of the average negative log-likelihood in the unit-free directions (mu / sigma, log sigma)."""
        z = (x - mu) / sigma
        w = (nu + 1) / (nu + z * z)
        return (float(-np.mean(w * z)), float(1.0 - np.mean(w * z * z)))

    def returned_pair(out):
        assert out is not None, 'fit_student_t returned None: return the pair (mu_hat, sigma_hat)'
        assert len(out) == 2, 'fit_student_t should return a pair (mu_hat, sigma_hat)'
        mu, sigma = (float(v) for v in out)
        assert np.isfinite(mu) and np.isfinite(sigma), 'mu_hat and sigma_hat should be finite'
        assert sigma > 0, 'the scale sigma_hat should be positive'
        return (mu, sigma)

    def check_maximum(x, nu, where):
        mu, sigma = returned_pair(fit_student_t(x, nu))
        g_mu, g_log_sigma = scaled_gradient(x, mu, sigma, nu)
        assert abs(g_mu) < 0.0001, f'{where}: the derivative of the log-likelihood with respect to mu is not zero at mu_hat, so mu_hat is not at the maximum'
        assert abs(g_log_sigma) < 0.0001, f'{where}: the derivative of the log-likelihood with respect to sigma is not zero at sigma_hat, so sigma_hat is not at the maximum (is it the scale the likelihood picks, or a corrected or borrowed one?)'
        best = nll(x, mu, sigma, nu)
        for a in (-1, 0, 1):
            for b in (-1, 0, 1):
                if a or b:
                    other = nll(x, mu + 0.01 * a * sigma, sigma * np.exp(0.01 * b), nu)
                    assert other >= best - 1e-12, f'{where}: a nearby (mu, sigma) has a larger likelihood, so the fit is not a maximum'
        return (mu, sigma)
    x = np.array([2.1, -0.4, 0.3, 1.7, 0.9, -1.2, 0.0, 0.6, 14.0, 1.1, -0.7, 0.4])
    for nu in (3.0, 30.0):
        mu, sigma = check_maximum(x, nu, f'nu = {nu:g}')
        mu2, sigma2 = returned_pair(fit_student_t(1000.0 + 0.01 * x, nu))
        assert abs(mu2 - (1000.0 + 0.01 * mu)) < 0.001 * 0.01 * sigma and abs(sigma2 / (0.01 * sigma) - 1) < 0.001, f'nu = {nu:g}: shifting the data by 1000 and scaling it by 0.01 should shift and scale the fit the same way; does the search depend on the units (starting point, fixed step sizes)?'
        mu3, sigma3 = returned_pair(fit_student_t(-50.0 + 300.0 * x, nu))
        assert abs(mu3 - (-50.0 + 300.0 * mu)) < 0.001 * 300.0 * sigma and abs(sigma3 / (300.0 * sigma) - 1) < 0.001, f'nu = {nu:g}: shifting the data by -50 and scaling it by 300 should shift and scale the fit the same way; does the search depend on the units (starting point, fixed step sizes)?'
    y = 10000.0 + 0.001 * np.random.default_rng(63).standard_t(4.0, size=200)
    check_maximum(y, 4.0, 'N = 200, nu = 4, data around 1e4 in units of 1e-3')
    check_maximum(y, 1000000.0, 'N = 200, nu = 1e6, data around 1e4 in units of 1e-3')

