"""utils.games against independent facts about tic-tac-toe."""

import numpy as np
import pytest

from utils.games import (EMPTY, check_board, count_games, format_board, is_terminal, legal_moves,
                         match, minimax_player, minimax_value, move_values, optimal_moves, play,
                         play_game, random_player, reachable_positions, to_move, winner)


def board_from(text: str):
    """'X.O/...' style: rows separated by '/', X, O and '.' for empty."""
    return check_board([{"X": 1, "O": -1, ".": 0}[ch] for ch in text.replace("/", "")])


def test_reachable_positions_are_5478_and_958_terminal():
    # The number of legal positions reachable from the empty board (OEIS-documented count,
    # also e.g. Schaeffer's "tic-tac-toe has 5,478 legal positions"), 958 of them terminal.
    positions = reachable_positions()
    assert len(positions) == 5478
    assert sum(is_terminal(b) for b in positions) == 958


def test_number_of_games_is_255168_by_result():
    # Well-known counts: 255,168 possible games; X wins 131,184, O wins 77,904, 46,080 draws.
    counts = count_games()
    assert sum(counts.values()) == 255_168
    assert counts == {1: 131_184, -1: 77_904, 0: 46_080}


def test_game_value_is_a_draw_and_every_first_move_draws():
    assert minimax_value(EMPTY) == 0
    assert move_values(EMPTY) == {m: 0 for m in range(9)}


@pytest.mark.parametrize("corner", [0, 2, 6, 8])
def test_after_a_corner_opening_only_the_centre_draws(corner):
    # Classical opening theory: against a corner opening O must take the centre.
    assert optimal_moves(play(EMPTY, corner)) == [4]
    values = move_values(play(EMPTY, corner))
    assert values[4] == 0 and all(v == -1 for m, v in values.items() if m != 4)


def test_centre_opening_corner_reply_draws_edge_reply_loses():
    values = move_values(play(EMPTY, 4))
    assert all(values[c] == 0 for c in (0, 2, 6, 8))
    assert all(values[e] == -1 for e in (1, 3, 5, 7))


@pytest.mark.parametrize("text, value, best", [
    ("XX./OO./...", 1, [2]),             # X to move completes the top row
    ("XX./.O./...", 0, [2]),             # O to move must block; any other move loses at once
    ("X../.O./..X", 0, [1, 3, 5, 7]),    # O must play an edge: a corner lets X fork
])
def test_known_positions(text, value, best):
    board = board_from(text)
    assert minimax_value(board) == value
    assert optimal_moves(board) == best


def test_minimax_never_loses_and_draws_against_itself():
    rng = np.random.default_rng(0)
    perfect, other = minimax_player(rng), minimax_player(np.random.default_rng(1))
    assert match(perfect, other, n_games=20) == {"as X": {"win": 0, "draw": 20, "loss": 0},
                                                  "as O": {"win": 0, "draw": 20, "loss": 0}}
    results = match(perfect, random_player(np.random.default_rng(2)), n_games=100)
    assert results["as X"]["loss"] == results["as O"]["loss"] == 0
    assert results["as X"]["win"] > 90      # a random opponent loses most games as O


def test_minimax_player_varies_its_games():
    rng = np.random.default_rng(0)
    games = {tuple(play_game(minimax_player(rng), minimax_player(rng))[1]) for _ in range(30)}
    assert len(games) > 20


def test_rules_and_errors():
    board = play(play(EMPTY, 4), 0)
    assert to_move(board) == 1 and legal_moves(board) == [1, 2, 3, 5, 6, 7, 8]
    assert format_board(board) == "O . .\n. X .\n. . ."
    assert winner(board_from("XXX/OO./...")) == 1 and legal_moves(board_from("XXX/OO./...")) == []
    with pytest.raises(ValueError, match="not legal"):
        play(board, 4)
    with pytest.raises(ValueError, match="as many X as O"):
        check_board([-1] + [0] * 8)
    with pytest.raises(ValueError, match="9 cells"):
        check_board([0] * 8)


def test_draw_board_labels_the_given_cells():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from utils.games import draw_board
    fig, ax = plt.subplots()
    board = play(EMPTY, 0)
    draw_board(ax, board, move_values(board), fmt="{:+.0f}", vmin=-1, vmax=1, title="values")
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts == sorted(["X", "+0"] + ["-1"] * 7) and ax.get_title() == "values"
    plt.close(fig)
