# Right answer for q8: all samples drawn at once, counts by np.bincount, the plug-in I as H(X) + H(Y) - H(X, Y).
def plugin_mi_bias(px, py, n, trials=500, seed=0):
    """Mean plug-in estimate (nats) of I(X; Y) over `trials` samples of n independent pairs X ~ px, Y ~ py."""
    px, py = as_distribution(px, "px"), as_distribution(py, "py")
    rng = np.random.default_rng(seed)
    x = rng.choice(px.size, size=(trials, n), p=px)
    y = rng.choice(py.size, size=(trials, n), p=py)
    values = []
    for t in range(trials):
        joint = np.bincount(x[t] * py.size + y[t], minlength=px.size * py.size) / n
        table = joint.reshape(px.size, py.size)
        values.append(entropy(table.sum(axis=1)) + entropy(table.sum(axis=0)) - entropy(joint))
    return float(np.mean(values))
