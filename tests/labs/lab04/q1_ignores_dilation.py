# Wrong answer for q1: treats a dilated kernel as if its taps were contiguous (span k instead of d(k - 1) + 1).
def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    """Number of outputs along one axis of a convolution (an int)."""
    return (size + 2 * padding - kernel) // stride + 1
