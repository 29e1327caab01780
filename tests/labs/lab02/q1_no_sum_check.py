# Wrong answer for q1: negative entries are refused, but an unnormalised array is accepted.
def as_distribution(p, name="p"):
    """p as a float array, after checking that its entries are >= 0 and sum to 1; ValueError otherwise."""
    p = np.asarray(p, dtype=float)
    if np.any(p < 0):
        raise ValueError(f"{name} has negative entries")
    return p
