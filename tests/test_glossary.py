"""The glossary (book/appendix/glossary.md): the terms the syllabus asks for are defined, each
in one line, in order; its links resolve; and every {term} role in the book names a term it
defines (case-insensitively, as Sphinx matches them)."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "appendix" / "glossary.md"

# Seed 001's revision notes, item by item, and the glossary terms that cover each item.
SEED_001_ITEMS = {
    "Deconvolution Layer": ["deconvolution layer", "transposed convolution",
                            "fractionally strided convolution", "checkerboard artifacts",
                            "resize-convolution"],
    "Batch Normalization": ["batch normalization", "internal covariate shift"],
    "Q-learning v SARSA": ["Q-learning", "SARSA", "on-policy", "off-policy"],
    "Policy Iteration v Value Iteration": ["policy iteration", "value iteration", "policy evaluation"],
    "Q Learning": ["Q-learning", "model-free", "temporal-difference learning", "epsilon-greedy policy",
                   "exploration-exploitation dilemma"],
    "Policy Gradients": ["policy gradient method", "REINFORCE", "baseline"],
    "Actor Critic methods": ["actor-critic method"],
    "Trust Region Methods": ["trust region", "trust region policy optimization",
                             "constrained policy optimization"],
    "Monte Carlo Tree Search": ["Monte Carlo tree search"],
    "Inverse Reinforcement Learning": ["inverse reinforcement learning", "imitation learning",
                                       "behaviour cloning"],
    "One shot learning": ["one-shot learning"],
    "Meta learning": ["meta-learning"],
    "A3C": ["A3C", "asynchronous advantage actor-critic", "advantage function"],
    "Distributed DL": ["data parallelism", "synchronous SGD", "asynchronous SGD", "parameter server",
                       "all-reduce"],
    "MAC vs Digital Signatures": ["message authentication code", "MAC", "HMAC", "digital signature",
                                  "public-key cryptography", "non-repudiation"],
    "MLE and KL Divergence": ["maximum likelihood estimation", "Kullback-Leibler divergence",
                              "relative entropy", "negative log-likelihood"],
    "Lipschitz Continuity": ["Lipschitz continuity", "Lipschitz constant", "Rademacher's theorem"],
    "Exposure bias problem": ["exposure bias", "teacher forcing"],
    "Gini coefficient": ["Gini coefficient", "Lorenz curve", "Palma ratio"],
    "Pareto distribution": ["Pareto distribution", "Pareto optimality"],
}
# Named by the syllabus's Appendix section.
REQUIRED = ["Lipschitz continuity", "Gini coefficient", "Pareto optimality",
            "message authentication code", "digital signature"]

ROLE = re.compile(r"\{term\}`([^`]*)`")
DOC = re.compile(r"\{doc\}`(?:[^`<]*<)?([^`>]+)>?`")
EQ = re.compile(r"\{eq\}`([^`]+)`")


def key(term: str) -> str:
    """How Sphinx matches a term: whitespace collapsed, case ignored."""
    return " ".join(term.split()).lower()


def parse_glossary(text: str) -> list[tuple[list[str], list[str]]]:
    """The entries of the first glossary directive: (terms, definition lines) each."""
    m = re.search(r"^```\{glossary\}[^\n]*\n(.*?)^```\s*$", text, re.M | re.S)
    assert m, "no ```{glossary} directive"
    entries, terms, body = [], [], None
    for line in m.group(1).splitlines():
        if line.startswith(":") and not entries and not terms:
            continue                                     # a directive option (:sorted:)
        if not line.strip():
            continue
        if line[0].isspace():
            assert terms, f"definition without a term: {line.strip()[:60]!r}"
            body.append(line.strip())
        else:
            if body:                                     # a new entry starts
                entries.append((terms, body))
                terms, body = [], None
            terms.append(line.strip())
            body = body if body is not None else []
    if terms:
        entries.append((terms, body))
    return entries


def defined(entries) -> set[str]:
    return {key(t) for terms, _ in entries for t in terms}


def role_target(content: str) -> str:
    """`text <target>` names target; `text` names text."""
    m = re.fullmatch(r"(?s)(.*?)\s*<([^<>]+)>", content)
    return m.group(2) if m else content


def problems(entries) -> list[str]:
    """Entries that break the glossary's rules: one line of definition, no duplicate terms,
    entries sorted as Sphinx's :sorted: would show them."""
    out, seen = [], set()
    for terms, body in entries:
        if len(body) != 1 or len(body[0].split()) < 4:
            out.append(f"{terms[0]!r}: the definition must be one line of text, got {len(body)} lines")
        for t in terms:
            if key(t) in seen:
                out.append(f"{t!r} defined twice")
            seen.add(key(t))
    firsts = [unicodedata.normalize("NFD", terms[0].lower()) for terms, _ in entries]
    if firsts != sorted(firsts):
        bad = next(a for a, b in zip(firsts, firsts[1:]) if a > b)
        out.append(f"entries not sorted (first out of order: {bad!r})")
    return out


