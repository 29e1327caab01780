import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import plotting  # noqa: E402


def teardown_function():
    plt.close("all")


def test_decision_boundary_contour_is_where_probability_is_half():
    X = np.array([[-1.0, -1.0], [1.0, 1.0], [-1.0, 1.0], [1.0, -1.0]])
    y = np.array([0, 1, 0, 1])
    fig, ax = plt.subplots()
    # p = sigmoid(4 * x1): the boundary is the line x1 = 0
    plotting.plot_decision_boundary(ax, lambda P: 1 / (1 + np.exp(-4 * P[:, 0])), X, y)
    # drawn in order: filled probabilities, the p = 1/2 contour, then one scatter per class
    boundary = ax.collections[1]
    assert list(boundary.levels) == [0.5]
    verts = np.vstack([p.vertices for p in boundary.get_paths()])
    assert len(verts) > 10
    np.testing.assert_allclose(verts[:, 0], 0.0, atol=0.02)


def test_decision_boundary_rejects_bad_shapes():
    fig, ax = plt.subplots()
    with pytest.raises(ValueError, match=r"X must have shape \(n, 2\)"):
        plotting.plot_decision_boundary(ax, lambda P: P[:, 0], np.ones((3, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="proba must return"):
        plotting.plot_decision_boundary(ax, lambda P: P, np.ones((3, 2)), np.zeros(3))


def test_plot_history_draws_each_key_and_reference():
    ax = plotting.plot_history({"train": [3, 2, 1], "test": [3, 2.5, 2]}, reference=1.0)
    assert [l.get_label() for l in ax.get_lines()] == ["train", "test", "reference"]
    np.testing.assert_array_equal(ax.get_lines()[1].get_ydata(), [3, 2.5, 2])
    with pytest.raises(KeyError, match="no key"):
        plotting.plot_history({"train": [1]}, keys=["loss"])


def test_small_multiples_one_panel_per_value():
    seen = []
    fig = plotting.small_multiples(lambda ax, v: seen.append(v), [0.1, 0.2, 0.3], ncols=2)
    assert seen == [0.1, 0.2, 0.3]
    assert len(fig.axes) == 3 and fig.axes[2].get_title() == "0.3"
    with pytest.raises(ValueError, match="values"):
        plotting.small_multiples(lambda ax, v: None, [])


def test_use_book_style_sets_dpi():
    plotting.use_book_style(dpi=90)
    assert matplotlib.rcParams["figure.dpi"] == 90
    with pytest.raises(ValueError, match="dpi"):
        plotting.use_book_style(dpi=5)


def test_book_style_figures_fit_the_website_column():
    plotting.use_book_style()
    width_in = matplotlib.rcParams["figure.figsize"][0]
    assert matplotlib.rcParams["figure.dpi"] == plotting.BOOK_DPI == 100
    assert width_in <= plotting.COLUMN_WIDTH_IN
    assert width_in * plotting.BOOK_DPI <= 780          # px: the column at 1,400 px desktop width


def test_small_multiples_never_wider_than_the_column():
    fig = plotting.small_multiples(lambda ax, v: None, [1, 2, 3, 4], ncols=4, panel_size=3.0)
    assert fig.get_size_inches()[0] == pytest.approx(plotting.COLUMN_WIDTH_IN)
    fig = plotting.small_multiples(lambda ax, v: None, [1, 2], ncols=2, panel_size=3.0)
    assert fig.get_size_inches()[0] == pytest.approx(6.0)   # narrow enough: unchanged
    fig = plotting.small_multiples(lambda ax, v: None, [1, 2, 3, 4], ncols=4, panel_size=3.0,
                                   max_width=None)
    assert fig.get_size_inches()[0] == pytest.approx(12.0)


def test_image_grid_one_panel_per_image_and_shape_checks():
    imgs = np.arange(5 * 3 * 4, dtype=float).reshape(5, 3, 4)
    fig = plotting.image_grid(imgs, nrows=2, titles=list("abcde"), vmin=0, vmax=60)
    axes = fig.axes
    assert len(axes) == 6 and [ax.get_visible() for ax in axes] == [True] * 5 + [False]
    assert [ax.get_title() for ax in axes[:5]] == list("abcde")
    for ax, im in zip(axes, imgs):  # each panel shows its own image, with the shared scale
        np.testing.assert_array_equal(ax.get_images()[0].get_array(), im)
        assert ax.get_images()[0].get_clim() == (0, 60)
    assert len(plotting.image_grid(np.zeros((8, 8))).axes) == 1      # one image
    fig = plotting.image_grid(imgs, nrows=1, suptitle="five images")
    assert fig._suptitle.get_text() == "five images"
    assert fig.get_size_inches()[1] > 1.0                            # room above the panels
    assert len(plotting.image_grid(np.zeros((10, 2, 2))).axes) == 12  # near-square: 3 rows of 4
    with pytest.raises(ValueError, match="2-D"):
        plotting.image_grid(np.zeros(5))
    with pytest.raises(ValueError, match="cannot hold"):
        plotting.image_grid(imgs, nrows=2, ncols=2)
    with pytest.raises(ValueError, match="titles"):
        plotting.image_grid(imgs, titles=["a"])


def _tight_png_width(fig) -> int:
    """Width in pixels of the figure as the notebooks store it: 100 dpi, tight bounding box."""
    import io
    import struct

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=plotting.BOOK_DPI, bbox_inches="tight")
    return struct.unpack(">II", buf.getvalue()[16:24])[0]


def test_helper_figures_fit_the_column_as_stored():
    # what the website shows: the PNG at 100 dpi with bbox_inches="tight" (the inline backend's
    # default) must fit the 780 px column even when the panels asked for are too wide
    plotting.use_book_style()
    column_px = 780

    def draw(ax, v):
        ax.plot([0, 1], [0, v])
        ax.set_xlabel("x")
        ax.set_ylabel("y")

    fig = plotting.small_multiples(draw, [1, 2, 3, 4, 5, 6], ncols=6, panel_size=3.0)
    assert _tight_png_width(fig) <= column_px
    fig = plotting.image_grid(np.random.default_rng(0).random((12, 8, 8)), ncols=12, ax_size=1.5,
                              titles=[f"map {k}" for k in range(12)], suptitle="twelve maps")
    assert fig.get_size_inches()[0] == pytest.approx(plotting.COLUMN_WIDTH_IN)
    assert _tight_png_width(fig) <= column_px
    fig = plotting.image_grid(np.zeros((2, 8, 8)), ncols=2, ax_size=1.5)
    assert fig.get_size_inches()[0] == pytest.approx(3.0)   # narrow enough: unchanged
    fig = plotting.image_grid(np.zeros((12, 8, 8)), ncols=12, ax_size=1.5, max_width=None)
    assert fig.get_size_inches()[0] == pytest.approx(18.0)
