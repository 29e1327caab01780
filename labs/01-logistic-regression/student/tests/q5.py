from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_fit_softmax_toy_problem(fit_softmax):
    """Three well-separated blobs in the plane, with the grader's objective: few calls, and it learns."""
    import numpy as np
    rng = np.random.default_rng(51)
    y = np.repeat([0, 1, 2], 30)
    X = np.column_stack([np.ones(90), np.array([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])[y] + 0.5 * rng.standard_normal((90, 2))])
    calls = []

    def objective(W):
        import torch
        calls.append(1)
        Wt = torch.tensor(np.asarray(W, dtype=float), requires_grad=True)
        Z = torch.tensor(X) @ Wt
        J = (torch.logsumexp(Z, dim=1) - Z[torch.arange(90), torch.tensor(y)]).mean() + 5e-05 * (Wt[1:] ** 2).sum()
        J.backward()
        return (float(J.detach()), Wt.grad.numpy())
    W = fit_softmax(objective, np.zeros((3, 3)))
    assert W is not None, 'fit_softmax returned None: replace the ... with code that returns the weights'
    W = np.asarray(W, dtype=float)
    assert W.shape == (3, 3), f'the weights should have the shape of W0, (3, 3), got {W.shape}'
    assert len(calls) <= 200, f'fit_softmax called the objective {len(calls)} times; the budget is 200'
    assert np.all(np.isfinite(W)), 'the weights are not finite: the steps are too large'
    J0, J1 = (objective(np.zeros((3, 3)))[0], objective(W)[0])
    assert J1 < 0.5 * J0, 'the loss did not even halve on an easy problem: are you stepping downhill, and far enough?'
    assert np.mean(np.argmax(X @ W, axis=1) == y) >= 0.95, 'the training accuracy on three well-separated blobs is below 95 %'

