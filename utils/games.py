"""Tic-tac-toe: the rules, a perfect minimax player, and helpers to play matches.

A board is a tuple of 9 ints, cell ``i`` at row ``i // 3``, column ``i % 3``:
``1`` for X, ``-1`` for O, ``0`` for empty. X moves first, so the player to move
is X when both have played equally often. Game values are written in the
*negamax* convention: from the point of view of the player to move, +1 a win,
0 a draw, -1 a loss under perfect play by both sides.

The search algorithms (minimax as the lesson, MCTS, AlphaZero) are written in
the notebooks; this module is the ground truth they are measured against.

>>> board = play(play(EMPTY, 0), 1)       # X in a corner, O on the adjacent edge
>>> minimax_value(board)                  # X to move wins
1
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy as np

Board = tuple[int, ...]
Player = Callable[[Board], int]          # board -> the cell to play

EMPTY: Board = (0,) * 9
LINES = ((0, 1, 2), (3, 4, 5), (6, 7, 8),            # rows
         (0, 3, 6), (1, 4, 7), (2, 5, 8),            # columns
         (0, 4, 8), (2, 4, 6))                       # diagonals
SYMBOLS = {1: "X", -1: "O", 0: "."}


def check_board(board) -> Board:
    """Return ``board`` as a tuple, or raise ``ValueError`` if it is not a 9-cell board
    with entries in {-1, 0, 1} and a legal number of X's and O's."""
    board = tuple(int(c) for c in board)
    if len(board) != 9 or any(c not in (-1, 0, 1) for c in board):
        raise ValueError(f"board must be 9 cells in {{-1, 0, 1}}, got {board}")
    if board.count(1) - board.count(-1) not in (0, 1):
        raise ValueError(f"board must have as many X as O, or one X more; got {board}")
    return board


def to_move(board: Board) -> int:
    """The player to move: 1 (X) or -1 (O)."""
    return 1 if board.count(1) == board.count(-1) else -1


def winner(board: Board) -> int:
    """1 if X has three in a line, -1 if O has, 0 otherwise."""
    for a, b, c in LINES:
        if board[a] != 0 and board[a] == board[b] == board[c]:
            return board[a]
    return 0


def is_terminal(board: Board) -> bool:
    """True when someone has won or the board is full."""
    return winner(board) != 0 or 0 not in board


def legal_moves(board: Board) -> list[int]:
    """The empty cells, in increasing order (none once the game is over)."""
    return [] if is_terminal(board) else [i for i, c in enumerate(board) if c == 0]


def play(board: Board, move: int) -> Board:
    """The board after the player to move plays ``move`` (raises on an illegal move)."""
    if move not in legal_moves(board):
        raise ValueError(f"move {move} is not legal on {format_board(board)!r}")
    cells = list(board)
    cells[move] = to_move(board)
    return tuple(cells)


def outcome(board: Board) -> int:
    """Result of a finished game for the player to move: -1 if the last move won, else 0."""
    return -1 if winner(board) != 0 else 0


@lru_cache(maxsize=None)
def minimax_value(board: Board) -> int:
    """Negamax value of ``board`` for the player to move (memoised: tic-tac-toe has
    only 5,478 positions, so each is solved once)."""
    if is_terminal(board):
        return outcome(board)
    return max(-minimax_value(play(board, m)) for m in legal_moves(board))


def move_values(board: Board) -> dict[int, int]:
    """Value of each legal move for the player to move: ``-minimax_value`` of the child."""
    return {m: -minimax_value(play(board, m)) for m in legal_moves(board)}


def optimal_moves(board: Board) -> list[int]:
    """The legal moves that keep the minimax value of ``board``."""
    values = move_values(board)
    best = max(values.values())
    return [m for m, v in values.items() if v == best]


def reachable_positions() -> set[Board]:
    """Every board that legal play from the empty board can reach, terminal ones included."""
    seen, stack = {EMPTY}, [EMPTY]
    while stack:
        board = stack.pop()
        for m in legal_moves(board):
            child = play(board, m)
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


def count_games(board: Board = EMPTY) -> dict[int, int]:
    """Number of distinct move sequences from ``board`` to the end of the game, by result
    for X: ``{1: X wins, -1: O wins, 0: draws}``."""
    counts = {1: 0, -1: 0, 0: 0}
    for final in _finals(board):
        counts[winner(final)] += 1
    return counts


def _finals(board: Board) -> Iterator[Board]:
    if is_terminal(board):
        yield board
        return
    for m in legal_moves(board):
        yield from _finals(play(board, m))


def minimax_player(rng: np.random.Generator) -> Player:
    """A perfect player that picks uniformly at random among the optimal moves
    (seeded by ``rng``), so that games against it differ."""
    def choose(board: Board) -> int:
        moves = optimal_moves(board)
        return moves[int(rng.integers(len(moves)))]
    return choose


def random_player(rng: np.random.Generator) -> Player:
    """A player that picks uniformly among the legal moves."""
    def choose(board: Board) -> int:
        moves = legal_moves(board)
        return moves[int(rng.integers(len(moves)))]
    return choose


def play_game(player_x: Player, player_o: Player, start: Board = EMPTY) -> tuple[int, list[int]]:
    """Play one game from ``start``; return (winner: 1 X, -1 O, 0 draw, the moves played)."""
    board, moves = check_board(start), []
    while not is_terminal(board):
        move = (player_x if to_move(board) == 1 else player_o)(board)
        board = play(board, move)
        moves.append(move)
    return winner(board), moves


def match(player: Player, opponent: Player, n_games: int) -> dict[str, dict[str, int]]:
    """``n_games`` as X and ``n_games`` as O against ``opponent``; counts of
    wins, draws and losses from ``player``'s side, e.g. ``{"as X": {"win": 0, ...}, ...}``."""
    results = {}
    for side, sign in (("as X", 1), ("as O", -1)):
        tally = {"win": 0, "draw": 0, "loss": 0}
        for _ in range(n_games):
            pair = (player, opponent) if sign == 1 else (opponent, player)
            w, _ = play_game(*pair)
            tally["win" if w == sign else "loss" if w == -sign else "draw"] += 1
        results[side] = tally
    return results


