def returns_to_go(rewards, episode_ends, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    G, running = np.empty_like(rewards), 0.0
    for t in range(len(rewards) - 1, -1, -1):
        if episode_ends[t]:
            running = 0.0
        G[t] = running                           # the rewards after step t only
        running = rewards[t] + gamma * running
    return G
