"""Character n-gram language models, add-k and interpolated Kneser-Ney, counted with numpy.

An n-gram model of order ``n`` predicts the next character from the previous
``n - 1`` characters. Both classes count every m-gram (m = 1 .. order) of a
training text of character ids from :mod:`utils.text` once, then answer
queries by table look-up.

How the counting works: the m-gram ``c_1 ... c_m`` is stored as the integer
``sum_i c_i * V**(m - i)`` with ``V = 96`` (exact in int64 up to order 9);
:func:`numpy.unique` sorts and counts the codes, :func:`numpy.searchsorted`
finds them again. The grams that extend a context ``h`` are the contiguous
codes ``h*V .. h*V + V - 1``, so the totals per context are one
:func:`numpy.add.reduceat`. On one CPU thread, fitting order 9 on the
1.5 M-character training split takes 1-2 s and scoring 80 k characters under a
second; order 7 about half that.

Conventions shared by both classes:

* A position with fewer than ``order - 1`` characters before it (the start of a
  text) uses the longest context it has (for :class:`KneserNey` that is a
  level below the top, with continuation counts).
* :meth:`statistics` returns the counts every level looks up at every position
  of a text, so that experiments (tuning k or the discount) can apply the
  smoothing formula to whole arrays without refitting.
* ``n_parameters`` is the number of stored (m-gram, count) pairs over all
  levels m = 1 .. order: the size of the count tables. The totals per context
  are derived from them and are not counted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from utils.text import ALPHABET

V = len(ALPHABET)  # 96 characters
MAX_ORDER = 9  # 96**9 < 2**63: codes stay exact in int64


def gram_codes(ids, m: int) -> np.ndarray:
    """Integer codes of the m-grams of ``ids``, the one starting at position ``i`` at index ``i``.

    Examples
    --------
    >>> gram_codes([1, 2, 3], 2).tolist()  # 1*96 + 2, 2*96 + 3
    [98, 195]
    """
    ids = np.asarray(ids, dtype=np.int64)
    n = len(ids) - m + 1
    code = np.zeros(max(n, 0), dtype=np.int64)
    for j in range(m):
        code = code * V + ids[j:j + n]
    return code


def _lookup(keys: np.ndarray, values: np.ndarray, queries: np.ndarray) -> np.ndarray:
    """``values`` of the sorted ``keys`` equal to each query; 0 for a query not among them."""
    i = np.minimum(np.searchsorted(keys, queries), max(len(keys) - 1, 0))
    if len(keys) == 0:
        return np.zeros(len(queries), dtype=np.int64)
    return np.where(keys[i] == queries, values[i], 0)


class _NGramModel:
    """What both smoothings share: counting, look-ups, scoring and sampling."""

    def __init__(self, order: int):
        if not 1 <= order <= MAX_ORDER:
            raise ValueError(f"order must be in 1..{MAX_ORDER}, got {order}")
        self.order = order

    # ------------------------------------------------------------------ counting
    def fit(self, ids) -> "_NGramModel":
        """Count the m-grams of the training ids ``ids`` for m = 1 .. order; returns ``self``."""
        ids = np.asarray(ids, dtype=np.int64)
        if ids.ndim != 1 or len(ids) < self.order or ids.min() < 0 or ids.max() >= V:
            raise ValueError(f"ids must be a 1-D array of at least {self.order} ids in [0, {V})")
        raw = [np.unique(gram_codes(ids, m), return_counts=True) for m in range(1, self.order + 1)]
        #: per level m (index m - 1): sorted codes of the stored m-grams and their counts
        self.codes, self.counts = self._level_counts(raw)
        self._contexts = []  # per level: context codes, total count S(h), distinct followers N(h)
        for codes, counts in zip(self.codes, self.counts):
            h = codes // V  # sorted, as codes are: each context's followers are one run
            start = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else h
            h = h[start]
            self._contexts.append((h, np.add.reduceat(counts, start) if len(h) else counts,
                                   np.diff(np.append(start, len(codes)))))
        self._after_fit()
        return self

    def _level_counts(self, raw):
        return [c for c, _ in raw], [n for _, n in raw]

    def _after_fit(self):
        pass

    @property
    def n_parameters(self) -> int:
        """Stored (m-gram, count) pairs over the levels m = 1 .. order."""
        return int(sum(len(c) for c in self.codes))

    # ------------------------------------------------------------------ probabilities
    def _level_prob(self, m: int, c, S, N, lower):
        """Probability at level ``m`` from the count ``c`` of hw, the context's total ``S``
        and number of distinct followers ``N``, and the level below's probability."""
        raise NotImplementedError

    def _stats(self, m: int, grams: np.ndarray):
        """For each m-gram code hw in ``grams``: c(hw), S(h) and N(h) (distinct followers)."""
        h_codes, S, N = self._contexts[m - 1]
        hist = grams // V
        return (_lookup(self.codes[m - 1], self.counts[m - 1], grams),
                _lookup(h_codes, S, hist), _lookup(h_codes, N, hist))

    def statistics(self, ids):
        """The counts each level looks up at every position of ``ids``, for vectorised experiments.

        Returns
        -------
        c, S, N : ndarray, shape (order, len(ids)), int64
            Row m - 1 holds, for the m-gram hw ending at position t, the level's count
            c(hw), its context's total S(h) and number of distinct followers N(h)
            (continuation counts below the top level for :class:`KneserNey`);
            -1 where fewer than m - 1 characters precede t.
        """
        ids = np.asarray(ids, dtype=np.int64)
        out = np.full((3, self.order, len(ids)), -1, dtype=np.int64)
        for m in range(1, min(self.order, len(ids)) + 1):
            out[:, m - 1, m - 1:] = self._stats(m, gram_codes(ids, m))
        return out[0], out[1], out[2]

    def log2_prob(self, ids) -> np.ndarray:
        """log2 P(character t | the up to order-1 characters before it), for every position t.

        Returns
        -------
        ndarray, shape (len(ids),), float64; ``-inf`` where the probability is 0.
        """
        ids = np.asarray(ids, dtype=np.int64)
        p = np.full(len(ids), 1.0 / V)
        for m in range(1, min(self.order, len(ids)) + 1):  # positions with m - 1 characters before
            p[m - 1:] = self._level_prob(m, *self._stats(m, gram_codes(ids, m)), p[m - 1:])
        with np.errstate(divide="ignore"):
            return np.log2(p)

    def bits_per_char(self, ids) -> float:
        """Mean of ``-log2_prob(ids)``: the cross-entropy in bits per character."""
        return float(-self.log2_prob(ids).mean())

    def next_distribution(self, context_ids=()) -> np.ndarray:
        """P(next character | context), shape (96,); only the context's last order-1 ids count."""
        ctx = np.asarray(context_ids, dtype=np.int64).reshape(-1)
        ctx = ctx[len(ctx) - min(len(ctx), self.order - 1):]
        w = np.arange(V, dtype=np.int64)
        p = np.full(V, 1.0 / V)
        for m in range(1, len(ctx) + 2):
            h = gram_codes(ctx[len(ctx) - (m - 1):], m - 1)[0] if m > 1 else 0
            p = self._level_prob(m, *self._stats(m, h * V + w), p)
        return p

    def sample(self, n_chars: int, rng: np.random.Generator, prefix_ids=None) -> np.ndarray:
        """Draw ``n_chars`` characters one at a time, each from :meth:`next_distribution`.

        Parameters
        ----------
        n_chars : int
            How many characters to generate.
        rng : numpy.random.Generator
            The only source of randomness: the same seed gives the same text.
        prefix_ids : array of ids or None
            Text to continue; ``None`` starts from an empty context.

        Returns
        -------
        ndarray of uint8 ids, shape (n_chars,), without the prefix.
        """
        hist = [] if prefix_ids is None else [int(i) for i in np.asarray(prefix_ids).reshape(-1)]
        out = np.empty(n_chars, dtype=np.uint8)
        for t in range(n_chars):
            context = hist[len(hist) - min(len(hist), self.order - 1):]
            cdf = np.cumsum(self.next_distribution(context))
            out[t] = min(int(np.searchsorted(cdf, rng.random() * cdf[-1], side="right")), V - 1)
            hist.append(int(out[t]))
        return out


