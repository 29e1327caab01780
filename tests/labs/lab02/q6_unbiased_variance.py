# Wrong answer for q6: the unbiased variance, dividing by N - 1: not the maximum of the likelihood.
def fit_gaussian(x):
    """Maximum-likelihood mean and variance (mu_hat, var_hat) of a normal model for the 1-D data x."""
    x = np.asarray(x, dtype=float)
    return float(np.mean(x)), float(np.var(x, ddof=1))
