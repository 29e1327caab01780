# Wrong answer for q1: rounds up where the stride does not divide, counting a window that runs off the end.
import math


def conv_output_size(size, kernel, stride=1, padding=0, dilation=1):
    """Number of outputs along one axis of a convolution (an int)."""
    return math.ceil((size + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1
