# Weak answer for q4: an episode cut off by the time limit is treated as ended (no bootstrap).
def q_learning(env, n_episodes, alpha=0.1, gamma=0.95, epsilon=0.1, seed=0):
    """Tabular Q-learning with an epsilon-greedy behaviour; returns Q of shape (S, A)."""
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.observation_space.n, env.action_space.n))
    for episode in range(n_episodes):
        s, _ = env.reset(seed=seed) if episode == 0 else env.reset()
        done = False
        while not done:
            if rng.random() < epsilon:
                a = int(rng.integers(Q.shape[1]))
            else:
                a = int(rng.choice(np.flatnonzero(Q[s] == Q[s].max())))
            s2, r, terminated, truncated, _ = env.step(a)
            done = terminated or truncated
            target = r if done else r + gamma * Q[s2].max()
            Q[s, a] += alpha * (target - Q[s, a])
            s = s2
    return Q
