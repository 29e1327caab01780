# Wrong answer for q2: every layer reads the input x instead of the output sequence of the layer below (runs only when D == H).
def lstm_forward(x, state, layers, cell=lstm_cell):
    """A stacked LSTM over x (B, T, D), batch first; state None or (h0, c0), each (L, B, H);
    layers a list of L tuples (W_ih, W_hh, b_ih, b_hh). Returns (out (B, T, H), (h_n, c_n) each (L, B, H))."""
    B, T, _ = x.shape
    L, H = len(layers), layers[0][1].shape[1]
    if state is None:
        h0 = c0 = x.new_zeros(L, B, H)
    else:
        h0, c0 = state
    h_last, c_last = [], []
    for l, (W_ih, W_hh, b_ih, b_hh) in enumerate(layers):
        h, c = h0[l], c0[l]
        steps = []
        for t in range(T):
            h, c = cell(x[:, t], h, c, W_ih, W_hh, b_ih, b_hh)
            steps.append(h)
        out = torch.stack(steps, dim=1)
        h_last.append(h)
        c_last.append(c)
    h_n, c_n = torch.stack(h_last), torch.stack(c_last)
    return out, (h_n, c_n)
