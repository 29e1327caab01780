# Wrong answer for q3: the gradient with its sign flipped (one-hot labels minus predictions).
def softmax_loss_grad(W, X, y, lam):
    """Mean cross-entropy of softmax(X @ W) plus (lam / 2) ||W[1:]||^2, and its gradient (shape of W)."""
    W, X, y = np.asarray(W, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    N, K = len(y), W.shape[1]
    Z = X @ W
    Zs = Z - Z.max(axis=1, keepdims=True)
    log_p = Zs - np.log(np.exp(Zs).sum(axis=1, keepdims=True))
    J = -log_p[np.arange(N), y].mean() + 0.5 * lam * np.sum(W[1:] ** 2)
    R = np.eye(K)[y] - np.exp(log_p)
    G = X.T @ R / N
    G[1:] += lam * W[1:]
    return float(J), G
