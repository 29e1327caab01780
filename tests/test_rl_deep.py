import os
import subprocess
import sys

import gymnasium as gym
import numpy as np
import pytest
import torch

from utils.rl_deep import (ReplayBuffer, evaluate, greedy_policy, linear_schedule, plot_frame_strip,
                           returns_on_grid, rollout_frames)


def lean_policy(obs):
    """Push the cart towards the side the pole leans to (a fixed, decent CartPole policy)."""
    return int(obs[2] + 0.5 * obs[3] > 0)


def test_import_hides_pygame_banner():
    assert os.environ.get("PYGAME_HIDE_SUPPORT_PROMPT")
    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    out = subprocess.run([sys.executable, "-c", "import utils.rl_deep, pygame"], env=env,
                         capture_output=True, text=True, check=True)
    assert "pygame" not in out.stdout.lower() and out.stdout == ""


def test_buffer_keeps_the_newest_after_wrap_around():
    buf = ReplayBuffer(5, (2,), seed=0)
    for t in range(8):
        buf.add([t, -t], t % 2, float(t), [t + 1, -t - 1], t == 7)
    assert len(buf) == 5 and buf.pos == 3
    # slots 0..2 were overwritten by t = 5, 6, 7; slots 3, 4 still hold t = 3, 4
    np.testing.assert_array_equal(buf.obs[:, 0], [5, 6, 7, 3, 4])
    np.testing.assert_array_equal(buf.obs[:, 1], [-5, -6, -7, -3, -4])
    np.testing.assert_array_equal(buf.next_obs[:, 0], [6, 7, 8, 4, 5])
    np.testing.assert_array_equal(buf.actions, [1, 0, 1, 1, 0])
    np.testing.assert_array_equal(buf.rewards, [5, 6, 7, 3, 4])
    np.testing.assert_array_equal(buf.terminated, [0, 0, 1, 0, 0])
    assert buf.actions.dtype == np.int64 and buf.obs.dtype == np.float32


def test_buffer_extend_equals_repeated_add_and_continuous_actions():
    a, b = ReplayBuffer(4, (3,), seed=1, action_shape=(2,)), ReplayBuffer(4, (3,), seed=1, action_shape=(2,))
    rng = np.random.default_rng(0)
    obs, act, rew = rng.normal(size=(6, 3)), rng.normal(size=(6, 2)), rng.normal(size=6)
    nxt, term = rng.normal(size=(6, 3)), rng.random(6) < 0.5
    a.extend(obs, act, rew, nxt, term)
    for row in zip(obs, act, rew, nxt, term):
        b.add(*row)
    for key in ("obs", "actions", "rewards", "next_obs", "terminated"):
        np.testing.assert_array_equal(getattr(a, key), getattr(b, key))
    assert a.actions.dtype == np.float32 and a.actions.shape == (4, 2)
    np.testing.assert_allclose(a.actions[0], act[4], rtol=1e-6)   # 6 into 4 slots: slot 0 holds row 4


def test_buffer_sampling_is_uniform_over_filled_slots_and_seeded():
    buf = ReplayBuffer(10, (1,), seed=3)
    for t in range(6):                       # only 6 of 10 slots filled
        buf.add([t], 0, 0.0, [t], False)
    batch = buf.sample(60_000)
    assert set(batch) == {"obs", "actions", "rewards", "next_obs", "terminated", "indices"}
    np.testing.assert_array_equal(batch["obs"][:, 0], batch["indices"])
    counts = np.bincount(batch["indices"], minlength=10)
    assert counts[6:].sum() == 0
    expected = 60_000 / 6
    chi2 = ((counts[:6] - expected) ** 2 / expected).sum()
    assert chi2 < 20.5                       # 99.9% quantile of chi-square with 5 degrees of freedom
    # same seed, same draws; the draws are numpy's integers(0, size) from default_rng(seed)
    other = ReplayBuffer(10, (1,), seed=3)
    for t in range(6):
        other.add([t], 0, 0.0, [t], False)
    np.testing.assert_array_equal(other.sample(100)["indices"],
                                  np.random.default_rng(3).integers(0, 6, size=100))
    with pytest.raises(ValueError):
        ReplayBuffer(10, (1,)).sample(1)
    with pytest.raises(ValueError):
        ReplayBuffer(0, (1,))


