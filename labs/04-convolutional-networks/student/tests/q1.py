from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_output_size_small_cases(conv_output_size):
    """Cases small enough to draw."""
    import numpy as np
    out = conv_output_size(5, 3)
    assert out is not None, 'conv_output_size returned None: replace the ... with code that returns an int'
    assert isinstance(out, (int, np.integer)), f'conv_output_size should return an int, got {type(out).__name__}'
    assert out == 3, f'a 3-tap window fits at positions 0, 1 and 2 of a length-5 input: 3 outputs, got {out}'
    assert conv_output_size(5, 3, padding=1) == 5, 'with padding 1 on each side a 3-tap window keeps the length 5'
    assert conv_output_size(7, 3, stride=2) == 3, 'a 3-tap window moving 2 at a time fits at 0, 2 and 4 of a length-7 input'
    assert conv_output_size(7, 3, dilation=2) == 3, 'a 3-tap window with dilation 2 spans 5 pixels: it fits at 0, 1 and 2 of a length-7 input'

