from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_expected_sarsa_learns_the_values_of_its_behaviour(expected_sarsa, env):
    """A one-row lake explored at random (epsilon = 1): the table converges to the random policy's values."""
    import gymnasium as gym
    import numpy as np
    from utils.remote import kernel_import
    desc, gamma = (['SFFFFG'], 0.9)
    lake = gym.make('FrozenLake-v1', desc=desc, is_slippery=False).unwrapped
    P, R = (np.zeros((6, 4, 6)), np.zeros((6, 4)))
    for s in range(6):
        for a in range(4):
            for prob, s2, reward, terminated in lake.P[s][a]:
                R[s, a] += prob * reward
                if not terminated:
                    P[s, a, s2] += prob
    pi = np.full((6, 4), 0.25)
    v = np.linalg.solve(np.eye(6) - gamma * np.einsum('sa,sat->st', pi, P), (pi * R).sum(axis=1))
    q_random = R + gamma * P @ v
    make = kernel_import(env, 'gymnasium', 'make')
    Q = expected_sarsa(make('FrozenLake-v1', desc=desc, is_slippery=False), n_episodes=300, alpha=1.0, gamma=gamma, epsilon=1.0, seed=3)
    assert Q is not None, 'expected_sarsa returned None: replace the ... with code that returns Q'
    Q = np.asarray(Q, dtype=float)
    assert Q.shape == (6, 4), f'Q should have shape (6, 4), got {Q.shape}'
    assert np.any(Q != 0), 'Q is still all zeros: update Q(s, a) after every step'
    err = np.abs(Q[:5] - q_random[:5]).max()
    assert err < 0.02, f"with epsilon = 1 the agent follows the uniformly random policy, and its table should hold that policy's action values; largest difference {err:.3f} (whose values are these?)"

