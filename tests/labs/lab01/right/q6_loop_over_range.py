def weight_path(X, y, lam, lr, checkpoints):
    """A plain loop over the steps, recording when the step count is a checkpoint."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    wanted = set(int(c) for c in checkpoints)
    w = np.zeros(X.shape[1])
    recorded = {}
    for t in range(max(wanted) + 1):
        if t in wanted:
            recorded[t] = w.copy()
        w = (1 - lr * lam) * w - lr * X.T @ (sigmoid(X @ w) - y) / len(y)
    return np.array([recorded[int(c)] for c in checkpoints])
