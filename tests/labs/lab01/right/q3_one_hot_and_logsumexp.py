def softmax_loss_grad(W, X, y, lam):
    """Written another way: a one-hot matrix, log-sum-exp with the row maximum added back, the penalty as a mask."""
    W, X, y = np.asarray(W, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    N, K = X.shape[0], W.shape[1]
    Y = np.eye(K)[y]                                       # (N, K) one-hot
    Z = X @ W
    m = Z.max(axis=1)
    lse = m + np.log(np.sum(np.exp(Z - m[:, None]), axis=1))
    mask = np.ones_like(W)
    mask[0] = 0.0
    J = np.sum(lse - np.sum(Y * Z, axis=1)) / N + lam / 2 * np.sum((mask * W) ** 2)
    P = np.exp(Z - lse[:, None])
    G = (P - Y).T @ X / N
    return float(J), G.T + lam * mask * W
