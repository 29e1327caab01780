def policy_gradient_loss(logits, actions, weights):
    pi = F.softmax(logits, dim=-1).gather(-1, actions.long().unsqueeze(-1)).squeeze(-1)
    return -(pi * weights.detach()).mean()
