# Wrong answer for q4: the formula as written, which overflows for logits above about 709.
def softmax(Z):
    """Row-wise softmax of an (N, K) array of logits; every row of the result sums to 1."""
    Z = np.asarray(Z, dtype=float)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)
