def policy_gradient_loss(logits, actions, weights):
    log_pi = F.log_softmax(logits, dim=-1).gather(-1, actions.long().unsqueeze(-1)).squeeze(-1)
    return -(log_pi * weights).mean()              # a gradient reaches the baseline through the weights
