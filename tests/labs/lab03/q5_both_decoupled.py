# Wrong answer for q5: both runs use the decoupled step (weight decay passed to the AdamW step twice).
def adam_l2_and_adamw(w0, grad_fn, n_steps, lr, weight_decay, step_fn=None, decoupled_step_fn=None):
    """Adam with an L2 penalty in the gradient, and AdamW, from w0; returns (w_coupled, w_decoupled)."""
    decoupled_step_fn = adamw_step if decoupled_step_fn is None else decoupled_step_fn
    w0 = np.asarray(w0, dtype=float)
    w, m, v = w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    for t in range(1, n_steps + 1):
        w, m, v = decoupled_step_fn(w, np.asarray(grad_fn(w)), m, v, t, lr=lr, weight_decay=weight_decay)
    return w.copy(), w.copy()
