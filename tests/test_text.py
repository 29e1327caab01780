import numpy as np
import pytest

from utils import text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return text.load_docstring_corpus(cache_dir=tmp_path_factory.mktemp("corpus"))


def test_alphabet_is_newline_and_printable_ascii():
    assert len(text.ALPHABET) == 96 and len(set(text.ALPHABET)) == 96
    assert text.ALPHABET[0] == "\n" and text.ALPHABET[1] == " " and text.ALPHABET[-1] == "~"


def test_normalize_stand_ins_and_drops():
    assert text.normalize("caf\u00e9 \u2014 \u201cq\u201d\tx\r\n\u2603") == 'cafe -- "q"    x\n'
    assert text.normalize("plain text\n") == "plain text\n"


def test_encode_decode_round_trip_and_errors():
    s = "Return the sum.\n  {x: y} ~"
    ids = text.encode(s)
    assert ids.dtype == np.uint8 and ids.tolist() == [text.ALPHABET.index(c) for c in s]
    assert text.decode(ids) == s
    with pytest.raises(ValueError, match="normalize"):
        text.encode("caf\u00e9")
    with pytest.raises(ValueError):
        text.decode([96])


def test_corpus_splits_sizes_alphabet_and_cache(corpus, tmp_path_factory):
    n = {k: len(getattr(corpus, k)) for k in ("train", "valid", "test")}
    total = sum(n.values())
    assert 1_000_000 < total < 3_000_000
    # split by module hash, 1/20 each for validation and test: a few percent of the characters
    assert 0.02 < n["valid"] / total < 0.10 and 0.02 < n["test"] / total < 0.10
    for k in ("train", "valid", "test"):
        assert set(getattr(corpus, k)) <= set(text.ALPHABET)
        assert corpus.ids(k).shape == (n[k],)
    assert sum(corpus.n_documents.values()) > 300
    # prose: letters and spaces dominate, as in English text
    tr = corpus.train
    assert (sum(c.isalpha() for c in tr) + tr.count(" ")) / len(tr) > 0.75
    assert corpus.python_version.startswith("3.")
    again = text.load_docstring_corpus(cache_dir=tmp_path_factory.getbasetemp() / "corpus0")
    assert again == corpus  # the cached copy reads back identical, hash included


def test_corpus_documents_do_not_cross_splits(corpus):
    # every module lands in exactly one split: its first docstring line is in that split only
    for name, path in text._stdlib_files()[:120]:
        try:
            docs = text._module_docstrings(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        if not docs or len(docs[0]) < 200:
            continue
        where = [k for k in ("train", "valid", "test") if docs[0] in getattr(corpus, k)]
        assert text._split_of(name) in where


def test_stream_batches_continue_row_by_row():
    ids = np.arange(101)
    batches = list(text.stream_batches(ids, batch_size=4, seq_len=7))
    assert len(batches) == (100 // 4) // 7
    rows = np.concatenate([x for x, _ in batches], axis=1)
    per = 100 // 4
    for b in range(4):  # row b is one contiguous stream starting at b * per
        np.testing.assert_array_equal(rows[b], np.arange(b * per, b * per + rows.shape[1]))
    for x, y in batches:
        np.testing.assert_array_equal(y, x + 1)
    with pytest.raises(ValueError):
        list(text.stream_batches(np.arange(10), 4, 7))


def test_random_windows_targets_are_next_characters():
    ids = np.random.default_rng(0).integers(0, 96, size=500)
    x, y = text.random_windows(ids, 16, 20, np.random.default_rng(1))
    assert x.shape == y.shape == (16, 20)
    for xr, yr in zip(x, y):
        start = next(s for s in range(len(ids) - 20) if (ids[s:s + 20] == xr).all())
        np.testing.assert_array_equal(yr, ids[start + 1:start + 21])


def test_copy_task_structure():
    x, y = text.make_copy_task(500, delay=30, n_symbols=5, n_remember=2,
                               rng=np.random.default_rng(3))
    assert x.shape == (500, 33) and y.shape == (500, 2)
    np.testing.assert_array_equal(x[:, :2], y)
    assert (x[:, -1] == 5).all() and x[:, :-1].max() == 4 and x.min() == 0
    # the targets are uniform: each symbol about 1/5 of the time
    assert np.abs(np.bincount(y.ravel(), minlength=5) / y.size - 0.2).max() < 0.05


def test_brackets_balanced_exact_length_and_varied():
    rng = np.random.default_rng(0)
    s = text.make_brackets(300, 40, n_kinds=3, rng=rng)
    assert all(len(t) == 40 and text.is_balanced(t) for t in s)
    assert set("".join(s)) == set("()[]{}")
    assert len(set(s)) == 300
    depth = [max(np.cumsum([1 if c in "([{" else -1 for c in t])) for t in s]
    assert max(depth) >= 6  # nesting, not only "()()()"
    for bad in ("(]", "(()", ")(", "([)]"):
        assert not text.is_balanced(bad)
    with pytest.raises(ValueError):
        text.make_brackets(1, 7)
