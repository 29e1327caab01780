# Wrong answer for q2: the zeros are masked out with np.where, but only after np.log(0) has warned.
def entropy(p, base=None):
    """Entropy -sum p log p of a distribution p (0 log 0 = 0), in nats, or in log-base units if base is given."""
    p = as_distribution(p, "p")
    h = -np.sum(np.where(p > 0, p * np.log(p), 0.0))
    if base is not None:
        h = h / np.log(base)
    return float(h)
