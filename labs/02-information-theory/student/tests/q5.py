from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_mutual_information_known_values(env):
    """Independent variables share 0 bits; a variable and its copy share its entropy."""
    import numpy as np
    import scipy.stats

    def ref_as_distribution(p, name='p'):
        p = np.asarray(p, dtype=float)
        if abs(p.sum() - 1.0) > 1e-08:
            raise ValueError(f'{name} does not sum to 1')
        return p
    saved = {k: env.get(k) for k in ('as_distribution', 'entropy', 'cross_entropy', 'kl_divergence')}
    env['as_distribution'] = ref_as_distribution

    def ref_entropy(p, base=None):
        return float(scipy.stats.entropy(ref_as_distribution(p).ravel(), base=base))

    def ref_kl_divergence(p, q, base=None):
        p, q = (ref_as_distribution(p, 'p').ravel(), ref_as_distribution(q, 'q').ravel())
        return float(scipy.stats.entropy(p, q, base=base))

    def ref_cross_entropy(p, q, base=None):
        return ref_entropy(p, base) + ref_kl_divergence(p, q, base)
    env.update(entropy=ref_entropy, cross_entropy=ref_cross_entropy, kl_divergence=ref_kl_divergence)
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
        mutual_information = env['mutual_information']
        independent = np.outer([0.3, 0.7], [0.2, 0.5, 0.3])
        out = strictly(mutual_information, independent)
        assert out is not None, 'mutual_information returned None: replace the ... with code that returns the result'
        assert abs(float(out)) < 1e-12, f'for independent X and Y the mutual information is 0, got {float(out):.4g}: p(x) are the row sums, p(y) the column sums'
        copy = np.diag([0.5, 0.5])
        got = float(strictly(mutual_information, copy, base=2))
        assert abs(got - 1.0) < 1e-12, f'Y = X for a fair bit X: I(X; Y) = H(X) = 1 bit (base=2), got {got:.6g}'
        try:
            mutual_information(np.array([[0.4, 0.1], [0.1, 0.2]]))
        except ValueError:
            pass
        else:
            raise AssertionError('a table summing to 0.8 should raise a ValueError: check pxy with as_distribution')
    finally:
        env.update(saved)

