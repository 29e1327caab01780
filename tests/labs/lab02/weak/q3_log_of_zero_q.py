# Wrong answer for q3: log q is taken everywhere, so a zero in q (even where p = 0) gives nan.
def cross_entropy(p, q, base=None):
    """Cross-entropy -sum p log q of q relative to p; inf where q = 0 < p; nats, or log-base units."""
    p, q = as_distribution(p, "p"), as_distribution(q, "q")
    h = -np.sum(p * np.log(q))
    if base is not None:
        h = h / np.log(base)
    return float(h)
