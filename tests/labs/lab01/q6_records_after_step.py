# Wrong answer for q6: records the weights after taking the step, so every checkpoint is one step late.
def weight_path(X, y, lam, lr, checkpoints):
    """Gradient descent from w = 0 on the mean binary NLL + (lam / 2) ||w||^2; the weights at each checkpoint."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    out = []
    for t in range(max(checkpoints) + 1):
        w = w - lr * (X.T @ (sigmoid(X @ w) - y) / len(y) + lam * w)
        if t in checkpoints:
            out.append(w.copy())
    return np.array(out)
