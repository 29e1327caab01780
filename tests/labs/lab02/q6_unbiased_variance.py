# Wrong answer for q6: the fixed-point iteration is right, but the squared scale divides by N - 1
# ("unbiased"), which is not where the likelihood is largest (the 1/N of the normal MLE carries over).
def fit_student_t(x, nu):
    """Maximum-likelihood location and scale (mu_hat, sigma_hat) of x = mu + sigma * t, t ~ Student-t(nu)."""
    x = np.asarray(x, dtype=float)
    mu, s2 = float(np.median(x)), float(np.var(x))
    for _ in range(5000):
        w = (nu + 1.0) / (nu + (x - mu) ** 2 / s2)
        mu = float(np.sum(w * x) / np.sum(w))
        s2 = float(np.sum(w * (x - mu) ** 2) / (len(x) - 1))
    return mu, float(np.sqrt(s2))
