def adam_l2_and_adamw(w0, grad_fn, n_steps, lr, weight_decay, step_fn=None, decoupled_step_fn=None):
    """Both runs through one helper: the coupled one folds the penalty's gradient into grad."""
    step_fn = adam_step if step_fn is None else step_fn
    decoupled_step_fn = adamw_step if decoupled_step_fn is None else decoupled_step_fn

    def run(step, gradient):
        w = np.array(w0, dtype=float)
        m, v = np.zeros_like(w), np.zeros_like(w)
        for t in range(n_steps):
            w, m, v = step(w, gradient(w), m, v, t + 1)
            w, m, v = np.asarray(w), np.asarray(m), np.asarray(v)
        return w

    coupled = run(lambda w, g, m, v, t: step_fn(w, g, m, v, t, lr=lr), lambda w: grad_fn(w) + weight_decay * w)
    decoupled = run(lambda w, g, m, v, t: decoupled_step_fn(w, g, m, v, t, lr=lr, weight_decay=weight_decay), grad_fn)
    return coupled, decoupled
