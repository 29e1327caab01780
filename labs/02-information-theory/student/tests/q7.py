from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_huffman_small(env):
    """Small distributions, dyadic or not, with a zero: prefix-free, within [H, H + 1), and what
    every optimal code does (no likelier symbol with a longer codeword; a full code tree)."""
    import numpy as np

    def check_code(codes, p, where):
        codes = list(codes)
        assert len(codes) == len(p), f'{where}: there should be one codeword per symbol ({len(p)}), got {len(codes)}'
        for c in codes:
            assert isinstance(c, str) and len(c) > 0 and (set(c) <= {'0', '1'}), f"{where}: every codeword should be a non-empty string of '0' and '1'"
        ordered = sorted(codes)
        for a, b in zip(ordered, ordered[1:]):
            assert not b.startswith(a), f'{where}: the code is not prefix-free (a codeword begins another one)'
        lengths = np.array([len(c) for c in codes])
        L = float(np.dot(p, lengths))
        nz = np.asarray(p)[np.asarray(p) > 0]
        H = float(-np.sum(nz * np.log2(nz)))
        assert H - 1e-09 <= L < H + 1, f'{where}: the expected length is not within [H, H + 1) bits'
        p_arr = np.asarray(p, dtype=float)
        swap = (p_arr[:, None] > p_arr[None, :]) & (lengths[:, None] > lengths[None, :])
        assert not swap.any(), f'{where}: a more probable symbol has a longer codeword than a less probable one: swapping the two would shorten the code'
        if np.all(p_arr > 0):
            assert abs(float(np.sum(2.0 ** (-lengths))) - 1.0) < 1e-12, f'{where}: the code tree is not full (the Kraft sum is below 1): some codewords can be shortened, so the expected length is not the smallest'

    def ref_as_distribution(p, name='p'):
        p = np.asarray(p, dtype=float)
        if p.size == 0 or not np.all(np.isfinite(p)) or np.any(p < 0) or (abs(p.sum() - 1.0) > 1e-08):
            raise ValueError(f'{name} is not a probability distribution')
        return p
    saved = {'as_distribution': env.get('as_distribution')}
    env['as_distribution'] = ref_as_distribution
    huffman_code = env['huffman_code']
    try:
        for p in ([0.5, 0.5], [0.5, 0.25, 0.125, 0.125], [0.4, 0.3, 0.2, 0.1], [0.6, 0.0, 0.25, 0.15]):
            codes = huffman_code(p)
            assert codes is not None, 'huffman_code returned None: return the list of codewords'
            check_code(codes, p, f'p = {p}')
        try:
            huffman_code([0.5, 0.4])
        except ValueError:
            pass
        else:
            raise AssertionError('huffman_code([0.5, 0.4]) should raise a ValueError: check p with as_distribution')
    finally:
        env.update(saved)

