# Wrong answer for q5: the two runs share one pair of moment estimates (m, v).
def adam_l2_and_adamw(w0, grad_fn, n_steps, lr, weight_decay, step_fn=None, decoupled_step_fn=None):
    """Adam with an L2 penalty in the gradient, and AdamW, from w0; returns (w_coupled, w_decoupled)."""
    step_fn = adam_step if step_fn is None else step_fn
    decoupled_step_fn = adamw_step if decoupled_step_fn is None else decoupled_step_fn
    w0 = np.asarray(w0, dtype=float)
    w_c, w_d, m, v = w0.copy(), w0.copy(), np.zeros_like(w0), np.zeros_like(w0)
    for t in range(1, n_steps + 1):
        w_c, m, v = step_fn(w_c, np.asarray(grad_fn(w_c)) + weight_decay * w_c, m, v, t, lr=lr)
        w_d, m, v = decoupled_step_fn(w_d, np.asarray(grad_fn(w_d)), m, v, t, lr=lr, weight_decay=weight_decay)
    return w_c, w_d
