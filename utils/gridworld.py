"""Small finite MDPs as gymnasium environments that also expose their transition model.

Dynamic programming needs the model, learning agents need only ``reset``/``step``;
the environments here give both. A finite MDP with ``S`` states and ``A`` actions is

* ``P`` : array (S, A, S'), ``P[s, a, s2]`` = probability of moving from s to s2 under a,
* ``R`` : array (S, A), expected reward of taking a in s,
* ``terminal`` : bool array (S,), absorbing states with value 0
  (``P[s, a, s] = 1``, ``R[s, a] = 0``),
* ``gamma`` : the discount the task is defined with.

Grids are numbered row by row (state ``s`` is cell ``divmod(s, ncols)``), and the
four moves are ordered as in gymnasium's CliffWalking: 0 up, 1 right, 2 down, 3 left.
FrozenLake orders them 0 left, 1 down, 2 right, 3 up; see :data:`FROZENLAKE_MOVES`.
"""

from __future__ import annotations

from collections.abc import Sequence

import gymnasium as gym
import numpy as np

# (row change, column change) of each action
GRID_MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))        # up, right, down, left (CliffWalking too)
CLIFF_MOVES = GRID_MOVES
FROZENLAKE_MOVES = ((0, -1), (1, 0), (0, 1), (-1, 0))  # left, down, right, up


def check_model(P: np.ndarray, R: np.ndarray, terminal: np.ndarray | None = None) -> None:
    """Raise ``ValueError`` unless (P, R, terminal) is a well-formed finite MDP."""
    P, R = np.asarray(P), np.asarray(R)
    if P.ndim != 3 or P.shape[0] != P.shape[2]:
        raise ValueError(f"P must have shape (S, A, S), got {P.shape}")
    if R.shape != P.shape[:2]:
        raise ValueError(f"R must have shape {P.shape[:2]} (S, A), got {R.shape}")
    if (P < 0).any() or not np.allclose(P.sum(axis=2), 1.0, atol=1e-9):
        raise ValueError("every row P[s, a, :] must be a probability vector (>= 0, sums to 1)")
    if terminal is not None and np.asarray(terminal).shape != (P.shape[0],):
        raise ValueError(f"terminal must have shape ({P.shape[0]},), got {np.shape(terminal)}")


class TabularMDPEnv(gym.Env):
    """A gymnasium environment defined by transition arrays (P, R, terminal).

    ``step`` samples the next state from ``P[s, a]`` with the environment's own
    generator (seeded by ``reset(seed=...)``) and pays the expected reward
    ``R[s, a]`` (rewards of the environments here are deterministic given (s, a)).

    Parameters
    ----------
    P, R, terminal : the model (see the module docstring)
    start : array (S,), distribution of the first state
    gamma : discount factor of the task, in (0, 1]
    shape : (rows, cols) when the states are cells of a grid, for drawing
    """

    metadata = {"render_modes": ["ansi"], "render_fps": 4}

    def __init__(self, P: np.ndarray, R: np.ndarray, terminal: np.ndarray, start: np.ndarray,
                 gamma: float = 1.0, shape: tuple[int, int] | None = None,
                 render_mode: str | None = None):
        P, R = np.asarray(P, dtype=np.float64), np.asarray(R, dtype=np.float64)
        terminal, start = np.asarray(terminal, dtype=bool), np.asarray(start, dtype=np.float64)
        check_model(P, R, terminal)
        if start.shape != (P.shape[0],) or not np.isclose(start.sum(), 1.0) or (start < 0).any():
            raise ValueError(f"start must be a probability vector of length {P.shape[0]}")
        if not 0.0 < gamma <= 1.0:
            raise ValueError(f"gamma must be in (0, 1], got {gamma}")
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be None or 'ansi', got {render_mode!r}")
        self.P, self.R, self.terminal, self.start, self.gamma = P, R, terminal, start, gamma
        self.shape, self.render_mode = shape, render_mode
        self.n_states, self.n_actions = R.shape
        self.observation_space = gym.spaces.Discrete(self.n_states)
        self.action_space = gym.spaces.Discrete(self.n_actions)
        self._cdf = np.cumsum(P, axis=2)                 # (S, A, S') for inverse-CDF sampling
        self._cdf[..., -1] = 1.0
        self.s = 0

    def reset(self, *, seed: int | None = None, options: dict | None = None):
        super().reset(seed=seed)
        self.s = int(self.np_random.choice(self.n_states, p=self.start))
        return self.s, {}

    def step(self, action):
        a = int(action)
        if not 0 <= a < self.n_actions:
            raise ValueError(f"action must be in [0, {self.n_actions}), got {action!r}")
        r = float(self.R[self.s, a])
        self.s = int(np.searchsorted(self._cdf[self.s, a], self.np_random.random(), side="right"))
        return self.s, r, bool(self.terminal[self.s]), False, {}

    def render(self):
        if self.render_mode != "ansi":
            return None
        if self.shape is None:
            return " ".join("x" if s == self.s else ("T" if t else ".")
                            for s, t in enumerate(self.terminal)) + "\n"
        rows, cols = self.shape
        cells = ["x" if s == self.s else ("T" if self.terminal[s] else ".")
                 for s in range(rows * cols)]
        return "\n".join(" ".join(cells[r * cols:(r + 1) * cols]) for r in range(rows)) + "\n"


