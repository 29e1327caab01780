def returns_to_go(rewards, episode_ends, gamma):
    rewards = np.asarray(rewards, dtype=np.float64)
    G, running = np.empty_like(rewards), 0.0
    for t in range(len(rewards) - 1, -1, -1):
        if episode_ends[t]:
            running = 0.0
        running = rewards[t] + running       # gamma forgotten
        G[t] = running
    return G
