import gymnasium as gym
import numpy as np
import pytest

from utils.dp import (greedy_policy, policy_evaluation, policy_evaluation_exact,
                      policy_iteration, q_from_v, uniform_policy, value_iteration)
from utils.gridworld import JumpGridworld, RandomWalk, SmallGridworld, model_from_toy_text

# Sutton & Barto (2018), Figure 4.1 (k = inf) and Figures 3.2 / 3.5 (rounded to 0.1)
FIG_4_1 = np.array([[0, -14, -20, -22], [-14, -18, -20, -20],
                    [-20, -20, -18, -14], [-22, -20, -14, 0]], dtype=float)
FIG_3_2_TOP = [3.3, 8.8, 4.4, 5.3, 1.5]
FIG_3_5 = np.array([[22.0, 24.4, 22.0, 19.4, 17.5], [19.8, 22.0, 19.8, 17.8, 16.0],
                    [17.8, 19.8, 17.8, 16.0, 14.4], [16.0, 17.8, 16.0, 14.4, 13.0],
                    [14.4, 16.0, 14.4, 13.0, 11.7]])


def test_random_policy_on_small_gridworld_matches_figure_4_1():
    env = SmallGridworld()
    V, hist = policy_evaluation(env.P, env.R, uniform_policy(16, 4), 1.0, env.terminal)
    np.testing.assert_allclose(V.reshape(4, 4), FIG_4_1, atol=1e-6)
    # the first sweeps of Figure 4.1
    np.testing.assert_allclose(hist["values"][1].reshape(4, 4)[0], [0, -1, -1, -1])
    np.testing.assert_allclose(hist["values"][2].reshape(4, 4)[0], [0, -1.75, -2, -2])
    np.testing.assert_allclose(hist["values"][3].reshape(4, 4)[0, 1:], [-2.4375, -2.9375, -3.0])
    assert hist["delta"][-1] < 1e-10 and len(hist["values"]) == len(hist["delta"]) + 1


@pytest.mark.parametrize("cls", [SmallGridworld, JumpGridworld, RandomWalk])
def test_iterative_evaluation_equals_linear_solve(cls):
    env = cls()
    pi = np.random.default_rng(0).dirichlet(np.ones(env.n_actions), size=env.n_states)
    V, _ = policy_evaluation(env.P, env.R, pi, env.gamma, env.terminal, theta=1e-12)
    V_exact = policy_evaluation_exact(env.P, env.R, pi, env.gamma, env.terminal)
    np.testing.assert_allclose(V, V_exact, atol=1e-8)
    # the solution satisfies the Bellman expectation equation
    Q = q_from_v(env.P, env.R, V_exact, env.gamma)
    np.testing.assert_allclose(((pi * Q).sum(1))[~env.terminal], V_exact[~env.terminal], atol=1e-9)


def test_random_walk_values_are_one_sixth_to_five_sixths():
    env = RandomWalk()
    V = policy_evaluation_exact(env.P, env.R, uniform_policy(7, 2), 1.0, env.terminal)
    np.testing.assert_allclose(V, np.arange(7) / 6 * (np.arange(7) < 6), atol=1e-12)


def test_jump_gridworld_random_and_optimal_values():
    env = JumpGridworld()
    V = policy_evaluation_exact(env.P, env.R, uniform_policy(25, 4), env.gamma)
    np.testing.assert_allclose(V.reshape(5, 5)[0], FIG_3_2_TOP, atol=0.05)
    pi, V_star, hist = value_iteration(env.P, env.R, env.gamma)
    np.testing.assert_allclose(V_star.reshape(5, 5), FIG_3_5, atol=0.05)
    # Figure 3.5: from A' = (4, 1) the optimal move is up; from A any action is optimal
    assert pi[21, 0] == 1.0 and np.allclose(pi[1], 0.25)
    # value iteration contracts: the change shrinks by gamma per sweep
    d = np.array(hist["delta"])
    assert np.all(d[1:] <= env.gamma * d[:-1] + 1e-12)


@pytest.mark.parametrize("cls", [SmallGridworld, JumpGridworld])
def test_policy_and_value_iteration_agree(cls):
    env = cls()
    pi_pi, V_pi, hist = policy_iteration(env.P, env.R, env.gamma, env.terminal)
    pi_vi, V_vi, _ = value_iteration(env.P, env.R, env.gamma, env.terminal)
    np.testing.assert_allclose(V_pi, V_vi, atol=1e-6)
    assert np.all(pi_pi.max(axis=1) == 1.0)                             # deterministic
    assert np.all(pi_vi[pi_pi == 1] > 0), "PI's action is one of VI's greedy actions"
    assert hist["changed"][-1] == 0 and len(hist["sweeps"]) <= 10


def test_small_gridworld_optimal_values_are_minus_distance_to_corner():
    env = SmallGridworld()
    _, V, _ = value_iteration(env.P, env.R, 1.0, env.terminal)
    r, c = np.divmod(np.arange(16), 4)
    dist = np.minimum(r + c, 6 - r - c)
    np.testing.assert_allclose(V, -dist, atol=1e-9)


def test_frozenlake_optimal_policy_from_toy_text_model():
    env = gym.make("FrozenLake-v1")
    P, R, terminal = model_from_toy_text(env)
    pi, V, _ = policy_iteration(P, R, 0.99, terminal)
    _, V2, _ = value_iteration(P, R, 0.99, terminal, theta=1e-12)
    np.testing.assert_allclose(V, V2, atol=1e-6)
    assert 0.5 < V[0] < 0.6          # about 0.54: the slippery lake is hard even when optimal
    assert np.argmax(pi[0]) == 0     # the well-known move "left" out of the start cell


def test_greedy_policy_ties_and_bad_input():
    env = JumpGridworld()
    pi = greedy_policy(env.P, env.R, np.zeros(25), env.gamma)
    np.testing.assert_allclose(pi.sum(1), 1.0)
    assert np.allclose(pi[1], 0.25)          # every action from A pays 10
    with pytest.raises(ValueError, match="pi must"):
        policy_evaluation(env.P, env.R, np.ones((25, 3)) / 3, 0.9)
    with pytest.raises(ValueError, match="gamma"):
        value_iteration(env.P, env.R, 1.5)
    with pytest.raises(RuntimeError, match="converge"):
        policy_evaluation(env.P, env.R, uniform_policy(25, 4), 0.9, max_sweeps=3)
