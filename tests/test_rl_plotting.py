import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from utils import plotting  # noqa: E402
from utils.gridworld import GRID_MOVES  # noqa: E402


def teardown_function():
    plt.close("all")


def test_value_table_annotates_every_cell_in_row_major_order():
    fig, ax = plt.subplots()
    V = np.array([0.0, -14.0, -20.0, -22.0, -14.0, -18.0])
    mask = np.array([True, False, False, False, False, False])
    im = plotting.plot_value_table(ax, V, (2, 3), fmt="{:.0f}", mask=mask)
    texts = [(t.get_position(), t.get_text()) for t in ax.texts]
    assert [t for _, t in texts] == ["0", "-14", "-20", "-22", "-14", "-18"]
    assert texts[4][0] == (1, 1)                       # state 4 is row 1, column 1 (x=1, y=1)
    assert im.norm.vmin == -22 and im.norm.vmax == -14  # the masked 0 does not stretch the scale
    assert ax.get_ylim()[0] > ax.get_ylim()[1]          # row 0 drawn at the top
    with pytest.raises(ValueError, match="entries"):
        plotting.plot_value_table(ax, V, (2, 2))


def test_policy_arrows_point_along_the_moves_and_show_ties():
    fig, ax = plt.subplots()
    pi = np.zeros((4, 4))
    pi[0, 1] = 1.0                    # cell (0, 0): right
    pi[1, [2, 3]] = 0.5               # cell (0, 1): down or left (a tie)
    pi[2, 0] = 1.0                    # cell (1, 0): up
    pi[3] = 0.25                      # masked
    n = plotting.plot_policy_arrows(ax, pi, (2, 2), GRID_MOVES, mask=[0, 0, 0, 1], length=0.4)
    assert n == 4
    heads = [(a.xy, a.xyann) for a in ax.texts]
    assert heads[0] == ((0.4, 0.0), (0, 0))            # right: x grows
    assert heads[1] == ((1.0, 0.4), (1, 0))            # down: row (y) grows
    assert heads[2] == ((0.6, 0.0), (1, 0))            # left
    assert heads[3] == ((0.0, 0.6), (0, 1))            # up from row 1
    with pytest.raises(ValueError, match="pi must"):
        plotting.plot_policy_arrows(ax, pi[:, :3], (2, 2), GRID_MOVES)


def test_grid_path_goes_through_cell_centres():
    fig, ax = plt.subplots()
    line = plotting.plot_grid_path(ax, [36, 24, 25, 37], (4, 12), offset=0.1)
    np.testing.assert_array_equal(line.get_xdata(), [0, 0, 1, 1])
    np.testing.assert_allclose(line.get_ydata(), [3.1, 2.1, 2.1, 3.1])


def test_offsets_separate_numbers_from_arrows():
    fig, ax = plt.subplots()
    plotting.plot_value_table(ax, np.zeros(4), (2, 2), text_offset=-0.3)
    assert ax.texts[3].get_position() == (1, 1 - 0.3)
    pi = np.eye(4)[[2, 2, 2, 2]]                                   # all "down"
    plotting.plot_policy_arrows(ax, pi, (2, 2), GRID_MOVES, offset=0.15, length=0.2)
    arrow = ax.texts[4 + 3]
    assert arrow.xyann == (1, 1.15) and np.allclose(arrow.xy, (1, 1.35))
