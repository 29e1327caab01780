# Wrong answer for q8: the sample's joint frequencies are compared with the TRUE marginals px * py,
# not with the product of the sample's marginals (that is KL(p_hat || px py), not the plug-in I).
def plugin_mi_bias(px, py, n, trials=500, seed=0):
    """Mean plug-in estimate (nats) of I(X; Y) over `trials` samples of n independent pairs X ~ px, Y ~ py."""
    px, py = as_distribution(px, "px"), as_distribution(py, "py")
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(trials):
        x, y = rng.choice(px.size, size=n, p=px), rng.choice(py.size, size=n, p=py)
        counts = np.zeros((px.size, py.size))
        np.add.at(counts, (x, y), 1.0)
        out.append(kl_divergence((counts / n).ravel(), np.outer(px, py).ravel()))
    return float(np.mean(out))
