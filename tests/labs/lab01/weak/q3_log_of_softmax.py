# Weak: the chapter's gradient (P - Y) transposed to this layout, but the loss as the log of computed probabilities,
# and the penalty on every row.
def softmax_loss_grad(W, X, y, lam):
    """Mean cross-entropy of softmax(X @ W) plus (lam / 2) ||W[1:]||^2, and its gradient (shape of W)."""
    W, X, y = np.asarray(W, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    N, K = len(y), W.shape[1]
    Z = X @ W
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    Y = np.eye(K)[y]
    J = -np.mean(np.log(P[np.arange(N), y])) + 0.5 * lam * np.sum(W[1:] ** 2)
    G = X.T @ (P - Y) / N + lam * W
    return float(J), G
