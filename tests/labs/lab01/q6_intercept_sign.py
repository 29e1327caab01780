# Wrong answer for q6: the intercept has the wrong sign.
def boundary_line(w):
    """Slope and intercept of the line b + w1 x1 + w2 x2 = 0, for w = (b, w1, w2) with w2 != 0."""
    b, w1, w2 = (float(v) for v in w)
    slope = -w1 / w2
    intercept = b / w2
    return slope, intercept
