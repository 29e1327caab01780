from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_gradient_loss(policy_gradient_loss, env):
    """Value and gradient for three steps of a 2-action policy; descent raises the probability of a rewarded action."""
    import torch
    from utils.remote import kernel_import
    jacrev = kernel_import(env, 'torch.func', 'jacrev')
    logits = torch.tensor([[0.0, 0.0], [1.0, -1.0], [0.5, 2.0]], dtype=torch.float64)
    actions = torch.tensor([0, 1, 1])
    weights = torch.tensor([2.0, -1.0, 0.5], dtype=torch.float64)
    pi = torch.softmax(logits, -1)
    log_pi = torch.log(pi)[torch.arange(3), actions]
    want = -(log_pi * weights).mean()
    value = policy_gradient_loss(logits, actions, weights)
    assert value is not None and tuple(torch.as_tensor(value).shape) == (), 'the loss should be a scalar tensor'
    value = float(value)
    if abs(value + float(want)) < 1e-09:
        raise AssertionError('the sign is flipped: gradient descent on this loss lowers the probability of actions with positive weight, so the agent unlearns')
    if abs(value - float(-(pi[torch.arange(3), actions] * weights).mean())) < 1e-09:
        raise AssertionError('the policy gradient needs log pi(a | s), not pi(a | s)')
    assert abs(value - float(want)) < 1e-10, f'expected {float(want):.6f}, got {value:.6f}'
    onehot = torch.nn.functional.one_hot(actions, 2).double()
    want_grad = -(onehot - pi) * weights[:, None] / 3
    d_logits, d_weights = jacrev(policy_gradient_loss, argnums=(0, 2))(logits, actions, weights)
    assert torch.allclose(d_logits, want_grad, rtol=1e-10, atol=1e-12), 'the gradient with respect to the logits is wrong'
    assert float(d_weights.abs().max()) == 0.0, 'the loss has a gradient with respect to the weights: treat them as data (detach them)'

