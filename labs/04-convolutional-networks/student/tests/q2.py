from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_conv2d_hand_example(conv2d):
    """The worked example: padding 1, stride 2."""
    import numpy as np
    image = np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], dtype=float)
    kernel = np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=float)
    out = conv2d(image[None, None], kernel[None, None], stride=2, padding=1)
    assert out is not None, 'conv2d returned None'
    out = np.asarray(out, dtype=float)
    assert out.shape == (1, 1, 3, 3), f'expected an output of shape (1, 1, 3, 3), got {out.shape}'
    expected = np.array([[6, 17, 3], [8, 17, 13], [6, 4, 4]], dtype=float)
    flipped = np.array([[12, 7, 7], [10, 9, 19], [6, 0, 8]], dtype=float)
    assert not np.allclose(out[0, 0], flipped), "you flipped the kernel: that is the convolution of signal processing, but conv2d (like torch's) is a cross-correlation"
    assert np.allclose(out[0, 0], expected), f'expected {expected.tolist()}, got {out[0, 0].tolist()}'

@test_case(points=None, hidden=False)
def test_conv2d_batch_and_channels(conv2d):
    """Two images, three channels in, four out, a 2 x 3 kernel, stride 1, no padding, against torch."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    rng = np.random.default_rng(401)
    x, w = (rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 2, 3)))
    out = np.asarray(conv2d(x, w), dtype=float)
    expected = F.conv2d(torch.from_numpy(x), torch.from_numpy(w)).numpy()
    assert out.shape == expected.shape, f'expected shape {expected.shape}, got {out.shape}'
    assert np.allclose(out, expected, rtol=1e-10, atol=1e-10), 'wrong values: every output channel sums over all input channels and all taps of its kernel'

