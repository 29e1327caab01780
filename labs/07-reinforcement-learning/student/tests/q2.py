from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_improvement_looks_ahead(policy_improvement):
    """State 0: action 0 pays 1 and ends; action 1 pays 0 and moves to state 1, worth 10."""
    import numpy as np
    P = np.zeros((2, 2, 2))
    P[0, 1, 1] = 1.0
    R = np.array([[1.0, 0.0], [0.0, 0.0]])
    V = np.array([0.0, 10.0])
    pi = policy_improvement(P, R, 0.9, V)
    assert pi is not None, 'policy_improvement returned None: replace the ... with code that returns the policy'
    pi = np.asarray(pi, dtype=float)
    assert pi.shape == (2, 2), f'the policy should have shape (S, A) = (2, 2), got {pi.shape}'
    assert np.allclose(pi.sum(axis=1), 1) and set(np.unique(pi)) <= {0.0, 1.0}, 'each row should be one-hot'
    assert pi[0, 1] == 1, 'in state 0 the policy takes the action that pays more now, although the other one leads to a state worth much more: an improved policy weighs where an action leads'

