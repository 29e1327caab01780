from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_td_target_by_hand(td_target):
    """Three transitions, two actions, gamma 0.9: one terminal, one cut by the time limit (not terminal)."""
    import torch
    r = torch.tensor([1.0, 0.5, -1.0], dtype=torch.float64)
    q_next = torch.tensor([[2.0, 3.0], [4.0, -1.0], [10.0, 0.0]], dtype=torch.float64)
    term = torch.tensor([False, False, True])
    out = td_target(r, q_next, term, 0.9)
    assert out is not None and tuple(out.shape) == (3,), f'td_target should return a tensor of shape (B,) = (3,), got {(None if out is None else tuple(out.shape))}'
    want = torch.tensor([1.0 + 0.9 * 3.0, 0.5 + 0.9 * 4.0, -1.0], dtype=torch.float64)
    if abs(float(out[2]) - (-1.0 + 0.9 * 10.0)) < 1e-09:
        raise AssertionError('the third transition ends in a terminal state: its target is the reward alone, with nothing bootstrapped from the next state')
    assert torch.allclose(out.double(), want, rtol=0, atol=1e-09), f'expected targets {want.tolist()}, got {[round(v, 6) for v in out.double().tolist()]}'
    out = td_target(r, q_next, term.double(), 0.9)
    assert torch.allclose(out.double(), want, rtol=0, atol=1e-09), 'terminated given as 0/1 floats should work too'

@test_case(points=None, hidden=False)
def test_double_dqn_target_by_hand(td_target):
    """The online network picks the action, the target network values it."""
    import torch
    r = torch.tensor([0.0, 1.0], dtype=torch.float64)
    q_target = torch.tensor([[5.0, 1.0, 2.0], [0.0, 3.0, 7.0]], dtype=torch.float64)
    q_online = torch.tensor([[0.0, 9.0, 1.0], [2.0, 1.0, 0.5]], dtype=torch.float64)
    out = td_target(r, q_target, torch.tensor([False, False]), 0.5, next_q_online=q_online)
    want = torch.tensor([0.0 + 0.5 * 1.0, 1.0 + 0.5 * 0.0], dtype=torch.float64)
    if torch.allclose(out.double(), torch.tensor([2.5, 4.5], dtype=torch.float64)):
        raise AssertionError("that is DQN's target (the max of the target network): with next_q_online given, the online network chooses the action")
    if torch.allclose(out.double(), torch.tensor([4.5, 2.0], dtype=torch.float64)):
        raise AssertionError("the action is right but its value comes from the online network: Double DQN values the online network's choice with the target network")
    assert torch.allclose(out.double(), want, rtol=0, atol=1e-09), f'expected Double DQN targets {want.tolist()}, got {[round(v, 6) for v in out.double().tolist()]}'

