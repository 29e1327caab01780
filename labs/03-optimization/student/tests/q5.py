from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_coupled_and_decoupled_wiring(adam_l2_and_adamw):
    """Recording stand-ins for the two steps (not Adam): what each run passes to its step, and what it returns."""
    import numpy as np
    calls = {'coupled': [], 'decoupled': []}

    def spy_step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08, **extra):
        w, grad, m, v = (np.array(x, dtype=float) for x in (w, grad, m, v))
        out = (w - lr * grad, m + 1.0, v + 2.0)
        calls['coupled'].append(dict(w=w, grad=grad, m=m, v=v, t=t, lr=lr, betas=(beta1, beta2, eps), extra=sorted(extra), out=out))
        return tuple((x.copy() for x in out))

    def spy_decoupled_step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-08, weight_decay=0.01, **extra):
        w, grad, m, v = (np.array(x, dtype=float) for x in (w, grad, m, v))
        tag = np.linspace(1.0, 2.0, m.size).reshape(m.shape)
        out = (w - lr * grad - lr * weight_decay * w, m + tag, v + 2.0 * tag)
        calls['decoupled'].append(dict(w=w, grad=grad, m=m, v=v, t=t, lr=lr, betas=(beta1, beta2, eps), weight_decay=weight_decay, extra=sorted(extra), out=out))
        return tuple((x.copy() for x in out))
    a, c = (np.array([50.0, 0.5, 5.0]), np.array([1.0, -2.0, 0.5]))
    grad_fn = lambda w: a * (np.asarray(w, dtype=float) - c)
    w0, lam, lr, n = (np.array([0.3, 0.2, -0.1]), 0.4, 0.02, 6)
    out = adam_l2_and_adamw(w0.copy(), grad_fn, n, lr, lam, step_fn=spy_step, decoupled_step_fn=spy_decoupled_step)
    assert out is not None and len(out) == 2, 'adam_l2_and_adamw should return a pair (w_coupled, w_decoupled)'
    for run, fn in (('coupled', 'step_fn'), ('decoupled', 'decoupled_step_fn')):
        rec = calls[run]
        assert len(rec) == n, f'the {run} run should call {fn} once per step, n_steps = {n} times; it called it {len(rec)} times'
        assert [int(r['t']) for r in rec] == list(range(1, n + 1)) and all((r['t'] == int(r['t']) for r in rec)), f'the {run} run should pass t = 1, 2, ..., n_steps to {fn}, in that order'
        assert all((r['lr'] == lr for r in rec)), f'the {run} run should pass lr=lr to {fn}'
        assert all((r['betas'] == (0.9, 0.999, 1e-08) for r in rec)), f'the {run} run should keep the default betas and eps'
    assert not any((r['extra'] for r in calls['coupled'])), "step_fn (Adam's step, for the coupled run) got a keyword it does not take: the coupled run adds the penalty's gradient to grad"
    assert not any((r['extra'] for r in calls['decoupled'])), 'decoupled_step_fn got a keyword argument it does not take'
    for run, other in (('coupled', 'decoupled'), ('decoupled', 'coupled')):
        others = [r['out'][1] for r in calls[other]]
        assert not any((np.any(r['m'] != 0) and any((np.array_equal(r['m'], o) for o in others)) for r in calls[run])), 'the two runs share their moments (m, v): each run should have its own optimizer state'
    for run, fn in (('coupled', 'step_fn'), ('decoupled', 'decoupled_step_fn')):
        rec = calls[run]
        assert rec[0]['w'].shape == w0.shape and np.allclose(rec[0]['w'], w0, rtol=0, atol=1e-15), f'the {run} run should start from w0'
        assert np.all(rec[0]['m'] == 0) and np.all(rec[0]['v'] == 0) and (rec[0]['m'].shape == rec[0]['v'].shape == w0.shape), f'the {run} run should start from zero moments m and v, of the shape of w0 (did the runs share their state?)'
        for prev, cur in zip(rec, rec[1:]):
            assert all((np.array_equal(x, y) for x, y in zip(prev['out'], (cur['w'], cur['m'], cur['v'])))), f"step {cur['t']} of the {run} run should get the (w, m, v) that {fn} returned at the step before: the state is carried from step to step, and each run has its own"
    for r in calls['coupled']:
        assert np.allclose(r['grad'], grad_fn(r['w']) + lam * r['w'], rtol=1e-12, atol=1e-15), 'the coupled run should pass step_fn the loss gradient plus the gradient of the L2 penalty (lam / 2) |w|^2, both at the current w'
    for r in calls['decoupled']:
        assert np.allclose(r['grad'], grad_fn(r['w']), rtol=1e-12, atol=1e-15), 'the decoupled run should pass decoupled_step_fn the loss gradient alone, at the current w'
        assert r['weight_decay'] == lam, 'the decoupled run should pass weight_decay=weight_decay to decoupled_step_fn'
    w_c, w_d = (np.asarray(x, dtype=float) for x in out)
    assert w_c.shape == w_d.shape == w0.shape, 'each returned weight vector should have the shape of w0'
    assert np.array_equal(w_c, calls['coupled'][-1]['out'][0]), "the first returned vector should be the w of the coupled run's last step"
    assert np.array_equal(w_d, calls['decoupled'][-1]['out'][0]), "the second returned vector should be the w of the decoupled run's last step"

