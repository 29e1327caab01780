# Wrong answer for q1: tanh on the three gates and the sigmoid on the candidate, the other way round.
def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    """One LSTM step for a batch: x (B, D), h and c (B, H), W_ih (4H, D), W_hh (4H, H), b_ih and b_hh (4H,),
    gates in PyTorch's order i, f, g, o. Returns (h_new, c_new), each (B, H)."""
    z = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    z_i, z_f, z_g, z_o = z.chunk(4, dim=1)
    i, f, o = torch.tanh(z_i), torch.tanh(z_f), torch.tanh(z_o)
    g = torch.sigmoid(z_g)
    c_new = f * c + i * g
    h_new = o * torch.tanh(c_new)
    return h_new, c_new