def _grid_model(shape: tuple[int, int], moves: Sequence[tuple[int, int]] = GRID_MOVES,
                off_grid_reward: float = 0.0, step_reward: float = 0.0):
    """Deterministic moves on a grid: bumping into the edge leaves the agent in place."""
    rows, cols = shape
    S, A = rows * cols, len(moves)
    P, R = np.zeros((S, A, S)), np.full((S, A), step_reward)
    for s in range(S):
        r, c = divmod(s, cols)
        for a, (dr, dc) in enumerate(moves):
            r2, c2 = r + dr, c + dc
            if 0 <= r2 < rows and 0 <= c2 < cols:
                P[s, a, r2 * cols + c2] = 1.0
            else:
                P[s, a, s] = 1.0
                R[s, a] = off_grid_reward
    return P, R


def _make_absorbing(P: np.ndarray, R: np.ndarray, terminal: np.ndarray) -> None:
    """Terminal states loop on themselves with reward 0, so their value is 0."""
    for s in np.flatnonzero(terminal):
        P[s] = 0.0
        P[s, :, s] = 1.0
        R[s] = 0.0


class SmallGridworld(TabularMDPEnv):
    """The 4x4 gridworld of Sutton & Barto (2018), Example 4.1.

    Cells 0 and 15 (top-left, bottom-right corners) are terminal; every move
    costs -1; moves off the grid leave the state unchanged; undiscounted
    (``gamma = 1``). Episodes start in a uniformly random non-terminal cell.
    """

    def __init__(self, render_mode: str | None = None):
        P, R = _grid_model((4, 4), step_reward=-1.0, off_grid_reward=-1.0)
        terminal = np.zeros(16, dtype=bool)
        terminal[[0, 15]] = True
        _make_absorbing(P, R, terminal)
        start = (~terminal) / (~terminal).sum()
        super().__init__(P, R, terminal, start, gamma=1.0, shape=(4, 4), render_mode=render_mode)


