# Wrong answer for q2: the log of a computed sigmoid; log(0) = -inf once sigmoid rounds to 0 or 1.
def nll(z, y):
    """Mean negative log-likelihood of labels y in {0, 1} when p(y = 1) = sigmoid(z)."""
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    p = sigmoid(z)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
