def softplus(x):
    """The stable form max(x, 0) + log(1 + exp(-|x|)), with log rather than log1p: tiny values for very
    negative x come out as 0, which the question allows (absolute 1e-12)."""
    x = as_tensor(x)
    value = np.maximum(x.data, 0.0) + np.log(1.0 + np.exp(-np.abs(x.data)))

    def backward(g):
        return (g * np.exp(np.minimum(x.data, 0.0)) / (1.0 + np.exp(-np.abs(x.data))),)

    return Tensor(value, parents=(x,), backward=backward, op="softplus")
