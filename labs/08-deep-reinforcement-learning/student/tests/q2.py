from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_update_target(update_target, env):
    """Two small networks built where your function runs: a hard copy, a soft update, and independence afterwards."""
    import numpy as np
    import torch
    from utils.remote import kernel_import
    Linear = kernel_import(env, 'torch.nn', 'Linear')
    to_params = kernel_import(env, 'torch.nn.utils', 'vector_to_parameters')
    to_vector = kernel_import(env, 'torch.nn.utils', 'parameters_to_vector')
    online, target = (Linear(3, 2).double(), Linear(3, 2).double())
    g = torch.Generator().manual_seed(811)
    a, b = (torch.randn(8, generator=g, dtype=torch.float64), torch.randn(8, generator=g, dtype=torch.float64))
    to_params(a.clone(), online.parameters())
    to_params(b.clone(), target.parameters())
    update_target(online, target, 0.25)
    got_online, got_target = (np.asarray(to_vector(online.parameters()).detach()), np.asarray(to_vector(target.parameters()).detach()))
    assert np.allclose(got_online, a.numpy(), rtol=0, atol=0), 'update_target changed the online network'
    if np.allclose(got_target, b.numpy(), rtol=0, atol=0):
        raise AssertionError('the target network did not change: update its parameters in place (rebinding the name `target` inside the function changes nothing outside it)')
    if np.allclose(got_target, (0.25 * b + 0.75 * a).numpy(), rtol=1e-12):
        raise AssertionError('tau weighs the online network: target <- tau * online + (1 - tau) * target')
    assert np.allclose(got_target, (0.25 * a + 0.75 * b).numpy(), rtol=1e-12, atol=1e-12), "after a soft update with tau = 0.25 the target's parameters are wrong"
    update_target(online, target, 1.0)
    assert np.allclose(np.asarray(to_vector(target.parameters()).detach()), a.numpy(), rtol=0, atol=1e-15), 'with tau = 1 the target should become a copy of the online network'
    online.load_state_dict({'weight': (a[:6] + 1.0).reshape(2, 3), 'bias': a[6:] + 1.0})
    assert np.allclose(np.asarray(to_vector(target.parameters()).detach()), a.numpy(), rtol=0, atol=1e-15), 'changing the online network afterwards moved the target: the two share tensors; copy values instead'

