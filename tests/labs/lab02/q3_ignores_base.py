# Wrong answer for q3: base is ignored (always nats).
def cross_entropy(p, q, base=None):
    """Cross-entropy -sum p log q of q relative to p; inf where q = 0 < p; nats, or log-base units."""
    p, q = as_distribution(p, "p"), as_distribution(q, "q")
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(-np.sum(p[support] * np.log(q[support])))
