"""The k-armed bandit: one gymnasium environment, and a vectorised testbed of many at once.

The 10-armed testbed of Sutton & Barto (2018, section 2.3): each arm ``a`` has a true
value ``q*(a)`` drawn from N(0, 1) once per problem, and pulling it pays a reward drawn
from N(q*(a), 1). :class:`KArmedBandit` is one such problem behind gymnasium's API;
:class:`Testbed` holds ``n_runs`` independent problems and pulls one arm in each per
call, so that 2000 runs of 1000 steps take a second or two. The agents (sample averages,
epsilon-greedy, UCB, Thompson sampling) are the lesson and live in the notebooks;
:func:`run_testbed` only loops over time and records what happened.
"""

from __future__ import annotations

from collections.abc import Callable

import gymnasium as gym
import numpy as np


class KArmedBandit(gym.Env):
    """A k-armed Gaussian bandit: ``q*(a) ~ N(mean, std^2)`` at reset, rewards ``N(q*(a), noise^2)``.

    Each ``reset`` draws a fresh problem from the environment's ``np_random`` (seed it with
    ``reset(seed=...)``), unless ``options={"q_star": values}`` fixes the true values.
    The observation is always 0 (a bandit has a single state) and episodes never end;
    wrap it in ``gymnasium.wrappers.TimeLimit`` for a fixed horizon.

    Parameters
    ----------
    k : int
        Number of arms (the testbed uses 10).
    q_star_mean, q_star_std : float
        Mean and standard deviation of the true values (0 and 1 in the testbed).
    reward_std : float
        Standard deviation of the rewards around ``q*(a)`` (1 in the testbed).

    Examples
    --------
    >>> env = KArmedBandit(k=5)
    >>> obs, info = env.reset(seed=0)
    >>> obs, reward, terminated, truncated, info = env.step(env.optimal_action)
    >>> env.q_star.shape, terminated
    ((5,), False)
    """

    metadata = {"render_modes": []}

    def __init__(self, k: int = 10, q_star_mean: float = 0.0, q_star_std: float = 1.0,
                 reward_std: float = 1.0):
        if int(k) != k or k < 2:
            raise ValueError(f"k must be an integer >= 2, got {k}")
        if q_star_std < 0 or reward_std < 0:
            raise ValueError(f"standard deviations must be >= 0, got q_star_std={q_star_std}, "
                             f"reward_std={reward_std}")
        self.k = int(k)
        self.q_star_mean, self.q_star_std, self.reward_std = q_star_mean, q_star_std, reward_std
        self.action_space = gym.spaces.Discrete(self.k)
        self.observation_space = gym.spaces.Discrete(1)
        self.q_star = np.zeros(self.k)

    @property
    def optimal_action(self) -> int:
        """The arm with the largest true value (the first, on ties)."""
        return int(np.argmax(self.q_star))

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        if options is not None and "q_star" in options:
            q = np.asarray(options["q_star"], dtype=np.float64)
            if q.shape != (self.k,):
                raise ValueError(f"options['q_star'] must have shape ({self.k},), got {q.shape}")
            self.q_star = q.copy()
        else:
            self.q_star = self.np_random.normal(self.q_star_mean, self.q_star_std, size=self.k)
        return 0, {"q_star": self.q_star.copy(), "optimal_action": self.optimal_action}

    def step(self, action):
        if not self.action_space.contains(action):
            raise ValueError(f"action must be an integer in [0, {self.k}), got {action!r}")
        a = int(action)
        reward = float(self.np_random.normal(self.q_star[a], self.reward_std))
        return 0, reward, False, False, {"optimal": a == self.optimal_action}


