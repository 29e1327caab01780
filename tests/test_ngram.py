"""Checks of utils.ngram against hand counts and a slow, dict-based Kneser-Ney."""

from collections import Counter, defaultdict

import numpy as np
import pytest

from utils.ngram import AddK, KneserNey, V, gram_codes
from utils.text import ALPHABET, encode

TEXT = ("Return the sum of the values.\nReturn the number of items in the set.\n"
        "If the value is not set, return None; the default is the empty string.\n"
        "See the module's documentation for the details of the format.\n") * 2 + \
       "Raise ValueError if the key is missing.\n"
HELD_OUT = "Return the set of keys; raise KeyError if the mapping is empty.\nZebra ~|`"


def _random_contexts(rng, n, length):
    """Contexts cut from the training text (seen) and random ones (mostly unseen)."""
    ids = encode(TEXT)
    seen = [ids[s:s + length] for s in rng.integers(0, len(ids) - length, size=n)]
    unseen = [rng.integers(0, V, size=length) for _ in range(n)]
    return seen + unseen


@pytest.mark.parametrize("cls", [AddK, KneserNey])
@pytest.mark.parametrize("order", [1, 2, 3, 5, 7])
def test_next_distribution_sums_to_one(cls, order):
    model = cls(order).fit(encode(TEXT))
    rng = np.random.default_rng(order)
    for length in range(0, order + 2):  # shorter than, equal to and longer than order - 1
        for ctx in _random_contexts(rng, 10, length):
            p = model.next_distribution(ctx)
            assert p.shape == (V,) and np.all(p > 0), (cls.__name__, order, ctx)
            assert abs(p.sum() - 1.0) < 1e-12, (cls.__name__, order, ctx, p.sum())


def test_mle_gives_zero_to_unseen_followers_and_uniform_to_unseen_contexts():
    model = AddK(2, k=0.0).fit(encode(TEXT))
    p = model.next_distribution(encode("Q"))  # "Q" never occurs: no evidence at all
    assert np.allclose(p, 1 / V)
    p = model.next_distribution(encode("R"))  # "R" is always followed by "e" or "a"
    assert p[ALPHABET.index("e")] > 0 and p[ALPHABET.index("a")] > 0
    assert np.count_nonzero(p) == 2 and abs(p.sum() - 1) < 1e-12
    assert model.bits_per_char(encode("Rx")) == np.inf


def test_add_k_against_a_hand_count():
    text = "abracadabra"
    model = AddK(2, k=0.5).fit(encode(text))
    # after "a": b, c, d, b -> c(a.) = 4 ("a" at the end has no follower)
    for ch, c in [("b", 2), ("c", 1), ("d", 1), ("a", 0), ("z", 0)]:
        got = model.next_distribution(encode("a"))[ALPHABET.index(ch)]
        assert abs(got - (c + 0.5) / (4 + 0.5 * V)) < 1e-15, ch
    # the first character has no context: the unigram add-k, 5 a's in 11 characters
    lp = model.log2_prob(encode("ab"))
    assert abs(lp[0] - np.log2((5 + 0.5) / (11 + 0.5 * V))) < 1e-12
    assert abs(lp[1] - np.log2((2 + 0.5) / (4 + 0.5 * V))) < 1e-12
    assert model.n_parameters == 5 + 7  # a b r c d; ab br ra ac ca ad da
    c, S, N = model.statistics(encode("zab"))
    assert c.tolist() == [[0, 5, 2], [-1, 0, 2]]      # z, a, b; za, ab
    assert S.tolist() == [[11, 11, 11], [-1, 0, 4]]   # "z" is never a context
    assert N.tolist() == [[5, 5, 5], [-1, 0, 3]]      # after "a": b, c, d


def test_gram_codes_base_96():
    ids = np.array([95, 0, 7, 95])
    assert gram_codes(ids, 3).tolist() == [95 * 96**2 + 0 + 7, 0 + 7 * 96 + 95]
    assert gram_codes(ids, 5).tolist() == []
    big = gram_codes(np.full(9, 95), 9)[0]  # the largest order-9 code is exact in int64
    assert big == 96**9 - 1


