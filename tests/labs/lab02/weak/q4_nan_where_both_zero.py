# Wrong answer for q4: p log(p / q) summed over every entry: 0 * log(0 / 0) is nan.
def kl_divergence(p, q, base=None):
    """KL divergence sum p log(p / q) of q from p; 0 where p = 0, inf where q = 0 < p; nats, or log-base units."""
    p, q = as_distribution(p, "p"), as_distribution(q, "q")
    d = np.sum(p * np.log(p / q))
    if base is not None:
        d = d / np.log(base)
    return float(d)
