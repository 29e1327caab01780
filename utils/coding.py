"""Prefix codes for a finite source: Huffman's construction, encoding and decoding.

A code is a list of binary strings, ``code[i]`` being the codeword of symbol ``i``
(symbols are the integers ``0 .. n-1``). Bits are kept as a ``str`` of ``"0"`` and
``"1"`` characters: wasteful in memory but easy to read, count and print.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np

from utils.information import _as_distribution


def huffman_code(probs) -> list[str]:
    """Huffman's optimal prefix code for symbol probabilities ``probs``.

    Repeatedly merge the two least probable groups of symbols into one group;
    the symbols of the first group get a ``0`` in front of their codewords, those
    of the second a ``1``. Ties are broken by creation order, so the code is
    deterministic. A one-symbol source gets the codeword ``"0"``.

    Parameters
    ----------
    probs : array_like of shape (n,)
        Probabilities (non-negative, summing to 1). Zero entries get (long) codewords too.

    Returns
    -------
    list of str
        ``code[i]`` is the codeword of symbol ``i``.

    Examples
    --------
    >>> huffman_code([0.5, 0.25, 0.125, 0.125])
    ['0', '10', '110', '111']
    """
    probs = _as_distribution(probs, "probs")
    if probs.ndim != 1:
        raise ValueError(f"probs must be 1-D, got shape {probs.shape}")
    n = len(probs)
    if n == 1:
        return ["0"]
    code = [""] * n
    # heap items: (probability of the group, creation order for ties, symbols in the group)
    heap = [(float(p), i, [i]) for i, p in enumerate(probs)]
    heapq.heapify(heap)
    order = n
    while len(heap) > 1:
        p0, _, group0 = heapq.heappop(heap)  # the least probable group
        p1, _, group1 = heapq.heappop(heap)  # the next least probable
        for s in group0:
            code[s] = "0" + code[s]
        for s in group1:
            code[s] = "1" + code[s]
        heapq.heappush(heap, (p0 + p1, order, group0 + group1))
        order += 1
    return code


def code_lengths(code: Sequence[str]) -> np.ndarray:
    """Codeword lengths in bits, shape (n,)."""
    return np.array([len(c) for c in code], dtype=np.int64)


def expected_length(code: Sequence[str], probs) -> float:
    """Average codeword length ``sum_i p_i len(code[i])`` in bits per symbol."""
    probs = _as_distribution(probs, "probs")
    if probs.shape != (len(code),):
        raise ValueError(f"probs must have shape ({len(code)},) to match the code, "
                         f"got {probs.shape}")
    return float(probs @ code_lengths(code))


def kraft_sum(code: Sequence[str]) -> float:
    """``sum_i 2^(-len(code[i]))``: at most 1 for a prefix code, exactly 1 if it is complete."""
    return float(np.sum(2.0 ** -code_lengths(code)))


def is_prefix_free(code: Sequence[str]) -> bool:
    """True when no codeword is a prefix of another (nor equal to another)."""
    words = sorted(code)  # a prefix sorts right before the words that extend it
    return all(not b.startswith(a) for a, b in zip(words, words[1:]))


def _check_code(code: Sequence[str]) -> None:
    if len(code) == 0:
        raise ValueError("code must contain at least one codeword")
    if any(not c or set(c) - {"0", "1"} for c in code):
        raise ValueError("code must be a list of non-empty strings of '0' and '1'")
    if not is_prefix_free(code):
        raise ValueError("code is not prefix-free, so it cannot be decoded symbol by symbol")


def encode(symbols, code: Sequence[str]) -> str:
    """Concatenate the codewords of ``symbols`` (integers in ``0 .. len(code)-1``).

    Examples
    --------
    >>> encode([0, 2, 1], ['0', '10', '11'])
    '01110'
    """
    _check_code(code)
    symbols = np.asarray(symbols)
    if symbols.ndim != 1 or (symbols.size and not np.issubdtype(symbols.dtype, np.integer)):
        raise ValueError(f"symbols must be a 1-D sequence of integers, got shape "
                         f"{symbols.shape} and dtype {symbols.dtype}")
    if symbols.size and (symbols.min() < 0 or symbols.max() >= len(code)):
        raise ValueError(f"symbols must lie in 0 .. {len(code) - 1}, got values in "
                         f"{symbols.min()} .. {symbols.max()}")
    return "".join(code[s] for s in symbols.tolist())


def decode(bits: str, code: Sequence[str]) -> np.ndarray:
    """Read ``bits`` left to right, emitting a symbol each time a codeword is complete.

    Prefix-freeness is what makes this greedy reading correct: the first codeword
    that matches is the only one that can. Raises ``ValueError`` if the bits end in
    the middle of a codeword or contain a pattern no codeword starts with.

    Examples
    --------
    >>> decode('01110', ['0', '10', '11']).tolist()
    [0, 2, 1]
    """
    _check_code(code)
    if set(bits) - {"0", "1"}:
        raise ValueError("bits must be a string of '0' and '1'")
    symbol_of = {c: i for i, c in enumerate(code)}
    prefixes = {c[:k] for c in code for k in range(1, len(c))}
    out, current = [], ""
    for b in bits:
        current += b
        if current in symbol_of:
            out.append(symbol_of[current])
            current = ""
        elif current not in prefixes:
            raise ValueError(f"bits contain {current!r}, which no codeword starts with")
    if current:
        raise ValueError(f"bits end in the middle of a codeword ({current!r} left over)")
    return np.array(out, dtype=np.int64)
