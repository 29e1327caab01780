from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_iteration_alternates_until_stable(policy_iteration):
    """The loop alone: stand-ins for evaluate and improve answer from a script (no real evaluation here,
    so a mistake in Questions 1 and 2 costs nothing): uniform -> left -> right -> right."""
    import numpy as np
    P, R = (np.zeros((3, 2, 3)), np.zeros((3, 2)))
    P[:, :, 0] = 1.0
    uniform, left, right = (np.full((3, 2), 0.5), np.eye(2)[[0, 0, 0]], np.eye(2)[[1, 1, 1]])
    V1, V2, V3 = (np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]), np.array([7.0, 8.0, 9.0]))
    seen = []

    def evaluate(P_, R_, gamma, pi):
        pi = np.asarray(pi, dtype=float)
        seen.append(('evaluate', pi))
        for policy, V in ((uniform, V1), (left, V2), (right, V3)):
            if pi.shape == policy.shape and np.allclose(pi, policy):
                return V.copy()
        raise AssertionError(f'evaluate was given a policy that improve never returned: {pi.tolist()}')

    def improve(P_, R_, gamma, V):
        V = np.asarray(V, dtype=float)
        seen.append(('improve', V))
        for values, policy in ((V1, left), (V2, right), (V3, right)):
            if V.shape == values.shape and np.allclose(V, values):
                return policy.copy()
        raise AssertionError(f'improve was given values that evaluate never returned: {V.tolist()}')
    out = policy_iteration(P, R, 0.9, evaluate=evaluate, improve=improve)
    assert seen and seen[0][0] == 'evaluate' and np.allclose(seen[0][1], uniform), 'policy iteration starts by evaluating the uniform policy'
    assert any((kind == 'improve' and np.allclose(x, V3) for kind, x in seen)), 'stop only once improve returns the policy it was asked to improve (here, after the third evaluation)'
    assert out is not None and len(out) == 2, 'policy_iteration should return a pair (policy, V)'
    pi, V = (np.asarray(x, dtype=float) for x in out)
    assert pi.shape == (3, 2) and np.allclose(pi, right), 'the policy returned should be the last, stable one'
    assert V.shape == (3,) and np.allclose(V, V3), 'V should be the values of the policy returned'

