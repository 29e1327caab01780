from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_plugin_mi_bias_small(env):
    """Two small cases against the grader's own simulation; the seed makes the result reproducible."""
    import numpy as np
    from scipy.special import rel_entr

    def ref_as_distribution(p, name='p'):
        p = np.asarray(p, dtype=float)
        if p.size == 0 or not np.all(np.isfinite(p)) or np.any(p < 0) or (abs(p.sum() - 1.0) > 1e-08):
            raise ValueError(f'{name} is not a probability distribution')
        return p

    def ref_mutual_information(pxy, base=None):
        pxy = ref_as_distribution(pxy, 'pxy')
        mi = rel_entr(pxy, np.outer(pxy.sum(axis=1), pxy.sum(axis=0))).sum()
        return float(mi / (1.0 if base is None else np.log(base)))

    def reference_bias(px, py, n, trials, seed):
        """The grader's own simulation, vectorised: (mean, standard deviation) of the plug-in estimate."""
        rng = np.random.default_rng(seed)
        kx, ky = (len(px), len(py))
        x = rng.choice(kx, size=(trials, n), p=px)
        y = rng.choice(ky, size=(trials, n), p=py)
        cells = (np.arange(trials)[:, None] * (kx * ky) + x * ky + y).ravel()
        counts = np.bincount(cells, minlength=trials * kx * ky).reshape(trials, kx, ky) / n
        outer = counts.sum(axis=2)[:, :, None] * counts.sum(axis=1)[:, None, :]
        est = rel_entr(counts, outer).sum(axis=(1, 2))
        return (float(est.mean()), float(est.std()))

    def ref_kl_divergence(p, q, base=None):
        p, q = (ref_as_distribution(p, 'p'), ref_as_distribution(q, 'q'))
        return float(rel_entr(p, q).sum() / (1.0 if base is None else np.log(base)))

    def ref_entropy(p, base=None):
        p = ref_as_distribution(p)
        return float(-rel_entr(p, 1.0).sum() / (1.0 if base is None else np.log(base)))

    def ref_cross_entropy(p, q, base=None):
        return ref_entropy(p, base) + ref_kl_divergence(p, q, base)
    names = ('as_distribution', 'entropy', 'cross_entropy', 'kl_divergence', 'mutual_information')
    saved = {k: env.get(k) for k in names}
    env.update(as_distribution=ref_as_distribution, entropy=ref_entropy, cross_entropy=ref_cross_entropy, kl_divergence=ref_kl_divergence, mutual_information=ref_mutual_information)
    try:
        plugin_mi_bias = env['plugin_mi_bias']
        for px, py, n in (([0.5, 0.5], [0.3, 0.7], 40), ([0.2, 0.3, 0.5], [0.25, 0.25, 0.25, 0.25], 100)):
            got = plugin_mi_bias(px, py, n, 200, 3)
            assert got is not None, 'plugin_mi_bias returned None: return the average estimate'
            got = float(got)
            mean, sd = reference_bias(np.array(px), np.array(py), n, 20000, 11)
            assert got > 0, f'{len(px)} x {len(py)} table, n = {n}: the average plug-in estimate should be positive'
            assert abs(got - mean) < 4.5 * sd * np.sqrt(1 / 200 + 1 / 20000), f"{len(px)} x {len(py)} table, n = {n}: the average plug-in estimate differs from the grader's simulation by more than the Monte Carlo error (nats? the marginals of the sample or the true ones?)"
            assert float(plugin_mi_bias(px, py, n, 20, 5)) == float(plugin_mi_bias(px, py, n, 20, 5)), 'the same seed should give the same result: draw everything from np.random.default_rng(seed)'
    finally:
        env.update(saved)

