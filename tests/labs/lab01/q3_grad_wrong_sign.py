# Wrong answer for q3: the gradient with its sign flipped (the ascent direction).
def nll_grad(w, X, y):
    """Gradient with respect to w of nll(X @ w, y); shape (d,)."""
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return X.T @ (y - sigmoid(X @ w)) / len(y)
