# Wrong answer for q2: Adam without the bias correction (the first steps are ~3x too large).
def adam_step(w, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam step (torch.optim.Adam's convention), t = 1, 2, ...; returns (w, m, v)."""
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    w = w - lr * m / (np.sqrt(v) + eps)
    return w, m, v
