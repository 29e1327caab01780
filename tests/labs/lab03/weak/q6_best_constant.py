# Wrong answer for q6: the best constant step 2 / (L + mu) at every step.
def lr_schedule(n_steps, mu, L):
    """Step sizes eta_1..eta_T for gradient descent on a quadratic with Hessian spectrum in [mu, L]."""
    return np.full(n_steps, 2.0 / (L + mu))
