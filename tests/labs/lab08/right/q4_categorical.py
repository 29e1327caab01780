def policy_gradient_loss(logits, actions, weights):
    dist = torch.distributions.Categorical(logits=logits)
    return -(dist.log_prob(actions) * weights.detach()).mean()
