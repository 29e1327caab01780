# Weak: gradient descent as in the chapter, with the penalty's gradient taken as (lam / 2) w.
def weight_path(X, y, lam, lr, checkpoints):
    """Gradient descent from w = 0 on the mean binary NLL + (lam / 2) ||w||^2; the weights at each checkpoint."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    out = []
    for t in range(max(checkpoints) + 1):
        if t in checkpoints:
            out.append(w.copy())
        w = w - lr * (X.T @ (sigmoid(X @ w) - y) / len(y) + lam / 2 * w)
    return np.array(out)
