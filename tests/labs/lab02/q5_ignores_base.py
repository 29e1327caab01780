# Wrong answer for q5: right in nats, but base is ignored.
def mutual_information(pxy, base=None):
    """Mutual information I(X; Y) of the joint table pxy[i, j] = p(x_i, y_j), in nats or log-base units."""
    pxy = as_distribution(pxy, "pxy")
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    support = pxy > 0
    return float(np.sum(pxy[support] * np.log(pxy[support] / (px * py)[support])))
