# Wrong answer for q4: the decay shrinks the weights by (1 - weight_decay), without the learning rate.
def adamw_step(w, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    """One AdamW step (torch.optim.AdamW's convention), t = 1, 2, ...; returns (w, m, v)."""
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    w = w * (1 - weight_decay) - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w, m, v
