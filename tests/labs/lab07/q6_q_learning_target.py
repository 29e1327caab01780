# Wrong answer for q6: the target takes the best next action (Q-learning's), so the table learns q_* and not
# the values of the epsilon-greedy policy the agent runs.
def expected_sarsa(env, n_episodes, alpha=0.5, gamma=1.0, epsilon=0.1, seed=0):
    """Tabular Expected SARSA with an epsilon-greedy behaviour; returns Q of shape (S, A)."""
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.observation_space.n, env.action_space.n))
    n_a = Q.shape[1]
    for episode in range(n_episodes):
        s, _ = env.reset(seed=seed) if episode == 0 else env.reset()
        done = False
        while not done:
            if rng.random() < epsilon:
                a = int(rng.integers(n_a))
            else:
                a = int(rng.choice(np.flatnonzero(Q[s] == Q[s].max())))
            s2, r, terminated, truncated, _ = env.step(a)
            target = r if terminated else r + gamma * Q[s2].max()
            Q[s, a] += alpha * (target - Q[s, a])
            s, done = s2, terminated or truncated
    return Q
