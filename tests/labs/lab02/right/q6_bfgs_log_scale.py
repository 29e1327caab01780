# Right answer for q6: the negative log-likelihood minimised by BFGS over (mu, log sigma), in standardised units.
def fit_student_t(x, nu):
    """Maximum-likelihood location and scale (mu_hat, sigma_hat) of x = mu + sigma * t, t ~ Student-t(nu)."""
    x = np.asarray(x, dtype=float)
    from scipy.optimize import minimize
    c = float(np.median(x))
    s = float(np.median(np.abs(x - c))) or float(np.std(x)) or 1.0
    z0 = (x - c) / s

    def nll(theta):
        m, log_sigma = theta
        z = (z0 - m) * np.exp(-log_sigma)
        value = np.mean(log_sigma + (nu + 1) / 2 * np.log1p(z * z / nu))
        g = (nu + 1) * z / (nu + z * z)
        grad = np.array([-np.mean(g * np.exp(-log_sigma)), np.mean(1.0 - g * z)])
        return value, grad

    res = minimize(nll, [0.0, 0.0], jac=True, method="BFGS", options={"gtol": 1e-10})
    return c + s * float(res.x[0]), s * float(np.exp(res.x[1]))
