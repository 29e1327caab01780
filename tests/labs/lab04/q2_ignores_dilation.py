# Wrong answer for q2: the output size accounts for the dilation, but the window's taps are read contiguously.
def conv2d(x, w, stride=1, padding=0, dilation=1):
    """Cross-correlation of x (N, C_in, H, W) with w (C_out, C_in, kh, kw): (N, C_out, H_out, W_out)."""
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    s, p, d = stride, padding, dilation
    H_out = (H + 2 * p - d * (kh - 1) - 1) // s + 1
    W_out = (W + 2 * p - d * (kw - 1) - 1) // s + 1
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    y = np.zeros((N, C_out, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = xp[:, :, s * i:s * i + kh, s * j:s * j + kw]
            y[:, :, i, j] = np.einsum("ncuv,ocuv->no", window, w)
    return y
