"""Make a notebook runnable on Google Colab: a first code cell that fetches the book's code.

Usage: python scripts/colab_cell.py [--check] NOTEBOOK [NOTEBOOK ...]

Colab opens one notebook alone, without the repository's ``utils`` package. The inserted
cell (id ``colab-setup``, tagged ``remove-cell`` so the website hides it) does nothing
unless it runs under Colab (``"google.colab" in sys.modules``); there it clones the
repository named by ``repository.url`` and ``repository.branch`` in _config.yml, installs it
(``pip install -e``, which brings ``utils`` and the packages pyproject.toml lists, plus the
pinned gymnasium or otter-grader when the notebook imports them), puts it on ``sys.path``
and moves into the notebook's folder so relative paths resolve as in a clone.

The cell is the only code in the book allowed to name a URL: tests/test_book_structure.py
accepts it exactly as this script writes it, and nothing else. Running the script again
updates the cell in place (after a change of repository URL, say) and otherwise changes
nothing. The cell counts as the first one executed (execution count 1, no output, as a
fresh local run gives), so the notebook's stored execution counts stay 1, 2, 3, ...
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CELL_ID = "colab-setup"
CLONE = "/content/mlbook"
# module a notebook imports -> requirements.txt name of the package Colab may lack
EXTRAS = {"gymnasium": "gymnasium", "otter": "otter-grader"}


def repository() -> tuple[str, str]:
    """(url, branch) from _config.yml's ``repository`` section."""
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]
    return repo["url"].rstrip("/"), repo.get("branch", "main")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        name, sep, version = line.strip().partition("==")
        if sep:
            pins[name.lower()] = f"{name}=={version}"
    return pins


def _relative_dir(path: Path) -> str:
    p = path.resolve().parent
    return p.relative_to(ROOT).as_posix() if p.is_relative_to(ROOT) else "."


def _code_with_utils(code: str) -> str:
    """The notebook's code plus the source of the ``utils`` modules it imports, recursively."""
    seen, todo, texts = set(), [code], [code]
    while todo:
        for name in re.findall(r"^\s*(?:from|import)\s+utils\.(\w+)", todo.pop(), re.M):
            module = ROOT / "utils" / f"{name}.py"
            if name not in seen and module.exists():
                seen.add(name)
                texts.append(module.read_text())
                todo.append(texts[-1])
    return "\n".join(texts)


def cell_source(path: Path, nb: nbformat.NotebookNode) -> str:
    """The set-up cell's code for notebook ``nb`` stored at ``path``."""
    url, branch = repository()
    code = _code_with_utils("\n".join(
        c.source for c in nb.cells if c.cell_type == "code" and c.get("id") != CELL_ID))
    pins = _pins()
    extras = "".join(f', "{pins.get(pkg, pkg)}"' for mod, pkg in EXTRAS.items()
                     if re.search(rf"^\s*(import|from)\s+{mod}\b", code, re.M))
    workdir = f"{CLONE}/{_relative_dir(path)}".rstrip("/.")
    return f'''# Google Colab only (hidden on the website): Colab opens this notebook without the
# book's repository, so fetch it for its `utils` package. Elsewhere this does nothing.
import sys

if "google.colab" in sys.modules:
    import os
    import subprocess

    REPO = "{url}"  # _config.yml: repository.url
    if not os.path.isdir("{CLONE}"):
        subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", "{branch}",
                        REPO, "{CLONE}"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet",
                    "-e", "{CLONE}"{extras}], check=True)
    sys.path.insert(0, "{CLONE}")
    os.chdir("{workdir}")'''


def make_cell(path: Path, nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(cell_source(path, nb))
    cell["id"] = CELL_ID
    cell.metadata = {"tags": ["remove-cell"]}
    cell.execution_count = 1
    return cell


def apply(path: Path, check: bool = False) -> str:
    """Insert or refresh the set-up cell; return 'inserted', 'updated' or 'unchanged'."""
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    existing = next((c for c in nb.cells if c.get("id") == CELL_ID), None)
    if existing is not None:
        fresh = make_cell(path, nb)
        if existing.source == fresh.source and nb.cells[0] is existing \
                and existing.metadata.get("tags") == ["remove-cell"]:
            return "unchanged"
        existing.source, existing.metadata["tags"] = fresh.source, ["remove-cell"]
        nb.cells.remove(existing)
        nb.cells.insert(0, existing)
        status = "updated"
    else:
        for c in nb.cells:                        # the new cell runs first: shift the others
            if c.cell_type == "code" and isinstance(c.get("execution_count"), int):
                c.execution_count += 1
        if nb.nbformat == 4 and nb.nbformat_minor < 5:
            nb.nbformat_minor = 5                 # cell ids
        nb.cells.insert(0, make_cell(path, nb))
        status = "inserted"
    if not check:
        nbformat.write(nb, path)
    return status


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true",
                    help="report only; exit 1 if anything would change")
    args = ap.parse_args(argv)
    counts: dict[str, int] = {}
    for path in args.notebooks:
        status = apply(path, check=args.check)
        counts[status] = counts.get(status, 0) + 1
        if status != "unchanged":
            print(f"{path}: {status}")
    print(", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    return 1 if args.check and set(counts) - {"unchanged"} else 0


if __name__ == "__main__":
    sys.exit(main())
