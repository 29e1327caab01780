"""Two-dimensional toy data for generative models: a ring of Gaussians, its modes, and scores.

The ring is the test bed of Chapter 6 for GANs, flows and diffusion: ``n_modes = 8``
isotropic Gaussians of standard deviation ``std`` centred on a circle of radius
``radius = 1``, at angles ``2 pi k / 8``, mixed in equal proportions. A generator that
captures only some of the components shows it at once in two numbers computed by
:func:`mode_stats`:

- **modes covered**: components with at least ``min_fraction`` of the samples (by default
  1 %) within ``n_sigma = 3`` standard deviations of their centre;
- **high-quality fraction**: the share of samples within ``3 std`` of *some* centre.

:func:`mmd2_rbf` scores two sample sets against each other with the squared maximum mean
discrepancy under a Gaussian (RBF) kernel, which sees everything the mode table misses
(mode weights, the spread within a mode). The default standard deviation of the ring is
``DEFAULT_STD = 0.05``, so that the ``3 std`` discs (radius 0.15) are far apart (neighbouring
centres are ``2 sin(pi/8) = 0.765`` apart); the default kernel bandwidth is
``DEFAULT_BANDWIDTH = 0.1``, of the order of a mode's width.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DEFAULT_STD = 0.05        # standard deviation of each Gaussian of the ring
DEFAULT_BANDWIDTH = 0.1   # bandwidth h of the RBF kernel exp(-|x - y|^2 / (2 h^2))


def _rng(seed) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(seed)


def ring_centres(n_modes: int = 8, radius: float = 1.0) -> np.ndarray:
    """The centres of the ring's components: ``radius * (cos, sin)(2 pi k / n_modes)``.

    Parameters
    ----------
    n_modes : int
        Number of components (8 in the book).
    radius : float
        Radius of the circle (1 in the book).

    Returns
    -------
    numpy.ndarray
        Float64 array of shape ``(n_modes, 2)``; row ``k`` is at angle ``2 pi k / n_modes``.

    Examples
    --------
    >>> c = ring_centres()
    >>> c.shape, np.round(c[0], 12).tolist(), np.round(c[2], 12).tolist()
    ((8, 2), [1.0, 0.0], [0.0, 1.0])
    """
    if int(n_modes) != n_modes or n_modes < 1:
        raise ValueError(f"n_modes must be a positive integer, got {n_modes}")
    if radius <= 0:
        raise ValueError(f"radius must be > 0, got {radius}")
    angles = 2 * np.pi * np.arange(int(n_modes)) / int(n_modes)
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def sample_ring(n: int, std: float = DEFAULT_STD, seed=0, *, n_modes: int = 8,
                radius: float = 1.0, return_labels: bool = False):
    """Draw ``n`` points from the ring of Gaussians, each component with probability ``1/n_modes``.

    Parameters
    ----------
    n : int
        Number of points.
    std : float
        Standard deviation of every component, in both coordinates (default
        ``DEFAULT_STD = 0.05``).
    seed : int or numpy.random.Generator
        Seed of ``np.random.default_rng``, or a generator to draw from.
    n_modes, radius : int, float
        The ring (see :func:`ring_centres`).
    return_labels : bool
        Also return the component each point was drawn from.

    Returns
    -------
    numpy.ndarray or (numpy.ndarray, numpy.ndarray)
        Float64 points of shape ``(n, 2)``; with ``return_labels``, also the int
        component indices of shape ``(n,)``.

    Examples
    --------
    >>> x, k = sample_ring(1000, std=0.05, seed=0, return_labels=True)
    >>> x.shape, bool(np.all(np.linalg.norm(x - ring_centres()[k], axis=1) < 0.5))
    ((1000, 2), True)
    """
    if int(n) != n or n < 0:
        raise ValueError(f"n must be a non-negative integer, got {n}")
    if std < 0:
        raise ValueError(f"std must be >= 0, got {std}")
    rng = _rng(seed)
    centres = ring_centres(n_modes, radius)
    labels = rng.integers(0, int(n_modes), size=int(n))
    x = centres[labels] + std * rng.standard_normal((int(n), 2))
    return (x, labels) if return_labels else x


def ring_log_density(x, std: float = DEFAULT_STD, *, n_modes: int = 8,
                     radius: float = 1.0) -> np.ndarray:
    """The exact log-density of the ring at points ``x`` (natural log, per unit area).

    ``log p(x) = logsumexp_k [ -log n_modes - log(2 pi std^2) - |x - c_k|^2 / (2 std^2) ]``.

    Parameters
    ----------
    x : array_like, shape (n, 2)
        Points.
    std, n_modes, radius :
        The ring, as in :func:`sample_ring`.

    Returns
    -------
    numpy.ndarray
        Float64 array of shape ``(n,)``.

    Examples
    --------
    >>> lp = ring_log_density(ring_centres()[:1], std=0.05)
    >>> bool(abs(lp[0] - np.log(1 / (8 * 2 * np.pi * 0.05**2))) < 1e-9)
    True
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(f"x must have shape (n, 2), got {x.shape}")
    if std <= 0:
        raise ValueError(f"std must be > 0, got {std}")
    centres = ring_centres(n_modes, radius)
    d2 = ((x[:, None, :] - centres[None, :, :]) ** 2).sum(-1)
    logc = -np.log(n_modes) - np.log(2 * np.pi * std**2) - d2 / (2 * std**2)
    m = logc.max(axis=1, keepdims=True)
    return (m + np.log(np.exp(logc - m).sum(axis=1, keepdims=True)))[:, 0]


