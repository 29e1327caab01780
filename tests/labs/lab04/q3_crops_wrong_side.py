# Wrong answer for q3: cuts the padding off at the bottom and right only, so grad_x is shifted by the padding.
def conv2d_backward(grad_out, x, w, stride=1, padding=0, dilation=1):
    """Gradients of the loss wrt x and w, given grad_out = dL/dy (N, C_out, H_out, W_out); returns (grad_x, grad_w)."""
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    s, p, d = stride, padding, dilation
    H_out, W_out = grad_out.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    grad_xp = np.zeros_like(xp, dtype=float)
    grad_w = np.zeros(w.shape)
    for i in range(H_out):
        for j in range(W_out):
            rows = slice(s * i, s * i + d * (kh - 1) + 1, d)
            cols = slice(s * j, s * j + d * (kw - 1) + 1, d)
            g = grad_out[:, :, i, j]
            grad_w += np.einsum("no,ncuv->ocuv", g, xp[:, :, rows, cols])
            grad_xp[:, :, rows, cols] += np.einsum("no,ocuv->ncuv", g, w)
    return grad_xp[:, :, :H, :W], grad_w
