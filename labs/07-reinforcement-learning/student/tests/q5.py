from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_q_epsilon_greedy_basics(q_epsilon_greedy):
    """Shape; a one-step problem (every episode ends at once); with epsilon = 1 the table Q does not matter."""
    import numpy as np
    P, R = (np.zeros((2, 3, 2)), np.array([[1.0, 2.0, 3.0], [0.0, -1.0, 4.0]]))
    q = q_epsilon_greedy(P, R, 0.9, np.zeros((2, 3)), 0.1)
    assert q is not None, 'q_epsilon_greedy returned None: replace the ... with code that returns the values'
    q = np.asarray(q, dtype=float)
    assert q.shape == (2, 3), f'the action values should have shape (S, A) = (2, 3), got {q.shape}'
    assert np.allclose(q, R, atol=1e-10), 'when every episode ends after one step, q(s, a) is the reward R(s, a) whatever the policy'
    rng = np.random.default_rng(0)
    P = rng.dirichlet(np.ones(4), size=(4, 2)) * 0.9
    R = rng.normal(size=(4, 2))
    q1 = np.asarray(q_epsilon_greedy(P, R, 0.8, rng.normal(size=(4, 2)), 1.0), dtype=float)
    q2 = np.asarray(q_epsilon_greedy(P, R, 0.8, rng.normal(size=(4, 2)), 1.0), dtype=float)
    assert np.allclose(q1, q2, atol=1e-10), 'with epsilon = 1 every action is random: the result cannot depend on Q'
    assert not np.allclose(q1, R), 'with episodes that go on, q(s, a) should include the discounted future'

