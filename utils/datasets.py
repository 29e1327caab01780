"""Offline data sets: scikit-learn's bundled tables, MNIST-1D made locally, 2-D toys.

Nothing here downloads. MNIST-1D is *generated* by the ``mnist1d`` package's
``make_dataset`` and cached as a ``.npz`` so that later loads take milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

TOY_KINDS = ("blobs", "moons", "circles", "xor")


@dataclass(frozen=True)
class Split:
    """A train/test split. ``X_*`` are float64 ``(n, d)``, ``y_*`` are int64 ``(n,)``."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    feature_names: tuple[str, ...]
    target_names: tuple[str, ...]

    @property
    def n_features(self) -> int:
        return self.X_train.shape[1]

    @property
    def n_classes(self) -> int:
        return len(self.target_names)


def _check_fraction(test_size: float) -> None:
    if not 0.0 < test_size < 1.0:
        raise ValueError(f"test_size must be in (0, 1), got {test_size}")


def _split(X, y, test_size, seed, standardize, feature_names, target_names) -> Split:
    """Stratified shuffle split; standardise with the *training* mean and std only."""
    from sklearn.model_selection import train_test_split

    _check_fraction(test_size)
    X_tr, X_te, y_tr, y_te = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y
    )
    if standardize:
        mu, sd = X_tr.mean(axis=0), X_tr.std(axis=0)
        sd = np.where(sd > 0, sd, 1.0)  # constant pixels (digits' borders) stay 0
        X_tr, X_te = (X_tr - mu) / sd, (X_te - mu) / sd
    return Split(
        np.ascontiguousarray(X_tr, dtype=np.float64),
        np.asarray(y_tr, dtype=np.int64),
        np.ascontiguousarray(X_te, dtype=np.float64),
        np.asarray(y_te, dtype=np.int64),
        tuple(feature_names),
        tuple(str(t) for t in target_names),
    )


def load_breast_cancer(test_size: float = 0.25, standardize: bool = True, seed: int = 0) -> Split:
    """Wisconsin breast cancer (569 x 30, 2 classes), shipped with scikit-learn.

    Parameters
    ----------
    test_size : float
        Fraction held out, stratified by class (typical 0.2-0.3).
    standardize : bool
        Centre and scale each feature with the training set's mean and std.
    seed : int
        Seed of the shuffle.

    Examples
    --------
    >>> d = load_breast_cancer()
    >>> d.X_train.shape, d.n_classes
    ((426, 30), 2)
    """
    from sklearn.datasets import load_breast_cancer as _load

    raw = _load()
    return _split(raw.data, raw.target, test_size, seed, standardize,
                  raw.feature_names, raw.target_names)


def load_digits(test_size: float = 0.25, standardize: bool = False, seed: int = 0) -> Split:
    """8x8 handwritten digits (1797 x 64, 10 classes), shipped with scikit-learn.

    Pixels are scaled from 0..16 to 0..1; with ``standardize=True`` each pixel is
    also centred and scaled by the training statistics.

    Examples
    --------
    >>> d = load_digits()
    >>> d.X_train.shape, d.n_classes, float(d.X_train.max())
    ((1347, 64), 10, 1.0)
    """
    from sklearn.datasets import load_digits as _load

    raw = _load()
    return _split(raw.data / 16.0, raw.target, test_size, seed, standardize,
                  raw.feature_names, raw.target_names)


def default_cache_dir() -> Path:
    """``$MLBOOK_CACHE`` if set, else ``~/.cache/mlbook``."""
    return Path(os.environ.get("MLBOOK_CACHE", Path.home() / ".cache" / "mlbook"))


