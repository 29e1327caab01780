"""Re-run notebooks from a fresh kernel and store their outputs in place.

Usage: python scripts/execute.py NOTEBOOK [NOTEBOOK ...]

Each notebook runs in its own directory, as Jupyter and nbval run it. Volatile
metadata (execution timestamps, widget state) is dropped so that re-executing
an unchanged notebook gives an unchanged file.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient


def execute(path: Path, timeout: int = 600) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    seconds = time.perf_counter() - start
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for out in cell.outputs:
                # widget views carry random model ids and no use on the static site
                if "data" in out:
                    out["data"].pop("application/vnd.jupyter.widget-view+json", None)
    nb.metadata.pop("widgets", None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return seconds


def main(paths: list[str]) -> int:
    # progress bars (utils.training.progress) stay silent: committed outputs hold results only
    os.environ.setdefault("MLBOOK_QUIET", "1")
    if not paths:
        print(__doc__)
        return 2
    for p in paths:
        path = Path(p)
        if path.suffix != ".ipynb" or not path.is_file():
            print(f"not a notebook: {p}")
            return 2
        print(f"executing {p} ...", end=" ", flush=True)
        print(f"{execute(path):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
