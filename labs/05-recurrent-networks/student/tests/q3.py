from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_bits_per_char_uniform_model(bits_per_char):
    """A model that scores every character the same needs log2(96) bits per character, whatever the text and windows."""
    import math
    import torch
    from utils.text import encode

    class Uniform(torch.nn.Module):

        def forward(self, x):
            return torch.zeros(*x.shape, 96, dtype=torch.float64)
    got = bits_per_char(Uniform(), encode('Return the sum of a and b.'), window=4)
    assert got is not None, 'bits_per_char returned None'
    got = float(got)
    assert abs(got - math.log(96)) > 1e-06, 'that is ln 96, a loss in nats: the answer is in bits (divide by ln 2)'
    assert abs(got - math.log2(96)) < 1e-09, f'expected log2(96) = {math.log2(96):.6f} bits per character, got {got:.6f}'

@test_case(points=None, hidden=False)
def test_bits_per_char_bigram_model(bits_per_char):
    """A bigram model (logits from the current character only) on 1,000 characters of validation text in windows of
    64 (15 full windows and one of 39 predictions), against a direct sum over the 999 pairs of neighbours."""
    import math
    import numpy as np
    import torch
    from utils.text import load_docstring_corpus
    ids = load_docstring_corpus().ids('valid')[:1000].astype(np.int64)
    table = 2 * torch.randn(96, 96, generator=torch.Generator().manual_seed(521), dtype=torch.float64)

    class Bigram(torch.nn.Module):

        def forward(self, x):
            return table[x]
    log2p = (torch.log_softmax(table, dim=1) / math.log(2)).numpy()
    expected = -log2p[ids[:-1], ids[1:]].mean()
    unshifted = -log2p[ids, ids].mean()
    got = float(bits_per_char(Bigram(), ids, window=64))
    assert abs(got - unshifted) > 0.001, 'you scored each input character as its own target: the target of position t is the character at t + 1, the inputs shifted by one position'
    assert abs(got - expected) < 1e-09 * expected, f"expected {expected:.6f} bits per character, got {got:.6f}: every character but the first is predicted once, from the windows' inputs; the average is over characters, not windows; the answer is in bits"