def book_markdown() -> dict[str, str]:
    """The Markdown of every page of the book: .md files and the Markdown cells of notebooks."""
    out = {}
    for path in sorted((ROOT / "book").rglob("*.md")) + [ROOT / "intro.md"]:
        out[str(path.relative_to(ROOT))] = path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "book").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        out[str(path.relative_to(ROOT))] = "\n\n".join(
            "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return out


@pytest.fixture(scope="module")
def entries():
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_entries_are_one_line_unique_and_sorted(entries):
    assert len(entries) >= 120, f"only {len(entries)} entries"
    assert problems(entries) == []


@pytest.mark.parametrize("term", REQUIRED)
def test_required_term_is_defined(entries, term):
    assert key(term) in defined(entries), f"{term!r} is not in the glossary"


@pytest.mark.parametrize("item", sorted(SEED_001_ITEMS))
def test_every_seed_001_item_is_covered(entries, item):
    missing = [t for t in SEED_001_ITEMS[item] if key(t) not in defined(entries)]
    assert not missing, f"seed 001's {item!r}: {missing} not in the glossary"


def test_glossary_links_resolve(entries):
    text = GLOSSARY.read_text(encoding="utf-8")
    targets = DOC.findall(text)
    assert targets, "the glossary links to no page"
    for target in targets:
        base = ROOT / target.lstrip("/") if target.startswith("/") else GLOSSARY.parent / target
        assert any(base.with_suffix(s).exists() for s in (".md", ".ipynb")), f"{{doc}} {target}: no such page"
    labels = set()
    for page in book_markdown().values():
        labels |= set(re.findall(r"\$\$\s*\(([\w-]+)\)", page))
    for label in EQ.findall(text):
        assert label in labels, f"{{eq}} {label}: no numbered equation with that label"


def test_every_term_role_in_the_book_is_defined(entries):
    known = defined(entries)
    roles = {page: ROLE.findall(text) for page, text in book_markdown().items()}
    assert sum(map(len, roles.values())) >= 50, "the chapters hardly link to the glossary"
    chapters = {page.split("/")[1] for page, found in roles.items() if found and page.count("/") >= 2}
    assert len(chapters) >= 6, f"{{term}} roles in only {sorted(chapters)}"
    undefined = [(page, c) for page, found in roles.items() for c in found
                 if key(role_target(c)) not in known]
    assert not undefined, f"{{term}} roles naming no glossary term: {undefined[:10]}"


def test_the_checks_catch_what_they_should():
    bad = parse_glossary("```{glossary}\n:sorted:\n\nbeta\n  One line of text here.\n\nalpha\n"
                         "  First line.\n  Second line.\n\nBeta\n  Again a definition here.\n```\n")
    found = problems(bad)
    assert any("one line" in p for p in found)
    assert any("defined twice" in p for p in found)
    assert any("not sorted" in p for p in found)
    assert role_target("Momentum") == "Momentum"
    assert role_target("noise scale <gradient noise scale>") == "gradient noise scale"
    assert key(role_target("SGD")) not in defined(bad)
