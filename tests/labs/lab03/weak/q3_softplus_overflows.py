# Wrong answer for q3: the literal formula; np.exp(x) overflows for large x.
def softplus(x):
    """log(1 + exp(x)) elementwise, as an operation of utils.autodiff with gradient sigmoid(x)."""
    x = as_tensor(x)
    value = np.log(1.0 + np.exp(x.data))
    return Tensor(value, parents=(x,), backward=lambda g: (g / (1.0 + np.exp(-x.data)),), op="softplus")
