"""Plumbing shared by the deep reinforcement learning notebooks.

A fixed-capacity replay buffer (:class:`ReplayBuffer`), a greedy evaluation loop
over seeded episodes (:func:`evaluate`), learning curves put on a common grid of
environment steps so that several seeds can be averaged (:func:`returns_on_grid`),
and a strip of rendered frames of a policy (:func:`rollout_frames`,
:func:`plot_frame_strip`). The agents themselves (DQN, policy gradients, ...)
are written out in the notebooks.

Importing this module sets ``PYGAME_HIDE_SUPPORT_PROMPT`` so that gymnasium's
renderers do not print pygame's banner into a notebook, and, on a machine without a
display, ``SDL_VIDEODRIVER=dummy`` so that rendering prints no SDL warnings either.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    # headless (a server, CI): SDL's dummy video driver renders rgb_array frames without
    # printing "XDG_RUNTIME_DIR is invalid" to stderr on pygame's shutdown
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

from typing import Callable, Sequence  # noqa: E402

import gymnasium as gym  # noqa: E402
import numpy as np  # noqa: E402


def make_env(env_id_or_factory, **kwargs) -> gym.Env:
    """``gym.make(env_id, **kwargs)`` for a string, else call the factory (with ``kwargs``)."""
    if isinstance(env_id_or_factory, str):
        return gym.make(env_id_or_factory, **kwargs)
    if callable(env_id_or_factory):
        return env_id_or_factory(**kwargs)
    raise TypeError(f"expected an environment id or a factory, got {type(env_id_or_factory).__name__}")


class ReplayBuffer:
    """A ring buffer of transitions ``(obs, action, reward, next_obs, terminated)``.

    Once ``capacity`` transitions are stored, each new one overwrites the oldest.
    :meth:`sample` draws indices uniformly, with replacement, from a generator
    seeded once at construction, so a run is reproducible.

    Only ``terminated`` is stored, not ``truncated``: a transition cut short by a
    time limit still bootstraps from ``next_obs`` (pass the real next observation,
    not the reset one).

    Parameters
    ----------
    capacity : int
        Maximum number of transitions kept.
    obs_shape : tuple of int
        Shape of one observation, e.g. ``(4,)`` for CartPole.
    seed : int
        Seed of the sampling generator.
    action_shape : tuple of int
        ``()`` for a discrete action (an integer), ``(d,)`` for a continuous one.
    obs_dtype, action_dtype : numpy dtypes
        Storage types (``action_dtype`` defaults to int64 for discrete actions and
        float32 for continuous ones).

    Examples
    --------
    >>> buf = ReplayBuffer(3, (2,), seed=0)
    >>> for t in range(5):
    ...     buf.add([t, t], t % 2, 1.0, [t + 1, t + 1], False)
    >>> len(buf), buf.obs[:, 0].tolist()        # 3 and 4 overwrote 0 and 1
    (3, [3.0, 4.0, 2.0])
    """

    def __init__(self, capacity: int, obs_shape: Sequence[int], seed: int = 0,
                 action_shape: Sequence[int] = (), obs_dtype=np.float32, action_dtype=None):
        if int(capacity) < 1:
            raise ValueError(f"capacity must be positive, got {capacity}")
        self.capacity = int(capacity)
        obs_shape, action_shape = tuple(obs_shape), tuple(action_shape)
        if action_dtype is None:
            action_dtype = np.int64 if action_shape == () else np.float32
        self.obs = np.zeros((self.capacity, *obs_shape), dtype=obs_dtype)
        self.next_obs = np.zeros((self.capacity, *obs_shape), dtype=obs_dtype)
        self.actions = np.zeros((self.capacity, *action_shape), dtype=action_dtype)
        self.rewards = np.zeros(self.capacity, dtype=np.float32)
        self.terminated = np.zeros(self.capacity, dtype=np.float32)
        self.pos = 0            # where the next transition goes
        self.size = 0
        self.rng = np.random.default_rng(seed)

    def __len__(self) -> int:
        return self.size

    def add(self, obs, action, reward: float, next_obs, terminated: bool) -> None:
        """Store one transition, overwriting the oldest when full."""
        i = self.pos
        self.obs[i] = obs
        self.actions[i] = action
        self.rewards[i] = reward
        self.next_obs[i] = next_obs
        self.terminated[i] = float(terminated)
        self.pos = (i + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def extend(self, obs, actions, rewards, next_obs, terminated) -> None:
        """Store a batch of transitions (e.g. one step of a vector environment), in order."""
        for row in zip(obs, actions, rewards, next_obs, terminated):
            self.add(*row)

    def sample(self, batch_size: int) -> dict[str, np.ndarray]:
        """``batch_size`` transitions drawn uniformly with replacement.

        Returns a dict with keys ``obs``, ``actions``, ``rewards``, ``next_obs``,
        ``terminated`` (float 0/1) and ``indices`` (the slots drawn).
        """
        if self.size == 0:
            raise ValueError("cannot sample from an empty buffer")
        idx = self.rng.integers(0, self.size, size=int(batch_size))
        return {"obs": self.obs[idx], "actions": self.actions[idx], "rewards": self.rewards[idx],
                "next_obs": self.next_obs[idx], "terminated": self.terminated[idx], "indices": idx}


def evaluate(env_id_or_factory, policy: Callable[[np.ndarray], object], n_episodes: int = 20,
             seed: int = 0, max_steps: int = 100_000, return_lengths: bool = False):
    """Run ``policy`` for ``n_episodes`` seeded episodes; return their returns.

    Episode ``i`` starts from ``env.reset(seed=seed + i)``, so the same ``seed``
    gives the same start states for any policy; the environment is wrapped in
    gymnasium's ``RecordEpisodeStatistics`` and the return is read from its
    ``info["episode"]["r"]``. The policy maps one observation to one action and
    should be greedy (deterministic) for an evaluation; the action space is
    seeded with ``seed`` in case it samples.

    Parameters
    ----------
    env_id_or_factory : str or callable
        A gymnasium id (``"CartPole-v1"``) or a function returning a new environment
        (with its time limit, as ``gym.make`` gives).
    policy : callable
        ``obs -> action``.
    n_episodes, seed : int
        Number of episodes, and the seed of the first.
    max_steps : int
        Safety stop for environments without a time limit (an episode cut here
        counts its partial return).
    return_lengths : bool
        Also return the episode lengths.

    Returns
    -------
    numpy.ndarray of float, shape (n_episodes,)
        The undiscounted returns (and an int array of lengths if asked).
    """
    env = gym.wrappers.RecordEpisodeStatistics(make_env(env_id_or_factory))
    env.action_space.seed(seed)
    returns, lengths = np.zeros(n_episodes), np.zeros(n_episodes, dtype=np.int64)
    try:
        for i in range(n_episodes):
            obs, _ = env.reset(seed=seed + i)
            total, steps = 0.0, 0
            for steps in range(1, max_steps + 1):
                obs, reward, terminated, truncated, info = env.step(policy(obs))
                total += float(reward)
                if terminated or truncated:
                    break
            if "episode" in info:
                returns[i], lengths[i] = float(info["episode"]["r"]), int(info["episode"]["l"])
            else:                                  # stopped by max_steps
                returns[i], lengths[i] = total, steps
    finally:
        env.close()
    return (returns, lengths) if return_lengths else returns


def returns_on_grid(end_steps: Sequence[int], returns: Sequence[float], grid: Sequence[int],
                    window: int = 10) -> np.ndarray:
    """A learning curve on a common grid of environment steps.

    ``end_steps[k]`` is the environment step at which episode ``k`` ended and
    ``returns[k]`` its return. The value at ``grid[j]`` is the mean return of the
    last ``window`` episodes that ended at or before ``grid[j]`` (NaN before the
    first one). Curves from several seeds put on one grid can then be averaged
    or banded.

    Examples
    --------
    >>> returns_on_grid([10, 30, 40], [10.0, 20.0, 10.0], [5, 10, 35, 100], window=2).tolist()
    [nan, 10.0, 15.0, 15.0]
    """
    end_steps, returns, grid = np.asarray(end_steps), np.asarray(returns, float), np.asarray(grid)
    if end_steps.shape != returns.shape:
        raise ValueError(f"end_steps and returns differ in shape: {end_steps.shape} vs {returns.shape}")
    if np.any(np.diff(end_steps) < 0):
        raise ValueError("end_steps must be non-decreasing")
    csum = np.concatenate([[0.0], np.cumsum(returns)])
    n = np.searchsorted(end_steps, grid, side="right")   # episodes finished by each grid point
    lo = np.maximum(n - window, 0)
    out = np.full(len(grid), np.nan)
    ok = n > 0
    out[ok] = (csum[n[ok]] - csum[lo[ok]]) / (n[ok] - lo[ok])
    return out


def rollout_frames(env_id_or_factory, policy: Callable[[np.ndarray], object], n_frames: int = 6,
                   seed: int = 0, steps: Sequence[int] | None = None, max_steps: int = 100_000):
    """Rendered frames (``render_mode="rgb_array"``) of one seeded episode of ``policy``.

    The episode is played twice from ``reset(seed=seed)``: once to learn its
    length, once to render ``n_frames`` frames evenly spaced over it (first and
    last step included), or at the given ``steps``. Only the chosen steps are
    rendered, so a long episode costs little memory. The policy must be
    deterministic, so that both plays are the same episode.

    Returns
    -------
    frames : list of numpy.ndarray (H, W, 3) uint8
    steps : list of int
        The time step of each frame (0 is the start state).
    episode_return : float
    """
    env = make_env(env_id_or_factory, render_mode="rgb_array")
    try:
        def play(capture):
            frames, obs = [], env.reset(seed=seed)[0]
            env.action_space.seed(seed)
            total, t = 0.0, 0
            if 0 in capture:
                frames.append(env.render())
            while t < max_steps:
                obs, reward, terminated, truncated, _ = env.step(policy(obs))
                total, t = total + float(reward), t + 1
                if t in capture:
                    frames.append(env.render())
                if terminated or truncated:
                    break
            return frames, t, total

        if steps is None:
            _, length, _ = play(set())
            steps = sorted({int(round(x)) for x in np.linspace(0, length, n_frames)})
        steps = [int(s) for s in steps]
        frames, length, total = play(set(steps))
    finally:
        env.close()
    steps = [s for s in steps if s <= length]
    return frames, steps, total


def plot_frame_strip(frames: Sequence[np.ndarray], steps: Sequence[int] | None = None,
                     title: str | None = None, width: float = 7.5, crop: tuple | None = None):
    """Draw frames side by side in one row; return the figure.

    ``steps`` labels each frame ("t = 120"); ``crop`` is ``(top, bottom, left, right)``
    fractions of the image to keep, e.g. ``(0.3, 0.85, 0, 1)`` to drop CartPole's
    empty sky.
    """
    import matplotlib.pyplot as plt

    if len(frames) == 0:
        raise ValueError("no frames to draw")
    if crop is not None:
        h, w = frames[0].shape[:2]
        t, b, l, r = crop
        frames = [f[int(t * h):int(b * h), int(l * w):int(r * w)] for f in frames]
    h, w = frames[0].shape[:2]
    n = len(frames)
    fig, axes = plt.subplots(1, n, figsize=(width, width / n * h / w + (0.55 if title else 0.35)))
    axes = np.atleast_1d(axes)
    for k, (ax, f) in enumerate(zip(axes, frames)):
        ax.imshow(f)
        ax.set_xticks([]), ax.set_yticks([])
        if steps is not None:
            ax.set_xlabel(f"t = {steps[k]}")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def greedy_policy(q_net, dtype=None) -> Callable[[np.ndarray], int]:
    """``obs -> argmax_a Q(obs, a)`` for a torch network mapping a batch of observations to Q-values."""
    import torch

    dtype = dtype or next(q_net.parameters()).dtype

    def act(obs) -> int:
        with torch.no_grad():
            return int(q_net(torch.as_tensor(np.asarray(obs), dtype=dtype).unsqueeze(0)).argmax(1).item())

    return act


def linear_schedule(start: float, end: float, duration: int, t: int) -> float:
    """``start`` moving linearly to ``end`` over ``duration`` steps, then ``end``."""
    if duration <= 0 or t >= duration:
        return end
    return start + (end - start) * min(max(t, 0) / duration, 1.0)
