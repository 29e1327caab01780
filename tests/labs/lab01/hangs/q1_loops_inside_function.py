# Hangs whenever sigmoid is called: in the tests of q1 and in every cell that trains with it.
def sigmoid(z):
    """Logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    while True:
        pass
