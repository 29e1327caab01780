# Wrong answer for q5: momentum, but stepping along the gradient (uphill) instead of against it.
def fit_softmax(objective, W0):
    """Minimise objective (W -> (J, G)) from W0 with at most 200 calls; return the final weights."""
    W = np.array(W0, dtype=float)
    velocity = np.zeros_like(W)
    for _ in range(200):
        _, G = objective(W)
        velocity = 0.9 * velocity + np.asarray(G, dtype=float)
        W = W + 0.01 * velocity
    return W
