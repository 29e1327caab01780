# Wrong answer for q4: counts Adam's steps from t = 0, so the bias correction divides by zero.
def train_logreg(X, y, n_steps=200, lr=0.05, step_fn=adam_step, softplus_fn=softplus):
    """Logistic regression by Adam on the engine's gradients, from w = 0, b = 0."""
    w, b = Tensor(np.zeros(X.shape[1])), Tensor(0.0)
    m_w, v_w, m_b, v_b = np.zeros(X.shape[1]), np.zeros(X.shape[1]), 0.0, 0.0
    losses = []
    for t in range(n_steps):
        z = X @ w + b
        loss = (softplus_fn(z) - y * z).mean()
        losses.append(float(loss.data))
        w.zero_grad()
        b.zero_grad()
        loss.backward()
        w.data, m_w, v_w = step_fn(w.data, w.grad, m_w, v_w, t, lr=lr)
        b.data, m_b, v_b = step_fn(b.data, b.grad, m_b, v_b, t, lr=lr)
    return w.data, float(b.data), losses