class Testbed:
    """``n_runs`` independent k-armed bandit problems, played in lockstep.

    Row ``i`` of ``q_star`` (shape ``(n_runs, k)``) is run ``i``'s problem, distributed as
    in :class:`KArmedBandit`. :meth:`pull` takes one arm per run and returns one reward per run.

    Parameters
    ----------
    n_runs : int
        Number of independent problems (the book's figures use 2000).
    k : int
        Arms per problem.
    rng : numpy.random.Generator
        Source of the true values and of every reward.
    q_star_mean, q_star_std, reward_std : float
        As in :class:`KArmedBandit`.
    q_star : array of shape (k,) or (n_runs, k), optional
        Fixed true values (one problem repeated over the runs, or one per run) instead of
        random ones.

    Examples
    --------
    >>> bed = Testbed(n_runs=3, k=4, rng=np.random.default_rng(0))
    >>> bed.pull(np.array([0, 1, 2])).shape
    (3,)
    """

    __test__ = False  # not a pytest test class, despite its name

    def __init__(self, n_runs: int = 2000, k: int = 10, rng: np.random.Generator | None = None,
                 q_star_mean: float = 0.0, q_star_std: float = 1.0, reward_std: float = 1.0,
                 q_star: np.ndarray | None = None):
        if rng is None:
            raise ValueError("rng must be a numpy Generator, e.g. np.random.default_rng(0)")
        if n_runs < 1 or k < 2:
            raise ValueError(f"need n_runs >= 1 and k >= 2, got n_runs={n_runs}, k={k}")
        self.n_runs, self.k, self.rng, self.reward_std = int(n_runs), int(k), rng, reward_std
        if q_star is None:
            self.q_star = rng.normal(q_star_mean, q_star_std, size=(self.n_runs, self.k))
        else:
            q = np.asarray(q_star, dtype=np.float64)
            if q.shape not in ((self.k,), (self.n_runs, self.k)):
                raise ValueError(f"q_star must have shape ({self.k},) or ({self.n_runs}, {self.k}), "
                                 f"got {q.shape}")
            self.q_star = np.broadcast_to(q, (self.n_runs, self.k)).copy()
        self.optimal_action = self.q_star.argmax(axis=1)          # (n_runs,)
        self.best_value = self.q_star.max(axis=1)                 # (n_runs,)
        self._rows = np.arange(self.n_runs)

    def _check(self, actions: np.ndarray) -> np.ndarray:
        actions = np.asarray(actions)
        if actions.shape != (self.n_runs,) or actions.dtype.kind not in "iu":
            raise ValueError(f"actions must be integers of shape ({self.n_runs},), "
                             f"got dtype {actions.dtype} and shape {actions.shape}")
        if actions.min() < 0 or actions.max() >= self.k:
            raise ValueError(f"actions must lie in [0, {self.k}), got {actions.min()}..{actions.max()}")
        return actions

    def pull(self, actions: np.ndarray) -> np.ndarray:
        """One reward per run, ``N(q*[i, actions[i]], reward_std^2)``; shape ``(n_runs,)``."""
        actions = self._check(actions)
        return self.q_star[self._rows, actions] + self.reward_std * self.rng.standard_normal(self.n_runs)

    def regret(self, actions: np.ndarray) -> np.ndarray:
        """Expected regret of each run's action, ``max_a q*(a) - q*(action)``; shape ``(n_runs,)``."""
        actions = self._check(actions)
        return self.best_value - self.q_star[self._rows, actions]


def argmax_random_ties(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Row-wise argmax of a ``(n_runs, k)`` array, breaking ties uniformly at random.

    ``np.argmax`` always returns the first maximum, which would make a greedy agent whose
    estimates all start at 0 always pull arm 0 first; Sutton & Barto break ties at random.

    Examples
    --------
    >>> argmax_random_ties(np.array([[0.0, 2.0, 1.0]]), np.random.default_rng(0))
    array([1])
    """
    values = np.asarray(values)
    if values.ndim != 2:
        raise ValueError(f"values must have shape (n_runs, k), got {values.shape}")
    is_max = values == values.max(axis=1, keepdims=True)     # (n_runs, k)
    noise = rng.random(values.shape)
    return np.where(is_max, noise, -1.0).argmax(axis=1)


def run_testbed(act: Callable[[int], np.ndarray], learn: Callable[[np.ndarray, np.ndarray], None],
                testbed: Testbed, n_steps: int = 1000) -> dict[str, np.ndarray]:
    """Play an agent on every run of ``testbed`` for ``n_steps`` steps and record the averages.

    At step ``t = 1, ..., n_steps`` the driver calls ``actions = act(t)`` (one arm per run,
    shape ``(n_runs,)``), pulls them, and calls ``learn(actions, rewards)``. The agent's
    estimates and rules live in ``act`` and ``learn``; this function only keeps the books.

    Returns
    -------
    dict with arrays of shape ``(n_steps,)``, averaged over the runs:
        ``"reward"``: the reward received at step t;
        ``"optimal"``: the fraction of runs that pulled their optimal arm;
        ``"regret"``: the cumulative expected regret up to and including step t.
    """
    if n_steps < 1:
        raise ValueError(f"n_steps must be >= 1, got {n_steps}")
    reward, optimal, regret = np.zeros(n_steps), np.zeros(n_steps), np.zeros(n_steps)
    for t in range(1, n_steps + 1):
        actions = act(t)
        rewards = testbed.pull(actions)
        learn(actions, rewards)
        reward[t - 1] = rewards.mean()
        optimal[t - 1] = np.mean(actions == testbed.optimal_action)
        regret[t - 1] = testbed.regret(actions).mean()
    return {"reward": reward, "optimal": optimal, "regret": np.cumsum(regret)}
