from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_coupled_and_decoupled_on_a_quadratic(adam_l2_and_adamw):
    """Reference steps, a quadratic the grader knows: the two runs should follow torch's Adam(weight_decay) and AdamW."""
    import numpy as np
    import torch

    def ref_adam(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08):
        m, v = (beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g ** 2)
        return (w - lr * (m / (1 - beta1 ** t)) / (np.sqrt(v / (1 - beta2 ** t)) + eps), m, v)

    def ref_adamw(w, g, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.01):
        w2, m, v = ref_adam(w, g, m, v, t, lr, beta1, beta2, eps)
        return (w2 - lr * weight_decay * w, m, v)
    a, c = (np.array([50.0, 0.5, 5.0]), np.array([1.0, -2.0, 0.5]))
    grad_fn = lambda w: a * (np.asarray(w, dtype=float) - c)
    w0, lam, lr, n = (np.array([0.3, 0.2, -0.1]), 0.4, 0.02, 30)
    out = adam_l2_and_adamw(w0, grad_fn, n, lr, lam, step_fn=ref_adam, decoupled_step_fn=ref_adamw)
    assert out is not None and len(out) == 2, 'adam_l2_and_adamw should return a pair (w_coupled, w_decoupled)'
    w_c, w_d = (np.asarray(x, dtype=float) for x in out)
    refs = []
    for cls in (torch.optim.Adam, torch.optim.AdamW):
        wt = torch.tensor(w0, requires_grad=True)
        opt = cls([wt], lr=lr, weight_decay=lam)
        for _ in range(n):
            opt.zero_grad()
            (0.5 * (torch.tensor(a) * (wt - torch.tensor(c)) ** 2).sum()).backward()
            opt.step()
        refs.append(wt.detach().numpy())
    assert w_c.shape == w_d.shape == (3,), 'each returned weight vector should have the shape of w0'
    assert not np.allclose(w_c, w_d), 'the two runs return the same weights: the coupled and decoupled decay should differ'
    assert np.allclose(w_d, refs[1], rtol=1e-09, atol=1e-12), 'the decoupled run differs from torch.optim.AdamW: call decoupled_step_fn with the loss gradient and weight_decay'
    assert np.allclose(w_c, refs[0], rtol=1e-09, atol=1e-12), 'the coupled run differs from torch.optim.Adam(weight_decay=...): which gradient does the L2 penalty add?'

