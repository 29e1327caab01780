# Wrong answer for q4: computes KL(q || p) instead of KL(p || q).
def kl_divergence(p, q, base=None):
    """KL divergence sum p log(p / q) of q from p; 0 where p = 0, inf where q = 0 < p; nats, or log-base units."""
    p, q = as_distribution(p, "p"), as_distribution(q, "q")
    support = q > 0
    if np.any(p[support] == 0):
        return float("inf")
    d = np.sum(q[support] * np.log(q[support] / p[support]))
    if base is not None:
        d = d / np.log(base)
    return float(d)
