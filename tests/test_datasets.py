import numpy as np
import pytest
import sklearn.datasets

from utils import datasets


def test_breast_cancer_standardised_with_training_stats():
    d = datasets.load_breast_cancer(test_size=0.25, seed=0)
    assert d.X_train.shape == (426, 30) and d.X_test.shape == (143, 30)
    np.testing.assert_allclose(d.X_train.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(d.X_train.std(axis=0), 1.0, atol=1e-12)
    assert abs(d.X_test.mean()) < 0.2  # test set is transformed, not refitted
    assert d.y_train.dtype == np.int64 and set(np.unique(d.y_train)) == {0, 1}
    # stratified: class balance of train and test agree to within one example's share
    assert abs(d.y_train.mean() - d.y_test.mean()) < 0.01


def test_breast_cancer_rows_are_the_bundled_rows():
    raw = sklearn.datasets.load_breast_cancer()
    d = datasets.load_breast_cancer(standardize=False)
    both = np.vstack([d.X_train, d.X_test])
    assert both.shape == raw.data.shape
    # every returned row is one of scikit-learn's rows, with its own label
    lookup = {row.tobytes(): lab for row, lab in zip(raw.data, raw.target)}
    labels = np.concatenate([d.y_train, d.y_test])
    assert all(lookup[r.tobytes()] == lab for r, lab in zip(both, labels))


def test_digits_scaled_and_seed_controls_split():
    a = datasets.load_digits(seed=0)
    b = datasets.load_digits(seed=1)
    assert a.X_train.shape == (1347, 64) and a.n_classes == 10
    assert a.X_train.min() == 0.0 and a.X_train.max() == 1.0
    assert not np.array_equal(a.X_train, b.X_train)
    np.testing.assert_array_equal(a.X_train, datasets.load_digits(seed=0).X_train)


def test_mnist1d_matches_package_and_caches(tmp_path):
    from mnist1d.data import get_dataset_args, make_dataset

    state = np.random.get_state()
    d = datasets.load_mnist1d(num_samples=500, seed=3, cache_dir=tmp_path)
    # loading must not disturb NumPy's global generator
    assert np.array_equal(np.random.get_state()[1], state[1])
    args = get_dataset_args()
    args.num_samples, args.seed = 500, 3
    ref = make_dataset(args)
    np.testing.assert_array_equal(d.X_train, ref["x"])
    np.testing.assert_array_equal(d.y_test, ref["y_test"])
    files = list(tmp_path.glob("mnist1d-*.npz"))
    assert len(files) == 1
    again = datasets.load_mnist1d(num_samples=500, seed=3, cache_dir=tmp_path)
    np.testing.assert_array_equal(again.X_test, d.X_test)
    assert d.X_train.shape == (400, 40) and d.n_classes == 10


@pytest.mark.parametrize("kind", datasets.TOY_KINDS)
def test_toy_sets_balanced_and_reproducible(kind):
    X, y = datasets.make_toy_2d(kind, n=100, rng=np.random.default_rng(5))
    X2, y2 = datasets.make_toy_2d(kind, n=100, rng=np.random.default_rng(5))
    assert X.shape == (100, 2) and y.shape == (100,)
    assert y.sum() == 50
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


def test_blobs_are_mostly_linearly_separable_and_xor_is_not():
    from sklearn.linear_model import LogisticRegression

    X, y = datasets.make_toy_2d("blobs", n=400, noise=0.1)
    assert LogisticRegression().fit(X, y).score(X, y) > 0.95
    X, y = datasets.make_toy_2d("xor", n=400, noise=0.1)
    assert LogisticRegression().fit(X, y).score(X, y) < 0.7


@pytest.mark.parametrize("kwargs, match", [
    ({"kind": "spiral"}, "kind"), ({"n": 7}, "n must"), ({"noise": -1.0}, "noise")])
def test_toy_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        datasets.make_toy_2d(**kwargs)


def test_bad_fractions_and_sizes():
    with pytest.raises(ValueError, match="test_size"):
        datasets.load_digits(test_size=1.5)
    with pytest.raises(ValueError, match="num_samples"):
        datasets.load_mnist1d(num_samples=55)
