from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 3
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_policy_plays_cartpole(cartpole_policy):
    """The grader's own 10 greedy episodes of CartPole-v1 (start states seeded 8500-8509): mean return at least 400."""
    import gymnasium as gym
    import numpy as np
    import torch
    from utils.remote import type_names
    assert 'torch.nn.modules.module.Module' in type_names(cartpole_policy), f'train_reinforce should return an nn.Module, got {type_names(cartpole_policy)[0]}'
    n = 10
    envs = [gym.make('CartPole-v1') for _ in range(n)]
    obs = np.stack([e.reset(seed=8500 + i)[0] for i, e in enumerate(envs)]).astype(np.float32)
    returns, alive = (np.zeros(n), np.ones(n, dtype=bool))
    while alive.any():
        logits = cartpole_policy(torch.from_numpy(obs))
        assert tuple(logits.shape) == (n, 2), f'policy(obs) for obs of shape ({n}, 4) should give logits ({n}, 2), got {tuple(logits.shape)}'
        actions = np.asarray(logits.detach()).argmax(axis=1)
        for i in np.flatnonzero(alive):
            o, r, terminated, truncated, _ = envs[i].step(int(actions[i]))
            obs[i], returns[i] = (o, returns[i] + r)
            alive[i] = not (terminated or truncated)
    hint = ' (below 100: does descent on your loss make rewarded actions more likely?)' if returns.mean() < 100 else ''
    assert returns.mean() >= 400, f'mean greedy return over {n} episodes: {returns.mean():.0f}; the target is 400{hint}'

