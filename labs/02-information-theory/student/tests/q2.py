from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 1
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_entropy_known_values(env):
    """A fair coin: log 2 nats, 1 bit; four equal outcomes: 2 bits; a sure thing: 0."""
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
        entropy = env['entropy']
        out = entropy([0.5, 0.5])
        assert out is not None, 'entropy returned None: replace the ... with code that returns the result'
        assert np.ndim(out) == 0, f'entropy should return a single number, got shape {np.shape(out)}'
        assert abs(float(out) - np.log(2)) < 1e-12, f'a fair coin has entropy log 2 = 0.6931 nats, got {float(out):.6g}'
        out2 = float(entropy([0.5, 0.5], base=2))
        assert abs(out2 - 1.0) < 1e-12, f'a fair coin has entropy 1 bit (base=2), got {out2:.6g}: is the base used?'
        assert abs(float(entropy([0.25] * 4, base=2)) - 2.0) < 1e-12, 'four equal outcomes carry 2 bits'
        assert abs(float(entropy([1.0, 0.0, 0.0]))) < 1e-12, 'a sure outcome has entropy 0'
    finally:
        env.update(saved)

@test_case(points=None, hidden=False)
def test_entropy_zeros_and_bad_input(env):
    """Zero probabilities contribute 0 and cause no warning; an unnormalised p raises a ValueError."""
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
        entropy = env['entropy']
        out = strictly(entropy, [0.5, 0.0, 0.5, 0.0], base=2)
        assert out is not None and np.isfinite(float(out)), f'entropy([0.5, 0, 0.5, 0]) returned {out}; 0 log 0 counts as 0'
        assert abs(float(out) - 1.0) < 1e-12, f'entropy([0.5, 0, 0.5, 0], base=2) should be 1 bit, got {float(out):.6g}'
        try:
            entropy([0.5, 0.6])
        except ValueError:
            pass
        else:
            raise AssertionError('entropy([0.5, 0.6]) should raise a ValueError: check p with as_distribution')
    finally:
        env.update(saved)

