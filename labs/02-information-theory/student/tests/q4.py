from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_kl_known_values(env):
    """KL(p||p) = 0; the order of the arguments matters; zeros of p contribute nothing."""
    import numpy as np
    import scipy.stats

    def ref_as_distribution(p, name='p'):
        p = np.asarray(p, dtype=float)
        if abs(p.sum() - 1.0) > 1e-08:
            raise ValueError(f'{name} does not sum to 1')
        return p
    saved = {k: env.get(k) for k in ('as_distribution', 'entropy', 'cross_entropy', 'kl_divergence')}
    env['as_distribution'] = ref_as_distribution
    import warnings

    def strictly(f, *args, **kwargs):
        """f(*args, **kwargs), with every numpy floating-point warning turned into an error."""
        with warnings.catch_warnings():
            warnings.simplefilter('error', RuntimeWarning)
            with np.errstate(divide='raise', invalid='raise', over='raise'):
                try:
                    return f(*args, **kwargs)
                except (FloatingPointError, RuntimeWarning) as e:
                    raise AssertionError(f'{f.__name__} triggered a numpy floating-point warning ({e}); never take the log of 0 or divide by 0, even in entries you throw away afterwards') from None
    try:
        kl_divergence = env['kl_divergence']
        out = kl_divergence([0.3, 0.7], [0.3, 0.7])
        assert out is not None, 'kl_divergence returned None: replace the ... with code that returns the result'
        assert abs(float(out)) < 1e-12, f'KL(p || p) should be 0, got {float(out):.3g}'
        p, q = ([0.5, 0.5], [0.9, 0.1])
        expected = 0.5 * np.log(0.5 / 0.9) + 0.5 * np.log(0.5 / 0.1)
        got = float(kl_divergence(p, q))
        assert abs(got - expected) < 1e-12, 'kl_divergence([0.5, 0.5], [0.9, 0.1]) differs from the definition' + (' (that is KL(q || p): the arguments are swapped)' if abs(got - float(scipy.stats.entropy(q, p))) < 1e-09 else '')
        got2 = float(strictly(kl_divergence, [1.0, 0.0], [0.5, 0.5], base=2))
        assert abs(got2 - 1.0) < 1e-12, f'kl_divergence([1, 0], [0.5, 0.5], base=2) should be 1 bit, got {got2:.6g}'
        got3 = float(strictly(kl_divergence, [0.5, 0.5, 0.0], [0.5, 0.5, 0.0]))
        assert abs(got3) < 1e-12, f'a zero in both p and q contributes nothing: KL should be 0, got {got3}'
        with np.errstate(divide='ignore'):
            got4 = float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
        assert got4 == np.inf, f'q = 0 where p > 0 should give inf, got {got4}'
    finally:
        env.update(saved)

@test_case(points=None, hidden=False)
def test_kl_rejects_bad_input(env):
    """Both arguments are checked."""
    import numpy as np
    import scipy.stats

    def ref_as_distribution(p, name='p'):
        p = np.asarray(p, dtype=float)
        if abs(p.sum() - 1.0) > 1e-08:
            raise ValueError(f'{name} does not sum to 1')
        return p
    saved = {k: env.get(k) for k in ('as_distribution', 'entropy', 'cross_entropy', 'kl_divergence')}
    env['as_distribution'] = ref_as_distribution
    try:
        kl_divergence = env['kl_divergence']
        for p, q in (([0.5, 0.5], [2.0, 8.0]), ([1.0, 1.0], [0.5, 0.5])):
            try:
                kl_divergence(p, q)
            except ValueError:
                pass
            else:
                raise AssertionError(f'kl_divergence({p}, {q}) should raise a ValueError: check both arguments')
    finally:
        env.update(saved)

