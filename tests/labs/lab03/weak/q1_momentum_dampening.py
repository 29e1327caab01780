# Wrong answer for q1: an exponential moving average of the gradients (dampening 1 - momentum).
def sgd_momentum_step(w, grad, velocity, lr, momentum=0.9):
    """One step of SGD with momentum (torch.optim.SGD's convention); returns (w, velocity)."""
    velocity = momentum * velocity + (1 - momentum) * grad
    w = w - lr * velocity
    return w, velocity
