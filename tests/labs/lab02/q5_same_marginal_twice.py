# Wrong answer for q5: both "marginals" are row sums; the product is not p(x) p(y).
def mutual_information(pxy, base=None):
    """Mutual information I(X; Y) of the joint table pxy[i, j] = p(x_i, y_j), in nats or log-base units."""
    pxy = as_distribution(pxy, "pxy")
    px = pxy.sum(axis=1)
    py = pxy.sum(axis=1)
    outer = np.outer(px, py)
    support = pxy > 0
    mi = np.sum(pxy[support] * np.log(pxy[support] / outer[support]))
    if base is not None:
        mi = mi / np.log(base)
    return float(mi)
