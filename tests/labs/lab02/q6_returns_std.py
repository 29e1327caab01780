# Wrong answer for q6: the standard deviation is returned where the variance is asked for.
def fit_gaussian(x):
    """Maximum-likelihood mean and variance (mu_hat, var_hat) of a normal model for the 1-D data x."""
    x = np.asarray(x, dtype=float)
    return float(np.mean(x)), float(np.std(x))
