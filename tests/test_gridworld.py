import warnings

import gymnasium as gym
import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env

from utils.gridworld import (FROZENLAKE_MOVES, GRID_MOVES, JumpGridworld, RandomWalk,
                             SmallGridworld, TabularMDPEnv, check_model, model_from_toy_text)

IDS = ["mlbook/SmallGridworld-v0", "mlbook/JumpGridworld-v0", "mlbook/RandomWalk-v0"]


@pytest.mark.parametrize("env_id", IDS)
def test_env_checker_passes_without_warnings(env_id):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check_env(gym.make(env_id).unwrapped)


@pytest.mark.parametrize("cls", [SmallGridworld, JumpGridworld, RandomWalk])
def test_model_rows_are_distributions_and_terminals_absorb(cls):
    env = cls()
    np.testing.assert_allclose(env.P.sum(axis=2), 1.0, atol=1e-12)
    for s in np.flatnonzero(env.terminal):
        assert np.all(env.P[s, :, s] == 1.0) and np.all(env.R[s] == 0.0)


def test_step_follows_the_model():
    env = SmallGridworld()
    env.reset(seed=0)
    for s in range(1, 15):
        for a, (dr, dc) in enumerate(GRID_MOVES):
            env.s = s
            s2, r, term, trunc, _ = env.step(a)
            assert env.P[s, a, s2] == 1.0 and r == -1.0 and term == (s2 in (0, 15)) and not trunc
    env.s = 5
    assert env.step(0)[0] == 1 and env.step(0)[0] == 1      # up, then bump into the top edge


def test_jump_gridworld_special_cells():
    env = JumpGridworld()
    assert np.all(env.P[1, :, 21] == 1) and np.all(env.R[1] == 10)
    assert np.all(env.P[3, :, 13] == 1) and np.all(env.R[3] == 5)
    assert env.R[0, 3] == -1 and env.R[0, 0] == -1 and env.R[0, 1] == 0 and env.gamma == 0.9


def test_random_walk_starts_in_c_and_pays_at_right_end():
    env = RandomWalk()
    assert env.reset(seed=1)[0] == 3
    env.s = 5
    assert env.step(1)[:3] == (6, 1.0, True)
    env.reset(seed=2)
    env.s = 1
    assert env.step(0)[:3] == (0, 0.0, True)
    with pytest.raises(ValueError, match="odd"):
        RandomWalk(4)


def test_reset_is_reproducible_and_bad_input_rejected():
    a, b = SmallGridworld(), SmallGridworld()
    assert [a.reset(seed=7)[0] for _ in range(3)] == [b.reset(seed=7)[0] for _ in range(3)]
    with pytest.raises(ValueError, match="action"):
        a.step(4)
    with pytest.raises(ValueError, match="probability"):
        check_model(np.full((2, 1, 2), 0.7), np.zeros((2, 1)))
    with pytest.raises(ValueError, match="R must"):
        check_model(np.full((2, 1, 2), 0.5), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="gamma"):
        TabularMDPEnv(np.full((2, 1, 2), 0.5), np.zeros((2, 1)), np.zeros(2, bool),
                      np.array([1.0, 0.0]), gamma=0.0)


def test_model_from_toy_text_frozenlake_and_cliff():
    env = gym.make("FrozenLake-v1")
    P, R, terminal = model_from_toy_text(env)
    desc = env.unwrapped.desc.ravel()
    assert np.array_equal(terminal, np.isin(desc, [b"H", b"G"]))
    np.testing.assert_allclose(P.sum(axis=2), 1.0)
    # slippery: from 0, "right" goes right, down or stays with probability 1/3 each
    np.testing.assert_allclose(P[0, 2, [0, 1, 4]], [1 / 3, 1 / 3, 1 / 3])
    assert R[14, 2] == pytest.approx(1 / 3)                        # into the goal
    assert len(FROZENLAKE_MOVES) == 4
    P, R, terminal = model_from_toy_text(gym.make("CliffWalking-v1"))
    assert np.flatnonzero(terminal).tolist() == [47]
    assert R[36, 1] == -100 and P[36, 1, 36] == 1.0 and R[36, 0] == -1 and P[36, 0, 24] == 1.0
    with pytest.raises(ValueError, match="transition dict"):
        model_from_toy_text(gym.make("CartPole-v1"))
