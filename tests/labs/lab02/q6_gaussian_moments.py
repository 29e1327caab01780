# Wrong answer for q6: the normal model's maximum-likelihood fit (mean and standard deviation), whatever nu.
def fit_student_t(x, nu):
    """Maximum-likelihood location and scale (mu_hat, sigma_hat) of x = mu + sigma * t, t ~ Student-t(nu)."""
    x = np.asarray(x, dtype=float)
    return float(np.mean(x)), float(np.std(x))
