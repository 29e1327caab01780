from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_iteration_on_a_corridor(policy_iteration):
    """A corridor: the optimal policy walks right to a reward of 10. Reference evaluate/improve are passed in."""
    import numpy as np

    def evaluate(P, R, gamma, pi):
        return np.linalg.solve(np.eye(len(R)) - gamma * np.einsum('sa,sat->st', pi, P), (pi * R).sum(axis=1))

    def improve(P, R, gamma, V):
        return np.eye(R.shape[1])[np.argmax(R + gamma * P @ V, axis=1)]
    n = 5
    P, R = (np.zeros((n, 2, n)), np.zeros((n, 2)))
    for s in range(n - 1):
        P[s, 0, max(s - 1, 0)] = 1.0
        if s + 1 < n - 1:
            P[s, 1, s + 1] = 1.0
        else:
            R[s, 1] = 10.0
    out = policy_iteration(P, R, 0.9, evaluate=evaluate, improve=improve)
    assert out is not None and len(out) == 2, 'policy_iteration should return a pair (policy, V)'
    pi, V = (np.asarray(x, dtype=float) for x in out)
    assert pi.shape == (n, 2) and V.shape == (n,), f'shapes {pi.shape} and {V.shape}, expected (5, 2) and (5,)'
    assert np.all(pi[:4, 1] == 1), 'the optimal policy moves right in states 0-3'
    expected = 10 * 0.9 ** np.arange(3, -1, -1)
    assert np.allclose(V[:4], expected, atol=1e-08), f'optimal values should be {np.round(expected, 3)}, got {np.round(V[:4], 3)}'

