from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_plugin_mi_bias_small(env):
    """Properties of the simulated bias: positive, reproducible, smaller for larger n, near the large-n approximation."""
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

    def value(out, where):
        assert out is not None, 'plugin_mi_bias returned None: return the average estimate'
        out = float(out)
        assert np.isfinite(out), f'{where}: the average plug-in estimate should be a finite number'
        return out
    try:
        plugin_mi_bias = env['plugin_mi_bias']
        for px, py in (([0.5, 0.5], [0.3, 0.7]), ([0.2, 0.3, 0.5], [0.25, 0.25, 0.25, 0.25])):
            where = f'{len(px)} x {len(py)} table'
            small = value(plugin_mi_bias(px, py, 30, 200, 3), f'{where}, n = 30')
            large = value(plugin_mi_bias(px, py, 300, 200, 3), f'{where}, n = 300')
            assert small > 0 and large > 0, f'{where}: the average plug-in estimate should be positive'
            assert large < small, f"{where}: the bias should be smaller for n = 300 than for n = 30 (the sample's table gets closer to the true one)"
            assert value(plugin_mi_bias(px, py, 30, 20, 5), where) == value(plugin_mi_bias(px, py, 30, 20, 5), where), 'the same seed should give the same result: draw everything from np.random.default_rng(seed)'
        for px, py, kx, ky in (([0.2, 0.3, 0.5], [0.1, 0.2, 0.3, 0.4], 3, 4), ([0.5, 0.0, 0.3, 0.2], [0.6, 0.3, 0.1], 3, 3)):
            n = 2000
            where = f'px = {px}, py = {py}, n = {n}'
            got = value(plugin_mi_bias(px, py, n, 400, 7), where)
            ratio = got / ((kx - 1) * (ky - 1) / (2 * n))
            assert abs(ratio - 1) < 0.25, f"{where}: at large n the average plug-in estimate should be close to the chapter's approximation (|X| - 1)(|Y| - 1)/(2n) nats, where a value of probability 0 does not count; is it in nats, and does it compare the sample's table with the product of the sample's own marginals?"
    finally:
        env.update(saved)

