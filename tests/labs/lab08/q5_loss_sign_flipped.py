def train_reinforce(seed=0):
    """REINFORCE with returns-to-go and a learned state-value baseline on CartPole-v1; returns the policy module."""
    torch.manual_seed(seed)
    n_envs, horizon, total_steps, gamma = 8, 256, 100_000, 0.99
    policy = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 2))
    value = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 1))
    opt_pi = torch.optim.Adam(policy.parameters(), lr=1e-2)
    opt_v = torch.optim.Adam(value.parameters(), lr=1e-2)
    envs = gym.vector.SyncVectorEnv([lambda: gym.make("CartPole-v1") for _ in range(n_envs)],
                                    autoreset_mode=gym.vector.AutoresetMode.SAME_STEP)
    obs, _ = envs.reset(seed=seed)
    for _ in progress(range(total_steps // (n_envs * horizon)), desc="batches"):
        S, A, R, E = [], [], [], []
        for _ in range(horizon):
            with torch.no_grad():
                logits = policy(torch.as_tensor(obs, dtype=torch.float32))
            a = torch.distributions.Categorical(logits=logits).sample().numpy()
            next_obs, r, terminated, truncated, _ = envs.step(a)
            S.append(obs)
            A.append(a)
            R.append(r)
            E.append(terminated | truncated)
            obs = next_obs
        R, E = np.stack(R, axis=1), np.stack(E, axis=1)                      # (n_envs, horizon)
        E[:, -1] = True                                                      # the batch ends every stream
        G = np.zeros_like(R, dtype=np.float64)                               # returns-to-go, backwards in time
        running = np.zeros(n_envs)
        for t in range(horizon - 1, -1, -1):
            running = R[:, t] + gamma * running * (1.0 - E[:, t])
            G[:, t] = running
        G = G.reshape(-1)
        S = torch.as_tensor(np.stack(S, axis=1).reshape(-1, 4), dtype=torch.float32)
        A = torch.as_tensor(np.stack(A, axis=1).reshape(-1))
        G = torch.as_tensor(G, dtype=torch.float32)
        for _ in range(5):                                                   # fit the baseline to the returns
            v_loss = F.mse_loss(value(S).squeeze(-1), G)
            opt_v.zero_grad()
            v_loss.backward()
            opt_v.step()
        with torch.no_grad():
            advantage = G - value(S).squeeze(-1)
        log_pi = F.log_softmax(policy(S), dim=-1).gather(1, A.unsqueeze(1)).squeeze(1)
        loss = (log_pi * advantage).mean()    # sign flipped: descent makes rewarded actions rarer                                  # REINFORCE's surrogate loss
        opt_pi.zero_grad()
        loss.backward()
        opt_pi.step()
    envs.close()
    return policy
