# Wrong answer for q2: the formula typed in literally; np.log(0) gives -inf, 0 * -inf gives nan.
def entropy(p, base=None):
    """Entropy -sum p log p of a distribution p (0 log 0 = 0), in nats, or in log-base units if base is given."""
    p = as_distribution(p, "p")
    h = -np.sum(p * np.log(p))
    if base is not None:
        h = h / np.log(base)
    return float(h)