def format_board(board: Board) -> str:
    """Three lines of X, O and '.'."""
    return "\n".join(" ".join(SYMBOLS[board[3 * r + c]] for c in range(3)) for r in range(3))


def draw_board(ax, board: Board, numbers: dict[int, float] | None = None, fmt: str = "{:.0f}",
               cmap: str = "Blues", vmin: float | None = None, vmax: float | None = None,
               title: str | None = None) -> None:
    """Draw ``board`` on ``ax``; empty cells listed in ``numbers`` are shaded by their value
    and labelled with it (visit counts, move values, probabilities). The colour scale runs
    from ``vmin`` (default: the smaller of 0 and the least number) to ``vmax`` (default: the
    largest number)."""
    import matplotlib.pyplot as plt

    ax.set_xlim(0, 3)
    ax.set_ylim(3, 0)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    if numbers:
        vals = np.array(list(numbers.values()), dtype=float)
        lo = min(vals.min(), 0.0) if vmin is None else vmin
        hi = max(vals.max(), lo + 1e-12) if vmax is None else vmax
        colormap = plt.get_cmap(cmap)
        for cell, v in numbers.items():
            r, c = divmod(cell, 3)
            shade = float(np.clip((v - lo) / (hi - lo), 0.0, 1.0))
            ax.add_patch(plt.Rectangle((c, r), 1, 1, color=colormap(0.1 + 0.7 * shade)))
            ax.text(c + 0.5, r + 0.5, fmt.format(v), ha="center", va="center", fontsize=9,
                    color="white" if shade > 0.6 else "black")
    for cell, v in enumerate(board):
        if v:
            r, c = divmod(cell, 3)
            ax.text(c + 0.5, r + 0.5, SYMBOLS[v], ha="center", va="center", fontsize=20,
                    fontweight="bold", color="tab:red" if v == 1 else "tab:blue")
    for k in (1, 2):
        ax.axhline(k, color="k", lw=1)
        ax.axvline(k, color="k", lw=1)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(True)
    if title:
        ax.set_title(title, fontsize=9)
