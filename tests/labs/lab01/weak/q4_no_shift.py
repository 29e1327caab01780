# Weak: the formula typed in.
def softmax(Z):
    """Row-wise softmax of an (N, K) array of logits; every row of the result sums to 1."""
    Z = np.asarray(Z, dtype=float)
    return np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
