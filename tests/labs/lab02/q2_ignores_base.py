# Wrong answer for q2: always in nats, whatever base is asked for.
def entropy(p, base=None):
    """Entropy -sum p log p of a distribution p (0 log 0 = 0), in nats, or in log-base units if base is given."""
    p = as_distribution(p, "p")
    nonzero = p[p > 0]
    return float(-np.sum(nonzero * np.log(nonzero)))
