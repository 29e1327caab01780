"""A Q-learning model of choice on a probabilistic reward task (Huys et al., 2013).

The task is the asymmetric-reward signal-detection task of Pizzagalli et al. (2005): on
each trial one of two stimuli is shown, ``s = 0`` (the "lean" stimulus) or ``s = 1`` (the
"rich" one), and the subject gives response ``a = 0`` or ``a = 1``; response ``a`` is correct
for stimulus ``s = a``. A correct response earns a reward of 1 with probability
``p_reward[s]`` (0.3 for the lean stimulus, 0.75 for the rich one); a wrong one earns nothing.

The model: a value ``Q(a, s)`` for each response to each stimulus, updated after every trial
by ``Q(a_t, s_t) += alpha * (rho * r_t - Q(a_t, s_t))`` from ``Q = 0``, with reward
sensitivity ``rho`` and learning rate ``alpha``; the choice is logistic in the difference of
the weights ``W(a, s) = gamma * I(a, s) + xi * Q(a, s) + (1 - xi) * Q(a, 1 - s)``, where
``I(a, s) = 1`` if ``a`` is the correct response to ``s``. Because ``Q`` starts at 0 and every
update is linear in ``rho``, ``Q = rho * V`` with ``V`` the learned values at ``rho = 1``, and
``V`` is an exponential moving average of each pair's rewards: a linear filter, which is
what makes the likelihood here fast (``scipy.signal.lfilter``) and its gradient exact.

The notebooks of Chapter 8 write the model out trial by trial; this module is the same
model, vectorised, so that a cohort can be simulated and fitted in seconds.
"""

from __future__ import annotations

import numpy as np
from scipy.signal import lfilter
from scipy.special import expit

P_REWARD = (0.3, 0.75)   # P(reward | correct response) for the lean (0) and the rich (1) stimulus
GAMMA = 0.25             # instruction sensitivity: weight of "this response is the correct one"
XI = 0.9                 # belief that the stimulus is the one shown (1: certain, 0.5: none)


