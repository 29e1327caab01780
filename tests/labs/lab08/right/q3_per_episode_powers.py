def returns_to_go(rewards, episode_ends, gamma):
    r = np.asarray(rewards, dtype=np.float64)
    ends = np.flatnonzero(np.asarray(episode_ends, dtype=bool))
    G = np.empty_like(r)
    start = 0
    for end in ends:
        seg = r[start:end + 1]
        acc = 0.0
        out = np.empty_like(seg)
        for k in range(len(seg) - 1, -1, -1):
            acc = seg[k] + gamma * acc
            out[k] = acc
        G[start:end + 1] = out
        start = end + 1
    return G
