# Wrong answer for q8: the simulation is right, but the estimate is in bits, not nats.
def plugin_mi_bias(px, py, n, trials=500, seed=0):
    """Mean plug-in estimate (nats) of I(X; Y) over `trials` samples of n independent pairs X ~ px, Y ~ py."""
    px, py = as_distribution(px, "px"), as_distribution(py, "py")
    rng = np.random.default_rng(seed)
    total = 0.0
    for _ in range(trials):
        x, y = rng.choice(px.size, size=n, p=px), rng.choice(py.size, size=n, p=py)
        counts = np.zeros((px.size, py.size))
        np.add.at(counts, (x, y), 1.0)
        total += mutual_information(counts / n, base=2)
    return total / trials
