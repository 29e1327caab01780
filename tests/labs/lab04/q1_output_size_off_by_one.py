# Wrong answer for q1: counts H + 2p - d(k - 1) positions (the "- 1" forgotten): one output too many when the stride is 1.
def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    """Number of outputs along one axis of a convolution (an int)."""
    return (size + 2 * padding - dilation * (kernel - 1)) // stride + 1
