# Wrong answer for q3: returns the local derivative sigma(x) without multiplying by the upstream gradient g.
def softplus(x):
    """log(1 + exp(x)) elementwise, as an operation of utils.autodiff with gradient sigmoid(x)."""
    x = as_tensor(x)
    value = np.logaddexp(0.0, x.data)

    def backward(g):
        e = np.exp(-np.abs(x.data))
        return (np.where(x.data >= 0, 1.0 / (1.0 + e), e / (1.0 + e)),)

    return Tensor(value, parents=(x,), backward=backward, op="softplus")
