# Right answer for q6, another way: under the epsilon-greedy policy the expected next value is
# epsilon * mean(Q[s']) + (1 - epsilon) * max(Q[s']) (tied maximisers share one value), and behaviour
# draws its exploration through rng.choice.
def expected_sarsa(env, n_episodes, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0):
    """Tabular Expected SARSA with an epsilon-greedy behaviour; returns Q of shape (S, A)."""
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.observation_space.n, env.action_space.n))
    n_a = Q.shape[1]
    for episode in range(n_episodes):
        s, _ = env.reset(seed=seed) if episode == 0 else env.reset()
        while True:
            greedy = np.flatnonzero(Q[s] == Q[s].max())
            a = int(rng.integers(n_a)) if rng.random() < epsilon else int(rng.choice(greedy))
            s2, r, terminated, truncated, _ = env.step(a)
            expected_next = 0.0 if terminated else epsilon * Q[s2].mean() + (1 - epsilon) * Q[s2].max()
            Q[s, a] += alpha * (r + gamma * expected_next - Q[s, a])
            s = s2
            if terminated or truncated:
                break
    return Q
