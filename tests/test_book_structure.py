"""The book's notebooks as files: listed in the TOC, titled, clean, small, offline."""

import importlib.util
import json
import re
import socket
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BOOK_NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
LAB_MASTERS = sorted((ROOT / "labs").glob("*/*-master.ipynb"))
ALL = BOOK_NOTEBOOKS + LAB_MASTERS
# Code that would fetch something at run time. Markdown may link to papers; code may not.
NETWORK_CODE = re.compile(r"https?://|urlopen|urlretrieve|requests\.(get|post)|download\s*=\s*True"
                          r"|fetch_openml|torchvision|hf_hub|from_pretrained|load_dataset\(")


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COLAB = _load_script("colab_cell")


def _is_colab_setup_cell(path: Path, cell: dict) -> bool:
    """The one code cell allowed to name a URL: the Colab set-up cell (hidden on the site, a
    no-op outside Colab), and only exactly as scripts/colab_cell.py writes it, so nothing
    else can hide behind its id."""
    if cell.get("id") != COLAB.CELL_ID:
        return False
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    expected = COLAB.cell_source(path, nb)
    assert "".join(cell["source"]) == expected, \
        f"the Colab set-up cell is stale or edited by hand: run python scripts/colab_cell.py {path}"
    assert cell.get("metadata", {}).get("tags") == ["remove-cell"], "the Colab cell must stay hidden"
    return True


def _toc_files(node) -> set[str]:
    out = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("file", "root"):
                out.add(v)
            elif k == "glob":
                out.update(str(p.relative_to(ROOT).with_suffix("")) for p in ROOT.glob(v + ".*")
                           if p.suffix in (".ipynb", ".md"))
            else:
                out |= _toc_files(v)
    elif isinstance(node, list):
        for v in node:
            out |= _toc_files(v)
    return out


def ids(paths):
    return [str(p.relative_to(ROOT)) for p in paths]


def test_there_are_notebooks():
    assert BOOK_NOTEBOOKS, "no notebooks under book/"


@pytest.mark.parametrize("path", BOOK_NOTEBOOKS, ids=ids(BOOK_NOTEBOOKS))
def test_book_notebook_in_toc(path):
    toc = _toc_files(yaml.safe_load((ROOT / "_toc.yml").read_text()))
    assert str(path.relative_to(ROOT).with_suffix("")) in toc


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_notebook_is_executed_clean_and_small(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert path.stat().st_size < 1_500_000, "keep committed outputs small"
    cells = nb["cells"]
    first_md = next(c for c in cells if c["cell_type"] == "markdown")
    assert "".join(first_md["source"]).lstrip().startswith("# "), "first Markdown cell is the title"
    machine = re.compile(r"(/work/|/tmp/|/root/|/home/\w|\.venv/lib/)")
    counts = [c.get("execution_count") for c in cells if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    assert all(isinstance(n, int) for n in counts), "every code cell stores the output of a run"
    assert counts == list(range(1, len(counts) + 1)), "outputs come from one fresh run, in order"
    for c in cells:
        for out in c.get("outputs", []):
            assert out["output_type"] != "error", f"stored error: {out.get('ename')}"
            assert not (out["output_type"] == "stream" and out["name"] == "stderr"
                        and "Warning" in "".join(out["text"])), "stored warning: fix its cause"
            text = json.dumps(out.get("text", "")) + json.dumps(out.get("data", {}).get("text/plain", ""))
            assert not machine.search(text), "output shows a machine-specific path"


@pytest.mark.parametrize("path", ALL, ids=ids(ALL))
def test_notebook_code_never_touches_network(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] == "code" and not _is_colab_setup_cell(path, c):
            src = "".join(c["source"])
            assert not NETWORK_CODE.search(src), f"network access in code: {src[:200]!r}"


def test_network_guard_is_active():
    with pytest.raises(RuntimeError, match="network"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
