from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_cnn_is_convolutional_and_accurate(cnn, X_test, y_test):
    """The network trained above: a convolutional layer, logits of shape (B, 10), 97 % on the test images."""
    import numpy as np
    import torch
    assert isinstance(cnn, torch.nn.Module), f'train_digits_cnn should return an nn.Module, got {type(cnn).__name__}'
    assert any((isinstance(m, torch.nn.Conv2d) for m in cnn.modules())), 'the network should contain an nn.Conv2d layer'
    cnn.eval()
    with torch.no_grad():
        logits = cnn(torch.from_numpy(np.asarray(X_test, dtype=np.float32)))
    assert tuple(logits.shape) == (len(y_test), 10), f'expected logits of shape ({len(y_test)}, 10), got {tuple(logits.shape)}'
    accuracy = (logits.argmax(dim=1).numpy() == np.asarray(y_test)).mean()
    assert accuracy >= 0.97, f'test accuracy {accuracy:.1%} is below 97 %'

