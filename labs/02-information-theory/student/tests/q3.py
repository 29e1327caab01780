from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_cross_entropy_known_values(env):
    """H(p, p) = H(p); a fair-coin code for a sure thing costs 1 bit; q = 0 where p > 0 costs inf."""
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
        cross_entropy = env['cross_entropy']
        out = cross_entropy([0.5, 0.5], [0.5, 0.5])
        assert out is not None, 'cross_entropy returned None: replace the ... with code that returns the result'
        assert abs(float(out) - np.log(2)) < 1e-12, f'H(p, p) = H(p) = log 2 for a fair coin, got {float(out):.6g}'
        out2 = float(cross_entropy([1.0, 0.0], [0.5, 0.5], base=2))
        assert abs(out2 - 1.0) < 1e-12, f'cross_entropy([1, 0], [0.5, 0.5], base=2) should be 1 bit, got {out2:.6g}'
        out3 = float(strictly(cross_entropy, [0.5, 0.5, 0.0], [0.25, 0.25, 0.5], base=2))
        assert abs(out3 - 2.0) < 1e-12, f'cross_entropy([0.5, 0.5, 0], [0.25, 0.25, 0.5], base=2) should be 2 bits, got {out3:.6g}'
        out4 = float(strictly(cross_entropy, [0.5, 0.5, 0.0], [0.5, 0.5, 0.0]))
        assert abs(out4 - np.log(2)) < 1e-12, f'a zero in both p and q contributes nothing; got {out4:.6g}, expected log 2'
        with np.errstate(divide='ignore'):
            out5 = float(cross_entropy([0.5, 0.5], [1.0, 0.0]))
        assert out5 == np.inf, f'q = 0 where p > 0 should give inf, got {out5}'
    finally:
        env.update(saved)