class SlowKneserNey:
    """Interpolated Kneser-Ney with dicts, written from Chen & Goodman's recursion.

    p_0(w) = 1/V;  for level m with counts a_m (raw at the top, continuation below):
    p_m(w | h) = [max(a_m(hw) - D_m, 0) + D_m * N1+(h .) * p_{m-1}(w | h[1:])] / sum_w a_m(hw),
    or p_{m-1}(w | h[1:]) if h never appears as a context at level m.
    """

    def __init__(self, text, order):
        self.order = order
        raw = [Counter(text[i:i + m] for i in range(len(text) - m + 1)) for m in range(order + 1)]
        self.a = {order: raw[order]}
        for m in range(1, order):
            left = defaultdict(set)  # gram -> the distinct characters seen before it
            for g in raw[m + 1]:
                left[g[1:]].add(g[0])
            self.a[m] = Counter({g: len(s) for g, s in left.items()})
        self.D = {}
        for m in range(1, order + 1):
            n1 = sum(1 for c in self.a[m].values() if c == 1)
            n2 = sum(1 for c in self.a[m].values() if c == 2)
            self.D[m] = n1 / (n1 + 2 * n2) if n1 > 0 else 0.5

    def prob(self, h, w):
        h = h[len(h) - min(len(h), self.order - 1):]
        return self._p(len(h) + 1, h, w)

    def _p(self, m, h, w):
        if m == 0:
            return 1.0 / V
        lower = self._p(m - 1, h[1:], w)
        followers = [c for g, c in self.a[m].items() if g[:-1] == h]
        if not followers:
            return lower
        D = self.D[m]
        return (max(self.a[m][h + w] - D, 0) + D * len(followers) * lower) / sum(followers)


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_kneser_ney_equals_the_slow_textbook_recursion(order):
    fast = KneserNey(order).fit(encode(TEXT))
    slow = SlowKneserNey(TEXT, order)
    assert np.allclose(fast.discounts, [slow.D[m] for m in range(1, order + 1)], atol=0, rtol=0)
    lp = fast.log2_prob(encode(HELD_OUT))
    for t, w in enumerate(HELD_OUT):
        expect = np.log2(slow.prob(HELD_OUT[:t], w))
        assert abs(lp[t] - expect) < 1e-12, (order, t, lp[t], expect)
    assert fast.n_parameters == sum(len(slow.a[m]) for m in range(1, order + 1))


@pytest.mark.parametrize("cls,arg", [(AddK, 0.1), (KneserNey, 0.8), (KneserNey, None)])
def test_log2_prob_matches_next_distribution(cls, arg):
    model = cls(4, arg).fit(encode(TEXT))
    ids = encode(HELD_OUT)
    lp = model.log2_prob(ids)
    for t in range(len(ids)):
        p = model.next_distribution(ids[:t])[ids[t]]
        assert abs(lp[t] - np.log2(p)) < 1e-12, t
    assert abs(model.bits_per_char(ids) + lp.mean()) < 1e-15


def test_higher_order_fits_training_text_better():
    ids = encode(TEXT)
    bits = [KneserNey(n).fit(ids).bits_per_char(ids) for n in range(1, 7)]
    assert all(b1 > b2 for b1, b2 in zip(bits, bits[1:])), bits


def test_discount_forms_and_errors():
    ids = encode(TEXT)
    assert KneserNey(3, 0.7).fit(ids).discounts.tolist() == [0.7, 0.7, 0.7]
    assert KneserNey(2, [0.3, 0.6]).fit(ids).discounts.tolist() == [0.3, 0.6]
    with pytest.raises(ValueError):
        KneserNey(2, [0.5]).fit(ids)
    with pytest.raises(ValueError):
        KneserNey(2, 1.5).fit(ids)
    with pytest.raises(ValueError):
        KneserNey(10)
    with pytest.raises(ValueError):
        AddK(2, k=-1)


@pytest.mark.parametrize("cls", [AddK, KneserNey])
def test_samples_are_seeded_and_in_the_alphabet(cls):
    model = cls(4).fit(encode(TEXT))
    a = model.sample(200, np.random.default_rng(5))
    b = model.sample(200, np.random.default_rng(5))
    c = model.sample(200, np.random.default_rng(6))
    assert a.dtype == np.uint8 and len(a) == 200 and a.max() < V
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    d = model.sample(50, np.random.default_rng(5), prefix_ids=encode("Return the"))
    assert len(d) == 50
