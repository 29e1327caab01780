# Wrong answer for q6: plain SARSA, whose target uses the sampled next action; right values on average, but the
# target is noisy, and with alpha = 1 the table follows the last sample instead of converging.
def expected_sarsa(env, n_episodes, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0):
    """Tabular Expected SARSA with an epsilon-greedy behaviour; returns Q of shape (S, A)."""
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.observation_space.n, env.action_space.n))
    n_a = Q.shape[1]

    def behave(s):
        if rng.random() < epsilon:
            return int(rng.integers(n_a))
        return int(rng.choice(np.flatnonzero(Q[s] == Q[s].max())))

    for episode in range(n_episodes):
        s, _ = env.reset(seed=seed) if episode == 0 else env.reset()
        a, done = behave(s), False
        while not done:
            s2, r, terminated, truncated, _ = env.step(a)
            a2 = behave(s2)
            target = r if terminated else r + gamma * Q[s2, a2]
            Q[s, a] += alpha * (target - Q[s, a])
            s, a, done = s2, a2, terminated or truncated
    return Q
