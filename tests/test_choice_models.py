"""The Q-learning choice model of Huys et al. (2013) against independent computations.

The likelihood is checked against a plain trial-by-trial loop written here (and against
torch's autograd for its gradient), the simulator against the likelihood through the
frequencies of whole histories, and maximum likelihood against the parameters that
generated a long session.
"""

import itertools

import numpy as np
import pytest
import torch
from scipy import stats
from scipy.optimize import minimize
from scipy.special import expit, logit

from utils import choice_models as cm


def reference_log_lik(rho, alpha, stimuli, actions, rewards, gamma, xi):
    """The model as the paper writes it: a dict of values, one trial at a time."""
    Q = {(a, s): 0.0 for a in (0, 1) for s in (0, 1)}
    ll = 0.0
    for s, a, r in zip(stimuli, actions, rewards):
        s, a = int(s), int(a)
        W = [gamma * (b == s) + xi * Q[b, s] + (1 - xi) * Q[b, 1 - s] for b in (0, 1)]
        p1 = 1.0 / (1.0 + np.exp(-(W[1] - W[0])))
        ll += np.log(p1 if a == 1 else 1.0 - p1)
        Q[a, s] += alpha * (rho * r - Q[a, s])
    return ll


def torch_log_lik(rho, alpha, stimuli, actions, rewards, gamma, xi):
    Q = [[torch.zeros((), dtype=torch.float64) for _ in range(2)] for _ in range(2)]
    ll = torch.zeros((), dtype=torch.float64)
    for s, a, r in zip(stimuli.tolist(), actions.tolist(), rewards.tolist()):
        z = gamma * (2 * s - 1) + xi * (Q[1][s] - Q[0][s]) + (1 - xi) * (Q[1][1 - s] - Q[0][1 - s])
        ll = ll + torch.nn.functional.logsigmoid(torch.as_tensor(2 * a - 1.0) * z)
        Q[a][s] = Q[a][s] + alpha * (rho * r - Q[a][s])
    return ll


def random_data(T, rng):
    """Arbitrary data, not from the model: any answer, and rewards on any pair (even wrong ones)."""
    return rng.integers(0, 2, T), rng.integers(0, 2, T), rng.integers(0, 2, T).astype(float)


@pytest.mark.parametrize("gamma, xi", [(0.25, 0.9), (0.0, 1.0), (1.0, 0.5), (0.5, 0.7)])
def test_neg_log_lik_matches_reference_loop(gamma, xi):
    rng = np.random.default_rng(1)
    S = cm.balanced_stimuli(120, rng)
    A, R = cm.simulate(2.0, 0.3, S, rng, gamma=gamma, xi=xi)
    for data in (random_data(120, rng), (S[0], A[0], R[0])):
        for rho, alpha in ((3.0, 0.2), (0.5, 0.9), (10.0, 0.01), (0.0, 1.0)):
            ours = cm.neg_log_lik(rho, alpha, *data, gamma=gamma, xi=xi)
            ref = -reference_log_lik(rho, alpha, *data, gamma=gamma, xi=xi)
            np.testing.assert_allclose(ours, ref, rtol=1e-11)


def test_gradient_matches_autograd():
    rng = np.random.default_rng(2)
    data = random_data(150, rng)
    for rho, alpha in ((3.0, 0.2), (1.0, 0.7), (6.0, 0.03)):
        _, grad = cm.neg_log_lik(rho, alpha, *data, gamma=0.4, xi=0.8, grad=True)
        r = torch.tensor(rho, dtype=torch.float64, requires_grad=True)
        a = torch.tensor(alpha, dtype=torch.float64, requires_grad=True)
        (-torch_log_lik(r, a, *data, gamma=0.4, xi=0.8)).backward()
        np.testing.assert_allclose(grad, [r.grad.item(), a.grad.item()], rtol=1e-9, atol=1e-12)


def test_rho_array_gives_one_value_per_entry():
    rng = np.random.default_rng(3)
    data = random_data(80, rng)
    rhos = np.array([0.1, 1.0, 4.0, 20.0])
    batch = cm.neg_log_lik(rhos, 0.3, *data)
    assert batch.shape == (4,)
    np.testing.assert_allclose(batch, [cm.neg_log_lik(r, 0.3, *data) for r in rhos], rtol=1e-13)
    with pytest.raises(ValueError, match="scalar rho"):
        cm.neg_log_lik(rhos, 0.3, *data, grad=True)