@dataclass
class ModeStats:
    """What :func:`mode_stats` measured on a set of samples.

    Attributes
    ----------
    counts : numpy.ndarray
        Int array of shape ``(n_modes,)``: samples within ``n_sigma * std`` of each centre.
    n_covered : int
        Components whose count is at least ``min_count``.
    frac_high_quality : float
        Share of all samples within ``n_sigma * std`` of some centre.
    min_count : int
        The count a component needed to be covered (``ceil(min_fraction * n)``, at least 1).
    n_samples : int
        Number of samples scored.
    """

    counts: np.ndarray
    n_covered: int
    frac_high_quality: float
    min_count: int
    n_samples: int


def mode_stats(samples, std: float = DEFAULT_STD, *, n_sigma: float = 3.0,
               min_fraction: float = 0.01, min_count: int | None = None,
               n_modes: int = 8, radius: float = 1.0) -> ModeStats:
    """Modes covered and the fraction of high-quality samples, for points meant to match the ring.

    A sample is *high quality* if it lies within ``n_sigma * std`` (Euclidean distance) of
    some centre; it is then credited to its nearest centre. A component is *covered* if at
    least ``min_count`` samples are credited to it; by default
    ``min_count = max(1, ceil(min_fraction * n))`` with ``min_fraction = 0.01``, i.e. 1 %
    of the samples (a twelfth of the 12.5 % a perfect sampler puts there).

    Parameters
    ----------
    samples : array_like, shape (n, 2)
        Points to score (numpy array or torch tensor); non-finite points count as misses.
    std : float
        Standard deviation of the ring's components (default ``DEFAULT_STD = 0.05``).
    n_sigma : float
        Radius of the acceptance disc, in standard deviations (3).
    min_fraction : float
        Share of the samples a component needs to be covered, unless ``min_count`` is given.
    min_count : int, optional
        Absolute number of samples a component needs to be covered (overrides ``min_fraction``).
    n_modes, radius :
        The ring, as in :func:`ring_centres`.

    Returns
    -------
    ModeStats

    Examples
    --------
    >>> s = mode_stats(sample_ring(2000, std=0.05, seed=0), std=0.05)
    >>> s.n_covered, bool(s.frac_high_quality > 0.98)
    (8, True)
    >>> mode_stats(np.zeros((10, 2)), std=0.05).n_covered
    0
    """
    x = np.asarray(getattr(samples, "detach", lambda: samples)(), dtype=np.float64)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(f"samples must have shape (n, 2), got {x.shape}")
    n = x.shape[0]
    if n == 0:
        raise ValueError("samples is empty")
    if std <= 0 or n_sigma <= 0:
        raise ValueError(f"std and n_sigma must be > 0, got {std}, {n_sigma}")
    if min_count is None:
        if not 0 <= min_fraction <= 1:
            raise ValueError(f"min_fraction must be in [0, 1], got {min_fraction}")
        min_count = max(1, int(np.ceil(min_fraction * n - 1e-9)))
    elif int(min_count) != min_count or min_count < 1:
        raise ValueError(f"min_count must be a positive integer, got {min_count}")
    centres = ring_centres(n_modes, radius)
    d = np.sqrt(((x[:, None, :] - centres[None, :, :]) ** 2).sum(-1))
    d = np.where(np.isfinite(d), d, np.inf)
    nearest = d.argmin(axis=1)
    hit = d[np.arange(n), nearest] <= n_sigma * std
    counts = np.bincount(nearest[hit], minlength=int(n_modes))
    return ModeStats(counts=counts, n_covered=int((counts >= min_count).sum()),
                     frac_high_quality=float(hit.mean()), min_count=int(min_count),
                     n_samples=int(n))