class AddK(_NGramModel):
    """Add-k (Lidstone) smoothing: P(w | h) = (c(hw) + k) / (c(h.) + k V).

    ``c(h.)`` is the number of times ``h`` is followed by any character in the
    training text. A context never seen gets the uniform distribution 1/V (the
    formula's value for any k > 0, and its limit as k -> 0). ``k = 0`` is the
    maximum-likelihood estimate, which gives probability 0 (``-inf`` log
    probability) to a character never seen after a seen context.

    Parameters
    ----------
    order : int
        n of the n-gram, 1 (unigram) to 9.
    k : float
        Pseudo-count added to every count, >= 0; typical tuned values 1e-3 to 1.

    Examples
    --------
    >>> from utils.text import encode
    >>> m = AddK(2, k=1.0).fit(encode("abab"))
    >>> float(m.next_distribution(encode("a"))[encode("b")[0]] * (2 + 96))  # (c(ab) + 1)
    3.0
    """

    def __init__(self, order: int, k: float = 1.0):
        super().__init__(order)
        if not k >= 0:
            raise ValueError(f"k must be >= 0, got {k}")
        self.k = float(k)

    def _level_prob(self, m, c, S, N, lower):
        with np.errstate(invalid="ignore", divide="ignore"):
            p = (c + self.k) / (S + self.k * V)
        return np.where(S > 0, p, 1.0 / V)


