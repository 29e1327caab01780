def fit_softmax(objective, W0):
    """Adam with bias correction, 150 calls."""
    W = np.array(W0, dtype=float)
    m, v = np.zeros_like(W), np.zeros_like(W)
    for t in range(1, 151):
        _, G = objective(W)
        G = np.asarray(G, dtype=float)
        m = 0.9 * m + 0.1 * G
        v = 0.999 * v + 0.001 * G * G
        W = W - 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return W
