from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_gan_step_one_dimensional(gan_step, env):
    """G(z) = a z + c and D(x) = w x + b (logit), plain SGD: the step worked out by hand."""
    import numpy as np
    import torch
    from utils.remote import kernel_import
    Linear, SGD = (kernel_import(env, 'torch.nn', 'Linear'), kernel_import(env, 'torch.optim', 'SGD'))
    to_params = kernel_import(env, 'torch.nn.utils', 'vector_to_parameters')
    to_vector = kernel_import(env, 'torch.nn.utils', 'parameters_to_vector')
    G, D = (Linear(1, 1).double(), Linear(1, 1).double())
    a, c, w, b, lr = (0.5, 0.2, 1.5, -0.3, 0.1)
    to_params(torch.tensor([a, c], dtype=torch.float64), G.parameters())
    to_params(torch.tensor([w, b], dtype=torch.float64), D.parameters())
    opt_G, opt_D = (SGD(G.parameters(), lr=lr), SGD(D.parameters(), lr=lr))
    xr = np.array([1.0, 2.0, 0.5])
    zz = np.array([0.1, -1.0, 2.0])
    out = gan_step(G, D, opt_G, opt_D, torch.tensor(xr[:, None]), torch.tensor(zz[:, None]))

    def sig(t):
        return 1 / (1 + np.exp(-t))
    xf = a * zz + c
    lr_, lf = (w * xr + b, w * xf + b)
    loss_D = np.mean(np.log1p(np.exp(-lr_))) + np.mean(np.log1p(np.exp(lf)))
    dw = np.mean(-sig(-lr_) * xr) + np.mean(sig(lf) * xf)
    db = np.mean(-sig(-lr_)) + np.mean(sig(lf))
    w2, b2 = (w - lr * dw, b - lr * db)
    lg = w2 * xf + b2
    loss_G = np.mean(np.log1p(np.exp(-lg)))
    a2 = a - lr * np.mean(-sig(-lg) * w2 * zz)
    c2 = c - lr * np.mean(-sig(-lg) * w2)
    assert out is not None and len(out) == 2, 'gan_step should return the pair (loss_D, loss_G)'
    got_D, got_G = (np.asarray(to_vector(D.parameters()).detach()), np.asarray(to_vector(G.parameters()).detach()))
    assert abs(float(out[0]) - loss_D) < 1e-10, f'loss_D should be {loss_D:.6f}, got {float(out[0]):.6f}: the mean cross-entropy of real -> 1 and generated -> 0'
    assert np.allclose(got_D, [w2, b2], rtol=1e-10, atol=1e-12), "D's parameters after the call are not those of one SGD step on loss_D: check that the discriminator's gradients come from loss_D alone, and that the generator's update did not step D as well"
    assert abs(float(out[1]) - loss_G) < 1e-10, f'loss_G should be {loss_G:.6f}, got {float(out[1]):.6f}: the non-saturating loss -log sigmoid(D(G(z))), with D as it is after its update'
    assert np.allclose(got_G, [a2, c2], rtol=1e-10, atol=1e-12), "G's parameters after the call are not those of one SGD step on loss_G: check which gradients G holds when opt_G steps (the discriminator's loss must not leave any there)"

