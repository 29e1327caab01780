import gymnasium as gym
import numpy as np
import pytest

from utils.gridworld import RandomWalk, SmallGridworld
from utils.tabular import (epsilon_greedy, greedy_path, q_learning, run_episode, sarsa,
                           td0_prediction)


def test_epsilon_greedy_frequencies_and_ties():
    rng = np.random.default_rng(0)
    q = np.array([0.0, 1.0, 0.5, 1.0])
    picks = np.array([epsilon_greedy(q, 0.2, rng) for _ in range(20_000)])
    freq = np.bincount(picks, minlength=4) / len(picks)
    # greedy ties 1 and 3 share 0.8; every action gets 0.2 / 4 from exploration
    np.testing.assert_allclose(freq, [0.05, 0.45, 0.05, 0.45], atol=0.015)
    assert epsilon_greedy(np.array([3.0, 1.0]), 0.0, rng) == 0


def test_run_episode_is_reproducible_and_consistent():
    env, pi = SmallGridworld(), np.full((16, 4), 0.25)
    s1, a1, r1, end1 = run_episode(env, pi, np.random.default_rng(3), seed=3)
    s2, a2, r2, end2 = run_episode(env, pi, np.random.default_rng(3), seed=3)
    assert (s1, a1, r1, end1) == (s2, a2, r2, end2)
    assert len(s1) == len(a1) + 1 == len(r1) + 1 and end1 and s1[-1] in (0, 15)
    assert all(r == -1.0 for r in r1)


def test_td0_converges_to_true_random_walk_values():
    env = RandomWalk()
    V, hist = td0_prediction(env, np.full((7, 2), 0.5), 1000, alpha=0.05, v0=0.5, seed=0)
    assert len(hist["values"]) == 1001 and np.allclose(hist["values"][0], 0.5)
    V_avg = np.mean(hist["values"][500:], axis=0)          # average out the constant-alpha noise
    np.testing.assert_allclose(V_avg[1:6], np.arange(1, 6) / 6, atol=0.04)
    rms_start = np.sqrt(np.mean((hist["values"][0][1:6] - np.arange(1, 6) / 6) ** 2))
    rms_end = np.sqrt(np.mean((V[1:6] - np.arange(1, 6) / 6) ** 2))
    assert rms_end < 0.1 < rms_start


def test_td0_is_reproducible_and_checks_input():
    env = RandomWalk()
    a, _ = td0_prediction(env, np.full((7, 2), 0.5), 20, seed=5)
    b, _ = td0_prediction(env, np.full((7, 2), 0.5), 20, seed=5)
    np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="pi must"):
        td0_prediction(env, np.full((7, 3), 1 / 3), 1)
    with pytest.raises(ValueError, match="alpha"):
        td0_prediction(env, np.full((7, 2), 0.5), 1, alpha=0.0)
    with pytest.raises(ValueError, match="Discrete"):
        sarsa(gym.make("CartPole-v1"), 1)


@pytest.fixture(scope="module")
def cliff_runs():
    env = gym.make("CliffWalking-v1")
    return env, [(sarsa(env, 500, alpha=0.5, epsilon=0.1, seed=s),
                  q_learning(env, 500, alpha=0.5, epsilon=0.1, seed=s)) for s in (0, 1)]


def test_sarsa_and_q_learning_learn_on_cliff_walking(cliff_runs):
    _, runs = cliff_runs
    for (_, hs), (_, hq) in runs:
        for h in (hs, hq):
            assert np.mean(h["return"][-100:]) > np.mean(h["return"][:20]) + 40   # returns rise
        # online, SARSA's safe policy earns more than Q-learning's, which falls off the cliff
        assert np.mean(hs["return"][-200:]) > np.mean(hq["return"][-200:])
        assert np.mean(hs["return"][-200:]) > -35


def test_greedy_paths_optimal_vs_safe(cliff_runs):
    env, runs = cliff_runs
    for (Qs, _), (Qq, _) in runs:
        path_q, path_s = greedy_path(env, Qq), greedy_path(env, Qs)
        assert path_q[0] == 36 and path_q[-1] == 47 and path_s[-1] == 47
        assert len(path_q) - 1 == 13                         # the optimal path along the cliff
        assert all(s // 12 == 2 for s in path_q[1:-1])       # every step in the row above it
        assert len(path_s) - 1 > 13                          # SARSA's detour
        assert min(s // 12 for s in path_s) == 0             # ... goes up to the top row here
