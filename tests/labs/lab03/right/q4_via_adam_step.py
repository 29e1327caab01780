def adamw_step(w, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    """AdamW as Adam's step on the loss gradient, then the decay of the previous weights subtracted."""
    w_adam, m, v = adam_step(w, grad, m, v, t, lr=lr, beta1=beta1, beta2=beta2, eps=eps)
    return w_adam - lr * weight_decay * w, m, v
