# Weak: the formula typed in.
def sigmoid(z):
    """Logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    z = np.asarray(z, dtype=float)
    return 1.0 / (1.0 + np.exp(-z))
