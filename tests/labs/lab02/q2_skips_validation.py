# Wrong answer for q2: p is never checked, so counts or an unnormalised array give a number.
def entropy(p, base=None):
    """Entropy -sum p log p of a distribution p (0 log 0 = 0), in nats, or in log-base units if base is given."""
    p = np.asarray(p, dtype=float)
    nonzero = p[p > 0]
    h = -np.sum(nonzero * np.log(nonzero))
    if base is not None:
        h = h / np.log(base)
    return float(h)
