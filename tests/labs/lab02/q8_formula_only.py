# Wrong answer for q8: the large-n approximation returned instead of a simulation (wrong for small n,
# and for values of probability 0).
def plugin_mi_bias(px, py, n, trials=500, seed=0):
    """Mean plug-in estimate (nats) of I(X; Y) over `trials` samples of n independent pairs X ~ px, Y ~ py."""
    px, py = as_distribution(px, "px"), as_distribution(py, "py")
    return (px.size - 1) * (py.size - 1) / (2.0 * n)