def test_learned_values_are_exponential_averages_of_rewards():
    """V before trial k of the only pair visited: sum_{j<k} alpha (1 - alpha)^(k - 1 - j) r_j."""
    r = np.array([1.0, 0, 0, 1, 1, 0, 1])
    s, a = np.ones(7, dtype=int), np.ones(7, dtype=int)
    V, dV = cm.learned_values(0.3, s, a, r)
    closed = [sum(0.3 * 0.7 ** (k - 1 - j) * r[j] for j in range(k)) for k in range(7)]
    np.testing.assert_allclose(V[:, 1, 1], closed, rtol=1e-13, atol=1e-15)
    h = 1e-6
    fd = (cm.learned_values(0.3 + h, s, a, r)[0] - cm.learned_values(0.3 - h, s, a, r)[0]) / (2 * h)
    np.testing.assert_allclose(dV, fd, atol=1e-8)
    assert np.all(V[:, 0, :] == 0) and np.all(V[:, 1, 0] == 0)


def history_probabilities(stim, rho, alpha):
    """exp(-nll) x reward probabilities of every history (per trial: wrong, correct unrewarded,
    correct rewarded), in itertools.product order."""
    probs = []
    for code in itertools.product(range(3), repeat=len(stim)):
        a = np.array([s if c else 1 - s for s, c in zip(stim, code)])
        r = np.array([float(c == 2) for c in code])
        p_r = np.prod([cm.P_REWARD[s] if c == 2 else 1 - cm.P_REWARD[s] if c == 1 else 1.0
                       for s, c in zip(stim, code)])
        probs.append(np.exp(-cm.neg_log_lik(rho, alpha, stim, a, r)) * p_r)
    return np.array(probs)


def test_simulated_histories_have_the_likelihoods_probabilities():
    """Four trials, 81 histories: counts from simulate against the likelihood's probabilities."""
    stim = np.array([1, 0, 1, 1])
    n = 200_000
    rng = np.random.default_rng(4)
    A, R = cm.simulate(6.0, 0.5, np.tile(stim, (n, 1)), rng)
    codes = np.where(A != stim, 0, 1 + R.astype(int))                   # (n, 4) in {0, 1, 2}
    counts = np.bincount(codes @ 3 ** np.arange(3, -1, -1), minlength=81)
    probs = history_probabilities(stim, 6.0, 0.5)
    assert abs(probs.sum() - 1) < 1e-12
    assert stats.chisquare(counts, n * probs).pvalue > 1e-3
    wrong = history_probabilities(stim, 4.0, 0.5)                      # another subject's
    assert stats.chisquare(counts, n * wrong).pvalue < 1e-6


def test_first_choice_follows_the_instruction_alone():
    rng = np.random.default_rng(5)
    n = 40_000
    S = cm.balanced_stimuli(2, rng, n_subjects=n)
    A, _ = cm.simulate(5.0, 0.5, S, rng, gamma=0.8)
    p = (A[:, 0] == S[:, 0]).mean()
    assert abs(p - expit(0.8)) < 4 * np.sqrt(expit(0.8) * (1 - expit(0.8)) / n)


def test_maximum_likelihood_recovers_a_long_session():
    """A subject with 4000 trials: the MLE lands near the parameters that generated the data."""
    rng = np.random.default_rng(6)
    S = cm.balanced_stimuli(4000, rng)
    A, R = cm.simulate(3.0, 0.2, S, rng)

    def objective(u):
        rho, alpha = np.exp(u[0]), expit(u[1])
        f, g = cm.neg_log_lik(rho, alpha, S[0], A[0], R[0], grad=True)
        return f, g * np.array([rho, alpha * (1 - alpha)])

    res = minimize(objective, np.array([0.0, 0.0]), jac=True, method="L-BFGS-B")
    assert res.success
    assert abs(res.x[0] - np.log(3.0)) < 0.12 and abs(res.x[1] - logit(0.2)) < 0.45
    assert res.fun <= cm.neg_log_lik(3.0, 0.2, S[0], A[0], R[0])


def test_response_bias_closed_form():
    # rich: 8 correct, 2 wrong; lean: 6 correct, 4 wrong
    s = np.array([1] * 10 + [0] * 10)
    a = np.array([1] * 8 + [0] * 2 + [0] * 6 + [1] * 4)
    expected = 0.5 * np.log((8.5 * 4.5) / (2.5 * 6.5))
    np.testing.assert_allclose(cm.response_bias(s, a), [expected], rtol=1e-14)
    assert cm.response_bias(s, s)[0] == 0.0


def test_bad_input_is_rejected():
    rng = np.random.default_rng(7)
    with pytest.raises(ValueError, match="even"):
        cm.balanced_stimuli(7, rng)
    with pytest.raises(ValueError, match="alpha"):
        cm.simulate(1.0, 0.0, cm.balanced_stimuli(4, rng), rng)
    with pytest.raises(ValueError, match="rho"):
        cm.simulate(-1.0, 0.5, cm.balanced_stimuli(4, rng), rng)
    with pytest.raises(ValueError, match="stimuli"):
        cm.simulate(1.0, 0.5, np.array([[0, 2]]), rng)
    with pytest.raises(ValueError, match="1-D"):
        cm.neg_log_lik(1.0, 0.5, np.zeros(3, int), np.zeros(4, int), np.zeros(3))
