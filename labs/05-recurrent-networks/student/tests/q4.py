from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_char_model_interface_and_causality(char_model):
    """Logits of shape (B, T, 96) for int64 ids; the same logits at every call; changing the characters after
    position t leaves the logits up to t unchanged."""
    import torch
    from utils.remote import type_names
    assert 'torch.nn.modules.module.Module' in type_names(char_model), f'train_char_model should return an nn.Module, got {type_names(char_model)[0]}'
    char_model.eval()
    g = torch.Generator().manual_seed(531)
    x = torch.randint(0, 96, (3, 40), generator=g)
    with torch.no_grad():
        logits = char_model(x)
        again = char_model(x)
    assert isinstance(logits, torch.Tensor) and tuple(logits.shape) == (3, 40, 96), f"model(x) for ids of shape (3, 40) should return logits of shape (3, 40, 96), got {getattr(logits, 'shape', logits)}"
    assert torch.isfinite(logits).all(), 'the logits hold NaN or infinite values'
    assert torch.allclose(logits, again, rtol=0, atol=1e-05), 'two calls on the same ids gave different logits: the model must start afresh at every call (and be in eval mode)'
    for t in (0, 9, 25, 38):
        changed = x.clone()
        changed[:, t + 1:] = torch.randint(0, 96, (3, 40 - t - 1), generator=g)
        with torch.no_grad():
            other = char_model(changed)
        assert torch.allclose(other[:, :t + 1], logits[:, :t + 1], rtol=0, atol=1e-05), f'changing the characters after position {t} changed the logits at positions up to {t}: the model sees the future (a bidirectional layer? the targets among the inputs?), so its loss means nothing'

@test_case(points=None, hidden=False)
def test_char_model_validation_bits(char_model):
    """The grader's own count of bits per character on the validation text, in windows of 256: below 2.9."""
    import math
    import torch
    import torch.nn.functional as F
    from utils.text import load_docstring_corpus
    ids = torch.from_numpy(load_docstring_corpus().ids('valid')).long()
    n = (len(ids) - 1) // 256
    x, y = (ids[:n * 256].reshape(n, 256), ids[1:n * 256 + 1].reshape(n, 256))
    char_model.eval()
    with torch.no_grad():
        nats = sum((F.cross_entropy(char_model(x[k:k + 64]).reshape(-1, 96), y[k:k + 64].reshape(-1), reduction='sum').item() for k in range(0, n, 64)))
    bits = nats / (n * 256) / math.log(2)
    hint = ': worse than knowing only how frequent each character is (about 4.8 bits here); does logits[:, t] predict the character after x[:, t]? (the targets are the inputs shifted by one)' if bits > 4.8 else ''
    assert bits < 2.9, f'on the validation text the model needs {bits:.2f} bits per character; the target is below 2.9{hint}'

