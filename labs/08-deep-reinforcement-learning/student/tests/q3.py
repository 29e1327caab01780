from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_returns_to_go_by_hand(returns_to_go):
    """Two episodes in one stream, gamma 0.5."""
    import numpy as np
    r = np.array([1.0, 2.0, 4.0, 8.0, 16.0])
    ends = np.array([False, False, True, False, True])
    G = returns_to_go(r, ends, 0.5)
    assert G is not None and np.shape(G) == (5,), f'returns_to_go should return an array of length 5, got {np.shape(G)}'
    G = np.asarray(G, dtype=float)
    want = np.array([1 + 0.5 * 2 + 0.25 * 4, 2 + 0.5 * 4, 4.0, 8 + 0.5 * 16, 16.0])
    if np.allclose(G, [7.0, 6.0, 4.0, 24.0, 16.0]):
        raise AssertionError('the returns are not discounted: G_t = r_t + gamma * r_{t+1} + gamma^2 * r_{t+2} + ...')
    if np.allclose(G[:3], [1 + 0.5 * 2 + 0.25 * 4 + 0.125 * 8 + 0.0625 * 16, 2 + 0.5 * 4 + 0.25 * 8 + 0.125 * 16, 4 + 0.5 * 8 + 0.25 * 16]):
        raise AssertionError("the first episode's returns include rewards of the second: stop at episode_ends")
    assert np.allclose(G, want, rtol=0, atol=1e-12), f'expected {want.tolist()}, got {G.tolist()}'