class JumpGridworld(TabularMDPEnv):
    """The 5x5 gridworld of Sutton & Barto (2018), Example 3.5 (Figures 3.2 and 3.5).

    From cell A = (0, 1) every action jumps to A' = (4, 1) with reward +10; from
    B = (0, 3) every action jumps to B' = (2, 3) with reward +5; a move off the
    grid leaves the state unchanged with reward -1; all other moves pay 0.
    A continuing task with ``gamma = 0.9``; episodes start in a uniformly random
    cell and never terminate (wrap it in ``gymnasium.wrappers.TimeLimit`` to cut them).
    """

    A, A_PRIME, B, B_PRIME = 1, 21, 3, 13

    def __init__(self, render_mode: str | None = None):
        P, R = _grid_model((5, 5), off_grid_reward=-1.0)
        for s, s2, r in ((self.A, self.A_PRIME, 10.0), (self.B, self.B_PRIME, 5.0)):
            P[s] = 0.0
            P[s, :, s2] = 1.0
            R[s] = r
        super().__init__(P, R, np.zeros(25, dtype=bool), np.full(25, 1 / 25), gamma=0.9,
                         shape=(5, 5), render_mode=render_mode)


class RandomWalk(TabularMDPEnv):
    """The random walk of Sutton & Barto (2018), Example 6.2, with actions.

    States 0..6: 0 and 6 are terminal, 1..5 are A..E, every episode starts in
    C = 3. Action 0 moves left, action 1 moves right; stepping from E into the
    right end pays +1, every other step 0; undiscounted. Under the uniformly
    random policy the values of A..E are 1/6, 2/6, ..., 5/6.

    Parameters
    ----------
    n : number of non-terminal states (odd; 5 in the book, 19 in its Example 7.1)
    """

    def __init__(self, n: int = 5, render_mode: str | None = None):
        if n < 1 or n % 2 == 0:
            raise ValueError(f"n must be a positive odd integer, got {n}")
        S = n + 2
        P, R = np.zeros((S, 2, S)), np.zeros((S, 2))
        for s in range(1, S - 1):
            P[s, 0, s - 1] = P[s, 1, s + 1] = 1.0
        R[S - 2, 1] = 1.0
        terminal = np.zeros(S, dtype=bool)
        terminal[[0, S - 1]] = True
        _make_absorbing(P, R, terminal)
        start = np.zeros(S)
        start[S // 2] = 1.0
        super().__init__(P, R, terminal, start, gamma=1.0, shape=(1, S), render_mode=render_mode)


def model_from_toy_text(env: gym.Env) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Turn a toy-text environment's ``env.unwrapped.P`` dict into arrays (P, R, terminal).

    ``env.unwrapped.P[s][a]`` is a list of ``(prob, next_state, reward, terminated)``
    (CliffWalking, FrozenLake, Taxi). A state is terminal if some transition
    enters it with ``terminated=True``; terminal states are made absorbing with
    reward 0, which is what the episode ending means for values.

    Examples
    --------
    >>> P, R, terminal = model_from_toy_text(gym.make("FrozenLake-v1"))
    >>> P.shape, R.shape, int(terminal.sum())
    ((16, 4, 16), (16, 4), 5)
    """
    table = getattr(env.unwrapped, "P", None)
    if not isinstance(table, dict):
        raise ValueError("env.unwrapped must have a transition dict P[s][a] -> "
                         "[(prob, next_state, reward, terminated), ...]")
    S, A = env.observation_space.n, env.action_space.n
    P, R, terminal = np.zeros((S, A, S)), np.zeros((S, A)), np.zeros(S, dtype=bool)
    for s in range(S):
        for a in range(A):
            for prob, s2, reward, done in table[s][a]:
                P[s, a, int(s2)] += prob
                R[s, a] += prob * reward
                terminal[int(s2)] |= bool(done)
    _make_absorbing(P, R, terminal)
    check_model(P, R, terminal)
    return P, R, terminal


# registered so that gymnasium.make("mlbook/SmallGridworld-v0") etc. work (and carry a spec)
for _name, _cls in (("SmallGridworld", SmallGridworld), ("JumpGridworld", JumpGridworld),
                    ("RandomWalk", RandomWalk)):
    if f"mlbook/{_name}-v0" not in gym.registry:
        gym.register(id=f"mlbook/{_name}-v0", entry_point=_cls)
