def td_target(rewards, next_q_target, terminated, gamma, next_q_online=None):
    with torch.no_grad():
        if next_q_online is None:
            next_value = next_q_target.max(dim=1).values
        else:
            next_value = next_q_target.gather(1, next_q_online.argmax(dim=1, keepdim=True)).squeeze(1)
        return rewards + gamma * next_value          # the terminal flag ignored: bootstraps past the end
