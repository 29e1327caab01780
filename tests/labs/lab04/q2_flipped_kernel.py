# Wrong answer for q2: flips the kernel (the convolution of signal processing) instead of the cross-correlation torch computes.
def conv2d(x, w, stride=1, padding=0, dilation=1):
    """Cross-correlation of x (N, C_in, H, W) with w (C_out, C_in, kh, kw): (N, C_out, H_out, W_out)."""
    N, C_in, H, W = x.shape
    C_out, _, kh, kw = w.shape
    s, p, d = stride, padding, dilation
    w = w[:, :, ::-1, ::-1]
    H_out = (H + 2 * p - d * (kh - 1) - 1) // s + 1
    W_out = (W + 2 * p - d * (kw - 1) - 1) // s + 1
    xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
    y = np.zeros((N, C_out, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            window = xp[:, :, s * i:s * i + d * (kh - 1) + 1:d, s * j:s * j + d * (kw - 1) + 1:d]
            y[:, :, i, j] = np.einsum("ncuv,ocuv->no", window, w)
    return y
