def fit_softmax(objective, W0):
    """Plain gradient descent, with a learning rate tuned by looking at the loss: 200 calls."""
    W = np.array(W0, dtype=float)
    for _ in range(200):
        _, G = objective(W)
        W = W - 4.0 * np.asarray(G, dtype=float)
    return W
