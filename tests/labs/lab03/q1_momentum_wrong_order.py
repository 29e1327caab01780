# Wrong answer for q1: steps along the old velocity, then updates it (the update order swapped).
def sgd_momentum_step(w, grad, velocity, lr, momentum=0.9):
    """One step of SGD with momentum (torch.optim.SGD's convention); returns (w, velocity)."""
    w = w - lr * velocity
    velocity = momentum * velocity + grad
    return w, velocity