def mmd2_rbf(x, y, bandwidth: float = DEFAULT_BANDWIDTH, *, unbiased: bool = False) -> float:
    """Squared maximum mean discrepancy between two sample sets, Gaussian (RBF) kernel.

    With ``k(a, b) = exp(-|a - b|^2 / (2 h^2))`` and ``h = bandwidth`` (default
    ``DEFAULT_BANDWIDTH = 0.1``),

    ``MMD^2 = E k(X, X') + E k(Y, Y') - 2 E k(X, Y)``,

    estimated by averaging the kernel over all pairs (the biased V-statistic, the default:
    never negative, exactly 0 for identical sets) or, with ``unbiased=True``, over pairs of
    distinct points within each set (the U-statistic of Gretton et al., 2012: unbiased,
    can be slightly negative).

    Parameters
    ----------
    x : array_like, shape (n, d)
    y : array_like, shape (m, d)
        The two samples (numpy arrays or torch tensors), in the same dimension ``d``.
    bandwidth : float
        Kernel bandwidth ``h > 0``.
    unbiased : bool
        Use the U-statistic (needs ``n, m >= 2``).

    Returns
    -------
    float

    Examples
    --------
    >>> a = sample_ring(300, seed=0)
    >>> mmd2_rbf(a, a)
    0.0
    >>> bool(mmd2_rbf(a, a + 0.5) > 0.1)
    True
    """
    def as_np(z):
        z = np.asarray(getattr(z, "detach", lambda: z)(), dtype=np.float64)
        return z[:, None] if z.ndim == 1 else z
    x, y = as_np(x), as_np(y)
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        raise ValueError(f"x and y must be (n, d) and (m, d), got {x.shape} and {y.shape}")
    if bandwidth <= 0:
        raise ValueError(f"bandwidth must be > 0, got {bandwidth}")
    n, m = len(x), len(y)
    if unbiased and (n < 2 or m < 2):
        raise ValueError("the unbiased estimate needs at least 2 points in each set")
    if n == 0 or m == 0:
        raise ValueError("x and y must be non-empty")

    def gram(a, b):
        d2 = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T
        return np.exp(-np.maximum(d2, 0.0) / (2 * bandwidth**2))

    kxx, kyy, kxy = gram(x, x), gram(y, y), gram(x, y)
    if unbiased:
        exx = (kxx.sum() - np.trace(kxx)) / (n * (n - 1))
        eyy = (kyy.sum() - np.trace(kyy)) / (m * (m - 1))
    else:
        exx, eyy = kxx.mean(), kyy.mean()
    return float(exx + eyy - 2 * kxy.mean())


