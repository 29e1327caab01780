# Wrong answer for q1: right values, but w and velocity are changed in place (the question forbids it).
def sgd_momentum_step(w, grad, velocity, lr, momentum=0.9):
    """One step of SGD with momentum (torch.optim.SGD's convention); returns (w, velocity)."""
    velocity *= momentum
    velocity += grad
    w -= lr * velocity
    return w, velocity
