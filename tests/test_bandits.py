"""The k-armed bandit environment and testbed against their definitions and Sutton & Barto's numbers."""

import numpy as np
import pytest
from gymnasium.utils.env_checker import check_env
from scipy import stats

from utils.bandits import KArmedBandit, Testbed, argmax_random_ties, run_testbed


def test_env_passes_gymnasium_checker():
    check_env(KArmedBandit(k=10), skip_render_check=True)


def test_env_seeding_is_reproducible():
    def play(seed):
        env = KArmedBandit(k=7)
        _, info = env.reset(seed=seed)
        rewards = [env.step(a % 7)[1] for a in range(20)]
        return info["q_star"], np.array(rewards)

    (q1, r1), (q2, r2), (q3, _) = play(3), play(3), play(4)
    assert np.array_equal(q1, q2) and np.array_equal(r1, r2)
    assert not np.array_equal(q1, q3)


def test_env_fixed_values_and_optimal_action():
    env = KArmedBandit(k=4)
    obs, info = env.reset(seed=0, options={"q_star": [0.1, 2.0, -1.0, 0.5]})
    assert obs == 0 and env.optimal_action == 1 == info["optimal_action"]
    assert env.step(1)[4]["optimal"] and not env.step(0)[4]["optimal"]
    with pytest.raises(ValueError, match="shape"):
        env.reset(options={"q_star": [1.0, 2.0]})
    with pytest.raises(ValueError, match="action"):
        env.step(4)


def test_env_reward_mean_and_variance_match_q_star():
    """20000 pulls of each arm: mean within 4 standard errors of q*(a), variance within 5 % of 1."""
    env = KArmedBandit(k=3)
    env.reset(seed=1)
    n = 20_000
    for a in range(3):
        r = np.array([env.step(a)[1] for _ in range(n)])
        assert abs(r.mean() - env.q_star[a]) < 4 / np.sqrt(n), (a, r.mean(), env.q_star[a])
        assert abs(r.var() - 1.0) < 0.05


def test_env_true_values_are_standard_normal():
    """q* over 1000 resets: Kolmogorov-Smirnov test against N(0, 1) at the 1 % level."""
    env = KArmedBandit(k=10)
    env.reset(seed=2)
    q = np.concatenate([env.reset()[1]["q_star"] for _ in range(1000)])
    assert stats.kstest(q, "norm").pvalue > 0.01


def test_testbed_matches_single_env_in_distribution():
    """The testbed's q* and its rewards have the same laws as the environment's (KS tests, 1 % level)."""
    bed = Testbed(n_runs=5000, k=10, rng=np.random.default_rng(5))
    env = KArmedBandit(k=10)
    env.reset(seed=5)
    q_env = np.concatenate([env.reset()[1]["q_star"] for _ in range(500)])
    assert stats.ks_2samp(bed.q_star.ravel(), q_env).pvalue > 0.01
    # rewards minus their arm's true value are N(0, 1) in both
    actions = np.arange(bed.n_runs) % 10
    noise_bed = bed.pull(actions) - bed.q_star[np.arange(bed.n_runs), actions]
    noise_env = np.array([env.step(a)[1] - env.q_star[a] for a in actions])
    assert stats.ks_2samp(noise_bed, noise_env).pvalue > 0.01
    assert stats.kstest(noise_bed, "norm").pvalue > 0.01


def test_testbed_fixed_values_regret_and_checks():
    bed = Testbed(n_runs=4, k=3, rng=np.random.default_rng(0), q_star=[0.0, 1.0, -0.5])
    assert np.array_equal(bed.optimal_action, [1, 1, 1, 1])
    assert np.allclose(bed.regret(np.array([0, 1, 2, 1])), [1.0, 0.0, 1.5, 0.0])
    with pytest.raises(ValueError, match="shape"):
        bed.pull(np.array([0, 1]))
    with pytest.raises(ValueError, match="lie in"):
        bed.pull(np.array([0, 1, 2, 3]))
    with pytest.raises(ValueError, match="rng"):
        Testbed(n_runs=2, k=3)


def test_argmax_random_ties_is_uniform_over_ties():
    rng = np.random.default_rng(0)
    values = np.tile([1.0, 3.0, 3.0, 0.0, 3.0], (30_000, 1))
    picks = argmax_random_ties(values, rng)
    counts = np.bincount(picks, minlength=5)
    assert counts[0] == counts[3] == 0
    assert stats.chisquare(counts[[1, 2, 4]]).pvalue > 0.01
    assert np.array_equal(argmax_random_ties(np.array([[0.0, 2.0, 1.0], [5.0, 1.0, 1.0]]), rng), [1, 0])


def test_epsilon_greedy_learns_on_the_testbed():
    """Sutton & Barto Figure 2.2: with eps = 0.1, about 80 % optimal actions by step 1000 (we ask > 75 %
    over steps 900-1000, 2000 runs) and an average reward near 1.4 (we ask > 1.25); greedy stays below 45 %."""
    results = {}
    for eps in (0.0, 0.1):
        rng = np.random.default_rng(10)
        bed = Testbed(n_runs=2000, k=10, rng=rng)
        Q, N = np.zeros((2000, 10)), np.zeros((2000, 10))
        rows = np.arange(2000)

        def act(t, Q=Q, eps=eps, rng=rng):
            explore = rng.random(2000) < eps
            return np.where(explore, rng.integers(0, 10, 2000), argmax_random_ties(Q, rng))

        def learn(a, r, Q=Q, N=N):
            N[rows, a] += 1
            Q[rows, a] += (r - Q[rows, a]) / N[rows, a]

        results[eps] = run_testbed(act, learn, bed, n_steps=1000)
    h = results[0.1]
    assert h["optimal"][900:].mean() > 0.75 and h["reward"][900:].mean() > 1.25
    assert results[0.0]["optimal"][900:].mean() < 0.45
    assert h["regret"].shape == (1000,) and np.all(np.diff(h["regret"]) >= 0)
