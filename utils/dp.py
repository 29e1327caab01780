"""Dynamic programming on a known finite MDP: policy evaluation, policy and value iteration.

Every function takes the model as arrays (see :mod:`utils.gridworld`):
``P`` (S, A, S') transition probabilities, ``R`` (S, A) expected rewards,
``terminal`` (S,) bool mask of absorbing zero-value states, and ``gamma``.
Policies are arrays ``pi`` (S, A) of action probabilities; a deterministic
policy is a one-hot ``pi``. Sweeps are synchronous ("two-array") and vectorised.
"""

from __future__ import annotations

import numpy as np

from utils.gridworld import check_model


def _check(P, R, terminal, gamma):
    P, R = np.asarray(P, dtype=np.float64), np.asarray(R, dtype=np.float64)
    check_model(P, R, terminal)
    terminal = np.zeros(P.shape[0], dtype=bool) if terminal is None else np.asarray(terminal, bool)
    if not 0.0 < gamma <= 1.0:
        raise ValueError(f"gamma must be in (0, 1], got {gamma}")
    return P, R, terminal


def _check_policy(pi, shape):
    pi = np.asarray(pi, dtype=np.float64)
    if pi.shape != shape:
        raise ValueError(f"pi must have shape {shape} (S, A), got {pi.shape}")
    if (pi < 0).any() or not np.allclose(pi.sum(axis=1), 1.0):
        raise ValueError("every row pi[s, :] must be a probability vector")
    return pi


def uniform_policy(n_states: int, n_actions: int) -> np.ndarray:
    """The equiprobable random policy, array (S, A) with entries 1/A."""
    return np.full((n_states, n_actions), 1.0 / n_actions)


