# Wrong answer for q5: summed over every cell, so a zero cell gives 0 * log 0 = nan.
def mutual_information(pxy, base=None):
    """Mutual information I(X; Y) of the joint table pxy[i, j] = p(x_i, y_j), in nats or log-base units."""
    pxy = as_distribution(pxy, "pxy")
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    mi = np.sum(pxy * np.log(pxy / (px * py)))
    if base is not None:
        mi = mi / np.log(base)
    return float(mi)
