# Wrong answer for q5: plain gradient descent that reaches the accuracy, but with 1000 calls of the objective.
def fit_softmax(objective, W0):
    """Minimise objective (W -> (J, G)) from W0 with at most 200 calls; return the final weights."""
    W = np.array(W0, dtype=float)
    for _ in range(1000):
        _, G = objective(W)
        W = W - 1.0 * np.asarray(G, dtype=float)
    return W
