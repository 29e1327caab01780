def td_target(rewards, next_q_target, terminated, gamma, next_q_online=None):
    with torch.no_grad():
        alive = 1.0 - torch.as_tensor(terminated, dtype=next_q_target.dtype)
        if next_q_online is None:
            next_value = next_q_target.max(dim=1).values
        else:
            next_value = next_q_online.max(dim=1).values     # chosen and valued by the online network
        return rewards + gamma * alive * next_value
