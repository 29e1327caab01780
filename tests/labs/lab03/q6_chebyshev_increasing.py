# Wrong answer for q6: the right step sizes (inverse Chebyshev nodes) taken in increasing order; in floating point
# the long run of large steps at the end amplifies the rounding errors of the stiff directions.
def lr_schedule(n_steps, mu, L):
    """Step sizes eta_1..eta_T for gradient descent on a quadratic with Hessian spectrum in [mu, L]."""
    k = np.arange(n_steps)
    roots = (L + mu) / 2 + (L - mu) / 2 * np.cos(np.pi * (2 * k + 1) / (2 * n_steps))
    return np.sort(1.0 / roots)
