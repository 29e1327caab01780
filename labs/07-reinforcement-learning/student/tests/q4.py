from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_q_learning_reaches_the_goal(q_learning, env):
    """On the non-slippery 4 x 4 lake, the greedy policy of the learned Q reaches the goal in 6 steps."""
    import gymnasium as gym
    import numpy as np
    from utils.remote import kernel_import
    make = kernel_import(env, 'gymnasium', 'make')
    Q = q_learning(make('FrozenLake-v1', map_name='4x4', is_slippery=False), n_episodes=500, alpha=0.5, gamma=0.9, epsilon=0.2, seed=3)
    assert Q is not None, 'q_learning returned None: replace the ... with code that returns Q'
    Q = np.asarray(Q, dtype=float)
    assert Q.shape == (16, 4), f'Q should have shape (16, 4), got {Q.shape}'
    assert np.any(Q != 0), 'Q is still all zeros: update Q(s, a) after every step'
    lake = gym.make('FrozenLake-v1', map_name='4x4', is_slippery=False)
    s, _ = lake.reset(seed=0)
    for step in range(1, 7):
        s, r, terminated, truncated, _ = lake.step(int(Q[s].argmax()))
        if terminated or truncated:
            break
    assert terminated and r == 1 and (step == 6), f'the greedy walk from the start ended after {step} steps with reward {r:g}; it should reach the goal (reward 1) in 6 steps'
    assert abs(Q[14, 2] - 1.0) < 0.05, f"Q(14, right) should be close to 1 (the goal's reward), got {Q[14, 2]:.3f}"

