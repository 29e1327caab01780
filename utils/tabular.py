"""Tabular temporal-difference learning on gymnasium environments with discrete spaces.

TD(0) prediction of ``v_pi``, and the two TD control methods, SARSA (on-policy)
and Q-learning (off-policy), with epsilon-greedy behaviour. Each learner takes
an integer ``seed``: the environment is seeded once through ``reset(seed=seed)``
and the agent's own choices come from ``np.random.default_rng(seed)``, so a run
is reproducible. Each returns its table and a history ``dict[str, list]``.
"""

from __future__ import annotations

import gymnasium as gym
import numpy as np


def _sizes(env: gym.Env) -> tuple[int, int]:
    obs, act = env.observation_space, env.action_space
    if not (isinstance(obs, gym.spaces.Discrete) and isinstance(act, gym.spaces.Discrete)):
        raise ValueError(f"tabular methods need Discrete spaces, got {obs} and {act}")
    return int(obs.n), int(act.n)


def _check_rates(alpha: float, gamma: float, epsilon: float = 0.0) -> None:
    if not 0.0 < alpha <= 1.0:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    if not 0.0 <= gamma <= 1.0:
        raise ValueError(f"gamma must be in [0, 1], got {gamma}")
    if not 0.0 <= epsilon <= 1.0:
        raise ValueError(f"epsilon must be in [0, 1], got {epsilon}")


def epsilon_greedy(q: np.ndarray, epsilon: float, rng: np.random.Generator) -> int:
    """With probability ``epsilon`` a uniformly random action, else a greedy one.

    Ties between greedy actions are broken at random, which matters early on,
    when a table initialised to zeros has every action tied.

    Examples
    --------
    >>> epsilon_greedy(np.array([0.0, 2.0, 1.0]), 0.0, np.random.default_rng(0))
    1
    """
    if rng.random() < epsilon:
        return int(rng.integers(len(q)))
    best = np.flatnonzero(q == q.max())
    return int(best[0]) if len(best) == 1 else int(best[rng.integers(len(best))])


def run_episode(env: gym.Env, pi: np.ndarray, rng: np.random.Generator, seed: int | None = None,
                max_steps: int = 100_000) -> tuple[list[int], list[int], list[float], bool]:
    """Play one episode with a fixed stochastic policy ``pi`` (S, A).

    Returns the visited states ``S_0..S_T`` (including the final one), the actions
    ``A_0..A_{T-1}``, the rewards ``R_1..R_T``, and whether ``S_T`` is terminal
    (False if the episode was cut short).
    """
    s, _ = env.reset(seed=seed)
    states, actions, rewards = [int(s)], [], []
    cdf = np.cumsum(pi, axis=1)                   # (S, A) inverse-CDF sampling of actions
    for _ in range(max_steps):
        a = int(min(np.searchsorted(cdf[s], rng.random(), side="right"), pi.shape[1] - 1))
        s, r, terminated, truncated, _ = env.step(a)
        states.append(int(s))
        actions.append(a)
        rewards.append(float(r))
        if terminated or truncated:
            break
    return states, actions, rewards, bool(terminated)


def td0_prediction(env: gym.Env, pi: np.ndarray, n_episodes: int, alpha: float = 0.1,
                   gamma: float = 1.0, v0: float | np.ndarray = 0.0, seed: int = 0
                   ) -> tuple[np.ndarray, dict[str, list]]:
    """TD(0) estimate of ``v_pi``: after each step, ``V(S) += alpha [R + gamma V(S') - V(S)]``.

    Parameters
    ----------
    pi : array (S, A), the policy being evaluated
    n_episodes : episodes to learn from
    alpha : constant step size (typical 0.01-0.2)
    gamma : discount factor
    v0 : initial value of every state (or an array (S,)); the targets use 0 for a
        terminal state whatever its entry holds (that entry is never updated)
    seed : seeds the environment (first reset) and the action choices

    Returns
    -------
    V : array (S,)
    history : ``{"values": [V after 0, 1, ..., n_episodes episodes], "length": [...]}``

    Examples
    --------
    >>> from utils.gridworld import RandomWalk
    >>> V, h = td0_prediction(RandomWalk(), np.full((7, 2), 0.5), 100, alpha=0.05, v0=0.5)
    >>> len(h["values"])
    101
    """
    S, A = _sizes(env)
    _check_rates(alpha, gamma)
    pi = np.asarray(pi, dtype=np.float64)
    if pi.shape != (S, A) or not np.allclose(pi.sum(axis=1), 1.0):
        raise ValueError(f"pi must be an (S, A) = ({S}, {A}) array of probability rows")
    rng = np.random.default_rng(seed)
    V = np.broadcast_to(np.asarray(v0, dtype=np.float64), (S,)).copy()
    history = {"values": [V.copy()], "length": []}
    for episode in range(n_episodes):
        states, _, rewards, ended = run_episode(env, pi, rng, seed=seed if episode == 0 else None)
        # pi does not depend on V, so updating along the finished episode, in order,
        # gives exactly the online TD(0) updates
        for t, r in enumerate(rewards):
            s, s2 = states[t], states[t + 1]
            v_next = 0.0 if ended and t == len(rewards) - 1 else V[s2]   # v(terminal) = 0
            V[s] += alpha * (r + gamma * v_next - V[s])
        history["values"].append(V.copy())
        history["length"].append(len(rewards))
    return V, history



