import itertools

import numpy as np
import pytest

from utils.coding import (code_lengths, decode, encode, expected_length, huffman_code,
                          is_prefix_free, kraft_sum)
from utils.information import entropy


def _random_probs(rng, n, zeros=False):
    p = rng.random(n) ** 3
    if zeros and n > 2:
        p[rng.choice(n, size=n // 3, replace=False)] = 0.0
        p[0] += 0.05
    return p / p.sum()


def _brute_force_optimum(probs):
    """Minimum of sum p_i l_i over integer lengths with Kraft sum <= 1 (all realisable as
    prefix codes by Kraft's inequality); lengths above n - 1 never help."""
    n = len(probs)
    best = np.inf
    for lengths in itertools.product(range(1, n), repeat=n):
        if sum(2.0 ** -np.array(lengths)) <= 1.0:
            best = min(best, float(np.dot(probs, lengths)))
    return best


def test_dyadic_source_gets_its_ideal_lengths():
    code = huffman_code([0.5, 0.25, 0.125, 0.125])
    assert code == ["0", "10", "110", "111"]
    np.testing.assert_array_equal(code_lengths(code), [1, 2, 3, 3])
    assert expected_length(code, [0.5, 0.25, 0.125, 0.125]) == entropy(
        [0.5, 0.25, 0.125, 0.125], base=2) == 1.75


@pytest.mark.parametrize("n", [2, 3, 5, 8, 30, 200])
def test_prefix_free_kraft_equality_and_entropy_bound(n):
    rng = np.random.default_rng(n)
    for zeros in (False, True):
        p = _random_probs(rng, n, zeros)
        code = huffman_code(p)
        assert len(code) == n
        assert is_prefix_free(code)
        assert kraft_sum(code) == 1.0  # a full binary tree: every internal node has 2 children
        h, length = entropy(p, base=2), expected_length(code, p)
        assert h - 1e-12 <= length < h + 1


@pytest.mark.parametrize("seed", range(12))
def test_matches_brute_force_optimum_on_tiny_sources(seed):
    rng = np.random.default_rng(100 + seed)
    n = 2 + seed % 4  # 2 .. 5 symbols
    p = _random_probs(rng, n)
    assert expected_length(huffman_code(p), p) == pytest.approx(_brute_force_optimum(p),
                                                                abs=1e-12)


def test_round_trip():
    rng = np.random.default_rng(7)
    p = _random_probs(rng, 12)
    code = huffman_code(p)
    x = rng.choice(12, size=5_000, p=p)
    bits = encode(x, code)
    assert len(bits) == code_lengths(code)[x].sum()
    np.testing.assert_array_equal(decode(bits, code), x)
    assert encode([], code) == "" and decode("", code).size == 0


def test_deterministic_and_single_symbol():
    p = [0.25, 0.25, 0.25, 0.25]
    assert huffman_code(p) == huffman_code(p)
    assert sorted(code_lengths(huffman_code(p)).tolist()) == [2, 2, 2, 2]
    assert huffman_code([1.0]) == ["0"]
    assert decode(encode([0, 0, 0], ["0"]), ["0"]).tolist() == [0, 0, 0]


def test_prefix_free_detection_and_kraft():
    assert is_prefix_free(["0", "10", "11"])
    assert not is_prefix_free(["0", "01", "11"])
    assert not is_prefix_free(["1", "1"])
    assert kraft_sum(["0", "10"]) == 0.75


def test_bad_inputs():
    with pytest.raises(ValueError, match="^probs .*sum to 1"):
        huffman_code([3, 1])
    with pytest.raises(ValueError, match="^probs .*negative"):
        huffman_code([1.5, -0.5])
    with pytest.raises(ValueError, match="prefix-free"):
        encode([0], ["0", "01"])
    with pytest.raises(ValueError, match="symbols must lie"):
        encode([0, 3], ["0", "10", "11"])
    with pytest.raises(ValueError, match="integers"):
        encode([0.5], ["0", "1"])
    with pytest.raises(ValueError, match="middle of a codeword"):
        decode("01", ["0", "10", "11"])
    with pytest.raises(ValueError, match="no codeword starts with"):
        decode("11", ["0", "10"])
    with pytest.raises(ValueError, match="^probs must have shape"):
        expected_length(["0", "1"], [0.2, 0.3, 0.5])
