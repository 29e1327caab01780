# Hangs in q4's cell itself: the cell never finishes, so softmax is never defined.
while True:
    pass
