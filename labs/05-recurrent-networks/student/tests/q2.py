from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_lstm_forward_one_layer(lstm_forward):
    """One layer, 2 sequences of 5 steps, zero initial state, against nn.LSTM with the same weights in float64."""
    import torch
    g = torch.Generator().manual_seed(511)
    ref = torch.nn.LSTM(3, 4, num_layers=1, batch_first=True).double()
    with torch.no_grad():
        for p in ref.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64))
    step = torch.nn.LSTMCell(3, 4).double()
    calls = []

    def torch_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
        calls.append(tuple(x.shape))
        weights = {'weight_ih': W_ih, 'weight_hh': W_hh, 'bias_ih': b_ih, 'bias_hh': b_hh}
        return torch.func.functional_call(step, weights, (x, (h, c)))
    layers = [(ref.weight_ih_l0, ref.weight_hh_l0, ref.bias_ih_l0, ref.bias_hh_l0)]
    x = torch.randn(2, 5, 3, generator=g, dtype=torch.float64)
    with torch.no_grad():
        out_ref, (h_ref, c_ref) = ref(x)
        result = lstm_forward(x, None, layers, cell=torch_cell)
    assert result is not None and len(result) == 2, 'lstm_forward should return (out, (h_n, c_n))'
    out, (h_n, c_n) = result
    assert len(calls) == 5, f'lstm_forward should call the cell it is given (the argument `cell`) once per step and layer, 5 times here; it called it {len(calls)} times'
    assert tuple(out.shape) == (2, 5, 4), f'out should have shape (B, T, H) = (2, 5, 4), got {tuple(out.shape)}'
    assert tuple(h_n.shape) == (1, 2, 4) and tuple(c_n.shape) == (1, 2, 4), f'h_n and c_n should have shape (L, B, H) = (1, 2, 4), got {tuple(h_n.shape)} and {tuple(c_n.shape)}'
    assert torch.allclose(out[:, 0], out_ref[:, 0], rtol=1e-10, atol=1e-12), "the first step's output differs from nn.LSTM's"
    assert torch.allclose(out, out_ref, rtol=1e-10, atol=1e-12), 'the first step matches nn.LSTM but later steps do not: each step must start from the (h, c) the step before returned'
    assert torch.allclose(h_n, h_ref, rtol=1e-10, atol=1e-12) and torch.allclose(c_n, c_ref, rtol=1e-10, atol=1e-12), "out is right, but h_n or c_n differs from nn.LSTM's: they are the states after the last step"

@test_case(points=None, hidden=False)
def test_lstm_forward_two_layers_with_initial_state(lstm_forward):
    """Two layers, 3 sequences of 4 steps, a given initial state, against nn.LSTM in float64."""
    import torch
    g = torch.Generator().manual_seed(512)
    L, B, T, D, H = (2, 3, 4, 2, 3)
    ref = torch.nn.LSTM(D, H, num_layers=L, batch_first=True).double()
    with torch.no_grad():
        for p in ref.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64))
    steps = {D: torch.nn.LSTMCell(D, H).double(), H: torch.nn.LSTMCell(H, H).double()}

    def torch_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
        weights = {'weight_ih': W_ih, 'weight_hh': W_hh, 'bias_ih': b_ih, 'bias_hh': b_hh}
        return torch.func.functional_call(steps[W_ih.shape[1]], weights, (x, (h, c)))
    layers = [tuple((getattr(ref, f'{name}_l{l}') for name in ('weight_ih', 'weight_hh', 'bias_ih', 'bias_hh'))) for l in range(L)]
    x = torch.randn(B, T, D, generator=g, dtype=torch.float64)
    h0, c0 = (torch.randn(L, B, H, generator=g, dtype=torch.float64), torch.randn(L, B, H, generator=g, dtype=torch.float64))
    with torch.no_grad():
        out_ref, (h_ref, c_ref) = ref(x, (h0, c0))
        out, (h_n, c_n) = lstm_forward(x, (h0, c0), layers, cell=torch_cell)
    assert tuple(out.shape) == (B, T, H), f'out should have shape (B, T, H) = {(B, T, H)}, got {tuple(out.shape)}'
    assert tuple(h_n.shape) == (L, B, H), f'h_n should have shape (L, B, H) = {(L, B, H)}, got {tuple(h_n.shape)}'
    assert torch.allclose(out, out_ref, rtol=1e-10, atol=1e-12), "out differs from nn.LSTM's: layer l starts from h0[l], c0[l], reads the output sequence of the layer below, and out is the top layer's output"
    assert torch.allclose(h_n, h_ref, rtol=1e-10, atol=1e-12) and torch.allclose(c_n, c_ref, rtol=1e-10, atol=1e-12), "out is right, but h_n or c_n differs: they hold every layer's states after the last step, layer 0 first"

