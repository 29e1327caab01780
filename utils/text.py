"""Text for Chapter 5, built offline: a prose corpus from Python's own docstrings, and toys.

Nothing is downloaded. :func:`load_docstring_corpus` walks the standard library
that ships with the running Python, takes every module's, class's and
function's docstring with :mod:`ast`, normalises the text to a fixed alphabet of
96 characters (newline and printable ASCII) and splits it into
train/validation/test *by module*, so that no module's docstrings sit on both
sides of a split. The result is cached as JSON like MNIST-1D's ``.npz``.

The corpus depends on the Python version (docstrings change between
releases); :attr:`Corpus.python_version` and :attr:`Corpus.sha256` record which
one a result was computed on. The book's outputs were made with the Python in
``.venv`` (3.11).

The two toy generators make sequences whose structure is known exactly, for
experiments on long-range dependencies: :func:`make_copy_task` (remember the
first symbols across a delay) and :func:`make_brackets` (balanced brackets of
several kinds, where the closing bracket is decided by an opener that may be
far back).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import sysconfig
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from utils.datasets import default_cache_dir

#: The corpus alphabet: newline, then the 95 printable ASCII characters (space to ``~``).
ALPHABET = "\n" + "".join(chr(c) for c in range(32, 127))
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
# Characters outside ASCII that carry meaning get an ASCII stand-in; the rest
# are decomposed (NFKD, so "é" becomes "e") or dropped.
_STAND_INS = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
              "\u2014": "--", "\u2026": "...", "\u00a0": " ", "\t": "    ", "\u00b6": "",
              "\u03c0": "pi", "\u00df": "ss"}
_SKIP_DIRS = {"test", "tests", "idlelib", "turtledemo", "site-packages", "__pycache__",
              "ensurepip", "lib2to3", "pydoc_data"}
_CORPUS_VERSION = 1


def normalize(text: str) -> str:
    """Map ``text`` onto :data:`ALPHABET`: stand-ins, then NFKD, then drop the rest.

    Examples
    --------
    >>> normalize("caf\u00e9 \u2014 na\u00efve\\tdone\\r\\n")
    'cafe -- naive    done\\n'
    """
    text = "".join(_STAND_INS.get(ch, ch) for ch in text.replace("\r\n", "\n"))
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch in _INDEX)


def encode(text: str) -> np.ndarray:
    """Character ids (uint8, positions in :data:`ALPHABET`); raises on a foreign character."""
    try:
        return np.fromiter((_INDEX[ch] for ch in text), dtype=np.uint8, count=len(text))
    except KeyError as err:
        raise ValueError(f"character {err.args[0]!r} is not in the alphabet; "
                         "pass the text through normalize() first") from None


def decode(ids) -> str:
    """The inverse of :func:`encode`: a sequence of ids back to a string."""
    ids = np.asarray(ids)
    if ids.size and (ids.min() < 0 or ids.max() >= len(ALPHABET)):
        raise ValueError(f"ids must be in [0, {len(ALPHABET)})")
    return "".join(ALPHABET[i] for i in ids.reshape(-1).tolist())


@dataclass(frozen=True)
class Corpus:
    """A text corpus split by document. Each split is a single string in :data:`ALPHABET`.

    Documents (one module's docstrings each) are separated by a blank line.
    ``n_documents`` counts modules per split.
    """

    train: str
    valid: str
    test: str
    n_documents: dict = field(default_factory=dict)
    python_version: str = ""
    sha256: str = ""

    @property
    def alphabet(self) -> str:
        return ALPHABET

    def ids(self, split: str) -> np.ndarray:
        """The split (``"train"``, ``"valid"`` or ``"test"``) as uint8 character ids."""
        if split not in ("train", "valid", "test"):
            raise ValueError(f"split must be 'train', 'valid' or 'test', got {split!r}")
        return encode(getattr(self, split))


def _stdlib_files() -> list[tuple[str, Path]]:
    root = Path(sysconfig.get_paths()["stdlib"])
    out = []
    for p in root.rglob("*.py"):
        rel = p.relative_to(root)
        if any(part in _SKIP_DIRS or part.startswith("config-") for part in rel.parts[:-1]):
            continue
        out.append((rel.as_posix(), p))
    return sorted(out)


def _module_docstrings(source: str) -> list[str]:
    """Docstrings of the module, its classes and functions, in source order."""
    tree = ast.parse(source)
    nodes = [n for n in ast.walk(tree)
             if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))]
    nodes.sort(key=lambda n: getattr(n, "lineno", 0))
    docs = []
    for n in nodes:
        d = ast.get_docstring(n, clean=True)
        if d:
            d = normalize(d).strip()
            if d:
                docs.append(d)
    return docs


def _split_of(name: str) -> str:
    """A module's split from a hash of its path: 1 in 20 test, 1 in 20 validation."""
    bucket = hashlib.sha256(name.encode()).digest()[0] % 20
    return "test" if bucket == 0 else "valid" if bucket == 1 else "train"


def _build() -> dict:
    parts = {"train": [], "valid": [], "test": []}
    for name, path in _stdlib_files():
        try:
            docs = _module_docstrings(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # a few files are templates or use another encoding
        if docs:
            parts[_split_of(name)].append("\n".join(d + "\n" for d in docs))
    texts = {k: "\n".join(v) for k, v in parts.items()}
    digest = hashlib.sha256("\x00".join(texts[k] for k in ("train", "valid", "test"))
                            .encode()).hexdigest()
    return {**texts, "n_documents": {k: len(v) for k, v in parts.items()},
            "python_version": ".".join(map(str, sys.version_info[:3])), "sha256": digest}


def load_docstring_corpus(cache_dir: str | os.PathLike | None = None) -> Corpus:
    """The standard library's docstrings as a character corpus (about 1.6 M characters on Python 3.11).

    The first call parses every module (a few seconds) and caches the result;
    later calls read the cache. Test packages, IDLE, turtledemo, lib2to3 and
    pydoc's data are left out.

    Parameters
    ----------
    cache_dir : path or None
        Where to keep the JSON; ``None`` means :func:`utils.datasets.default_cache_dir`.

    Examples
    --------
    >>> c = load_docstring_corpus()
    >>> len(c.train) > 10 * len(c.valid) > 0, set(c.test) <= set(ALPHABET)
    (True, True)
    """
    version = ".".join(map(str, sys.version_info[:3]))
    path = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    file = path / f"docstrings-py{version}-v{_CORPUS_VERSION}.json"
    if file.exists():
        data = json.loads(file.read_text(encoding="utf-8"))
    else:
        data = _build()
        path.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, file)  # atomic: parallel workers never read half a file
    return Corpus(data["train"], data["valid"], data["test"], data["n_documents"],
                  data["python_version"], data["sha256"])


# ----------------------------------------------------------------------------- batching

def stream_batches(ids, batch_size: int, seq_len: int):
    """Consecutive windows of ``batch_size`` parallel streams, for truncated BPTT.

    ``ids`` is cut into ``batch_size`` equal contiguous streams (the tail that
    does not fit is dropped); batch ``k`` holds characters ``k*seq_len`` to
    ``(k+1)*seq_len`` of every stream as inputs and the same shifted by one as
    targets. Row ``b`` of one batch continues row ``b`` of the previous batch,
    so a recurrent model may carry its hidden state from batch to batch.

    Yields
    ------
    x, y : ndarray, shape (batch_size, seq_len), int64

    Examples
    --------
    >>> [x.tolist() for x, _ in stream_batches(np.arange(13), 2, 3)]
    [[[0, 1, 2], [6, 7, 8]], [[3, 4, 5], [9, 10, 11]]]
    """
    ids = np.asarray(ids, dtype=np.int64)
    if batch_size < 1 or seq_len < 1:
        raise ValueError("batch_size and seq_len must be positive")
    per = (len(ids) - 1) // batch_size
    if per < seq_len:
        raise ValueError(f"{len(ids)} ids are too few for {batch_size} streams of {seq_len}")
    x = ids[: per * batch_size].reshape(batch_size, per)
    y = ids[1: per * batch_size + 1].reshape(batch_size, per)
    for start in range(0, per - seq_len + 1, seq_len):
        yield x[:, start:start + seq_len], y[:, start:start + seq_len]


def random_windows(ids, batch_size: int, seq_len: int, rng: np.random.Generator):
    """One batch of windows at random positions: inputs and next-character targets.

    Returns
    -------
    x, y : ndarray, shape (batch_size, seq_len), int64; ``y[:, t] == ids[start + t + 1]``.
    """
    ids = np.asarray(ids, dtype=np.int64)
    if len(ids) < seq_len + 1:
        raise ValueError(f"{len(ids)} ids are too few for windows of {seq_len}")
    starts = rng.integers(0, len(ids) - seq_len, size=batch_size)
    offsets = np.arange(seq_len)
    x = ids[starts[:, None] + offsets]
    y = ids[starts[:, None] + offsets + 1]
    return x, y


# ----------------------------------------------------------------------------- toy tasks

def make_copy_task(n: int, delay: int, n_symbols: int = 8, n_remember: int = 1,
                   rng: np.random.Generator | None = None):
    """Remember ``n_remember`` symbols shown first, across ``delay`` steps of noise.

    Token ids: ``0 .. n_symbols-1`` are the symbols to remember and also the
    noise, ``n_symbols`` is the "recall now" marker. A sequence is the
    ``n_remember`` symbols, then ``delay`` random symbols, then the marker; the
    target is the first ``n_remember`` symbols. Without memory of position 0
    the best guess is chance, ``1/n_symbols`` per symbol.

    Returns
    -------
    x : ndarray, shape (n, n_remember + delay + 1), int64
    y : ndarray, shape (n, n_remember), int64

    Examples
    --------
    >>> x, y = make_copy_task(2, delay=3, n_symbols=4, rng=np.random.default_rng(0))
    >>> x.shape, y.shape, bool((x[:, 0] == y[:, 0]).all()), bool((x[:, -1] == 4).all())
    ((2, 5), (2, 1), True, True)
    """
    if n < 1 or delay < 0 or n_symbols < 2 or n_remember < 1:
        raise ValueError("need n >= 1, delay >= 0, n_symbols >= 2, n_remember >= 1")
    rng = rng if rng is not None else np.random.default_rng(0)
    y = rng.integers(0, n_symbols, size=(n, n_remember))
    noise = rng.integers(0, n_symbols, size=(n, delay))
    marker = np.full((n, 1), n_symbols)
    return np.concatenate([y, noise, marker], axis=1).astype(np.int64), y.astype(np.int64)


BRACKETS = "([{<"


def make_brackets(n: int, length: int, n_kinds: int = 2, p_open: float = 0.5,
                  rng: np.random.Generator | None = None) -> list[str]:
    """``n`` random balanced bracket strings of exactly ``length`` characters.

    At each step the generator opens a bracket of a random kind with
    probability ``p_open`` (when there is room to close everything afterwards)
    and otherwise closes the innermost open one. Which closing bracket comes
    next is decided by the most recent unclosed opener, which can lie far back:
    the structure a next-character model must keep track of.

    Examples
    --------
    >>> make_brackets(3, 8, rng=np.random.default_rng(1))
    ['()[[[]]]', '[]([[]])', '[][([])]']
    """
    if length % 2 or length < 2:
        raise ValueError(f"length must be even and >= 2, got {length}")
    if not 1 <= n_kinds <= len(BRACKETS):
        raise ValueError(f"n_kinds must be in 1..{len(BRACKETS)}")
    rng = rng if rng is not None else np.random.default_rng(0)
    closing = {"(": ")", "[": "]", "{": "}", "<": ">"}
    out = []
    for _ in range(n):
        stack, s = [], []
        for t in range(length):
            can_open = len(stack) + 1 <= length - t - 1  # room left to close it again
            if stack and (not can_open or rng.random() >= p_open):
                s.append(closing[stack.pop()])
            else:
                o = BRACKETS[rng.integers(n_kinds)]
                stack.append(o)
                s.append(o)
        out.append("".join(s))
    return out


def is_balanced(s: str) -> bool:
    """Whether ``s`` (brackets only) is balanced and properly nested."""
    pairs = {")": "(", "]": "[", "}": "{", ">": "<"}
    stack = []
    for ch in s:
        if ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
        else:
            stack.append(ch)
    return not stack
