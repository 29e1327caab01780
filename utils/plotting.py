"""Plotting recipes several notebooks share. They draw; they never compute the lesson."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

CLASS_COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


# The website's text column is about 780 px wide at desktop width (1,400 px window); an
# image wider than that is shrunk to fit, and its lettering with it (a 12-inch figure at
# 80 dpi ends up with 7-pixel text). At the book's 100 dpi, 7.5 inches fill the column.
BOOK_DPI = 100
COLUMN_WIDTH_IN = 7.5
FIGURE_WIDTH_IN = 7.0    # default width: the column, less the margin a tight bounding box adds


def use_book_style(dpi: int = BOOK_DPI) -> None:
    """Legible figures that fit the website's column at their natural size.

    At 100 dpi a 10-point label is 14 pixels high; a figure at most ``COLUMN_WIDTH_IN``
    inches wide is shown unshrunk. Multi-panel figures should share that width (stack
    panels in rows rather than widen the figure); PNGs stay small in the notebooks.

    Parameters
    ----------
    dpi : int
        Dots per inch of inline figures (typical 100; lower only to shrink a notebook).
    """
    if not 30 <= dpi <= 300:
        raise ValueError(f"dpi must be in [30, 300], got {dpi}")
    mpl.rcParams.update({
        "figure.dpi": dpi, "savefig.dpi": dpi, "figure.figsize": (FIGURE_WIDTH_IN, 3.6),
        "axes.grid": True, "grid.alpha": 0.3, "axes.spines.top": False,
        "axes.spines.right": False, "font.size": 10, "legend.frameon": False,
        "image.cmap": "viridis",
    })


def _check_2d(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2), got {X.shape}")
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},), got {y.shape}")
    return X, y


def scatter_classes(ax: plt.Axes, X: np.ndarray, y: np.ndarray, s: float = 14,
                    alpha: float = 0.8) -> None:
    """Scatter 2-D points coloured by integer class label, with a legend."""
    X, y = _check_2d(X, y)
    for c in np.unique(y):
        m = y == c
        ax.scatter(X[m, 0], X[m, 1], s=s, alpha=alpha, color=CLASS_COLORS[int(c) % 10],
                   edgecolors="white", linewidths=0.4, label=f"y = {int(c)}")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")


def plot_decision_boundary(ax: plt.Axes, proba: Callable[[np.ndarray], np.ndarray],
                           X: np.ndarray, y: np.ndarray, margin: float = 0.5,
                           resolution: int = 150, show_points: bool = True) -> None:
    """Shade p(y=1|x) over the plane and draw its p = 1/2 contour (the decision boundary).

    Parameters
    ----------
    ax : matplotlib Axes
    proba : callable
        Maps an ``(m, 2)`` array of points to ``(m,)`` probabilities of class 1.
    X, y : arrays of shape (n, 2) and (n,)
        Points that set the plotting window (and are drawn if ``show_points``).
    margin : float
        Extra room around the points, in data units.
    resolution : int
        Grid points per axis (typical 100-200).
    """
    X, y = _check_2d(X, y)
    lo, hi = X.min(axis=0) - margin, X.max(axis=0) + margin
    g1, g2 = np.meshgrid(np.linspace(lo[0], hi[0], resolution),
                         np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([g1.ravel(), g2.ravel()])
    p = np.asarray(proba(grid), dtype=float)
    if p.shape != (grid.shape[0],):
        raise ValueError(f"proba must return shape ({grid.shape[0]},), got {p.shape}")
    p = p.reshape(g1.shape)
    ax.contourf(g1, g2, p, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.35)
    if p.min() < 0.5 < p.max():
        ax.contour(g1, g2, p, levels=[0.5], colors="k", linewidths=1.5)
    if show_points:
        scatter_classes(ax, X, y)
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])


def plot_history(history: Mapping[str, Sequence[float]], keys: Iterable[str] | None = None,
                 ax: plt.Axes | None = None, reference: float | None = None,
                 reference_label: str = "reference", xlabel: str = "step",
                 logy: bool = False) -> plt.Axes:
    """Draw a trainer's ``dict[str, list[float]]`` history, one line per key.

    Parameters
    ----------
    history : mapping of name -> sequence of floats
    keys : names to draw (default: all)
    ax : Axes to draw on (default: a new figure)
    reference : draw a dashed horizontal line at this value (e.g. the optimum)
    xlabel : label of the x axis ("step", "epoch", ...)
    logy : log-scale y axis
    """
    keys = list(history) if keys is None else list(keys)
    missing = [k for k in keys if k not in history]
    if missing:
        raise KeyError(f"history has no key(s) {missing}; it has {sorted(history)}")
    if ax is None:
        _, ax = plt.subplots()
    for k in keys:
        ax.plot(np.arange(len(history[k])), history[k], label=k)
    if reference is not None:
        ax.axhline(reference, color="k", ls="--", lw=1, label=reference_label)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.legend()
    return ax


def small_multiples(draw: Callable[[plt.Axes, float], None], values: Sequence[float],
                    ncols: int = 4, title: str = "{:g}", panel_size: float = 2.4,
                    sharex: bool = True, sharey: bool = True,
                    max_width: float | None = COLUMN_WIDTH_IN) -> plt.Figure:
    """One panel per parameter value: the static stand-in for a slider on the website.

    Parameters
    ----------
    draw : callable(ax, value)
        Draws one panel; the same function the interactive widget calls.
    values : the slider positions to show
    ncols : panels per row
    title : format string for each panel's title, given the value
    panel_size : inches per panel side (at most ``max_width / ncols``)
    max_width : widest the figure may be, in inches (default: the website's column, so the
        figure is not shrunk there); None for no limit

    Examples
    --------
    >>> fig = small_multiples(lambda ax, v: ax.plot([0, 1], [0, v]), [0.5, 1.0], ncols=2)
    >>> len(fig.axes)
    2
    """
    values = list(values)
    if not values:
        raise ValueError("values must not be empty")
    if ncols < 1:
        raise ValueError(f"ncols must be >= 1, got {ncols}")
    ncols = min(ncols, len(values))
    nrows = -(-len(values) // ncols)
    if max_width is not None:
        panel_size = min(panel_size, max_width / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(panel_size * ncols, panel_size * nrows),
                             sharex=sharex, sharey=sharey, squeeze=False)
    for ax, v in zip(axes.ravel(), values):
        draw(ax, v)
        ax.set_title(title.format(v))
    for ax in axes.ravel()[len(values):]:
        ax.remove()
    fig.tight_layout()
    return fig


# --- tabular reinforcement learning: value tables, greedy policies and paths on a grid ---

def _grid_axes(ax: plt.Axes, shape: tuple[int, int]) -> None:
    rows, cols = shape
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)                     # row 0 at the top, as in the books
    ax.set_xticks(np.arange(cols))
    ax.set_yticks(np.arange(rows))
    ax.set_aspect("equal")
    ax.grid(False)


def plot_value_table(ax: plt.Axes, values: np.ndarray, shape: tuple[int, int],
                     fmt: str = "{:.1f}", cmap: str = "RdYlGn", mask: np.ndarray | None = None,
                     vmin: float | None = None, vmax: float | None = None,
                     fontsize: float = 9, text_offset: float = 0.0) -> mpl.image.AxesImage:
    """A value table on a grid as an annotated heat map (state s is cell ``divmod(s, cols)``).

    Parameters
    ----------
    values : array (rows * cols,) or (rows, cols)
    shape : (rows, cols)
    fmt : format of each cell's number
    mask : bool array like ``values``; masked cells (terminals, holes) are drawn grey
    vmin, vmax : colour scale limits (default: the unmasked values' range)
    text_offset : shift of the numbers in rows (e.g. -0.28 puts them at the top of the
        cell, leaving room for :func:`plot_policy_arrows` with ``offset=0.15``)

    Examples
    --------
    >>> fig, ax = plt.subplots()
    >>> im = plot_value_table(ax, np.arange(4.0), (2, 2))
    >>> [t.get_text() for t in ax.texts]
    ['0.0', '1.0', '2.0', '3.0']
    """
    V = np.asarray(values, dtype=float)
    if V.size != shape[0] * shape[1]:
        raise ValueError(f"values has {V.size} entries, shape {shape} needs {shape[0] * shape[1]}")
    V = V.reshape(shape)
    m = np.zeros(shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool).reshape(shape)
    shown = np.ma.masked_array(V, m)
    live = V[~m] if (~m).any() else V
    im = ax.imshow(shown, cmap=cmap, vmin=live.min() if vmin is None else vmin,
                   vmax=live.max() if vmax is None else vmax)
    if m.any():
        ax.imshow(np.ma.masked_array(np.ones(shape), ~m), cmap="Greys", vmin=0, vmax=4)
    for (r, c), v in np.ndenumerate(V):
        rgba = im.cmap(im.norm(v)) if not m[r, c] else (0.8, 0.8, 0.8, 1.0)
        dark = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2] < 0.5
        ax.text(c, r + text_offset, fmt.format(v), ha="center", va="center", fontsize=fontsize,
                color="white" if dark else "black")
    _grid_axes(ax, shape)
    return im


def plot_policy_arrows(ax: plt.Axes, pi: np.ndarray, shape: tuple[int, int],
                       moves: Sequence[tuple[int, int]], mask: np.ndarray | None = None,
                       color: str = "k", length: float = 0.38, min_prob: float = 1e-9,
                       offset: float = 0.0) -> int:
    """Draw a policy on a grid: an arrow from each cell for every action it takes.

    A greedy policy with ties (probability shared among several actions) gets
    several arrows. Returns the number of arrows drawn.

    Parameters
    ----------
    pi : array (rows * cols, A), action probabilities per state
    moves : (row change, column change) of each action, e.g. ``utils.gridworld.GRID_MOVES``
    mask : bool array (rows * cols,); no arrows in masked cells (terminals, holes)
    length : arrow length as a fraction of a cell
    min_prob : actions with at most this probability get no arrow
    offset : shift of the arrows' common origin in rows (positive: down)
    """
    pi = np.asarray(pi, dtype=float)
    n = shape[0] * shape[1]
    if pi.shape != (n, len(moves)):
        raise ValueError(f"pi must have shape ({n}, {len(moves)}) for this grid, got {pi.shape}")
    m = np.zeros(n, dtype=bool) if mask is None else np.asarray(mask, dtype=bool).ravel()
    count = 0
    for s in np.flatnonzero(~m):
        r, c = divmod(int(s), shape[1])
        for a in np.flatnonzero(pi[s] > min_prob):
            dr, dc = moves[a]
            ax.annotate("", xy=(c + length * dc, r + offset + length * dr), xytext=(c, r + offset),
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=1.2,
                                        mutation_scale=9, shrinkA=0, shrinkB=0))
            count += 1
    _grid_axes(ax, shape)
    return count


def plot_grid_path(ax: plt.Axes, path: Sequence[int], shape: tuple[int, int],
                   color: str = "k", label: str | None = None, offset: float = 0.0,
                   lw: float = 2.5) -> plt.Line2D:
    """Draw a sequence of visited states as a line through the cell centres.

    ``offset`` shifts the line vertically (in cells) so two paths sharing cells stay visible.
    """
    rows, cols = np.divmod(np.asarray(path, dtype=int), shape[1])
    (line,) = ax.plot(cols, rows + offset, color=color, lw=lw, label=label,
                      marker="o", ms=3, solid_capstyle="round")
    _grid_axes(ax, shape)
    return line


# --- images: filters, feature maps, samples ---

def image_grid(images, nrows: int | None = None, ncols: int | None = None,
               titles: Sequence[str] | None = None, cmap: str = "gray", ax_size: float = 1.0,
               suptitle: str | None = None, max_width: float | None = COLUMN_WIDTH_IN,
               **imshow_kwargs) -> plt.Figure:
    """Small images side by side on a grid, without ticks: filters, feature maps, samples.

    Parameters
    ----------
    images : array (n, h, w) or (h, w), or a sequence of 2-D arrays (tensors work too)
    nrows, ncols : grid shape; give one (or none: a near-square grid) and the other follows
    titles : one short title per image (optional)
    cmap : colour map (``"gray"`` for images, ``"RdBu_r"`` with ``vmin=-vmax`` for signed filters)
    ax_size : inches per panel side (titles and ``suptitle`` get room of their own; at most
        ``max_width / ncols``)
    suptitle : a title over the whole grid (optional)
    max_width : widest the figure may be, in inches (default: the website's column, so the
        figure is not shrunk there); None for no limit
    imshow_kwargs : passed to ``imshow``, e.g. a shared ``vmin``/``vmax`` (by default each
        image is scaled to its own range)

    Examples
    --------
    >>> fig = image_grid(np.zeros((5, 8, 8)), ncols=3)
    >>> len(fig.axes), [ax.get_visible() for ax in fig.axes][-1]
    (6, False)
    """
    if hasattr(images, "detach"):  # a torch tensor
        images = images.detach().cpu().numpy()
    ims = [np.asarray(im, dtype=float) for im in (images if np.ndim(images) != 2 else [images])]
    if not ims or any(im.ndim != 2 for im in ims):
        raise ValueError(f"images must be one or more 2-D arrays, got shape {np.shape(images)}")
    n = len(ims)
    if titles is not None and len(titles) != n:
        raise ValueError(f"titles must have one entry per image ({n}), got {len(titles)}")
    if nrows is None and ncols is None:
        ncols = int(np.ceil(np.sqrt(n)))
    if ncols is None:
        ncols = -(-n // nrows)
    if nrows is None:
        nrows = -(-n // ncols)
    if nrows < 1 or ncols < 1 or nrows * ncols < n:
        raise ValueError(f"a {nrows} x {ncols} grid cannot hold {n} images")
    if max_width is not None:
        ax_size = min(ax_size, max_width / ncols)
    title_h = 0.22 if titles is not None else 0.0          # inches above each row for its titles
    top_h = 0.2 + 0.2 * suptitle.count("\n") + 0.25 if suptitle else 0.0
    height = nrows * (ax_size + title_h) + top_h
    fig, axes = plt.subplots(nrows, ncols, figsize=(ax_size * ncols, height), squeeze=False)
    for i, ax in enumerate(axes.ravel()):
        if i >= n:
            ax.set_visible(False)
            continue
        ax.imshow(ims[i], cmap=cmap, **imshow_kwargs)
        ax.set_axis_off()  # no ticks, spines or grid: the image is the panel
        if titles is not None:
            ax.set_title(titles[i], fontsize=8)
    if suptitle:
        fig.suptitle(suptitle, fontsize=10)
    fig.tight_layout(pad=0.3)
    return fig
