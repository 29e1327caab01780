# Weak: the log of the probabilities, clipped away from 0 and 1 to avoid log(0).
def nll(z, y):
    """Mean negative log-likelihood of labels y in {0, 1} when p(y = 1) = sigmoid(z)."""
    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)
    p = np.clip(sigmoid(z), 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))