def balanced_stimuli(n_trials: int, rng: np.random.Generator, n_subjects: int = 1) -> np.ndarray:
    """Stimulus sequences with as many rich as lean trials, each row in its own random order.

    Returns an int array of shape ``(n_subjects, n_trials)`` of 0 (lean) and 1 (rich).

    Examples
    --------
    >>> s = balanced_stimuli(6, np.random.default_rng(0), n_subjects=2)
    >>> s.shape, s.sum(axis=1).tolist()
    ((2, 6), [3, 3])
    """
    if int(n_trials) != n_trials or n_trials < 2 or n_trials % 2:
        raise ValueError(f"n_trials must be an even integer >= 2, got {n_trials}")
    base = np.repeat([0, 1], n_trials // 2)
    return np.stack([rng.permutation(base) for _ in range(int(n_subjects))])


def _check_params(rho, alpha, n: int) -> tuple[np.ndarray, np.ndarray]:
    rho = np.broadcast_to(np.asarray(rho, dtype=np.float64), (n,))
    alpha = np.broadcast_to(np.asarray(alpha, dtype=np.float64), (n,))
    if np.any(rho < 0):
        raise ValueError(f"rho must be >= 0, got min {rho.min()}")
    if np.any((alpha <= 0) | (alpha > 1)):
        raise ValueError(f"alpha must be in (0, 1], got range [{alpha.min()}, {alpha.max()}]")
    return rho, alpha


def simulate(rho, alpha, stimuli: np.ndarray, rng: np.random.Generator, *,
             gamma: float = GAMMA, xi: float = XI,
             p_reward: tuple[float, float] = P_REWARD) -> tuple[np.ndarray, np.ndarray]:
    """Simulate subjects on the task, trial by trial, all subjects at once.

    Parameters
    ----------
    rho, alpha : float or array of shape (n_subjects,)
        Reward sensitivity (typically 0.5-10) and learning rate in (0, 1] (typically 0.02-0.6).
    stimuli : int array of shape (n_subjects, n_trials)
        0 (lean) or 1 (rich), e.g. from :func:`balanced_stimuli`.
    rng : numpy.random.Generator
    gamma, xi : float
        Instruction sensitivity and stimulus belief of the link function (module docstring).
    p_reward : (float, float)
        P(reward | correct) for the lean and the rich stimulus.

    Returns
    -------
    actions, rewards : arrays of shape (n_subjects, n_trials), int and float (0.0 or 1.0)
    """
    stimuli = np.asarray(stimuli)
    if stimuli.ndim != 2 or not np.isin(stimuli, (0, 1)).all():
        raise ValueError(f"stimuli must be a 2-D array of 0s and 1s, got shape {stimuli.shape}")
    n, n_trials = stimuli.shape
    rho, alpha = _check_params(rho, alpha, n)
    p_reward = np.asarray(p_reward, dtype=np.float64)
    subject = np.arange(n)
    Q = np.zeros((n, 2, 2))                                   # (subject, response, stimulus)
    actions = np.zeros((n, n_trials), dtype=np.int64)
    rewards = np.zeros((n, n_trials))
    for t in range(n_trials):
        s = stimuli[:, t]
        W = gamma * (np.arange(2)[None, :] == s[:, None]) \
            + xi * Q[subject, :, s] + (1 - xi) * Q[subject, :, 1 - s]     # (n, 2): W(a, s)
        a = (rng.random(n) < expit(W[:, 1] - W[:, 0])).astype(np.int64)
        r = ((a == s) & (rng.random(n) < p_reward[s])).astype(np.float64)
        Q[subject, a, s] += alpha * (rho * r - Q[subject, a, s])
        actions[:, t], rewards[:, t] = a, r
    return actions, rewards


def learned_values(alpha: float, stimuli: np.ndarray, actions: np.ndarray,
                   rewards: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Values ``V_t(a, s) = Q_t(a, s) / rho`` before each trial, and their derivative in alpha.

    For one subject (1-D arrays of length T). Each pair ``(a, s)`` is updated only on the
    trials where it occurs; along those visits ``v_k = (1 - alpha) v_{k-1} + alpha r_k`` is a
    first-order linear filter, and differentiating it gives another one,
    ``dv_k = (1 - alpha) dv_{k-1} + (r_k - v_{k-1})``.

    Returns
    -------
    V, dV : arrays of shape (T, 2, 2), indexed (trial, response, stimulus)
    """
    stimuli, actions, rewards = (np.asarray(x) for x in (stimuli, actions, rewards))
    if not stimuli.ndim == actions.ndim == rewards.ndim == 1 or \
            not len(stimuli) == len(actions) == len(rewards):
        raise ValueError("stimuli, actions and rewards must be 1-D arrays of one length, got "
                         f"shapes {stimuli.shape}, {actions.shape}, {rewards.shape}")
    if not 0 < alpha <= 1:
        raise ValueError(f"alpha must be in (0, 1], got {alpha}")
    T = len(stimuli)
    V, dV = np.zeros((T, 2, 2)), np.zeros((T, 2, 2))
    for a in (0, 1):
        for s in (0, 1):
            visit = (actions == a) & (stimuli == s)
            r = rewards[visit].astype(np.float64)
            if not r.any():
                continue                                      # never rewarded: stays at Q0 = 0
            v = lfilter([alpha], [1.0, alpha - 1.0], r)       # value after each visit
            v_before = np.concatenate([[0.0], v])             # value after 0, 1, 2, ... visits
            dv = lfilter([1.0], [1.0, alpha - 1.0], r - v_before[:-1])
            n_before = np.cumsum(visit) - visit               # visits strictly before trial t
            V[:, a, s] = v_before[n_before]
            dV[:, a, s] = np.concatenate([[0.0], dv])[n_before]
    return V, dV


def neg_log_lik(rho, alpha: float, stimuli: np.ndarray, actions: np.ndarray, rewards: np.ndarray,
                *, gamma: float = GAMMA, xi: float = XI, grad: bool = False):
    """Negative log-likelihood of one subject's choices, in nats; optionally its gradient.

    ``-sum_t log p(a_t | s_t, history)`` with ``p(a = 1 | s) = sigmoid(W(1, s) - W(0, s))``.

    Parameters
    ----------
    rho : float or array
        Reward sensitivity; an array gives one value per entry (for grids over rho).
    alpha : float
        Learning rate in (0, 1].
    stimuli, actions, rewards : 1-D arrays of length T
        One subject's data.
    gamma, xi : float
        As in :func:`simulate`.
    grad : bool
        Also return the gradient ``[d/d rho, d/d alpha]`` (scalar ``rho`` only).

    Returns
    -------
    float or array like ``rho``; with ``grad``, a tuple ``(nll, gradient of shape (2,))``.

    Examples
    --------
    >>> s, a, r = np.array([1, 0, 1]), np.array([1, 0, 1]), np.array([1.0, 0.0, 0.0])
    >>> round(float(neg_log_lik(0.0, 0.5, s, a, r, gamma=0.0)), 4)   # rho = 0: coin flips
    2.0794
    """
    V, dV = learned_values(alpha, stimuli, actions, rewards)
    stimuli, actions = np.asarray(stimuli), np.asarray(actions)
    t = np.arange(len(stimuli))
    D, dD = V[:, 1, :] - V[:, 0, :], dV[:, 1, :] - dV[:, 0, :]     # (T, 2): response 1 minus 0
    u = xi * D[t, stimuli] + (1 - xi) * D[t, 1 - stimuli]           # (T,): dz / d rho
    du = xi * dD[t, stimuli] + (1 - xi) * dD[t, 1 - stimuli]        # (T,): d u / d alpha
    rho_arr = np.asarray(rho, dtype=np.float64)
    z = gamma * (2 * stimuli - 1) + rho_arr[..., None] * u          # logit of response 1
    nll = np.logaddexp(0.0, -(2 * actions - 1) * z).sum(axis=-1)    # -log sigmoid(+-z)
    if not grad:
        return nll
    if rho_arr.ndim:
        raise ValueError(f"grad=True needs a scalar rho, got shape {rho_arr.shape}")
    g = expit(z) - actions                                          # d nll / d z, per trial
    return float(nll), np.array([np.sum(g * u), np.sum(g * rho_arr * du)])


def response_bias(stimuli: np.ndarray, actions: np.ndarray) -> np.ndarray:
    """The signal-detection response bias log b towards the rich response, per subject.

    ``log b = 0.5 * log[(rich correct * lean wrong) / (rich wrong * lean correct)]`` over the
    counts of each subject's row, with 0.5 added to every count so that none is zero (Hautus,
    1995), as in Pizzagalli et al. (2005). 0 means no bias; positive, a bias towards response 1.
    """
    stimuli, actions = np.atleast_2d(stimuli), np.atleast_2d(actions)
    if stimuli.shape != actions.shape:
        raise ValueError(f"stimuli and actions must have one shape, got {stimuli.shape} "
                         f"and {actions.shape}")
    correct = actions == stimuli
    rc, rw = (correct & (stimuli == 1)).sum(1), (~correct & (stimuli == 1)).sum(1)
    lc, lw = (correct & (stimuli == 0)).sum(1), (~correct & (stimuli == 0)).sum(1)
    return 0.5 * np.log((rc + 0.5) * (lw + 0.5) / ((rw + 0.5) * (lc + 0.5)))