# ---------------------------------------------------------------------------------------------
# Compact reference generators for comparison tables. The chapter's pages derive and write
# these models out; the versions here let another page train them in a few lines.
# ---------------------------------------------------------------------------------------------

def _mlp(sizes: list[int], activation=None):
    import torch.nn as nn
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(activation() if activation is not None else nn.ReLU())
    return nn.Sequential(*layers)


def _batches(x, batch_size: int, steps: int, seed: int):
    import torch
    x = torch.as_tensor(np.asarray(getattr(x, "detach", lambda: x)()), dtype=torch.float32)
    if x.ndim != 2 or x.shape[1] != 2:
        raise ValueError(f"x must have shape (n, 2), got {tuple(x.shape)}")
    g = torch.Generator().manual_seed(seed)
    for _ in range(steps):
        yield x[torch.randint(len(x), (batch_size,), generator=g)]


class CouplingFlow2d:
    """A Real NVP flow on the plane: affine coupling layers with alternating masks, N(0, I) base.

    Each layer keeps one coordinate ``a`` and maps the other by ``z_b = x_b exp(s(x_a)) + t(x_a)``
    (log-scale soft-clamped to ``(-2, 2)``), so ``log|det|`` is the sum of the ``s``. Built by
    :func:`train_flow`; a ``torch.nn.Module`` under ``.net``.

    Parameters
    ----------
    n_layers : int
        Number of coupling layers (4 to 10).
    hidden : int
        Width of the two hidden layers of each layer's network (32 to 128).
    """

    def __init__(self, n_layers: int = 6, hidden: int = 64):
        import torch.nn as nn
        self.net = nn.ModuleList(_mlp([1, hidden, hidden, 2]) for _ in range(n_layers))

    def _st(self, k: int, x_a):
        import torch
        s, t = self.net[k](x_a).unbind(1)
        return 2.0 * torch.tanh(s / 2.0), t

    def log_prob(self, x):
        """``log p(x)`` in nats per unit area, shape ``(n,)``, for a float tensor ``x`` (n, 2)."""
        import torch
        logdet = torch.zeros(len(x), dtype=x.dtype)
        for k in range(len(self.net)):
            a, b = (0, 1) if k % 2 == 0 else (1, 0)
            s, t = self._st(k, x[:, a:a + 1])
            new_b = x[:, b] * torch.exp(s) + t
            x = torch.stack([x[:, 0], new_b] if a == 0 else [new_b, x[:, 1]], dim=1)
            logdet = logdet + s
        return -0.5 * (x**2).sum(1) - np.log(2 * np.pi) + logdet

    def sample(self, n: int, seed: int = 0):
        """``n`` samples, a float32 tensor of shape ``(n, 2)``, from a generator seeded ``seed``."""
        import torch
        z = torch.randn(n, 2, generator=torch.Generator().manual_seed(seed))
        with torch.no_grad():
            for k in reversed(range(len(self.net))):
                a, b = (0, 1) if k % 2 == 0 else (1, 0)
                s, t = self._st(k, z[:, a:a + 1])
                new_b = (z[:, b] - t) * torch.exp(-s)
                z = torch.stack([z[:, 0], new_b] if a == 0 else [new_b, z[:, 1]], dim=1)
        return z


def train_flow(x, *, n_layers: int = 6, hidden: int = 64, steps: int = 1500, batch_size: int = 256,
               lr: float = 2e-3, seed: int = 0, progress=None):
    """Fit a :class:`CouplingFlow2d` to points ``x`` by maximum likelihood (Adam, cosine decay).

    Parameters
    ----------
    x : array_like, shape (n, 2)
        Training points.
    n_layers, hidden :
        The flow (see :class:`CouplingFlow2d`).
    steps, batch_size, lr :
        Number of Adam steps (1000 to 5000), mini-batch size, initial learning rate.
    seed : int
        Seeds the initialisation (``torch.manual_seed``) and the mini-batches.
    progress : callable, optional
        Wraps the step range, e.g. ``utils.training.progress``.

    Returns
    -------
    (CouplingFlow2d, dict)
        The flow and its history ``{"nll": [...]}``, the mini-batch loss at every step (nats).
    """
    import torch
    torch.manual_seed(seed)
    flow = CouplingFlow2d(n_layers, hidden)
    opt = torch.optim.Adam(flow.net.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)
    history = {"nll": []}
    batches = _batches(x, batch_size, steps, seed)
    for xb in (progress(batches, total=steps, desc="flow") if progress else batches):
        loss = -flow.log_prob(xb).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        history["nll"].append(loss.item())
    return flow, history