def _td_control(env: gym.Env, n_episodes: int, alpha: float, epsilon: float, gamma: float,
                seed: int, method: str, max_steps: int) -> tuple[np.ndarray, dict[str, list]]:
    S, A = _sizes(env)
    _check_rates(alpha, gamma, epsilon)
    rng = np.random.default_rng(seed)
    env.action_space.seed(seed)
    Q = np.zeros((S, A))
    history = {"return": [], "length": []}
    for episode in range(n_episodes):
        s, _ = env.reset(seed=seed if episode == 0 else None)
        a = epsilon_greedy(Q[s], epsilon, rng)
        G, steps = 0.0, 0
        for steps in range(1, max_steps + 1):
            s2, r, terminated, truncated, _ = env.step(a)
            G += r
            a2 = epsilon_greedy(Q[s2], epsilon, rng)          # the action SARSA will take next
            if terminated:
                target = r
            elif method == "sarsa":
                target = r + gamma * Q[s2, a2]                 # on-policy: the action taken
            else:
                target = r + gamma * Q[s2].max()               # off-policy: the greedy action
            Q[s, a] += alpha * (target - Q[s, a])
            s, a = s2, a2
            if terminated or truncated:
                break
        history["return"].append(G)
        history["length"].append(steps)
    return Q, history


def sarsa(env: gym.Env, n_episodes: int = 500, alpha: float = 0.5, epsilon: float = 0.1,
          gamma: float = 1.0, seed: int = 0, max_steps: int = 10_000
          ) -> tuple[np.ndarray, dict[str, list]]:
    """SARSA, on-policy TD control: ``Q(S,A) += alpha [R + gamma Q(S',A') - Q(S,A)]``.

    ``A'`` is the epsilon-greedy action actually taken next, so Q estimates the
    values of the epsilon-greedy policy itself, exploration included.

    Parameters
    ----------
    n_episodes : episodes to learn from
    alpha : step size (typical 0.1-0.5)
    epsilon : exploration rate of the behaviour policy (typical 0.01-0.2)
    gamma : discount factor
    seed : seeds the environment (first reset), its action space and the agent's choices
    max_steps : cut an episode after this many steps

    Returns
    -------
    Q : array (S, A)
    history : ``{"return": [sum of rewards per episode], "length": [steps per episode]}``
    """
    return _td_control(env, n_episodes, alpha, epsilon, gamma, seed, "sarsa", max_steps)


def q_learning(env: gym.Env, n_episodes: int = 500, alpha: float = 0.5, epsilon: float = 0.1,
               gamma: float = 1.0, seed: int = 0, max_steps: int = 10_000
               ) -> tuple[np.ndarray, dict[str, list]]:
    """Q-learning, off-policy TD control: ``Q(S,A) += alpha [R + gamma max_a Q(S',a) - Q(S,A)]``.

    Behaviour is epsilon-greedy, but the target uses the greedy action, so Q
    estimates the optimal values ``q_*`` whatever the exploration. Parameters and
    returns as for :func:`sarsa`.
    """
    return _td_control(env, n_episodes, alpha, epsilon, gamma, seed, "q_learning", max_steps)


def greedy_path(env: gym.Env, Q: np.ndarray, seed: int | None = None,
                max_steps: int = 1000) -> list[int]:
    """The states visited by acting greedily on ``Q`` (ties to the lowest action) from reset.

    Stops at termination, truncation, ``max_steps``, or when a state repeats
    (a greedy policy that loops never ends the episode).
    """
    s, _ = env.reset(seed=seed)
    path = [int(s)]
    for _ in range(max_steps):
        s, _, terminated, truncated, _ = env.step(int(np.argmax(Q[s])))
        path.append(int(s))
        if terminated or truncated or path.count(int(s)) > 1:
            break
    return path
