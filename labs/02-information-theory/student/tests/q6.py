from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_fit_student_t_is_a_maximum(fit_student_t):
    """Small data sets: a pair of floats, equivariant under shifts and rescaling, at a stationary point."""
    import numpy as np
    from scipy.special import gammaln
    from scipy.optimize import minimize

    def nll(x, mu, sigma, nu):
        """Average negative log-likelihood of the location-scale Student-t model."""
        z = (x - mu) / sigma
        return float(np.mean(-gammaln((nu + 1) / 2) + gammaln(nu / 2) + 0.5 * np.log(nu * np.pi) + np.log(sigma) + (nu + 1) / 2 * np.log1p(z * z / nu)))

    def reference_fit(x, nu):
        """The grader's own fit: EM iterations from a robust start, polished by BFGS on (mu, log sigma)."""
        mu, s2 = (np.median(x), np.median(np.abs(x - np.median(x))) ** 2)
        for _ in range(300):
            w = (nu + 1) / (nu + (x - mu) ** 2 / s2)
            mu, s2 = (np.sum(w * x) / np.sum(w), np.mean(w * (x - np.sum(w * x) / np.sum(w)) ** 2))
        c, s = (mu, np.sqrt(s2))
        res = minimize(lambda th: nll((x - c) / s, th[0], np.exp(th[1]), nu), [0.0, 0.0], method='BFGS', options={'gtol': 1e-12})
        return (c + s * res.x[0], s * np.exp(res.x[1]))

    def returned_pair(out):
        assert out is not None, 'fit_student_t returned None: return the pair (mu_hat, sigma_hat)'
        assert len(out) == 2, 'fit_student_t should return a pair (mu_hat, sigma_hat)'
        mu, sigma = (float(v) for v in out)
        assert np.isfinite(mu) and np.isfinite(sigma), 'mu_hat and sigma_hat should be finite'
        assert sigma > 0, 'the scale sigma_hat should be positive'
        return (mu, sigma)
    x = np.array([2.1, -0.4, 0.3, 1.7, 0.9, -1.2, 0.0, 0.6, 14.0, 1.1, -0.7, 0.4])
    for nu in (3.0, 30.0):
        mu, sigma = returned_pair(fit_student_t(x, nu))
        eps = 0.0001
        d_mu = (nll(x, mu + eps * sigma, sigma, nu) - nll(x, mu - eps * sigma, sigma, nu)) / (2 * eps)
        d_log_sigma = (nll(x, mu, sigma * np.exp(eps), nu) - nll(x, mu, sigma * np.exp(-eps), nu)) / (2 * eps)
        assert abs(d_mu) < 0.0002, f'nu = {nu}: moving mu_hat changes the average log-likelihood at first order, so mu_hat is not at the maximum'
        assert abs(d_log_sigma) < 0.0002, f'nu = {nu}: rescaling sigma_hat changes the average log-likelihood at first order, so sigma_hat is not at the maximum (is it the scale the likelihood picks, or a corrected or borrowed one?)'
        mu2, sigma2 = returned_pair(fit_student_t(1000.0 + 0.01 * x, nu))
        assert abs(mu2 - (1000.0 + 0.01 * mu)) < 0.001 * 0.01 * sigma and abs(sigma2 / (0.01 * sigma) - 1) < 0.001, f'nu = {nu}: shifting the data by 1000 and scaling it by 0.01 should shift and scale the fit the same way; does the search depend on the units (starting point, fixed step sizes)?'