def test_evaluate_matches_stepping_the_env_by_hand():
    returns, lengths = evaluate("CartPole-v1", lean_policy, n_episodes=5, seed=100, return_lengths=True)
    env = gym.make("CartPole-v1")
    for i in range(5):
        obs, _ = env.reset(seed=100 + i)
        total, n, done = 0.0, 0, False
        while not done:
            obs, r, term, trunc, _ = env.step(lean_policy(obs))
            total, n, done = total + r, n + 1, term or trunc
        assert returns[i] == total and lengths[i] == n
    assert returns.shape == (5,) and np.all(returns > 100)


def test_evaluate_factory_seeds_and_max_steps():
    always_left = lambda obs: 0  # noqa: E731
    a = evaluate(lambda **kw: gym.make("CartPole-v1", **kw), always_left, n_episodes=3, seed=7)
    b = evaluate("CartPole-v1", always_left, n_episodes=3, seed=7)
    np.testing.assert_array_equal(a, b)
    assert np.all(a < 20)                                   # pushing one way fails fast
    short = evaluate("CartPole-v1", lean_policy, n_episodes=2, seed=0, max_steps=30)
    np.testing.assert_array_equal(short, [30.0, 30.0])


def test_returns_on_grid_against_a_loop():
    rng = np.random.default_rng(0)
    ends = np.cumsum(rng.integers(5, 50, size=40))
    rets = rng.normal(size=40)
    grid = np.arange(0, ends[-1] + 100, 37)
    out = returns_on_grid(ends, rets, grid, window=5)
    for g, v in zip(grid, out):
        done = rets[ends <= g]
        if len(done) == 0:
            assert np.isnan(v)
        else:
            assert v == pytest.approx(done[-5:].mean(), abs=1e-12)
    with pytest.raises(ValueError):
        returns_on_grid([3, 1], [0.0, 0.0], [5])


def test_rollout_frames_and_strip():
    frames, steps, total = rollout_frames("CartPole-v1", lean_policy, n_frames=4, seed=0)
    ret = evaluate("CartPole-v1", lean_policy, n_episodes=1, seed=0)[0]
    assert total == ret and steps[0] == 0 and steps[-1] == int(ret) and len(frames) == len(steps) == 4
    assert frames[0].dtype == np.uint8 and frames[0].ndim == 3 and frames[0].shape[2] == 3
    assert not np.array_equal(frames[0], frames[-1])
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig = plot_frame_strip(frames, steps, title="x", crop=(0.3, 0.9, 0, 1))
    assert len(fig.axes) == 4 and fig.axes[1].get_xlabel() == f"t = {steps[1]}"
    plt.close(fig)


def test_greedy_policy_and_schedule():
    net = torch.nn.Linear(4, 2)
    with torch.no_grad():
        net.weight.zero_(), net.bias.zero_()
        net.weight[1, 2] = 1.0                              # Q(s, right) = pole angle
    act = greedy_policy(net)
    assert act(np.array([0, 0, 0.1, 0], np.float32)) == 1 and act(np.array([0, 0, -0.1, 0])) == 0
    assert linear_schedule(1.0, 0.1, 10, 0) == 1.0 and linear_schedule(1.0, 0.1, 10, 20) == 0.1
    assert linear_schedule(1.0, 0.0, 10, 5) == pytest.approx(0.5)


def test_headless_rendering_prints_nothing():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")}
    code = ("import utils.rl_deep as r; "
            "f, s, t = r.rollout_frames('CartPole-v1', lambda o: int(o[2] > 0), n_frames=2)")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout == "" and out.stderr == ""
