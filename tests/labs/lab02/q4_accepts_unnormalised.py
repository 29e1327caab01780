# Wrong answer for q4: the arguments are normalised instead of checked.
def kl_divergence(p, q, base=None):
    """KL divergence sum p log(p / q) of q from p; 0 where p = 0, inf where q = 0 < p; nats, or log-base units."""
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    p, q = p / p.sum(), q / q.sum()
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    d = np.sum(p[support] * np.log(p[support] / q[support]))
    if base is not None:
        d = d / np.log(base)
    return float(d)
