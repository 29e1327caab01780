# Wrong answer for q3: only p is checked; an unnormalised q is accepted.
def cross_entropy(p, q, base=None):
    """Cross-entropy -sum p log q of q relative to p; inf where q = 0 < p; nats, or log-base units."""
    p, q = as_distribution(p, "p"), np.asarray(q, dtype=float)
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    h = -np.sum(p[support] * np.log(q[support]))
    if base is not None:
        h = h / np.log(base)
    return float(h)
