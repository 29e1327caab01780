def td_target(rewards, next_q_target, terminated, gamma, next_q_online=None):
    with torch.no_grad():
        alive = 1.0 - torch.as_tensor(terminated, dtype=next_q_target.dtype)
        return rewards + gamma * alive * next_q_target.max(dim=1).values     # DQN's target in both cases
