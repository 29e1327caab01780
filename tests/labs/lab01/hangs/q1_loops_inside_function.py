# Hangs whenever sigmoid is called: in the tests of q1 (no other question's reference or test calls it).
def sigmoid(z):
    """Logistic sigmoid 1 / (1 + exp(-z)), elementwise, without overflow."""
    while True:
        pass
