from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_evaluation_two_states(policy_evaluation):
    """Two states, one action each: state 0 pays 1 and moves to state 1, which pays 2 and stays."""
    import numpy as np
    P = np.zeros((2, 1, 2))
    P[0, 0, 1] = P[1, 0, 1] = 1.0
    R = np.array([[1.0], [2.0]])
    v = policy_evaluation(P, R, 0.5, np.ones((2, 1)))
    assert v is not None, 'policy_evaluation returned None: replace the ... with code that returns the values'
    v = np.asarray(v, dtype=float)
    assert v.shape == (2,), f'the values should have shape (S,) = (2,), got {v.shape}'
    assert abs(v[1] - 4.0) < 1e-08, 'v(1) is wrong for a state that pays 2 on every step and never leaves (how much is a reward k steps ahead worth?)'
    assert abs(v[0] - 3.0) < 1e-08, 'v(0) is wrong: it should be what state 0 pays now plus what its successor is worth'

@test_case(points=None, hidden=False)
def test_policy_evaluation_uses_the_policy(policy_evaluation):
    """One state, two actions paying 1 and 3, then the episode ends: v is the policy's mean reward."""
    import numpy as np
    P, R = (np.zeros((1, 2, 1)), np.array([[1.0, 3.0]]))
    for probs, expected in (([1.0, 0.0], 1.0), ([0.25, 0.75], 2.5)):
        v = np.asarray(policy_evaluation(P, R, 0.9, np.array([probs])), dtype=float)
        assert abs(v[0] - expected) < 1e-08, f'with pi = {probs} in a one-step problem the value is wrong: each action should count with its probability under the policy'

