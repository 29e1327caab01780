# Wrong answer for q6: the median as the location (robust, but not the maximum-likelihood location),
# with the scale optimised at that location.
def fit_student_t(x, nu):
    """Maximum-likelihood location and scale (mu_hat, sigma_hat) of x = mu + sigma * t, t ~ Student-t(nu)."""
    x = np.asarray(x, dtype=float)
    from scipy.optimize import minimize_scalar
    from scipy.special import gammaln
    mu = float(np.median(x))

    def nll(log_s):
        z = (x - mu) / np.exp(log_s)
        return np.mean(log_s + (nu + 1) / 2 * np.log1p(z * z / nu))

    c = np.log(np.std(x))
    res = minimize_scalar(nll, bracket=(c - 1, c), tol=1e-12)
    return mu, float(np.exp(res.x))
