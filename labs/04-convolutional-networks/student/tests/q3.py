from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_backward_by_hand(conv2d_backward):
    """One row of 4 pixels, a kernel (a, b) = (1, -1), stride 1, upstream gradient of ones: y_j = a x_j + b x_{j+1}."""
    import numpy as np
    x = np.array([1.0, 2.0, 3.0, 4.0]).reshape(1, 1, 1, 4)
    w = np.array([1.0, -1.0]).reshape(1, 1, 1, 2)
    out = conv2d_backward(np.ones((1, 1, 1, 3)), x, w)
    assert out is not None and len(out) == 2, 'conv2d_backward should return a pair (grad_x, grad_w)'
    grad_x, grad_w = (np.asarray(a, dtype=float) for a in out)
    assert grad_x.shape == x.shape and grad_w.shape == w.shape, f'grad_x should have the shape of x {x.shape} and grad_w that of w {w.shape}; got {grad_x.shape} and {grad_w.shape}'
    assert np.allclose(grad_w.ravel(), [1 + 2 + 3, 2 + 3 + 4]), f'dL/da = x_0 + x_1 + x_2 = 6 and dL/db = x_1 + x_2 + x_3 = 9; got {grad_w.ravel().tolist()}'
    assert np.allclose(grad_x.ravel(), [1, 0, 0, -1]), f'dL/dx = (a, a + b, a + b, b) = (1, 0, 0, -1), got {grad_x.ravel().tolist()}: the middle pixels are in two windows and receive the sum of both contributions'

@test_case(points=None, hidden=False)
def test_backward_matches_autograd(conv2d_backward):
    """Two images, two channels in, three out, 3 x 3 kernel, stride 1, no padding, against torch's autograd."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    rng = np.random.default_rng(403)
    x, w = (rng.standard_normal((2, 2, 6, 5)), rng.standard_normal((3, 2, 3, 3)))
    xt, wt = (torch.tensor(x, requires_grad=True), torch.tensor(w, requires_grad=True))
    y = F.conv2d(xt, wt)
    g = rng.standard_normal(tuple(y.shape))
    y.backward(torch.from_numpy(g))
    grad_x, grad_w = (np.asarray(a, dtype=float) for a in conv2d_backward(g, x, w))
    assert np.allclose(grad_w, wt.grad.numpy(), rtol=1e-09, atol=1e-10), 'grad_w differs from autograd: it sums over the whole batch and all output positions'
    assert np.allclose(grad_x, xt.grad.numpy(), rtol=1e-09, atol=1e-10), 'grad_x differs from autograd'