class GAN2d:
    """A generator and a discriminator for points in the plane (MLPs, leaky ReLU).

    Built by :func:`train_gan`.

    ``generator`` maps ``latent_dim`` standard-normal inputs to a point; ``discriminator`` maps a
    point to a logit (positive: "real").
    """

    def __init__(self, latent_dim: int = 2, hidden: int = 128):
        import torch.nn as nn
        act = lambda: nn.LeakyReLU(0.2)  # noqa: E731
        self.latent_dim = latent_dim
        self.generator = _mlp([latent_dim, hidden, hidden, 2], act)
        self.discriminator = _mlp([2, hidden, hidden, 1], act)

    def sample(self, n: int, seed: int = 0):
        """``n`` generated points, a float32 tensor of shape ``(n, 2)``."""
        import torch
        z = torch.randn(n, self.latent_dim, generator=torch.Generator().manual_seed(seed))
        with torch.no_grad():
            return self.generator(z)


def train_gan(x, *, latent_dim: int = 2, hidden: int = 128, steps: int = 2000,
              batch_size: int = 256, lr: float = 1e-3,
              betas: tuple[float, float] = (0.5, 0.999), seed: int = 0, progress=None):
    """Train a :class:`GAN2d` on points ``x`` with the non-saturating generator loss.

    Each step updates the discriminator once on a real and a generated mini-batch
    (``softplus(-D(x)) + softplus(D(G(z)))``), then the generator once
    (``softplus(-D(G(z)))``, i.e. ``-log sigmoid D(G(z))``), both with Adam.

    Parameters
    ----------
    x : array_like, shape (n, 2)
        Training points.
    latent_dim, hidden :
        The networks (see :class:`GAN2d`).
    steps, batch_size, lr, betas :
        Number of steps (1000 to 5000), mini-batch size, Adam's learning rate and betas
        for both players (``betas[0] = 0.5`` as is usual for GANs).
    seed : int
        Seeds the initialisation, the mini-batches and the latent draws.
    progress : callable, optional
        Wraps the step range, e.g. ``utils.training.progress``.

    Returns
    -------
    (GAN2d, dict)
        The trained pair and its history ``{"d_loss": [...], "g_loss": [...]}`` per step.
    """
    import torch
    import torch.nn.functional as F
    torch.manual_seed(seed)
    gan = GAN2d(latent_dim, hidden)
    opt_d = torch.optim.Adam(gan.discriminator.parameters(), lr=lr, betas=betas)
    opt_g = torch.optim.Adam(gan.generator.parameters(), lr=lr, betas=betas)
    gz = torch.Generator().manual_seed(seed + 1)
    history = {"d_loss": [], "g_loss": []}
    batches = _batches(x, batch_size, steps, seed)
    for xb in (progress(batches, total=steps, desc="GAN") if progress else batches):
        fake = gan.generator(torch.randn(batch_size, latent_dim, generator=gz))
        d_loss = (F.softplus(-gan.discriminator(xb)).mean()
                  + F.softplus(gan.discriminator(fake.detach())).mean())
        opt_d.zero_grad()
        d_loss.backward()
        opt_d.step()
        g_loss = F.softplus(-gan.discriminator(fake)).mean()   # non-saturating: -log D(G(z))
        opt_g.zero_grad()
        g_loss.backward()
        opt_g.step()
        history["d_loss"].append(d_loss.item())
        history["g_loss"].append(g_loss.item())
    return gan, history