class KneserNey(_NGramModel):
    """Interpolated Kneser-Ney smoothing (Chen & Goodman, 1999), one discount per level.

    At the top level (m = order), with raw counts c,

        P_m(w | h) = max(c(hw) - D_m, 0) / c(h.) + D_m N1+(h.) / c(h.) * P_{m-1}(w | h'),

    where ``h'`` is ``h`` without its first character, ``c(h.)`` the total
    count of ``h`` and ``N1+(h.)`` the number of distinct characters seen after
    it; a context never seen passes ``P_{m-1}`` through. The levels below use
    the same formula with the *continuation count* ``N1+(.g)`` (the number of
    distinct characters seen before the gram g) in place of ``c(g)``, and level 0
    is the uniform 1/V. ``n_parameters`` counts the raw top-level grams plus the
    grams with a nonzero continuation count at each level below.

    Parameters
    ----------
    order : int
        n of the n-gram, 1 to 9.
    discount : float, sequence of floats or None
        D in (0, 1], the same at every level, or one per level (level 1 first).
        ``None`` estimates each level's ``D_m = n1 / (n1 + 2 n2)`` from that
        level's counts of counts (n_r grams with count r); ``discounts`` holds
        the values used.

    Examples
    --------
    >>> from utils.text import encode
    >>> m = KneserNey(3).fit(encode("the cat sat on the mat"))
    >>> round(float(m.next_distribution(encode("th")).sum()), 12), m.n_parameters
    (1.0, 42)
    """

    def __init__(self, order: int, discount: float | Sequence[float] | None = None):
        super().__init__(order)
        self.discount = discount

    def _level_counts(self, raw):
        codes, counts = [raw[-1][0]], [raw[-1][1]]
        for m in range(self.order - 1, 0, -1):  # continuation counts from the level above
            c, n = np.unique(raw[m][0] % V**m, return_counts=True)
            codes.insert(0, c)
            counts.insert(0, n)
        return codes, counts

    def _after_fit(self):
        if self.discount is None:
            d = []
            for n in self.counts:
                n1, n2 = int(np.sum(n == 1)), int(np.sum(n == 2))
                d.append(n1 / (n1 + 2 * n2) if n1 > 0 else 0.5)
        elif np.ndim(self.discount) == 0:
            d = [float(self.discount)] * self.order
        else:
            d = [float(x) for x in self.discount]
            if len(d) != self.order:
                raise ValueError(f"need {self.order} discounts, one per level, got {len(d)}")
        if not all(0 < x <= 1 for x in d):
            raise ValueError(f"discounts must be in (0, 1], got {d}")
        #: the discount D_m used at each level m = 1 .. order
        self.discounts = np.array(d)

    def _level_prob(self, m, c, S, N, lower):
        D = self.discounts[m - 1]
        with np.errstate(invalid="ignore", divide="ignore"):
            p = (np.maximum(c - D, 0.0) + D * N * lower) / S
        return np.where(S > 0, p, lower)