def policy_model(P: np.ndarray, R: np.ndarray, pi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Markov reward process a policy induces: ``P_pi`` (S, S) and ``r_pi`` (S,).

    ``P_pi[s, s2] = sum_a pi(a|s) P[s, a, s2]`` and ``r_pi[s] = sum_a pi(a|s) R[s, a]``.
    """
    return np.einsum("sa,sat->st", pi, P), np.einsum("sa,sa->s", pi, R)


def q_from_v(P: np.ndarray, R: np.ndarray, V: np.ndarray, gamma: float) -> np.ndarray:
    """One-step look-ahead ``Q[s, a] = R[s, a] + gamma * sum_s2 P[s, a, s2] V[s2]``, (S, A)."""
    return R + gamma * P @ V


def policy_evaluation(P: np.ndarray, R: np.ndarray, pi: np.ndarray, gamma: float = 1.0,
                      terminal: np.ndarray | None = None, theta: float = 1e-10,
                      max_sweeps: int = 100_000, V0: np.ndarray | None = None
                      ) -> tuple[np.ndarray, dict[str, list]]:
    """Iterative policy evaluation: sweep ``V <- r_pi + gamma P_pi V`` until it stops changing.

    Parameters
    ----------
    pi : array (S, A), the policy to evaluate
    theta : stop when the largest change of a sweep is below this (typical 1e-4 to 1e-10)
    max_sweeps : give up (``RuntimeError``) after this many sweeps
    V0 : starting values (default zeros); terminal states are held at 0

    Returns
    -------
    V : array (S,)
    history : dict with ``"values"`` (the table after each sweep, starting with V0,
        so ``history["values"][k]`` is v_k) and ``"delta"`` (largest change per sweep)

    Examples
    --------
    >>> from utils.gridworld import SmallGridworld
    >>> env = SmallGridworld()
    >>> V, hist = policy_evaluation(env.P, env.R, uniform_policy(16, 4), 1.0, env.terminal)
    >>> round(float(V[1]), 6)
    -14.0
    """
    P, R, terminal = _check(P, R, terminal, gamma)
    pi = _check_policy(pi, R.shape)
    P_pi, r_pi = policy_model(P, R, pi)
    V = np.zeros(P.shape[0]) if V0 is None else np.array(V0, dtype=np.float64)
    V[terminal] = 0.0
    history = {"values": [V.copy()], "delta": []}
    for _ in range(max_sweeps):
        V_new = r_pi + gamma * P_pi @ V          # (S,) the Bellman expectation backup
        V_new[terminal] = 0.0
        delta = float(np.max(np.abs(V_new - V)))
        V = V_new
        history["values"].append(V.copy())
        history["delta"].append(delta)
        if delta < theta:
            return V, history
    raise RuntimeError(f"policy evaluation did not converge in {max_sweeps} sweeps "
                       f"(last change {delta:.3g}); is the policy proper when gamma = 1?")


def policy_evaluation_exact(P: np.ndarray, R: np.ndarray, pi: np.ndarray, gamma: float = 1.0,
                            terminal: np.ndarray | None = None) -> np.ndarray:
    """Solve the Bellman expectation equation ``(I - gamma P_pi) v = r_pi`` directly.

    Terminal states have value 0 and are removed from the system, which keeps it
    non-singular for ``gamma = 1`` when the policy ends every episode.
    """
    P, R, terminal = _check(P, R, terminal, gamma)
    pi = _check_policy(pi, R.shape)
    P_pi, r_pi = policy_model(P, R, pi)
    keep = ~terminal
    A = np.eye(keep.sum()) - gamma * P_pi[np.ix_(keep, keep)]
    V = np.zeros(P.shape[0])
    V[keep] = np.linalg.solve(A, r_pi[keep])
    return V


def greedy_policy(P: np.ndarray, R: np.ndarray, V: np.ndarray, gamma: float,
                  terminal: np.ndarray | None = None, tol: float = 1e-8) -> np.ndarray:
    """The policy greedy with respect to ``V``, array (S, A), ties shared evenly.

    Actions whose look-ahead value is within ``tol`` of the best count as ties
    (for drawing all optimal arrows). Terminal states get the uniform policy.
    """
    P, R, terminal = _check(P, R, terminal, gamma)
    Q = q_from_v(P, R, np.asarray(V, dtype=np.float64), gamma)
    best = Q >= Q.max(axis=1, keepdims=True) - tol
    best[terminal] = True
    return best / best.sum(axis=1, keepdims=True)


def policy_iteration(P: np.ndarray, R: np.ndarray, gamma: float = 1.0,
                     terminal: np.ndarray | None = None, pi0: np.ndarray | None = None,
                     theta: float = 1e-10, max_iterations: int = 1000
                     ) -> tuple[np.ndarray, np.ndarray, dict[str, list]]:
    """Policy iteration: evaluate the policy to convergence, act greedily, repeat until stable.

    Evaluation is iterative (warm-started from the previous values) so that its
    cost can be counted in sweeps. Improvement keeps the current action when it
    is still among the best (within 1e-9), which prevents cycling between ties.

    Parameters
    ----------
    pi0 : initial policy (default uniform random; with ``gamma = 1`` it must end episodes)
    theta : tolerance of each policy evaluation
    max_iterations : give up after this many improvement steps

    Returns
    -------
    pi : array (S, A), a deterministic optimal policy (one-hot rows)
    V : array (S,), its values
    history : dict with ``"sweeps"`` (evaluation sweeps per iteration), ``"values"``
        (V after each evaluation) and ``"changed"`` (states whose action changed)
    """
    P, R, terminal = _check(P, R, terminal, gamma)
    S, A = R.shape
    pi = uniform_policy(S, A) if pi0 is None else _check_policy(pi0, (S, A))
    V = np.zeros(S)
    history = {"sweeps": [], "values": [], "changed": []}
    for _ in range(max_iterations):
        V, ev = policy_evaluation(P, R, pi, gamma, terminal, theta=theta, V0=V)
        history["sweeps"].append(len(ev["delta"]))
        history["values"].append(V.copy())
        Q = q_from_v(P, R, V, gamma)                                 # (S, A)
        best = Q >= Q.max(axis=1, keepdims=True) - 1e-9
        old = np.argmax(pi, axis=1)
        keep_old = best[np.arange(S), old] & (pi[np.arange(S), old] == 1.0)
        new = np.where(keep_old, old, np.argmax(best, axis=1))
        new_pi = np.eye(A)[new]
        changed = int(np.sum(np.any(new_pi != pi, axis=1) & ~terminal))
        history["changed"].append(changed)
        pi = new_pi
        if changed == 0:
            return pi, V, history
    raise RuntimeError(f"policy iteration did not stabilise in {max_iterations} iterations")


def value_iteration(P: np.ndarray, R: np.ndarray, gamma: float = 1.0,
                    terminal: np.ndarray | None = None, theta: float = 1e-10,
                    max_sweeps: int = 100_000, V0: np.ndarray | None = None
                    ) -> tuple[np.ndarray, np.ndarray, dict[str, list]]:
    """Value iteration: sweep ``V <- max_a (R + gamma P V)`` until it stops changing.

    Returns
    -------
    pi : array (S, A), greedy with respect to the final V (ties shared)
    V : array (S,), approximately v_*
    history : dict with ``"values"`` (V after each sweep, starting with V0) and
        ``"delta"`` (largest change per sweep)

    Examples
    --------
    >>> from utils.gridworld import JumpGridworld
    >>> env = JumpGridworld()
    >>> pi, V, hist = value_iteration(env.P, env.R, env.gamma)
    >>> round(float(V[1]), 1)     # cell A of Figure 3.5
    24.4
    """
    P, R, terminal = _check(P, R, terminal, gamma)
    V = np.zeros(P.shape[0]) if V0 is None else np.array(V0, dtype=np.float64)
    V[terminal] = 0.0
    history = {"values": [V.copy()], "delta": []}
    for _ in range(max_sweeps):
        V_new = q_from_v(P, R, V, gamma).max(axis=1)     # (S,) the Bellman optimality backup
        V_new[terminal] = 0.0
        delta = float(np.max(np.abs(V_new - V)))
        V = V_new
        history["values"].append(V.copy())
        history["delta"].append(delta)
        if delta < theta:
            return greedy_policy(P, R, V, gamma, terminal), V, history
    raise RuntimeError(f"value iteration did not converge in {max_sweeps} sweeps")
