def td_target(rewards, next_q_target, terminated, gamma, next_q_online=None):
    chooser = next_q_target if next_q_online is None else next_q_online
    a_star = chooser.detach().argmax(dim=-1)
    bootstrap = next_q_target.detach()[torch.arange(len(a_star)), a_star]
    done = torch.as_tensor(terminated).bool()
    return torch.where(done, rewards, rewards + gamma * bootstrap)