def load_mnist1d(num_samples: int = 5000, seed: int = 42, train_split: float = 0.8,
                 cache_dir: str | os.PathLike | None = None) -> Split:
    """MNIST-1D (Greydanus, 2020), *generated locally*: 40-sample 1-D digit signals.

    The first call runs ``mnist1d.data.make_dataset`` (about a second for 5000
    examples) and saves the arrays; later calls with the same arguments load the
    cache. The default arguments reproduce the package's standard data set.

    Parameters
    ----------
    num_samples : int
        Total examples, a multiple of 10 (the package makes equal classes).
    seed : int
        The generator's seed.
    train_split : float
        Fraction used for training (the package does not shuffle again).
    cache_dir : path or None
        Where to keep the ``.npz``; ``None`` means :func:`default_cache_dir`.

    Examples
    --------
    >>> d = load_mnist1d()
    >>> d.X_train.shape, d.X_test.shape
    ((4000, 40), (1000, 40))
    """
    if not isinstance(num_samples, (int, np.integer)) or num_samples < 10 or num_samples % 10:
        raise ValueError(f"num_samples must be a positive multiple of 10, got {num_samples!r}")
    _check_fraction(train_split)
    key = json.dumps({"n": int(num_samples), "seed": int(seed), "split": float(train_split), "v": 1})
    name = f"mnist1d-{hashlib.sha1(key.encode()).hexdigest()[:12]}.npz"
    path = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    file = path / name
    if file.exists():
        with np.load(file) as z:
            arrays = {k: z[k] for k in z.files}
    else:
        arrays = _make_mnist1d(int(num_samples), int(seed), float(train_split))
        path.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez_compressed(tmp, **arrays)
        os.replace(tmp, file)  # atomic: parallel test workers never see half a file
    return Split(arrays["x"], arrays["y"], arrays["x_test"], arrays["y_test"],
                 tuple(f"t{i}" for i in range(arrays["x"].shape[1])),
                 tuple(str(i) for i in range(10)))


def _make_mnist1d(num_samples: int, seed: int, train_split: float) -> dict[str, np.ndarray]:
    from mnist1d.data import get_dataset_args, make_dataset

    args = get_dataset_args()
    args.num_samples, args.seed, args.train_split = num_samples, seed, train_split
    state = np.random.get_state()  # make_dataset reseeds NumPy's global generator
    try:
        data = make_dataset(args)
    finally:
        np.random.set_state(state)
    return {"x": data["x"].astype(np.float64), "y": data["y"].astype(np.int64),
            "x_test": data["x_test"].astype(np.float64), "y_test": data["y_test"].astype(np.int64)}


def make_toy_2d(kind: str = "blobs", n: int = 200, noise: float = 0.2,
                rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A small 2-D binary classification set, balanced, labels in {0, 1}.

    Parameters
    ----------
    kind : {"blobs", "moons", "circles", "xor"}
        ``blobs``: two Gaussians at (-1, -1) and (1, 1) with std ``noise * 5``
        (linearly separable-ish); ``moons``/``circles``: scikit-learn's generators;
        ``xor``: four clusters whose labels follow the signs' product.
    n : int
        Number of points (even; half per class).
    noise : float
        Spread of the points (typical 0.1-0.3).
    rng : numpy.random.Generator or None
        Source of randomness; ``None`` means ``np.random.default_rng(0)``.

    Returns
    -------
    X : ndarray, shape (n, 2)
    y : ndarray, shape (n,), int64

    Examples
    --------
    >>> X, y = make_toy_2d("xor", n=8, rng=np.random.default_rng(1))
    >>> X.shape, int(y.sum())
    ((8, 2), 4)
    """
    if kind not in TOY_KINDS:
        raise ValueError(f"kind must be one of {TOY_KINDS}, got {kind!r}")
    if not isinstance(n, (int, np.integer)) or n < 2 or n % 2:
        raise ValueError(f"n must be an even int >= 2, got {n!r}")
    if noise < 0:
        raise ValueError(f"noise must be >= 0, got {noise}")
    rng = np.random.default_rng(0) if rng is None else rng
    half = n // 2
    y = np.repeat(np.array([0, 1], dtype=np.int64), half)
    if kind == "blobs":
        centres = np.where(y[:, None] == 1, 1.0, -1.0) * np.ones((n, 2))
        X = centres + 5 * noise * rng.standard_normal((n, 2))
    elif kind == "xor":
        signs = rng.choice([-1.0, 1.0], size=(n, 1))  # first coordinate's sign
        sgn = np.hstack([signs, np.where(y[:, None] == 1, signs, -signs)])
        X = sgn + 2 * noise * rng.standard_normal((n, 2))
    else:
        from sklearn.datasets import make_circles, make_moons

        seed = int(rng.integers(2**31 - 1))
        make = make_moons if kind == "moons" else make_circles
        extra = {} if kind == "moons" else {"factor": 0.5}
        X, y = make(n_samples=n, noise=noise, random_state=seed, **extra)
        y = y.astype(np.int64)
    order = rng.permutation(n)
    return X[order].astype(np.float64), y[order]
