# Wrong answer for q1: right values, but c is updated in place (c.mul_), overwriting the caller's cell state.
def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """One LSTM step for a batch: x (B, D), h and c (B, H), W_ih (4H, D), W_hh (4H, H), b_ih and b_hh (4H,),
    gates in PyTorch's order i, f, g, o. Returns (h_new, c_new), each (B, H)."""
    z = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    z_i, z_f, z_g, z_o = z.chunk(4, dim=1)
    i, f, o = torch.sigmoid(z_i), torch.sigmoid(z_f), torch.sigmoid(z_o)
    g = torch.tanh(z_g)
    c_new = c.mul_(f).add_(i * g)
    h_new = o * torch.tanh(c_new)
    return h_new, c_new
