# Weak answer for q6: Expected SARSA whose greedy share goes to np.argmax's first maximiser, and that treats an
# episode cut off by the time limit as ended (no bootstrap), like its Q-learning.
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
                a = int(np.argmax(Q[s]))
            s2, r, terminated, truncated, _ = env.step(a)
            done = terminated or truncated
            pi_next = np.full(n_a, epsilon / n_a)
            pi_next[np.argmax(Q[s2])] += 1 - epsilon
            target = r if done else r + gamma * pi_next @ Q[s2]
            Q[s, a] += alpha * (target - Q[s, a])
            s = s2
    return Q
