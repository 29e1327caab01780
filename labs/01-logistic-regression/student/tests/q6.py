from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_boundary_points_have_zero_score(boundary_line):
    """Points on your line must have score b + w1 x1 + w2 x2 = 0."""
    import numpy as np
    w = np.array([1.0, 2.0, -0.5])
    out = boundary_line(w)
    assert out is not None and len(out) == 2, 'boundary_line should return a pair (slope, intercept)'
    slope, intercept = (float(v) for v in out)
    for x1 in (-2.0, 0.0, 3.0):
        x2 = slope * x1 + intercept
        score = w[0] + w[1] * x1 + w[2] * x2
        assert abs(score) < 1e-09, f'for w = (1, 2, -0.5), the point ({x1:g}, {x2:.3g}) on your line has score b + w1 x1 + w2 x2 = {score:.3g}; on the boundary it should be 0'

