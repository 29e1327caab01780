from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2
all_or_nothing = True

@test_case(points=None, hidden=False)
def test_softmax_loss_grad_shapes_and_uniform_point(softmax_loss_grad):
    """Shapes, and W = 0, where every class has probability 1/K."""
    import numpy as np
    rng = np.random.default_rng(31)
    X = np.column_stack([np.ones(6), rng.standard_normal((6, 3))])
    y = np.array([0, 2, 1, 2, 0, 2])
    out = softmax_loss_grad(np.zeros((4, 5)), X, y, 0.1)
    assert out is not None and len(out) == 2, 'softmax_loss_grad should return a pair (J, G)'
    J, G = out
    assert np.ndim(J) == 0, f'J should be a single number, got shape {np.shape(J)}'
    assert np.shape(G) == (4, 5), f'G should have the shape of W, (4, 5), got {np.shape(G)}'
    assert abs(float(J) - np.log(5)) < 1e-12, 'at W = 0 every one of the K = 5 classes has probability 1/5, and the penalty is 0: J is wrong there (is K taken from W?)'
    G = np.asarray(G, dtype=float)
    assert np.allclose(G.sum(axis=1), 0, atol=1e-12), 'at W = 0 each row of G should sum to 0, since adding the same number to every logit of a row changes nothing: does every class of W, including those absent from the batch, get its column?'

@test_case(points=None, hidden=False)
def test_softmax_loss_grad_finite_differences(softmax_loss_grad):
    """Central differences of your own J at a random point, penalty on."""
    import numpy as np
    rng = np.random.default_rng(32)
    N, d, K, lam = (8, 3, 4, 0.3)
    X = np.column_stack([np.ones(N), rng.standard_normal((N, d - 1))])
    y = rng.integers(0, K, size=N)
    W = rng.standard_normal((d, K))
    J, G = softmax_loss_grad(W, X, y, lam)
    G = np.asarray(G, dtype=float)
    h = 1e-06
    for j in range(d):
        for k in range(K):
            E = np.zeros((d, K))
            E[j, k] = h
            numeric = (float(softmax_loss_grad(W + E, X, y, lam)[0]) - float(softmax_loss_grad(W - E, X, y, lam)[0])) / (2 * h)
            assert abs(G[j, k] - numeric) < 1e-06 * max(1.0, abs(numeric)), f'G[{j}, {k}] differs from the central finite difference of your J' + (' (row 0 holds the biases)' if j == 0 else '') + ': check the derivation, or J itself'

@test_case(points=None, hidden=False)
def test_softmax_loss_grad_large_logits(softmax_loss_grad):
    """Logits in the thousands: no floating-point warning, finite loss and gradient."""
    import numpy as np
    X = np.array([[1.0, 3.0], [1.0, -2.0], [1.0, 0.5]])
    W = np.array([[0.0, 0.0, 0.0], [1000.0, -1000.0, 0.0]])
    y = np.array([1, 0, 2])
    try:
        with np.errstate(over='raise', invalid='raise', divide='raise'):
            J, G = softmax_loss_grad(W, X, y, 0.0)
    except FloatingPointError as e:
        raise AssertionError(f'softmax_loss_grad triggered a numpy floating-point error ({e}) for logits in the thousands') from None
    assert np.isfinite(float(J)), 'J is not finite for logits in the thousands, although every class keeps a positive probability'
    assert np.all(np.isfinite(np.asarray(G, dtype=float))), 'G is not finite for logits in the thousands'
    assert float(J) > 1000, 'two of the three examples are confidently wrong by thousands of nats, but J is small'

