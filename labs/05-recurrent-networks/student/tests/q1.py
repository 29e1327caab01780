from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_lstm_cell_gates_by_hand(lstm_cell):
    """Zero weights and biases that shut or open the gates: the update can be read off by hand."""
    import math
    import torch
    B, D, H = (2, 3, 4)
    x = torch.ones(B, D, dtype=torch.float64)
    h = torch.full((B, H), 0.5, dtype=torch.float64)
    c = torch.linspace(-2.0, 2.0, B * H, dtype=torch.float64).reshape(B, H)
    W_ih, W_hh = (torch.zeros(4 * H, D, dtype=torch.float64), torch.zeros(4 * H, H, dtype=torch.float64))
    zero = torch.zeros(4 * H, dtype=torch.float64)

    def biases(b_i, b_f, b_g, b_o):
        return torch.tensor([b_i, b_f, b_g, b_o], dtype=torch.float64).repeat_interleave(H)
    out = lstm_cell(x, h, c, W_ih, W_hh, biases(-40.0, 40.0, 0.0, 40.0), zero)
    assert out is not None and len(out) == 2, 'lstm_cell should return a pair (h_new, c_new)'
    h_new, c_new = out
    assert tuple(h_new.shape) == (B, H) and tuple(c_new.shape) == (B, H), f'h_new and c_new should have shape {(B, H)}, got {tuple(h_new.shape)} and {tuple(c_new.shape)}'
    assert torch.allclose(c_new, c, rtol=0, atol=1e-12), 'input gate shut (i = 0), forget gate open (f = 1): the cell must keep its state, c_new = c. The forget gate multiplies the old cell, the input gate the candidate; the gates go through the sigmoid, the candidate tanh'
    assert torch.allclose(h_new, torch.tanh(c), rtol=0, atol=1e-12), 'output gate open (o = 1): h_new must be tanh(c_new), the cell squashed by tanh'
    h_new, c_new = lstm_cell(x, h, c, W_ih, W_hh, biases(40.0, -40.0, 0.5, 40.0), zero)
    assert torch.allclose(c_new, torch.full_like(c, math.tanh(0.5)), rtol=0, atol=1e-12), 'forget gate shut (f = 0), input gate open (i = 1): the cell must become the candidate tanh(0.5), whatever it was'
    h_new, c_new = lstm_cell(x, h, c, W_ih, W_hh, zero, biases(-40.0, 40.0, 0.0, 40.0))
    assert torch.allclose(c_new, c, rtol=0, atol=1e-12), 'b_hh enters every gate too: the two biases add up'

@test_case(points=None, hidden=False)
def test_lstm_cell_matches_torch(lstm_cell):
    """A batch of 3, 4 inputs, 5 hidden units, random weights, against nn.LSTMCell with the same weights in float64."""
    import torch
    g = torch.Generator().manual_seed(501)
    ref = torch.nn.LSTMCell(4, 5).double()
    with torch.no_grad():
        for p in ref.parameters():
            p.copy_(torch.randn(p.shape, generator=g, dtype=torch.float64))
        x = torch.randn(3, 4, generator=g, dtype=torch.float64)
        h, c = (torch.randn(3, 5, generator=g, dtype=torch.float64), torch.randn(3, 5, generator=g, dtype=torch.float64))
        h_ref, c_ref = ref(x, (h, c))
        h_new, c_new = lstm_cell(x, h, c, ref.weight_ih, ref.weight_hh, ref.bias_ih, ref.bias_hh)
    assert torch.allclose(c_new, c_ref, rtol=1e-10, atol=1e-12), "c_new differs from nn.LSTMCell's: check the order of the four blocks (i, f, g, o) and which gate multiplies what"
    assert torch.allclose(h_new, h_ref, rtol=1e-10, atol=1e-12), "c_new is right but h_new differs from nn.LSTMCell's"

