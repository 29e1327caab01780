from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_schedule_reaches_the_target(lr_schedule):
    """Two of the grader's quadratics (condition numbers 100 and 200): f(w_T) <= 1e-2 f(w_0)."""
    import numpy as np

    def ratio(steps, mu, L, seed, d=20):
        rng = np.random.default_rng(seed)
        lam = np.concatenate([[mu, L], np.exp(rng.uniform(np.log(mu), np.log(L), d - 2))])
        Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
        A, w_star = (Q @ np.diag(lam) @ Q.T, rng.standard_normal(d))
        w = w0 = w_star + Q @ (rng.choice([-1.0, 1.0], d) / np.sqrt(lam))
        with np.errstate(all='ignore'):
            for eta in steps:
                w = w - eta * (A @ (w - w_star))
            return float(0.5 * (w - w_star) @ A @ (w - w_star) / (0.5 * (w0 - w_star) @ A @ (w0 - w_star)))
    for mu, L, T, seed in ((1.0, 100.0, 30, 631), (1.0, 200.0, 40, 632)):
        steps = np.asarray(lr_schedule(T, mu, L), dtype=float)
        assert steps.shape == (T,), f'lr_schedule({T}, {mu}, {L}) should return {T} step sizes, got shape {steps.shape}'
        assert np.all(np.isfinite(steps)), 'the step sizes should be finite numbers'
        r = ratio(steps, mu, L, seed)
        assert np.isfinite(r), f'gradient descent with your steps overflowed (kappa = {L / mu:g}, T = {T})'
        assert r <= 1, f'kappa = {L / mu:g}, T = {T}: the loss grew over the {T} steps; if your step sizes are right on paper, look at what happens to the stiff directions, and to rounding errors, along the way'
        assert r <= 0.01, f'kappa = {L / mu:g}, T = {T}: f(w_T) / f(w_0) = {r:.2g}, above the target 1e-2'

