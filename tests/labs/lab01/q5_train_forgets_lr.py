# Wrong answer for q5: the step ignores the learning rate.
def train(X, y, lr=0.5, n_steps=200, loss_fn=nll, grad_fn=nll_grad):
    """Gradient descent on the mean negative log-likelihood, from w = 0."""
    w = np.zeros(X.shape[1])
    losses = []
    for _ in range(n_steps):
        losses.append(float(loss_fn(X @ w, y)))
        w = w - grad_fn(w, X, y)
    return w, losses
