# Wrong answer for q1: an unnormalised array is divided by its sum instead of being refused.
def as_distribution(p, name="p"):
    """p as a float array, after checking that its entries are >= 0 and sum to 1; ValueError otherwise."""
    p = np.asarray(p, dtype=float)
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError(f"{name} has negative or non-finite entries")
    return p / p.sum()
