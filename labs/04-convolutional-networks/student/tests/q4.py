from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_cnn_is_convolutional_and_accurate(cnn):
    """The network trained above: a convolutional layer, logits of shape (B, 10), 97 % on the test images."""
    import numpy as np
    import torch
    from utils.datasets import load_digits
    from utils.remote import type_names
    digits = load_digits()
    X_test, y_test = (digits.X_test.reshape(-1, 1, 8, 8), digits.y_test)
    assert 'torch.nn.modules.module.Module' in type_names(cnn), f'train_digits_cnn should return an nn.Module, got {type_names(cnn)[0]}'
    assert any(('torch.nn.modules.conv.Conv2d' in type_names(m) for m in cnn.modules())), 'the network should contain an nn.Conv2d layer'
    cnn.eval()
    with torch.no_grad():
        logits = cnn(torch.from_numpy(np.asarray(X_test, dtype=np.float32)))
    assert tuple(logits.shape) == (len(y_test), 10), f'expected logits of shape ({len(y_test)}, 10), got {tuple(logits.shape)}'
    accuracy = (logits.argmax(dim=1).numpy() == np.asarray(y_test)).mean()
    assert accuracy >= 0.97, f'test accuracy {accuracy:.1%} is below 97 %'

