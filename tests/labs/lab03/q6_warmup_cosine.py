# Wrong answer for q6: a linear warm-up to just under 2 / L, then a cosine decay (never above the stable step).
def lr_schedule(n_steps, mu, L):
    """Step sizes eta_1..eta_T for gradient descent on a quadratic with Hessian spectrum in [mu, L]."""
    peak, warm = 1.95 / L, max(1, n_steps // 10)
    t = np.arange(n_steps)
    cosine = 0.5 * peak * (1 + np.cos(np.pi * (t - warm) / (n_steps - warm)))
    return np.where(t < warm, peak * (t + 1) / warm, np.maximum(cosine, 1.0 / L))
