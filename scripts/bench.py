"""Notebook benchmark (not a test): wall time and peak memory of each notebook.

Usage: python scripts/bench.py NOTEBOOK [NOTEBOOK ...] [--budget SECONDS] [--json PATH] [--no-nbval]

Each notebook runs from a fresh kernel, one at a time, in its own directory,
without saving anything. Peak memory is the kernel process's maximum resident
set size. Notebooks over their budget (60 s by default; a notebook may set its own in
its metadata, ``"mlbook": {"time_budget_s": 180}``, as the one page allowed longer
does) are flagged and make the exit code 1. Then nbval (strict, as in `make test-notebooks`) re-runs the notebook
and compares it with its committed outputs; its verdict is recorded, not enforced.

The results are merged into a JSON file (default book/appendix/bench.json; entries of
notebooks not benchmarked this time are kept), from which the book's execution-status
page (book/appendix/status.md) is built.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUNNER = r"""
import json, resource, sys, time
import nbformat
from nbclient import NotebookClient
path, workdir = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
t = time.perf_counter()
NotebookClient(nb, timeout=600, kernel_name="python3",
               resources={"metadata": {"path": workdir}}).execute()
wall = time.perf_counter() - t
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the kernel, once reaped
print(json.dumps({"wall": wall, "peak_mib": peak_kib / 1024}))
"""


def run(path: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", RUNNER, path, str(Path(path).parent)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"wall": float("nan"), "peak_mib": float("nan"), "error": tail}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def budget_of(path: str, default: float) -> float:
    """The notebook's own time budget (metadata ``mlbook.time_budget_s``), else ``default``."""
    meta = json.loads(Path(path).read_text(encoding="utf-8")).get("metadata", {})
    return float(meta.get("mlbook", {}).get("time_budget_s", default))


def nbval_status(path: str) -> str:
    """nbval's verdict on one notebook: 'passed', or 'failed: N of M cells' (or an error)."""
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval",
           "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
           "--nbval-cell-timeout", "900", path]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    counts = {k: int(n) for n, k in re.findall(r"(\d+) (passed|failed|error)", proc.stdout)}
    if proc.returncode == 0:
        return "passed"
    if counts.get("failed"):
        total = counts.get("failed", 0) + counts.get("passed", 0)
        return f"failed: {counts['failed']} of {total} cells"
    tail = (proc.stdout.strip().splitlines() or ["?"])[-1]
    return f"error: {tail[:120]}"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        names = re.findall(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = names[0].strip() if names else cpu
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
            f"Python {platform.python_version()}")


def write_json(path: Path, rows: list, budget: float) -> None:
    """Merge this run's rows into the JSON file the execution-status page is built from."""
    data = json.loads(path.read_text()) if path.exists() else {}
    notebooks = data.get("notebooks", {})
    today = datetime.date.today().isoformat()
    for nb, r, _ in rows:
        wall, peak = r["wall"], r["peak_mib"]
        notebooks[nb] = {
            "wall_s": round(wall, 2) if wall == wall else None,
            "peak_mib": round(peak, 1) if peak == peak else None,
            "date": today,
            "budget_s": r["budget_s"],
            "nbval": r.get("nbval", "not run"),
            **({"error": r["error"]} if "error" in r else {}),
        }
    data.update(budget_s=budget, machine=machine(), updated=today,
                notebooks=dict(sorted(notebooks.items())))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n")


def _relative(p: str) -> str:
    q = Path(p).resolve()
    return str(q.relative_to(ROOT)) if q.is_relative_to(ROOT) else p


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--budget", type=float, default=60.0,
                    help="seconds allowed per notebook unless its metadata sets mlbook.time_budget_s")
    ap.add_argument("--json", type=Path, default=ROOT / "book" / "appendix" / "bench.json",
                    help="JSON file to merge the results into (the status page's data)")
    ap.add_argument("--no-nbval", dest="nbval", action="store_false",
                    help="skip the nbval comparison of each notebook with its outputs")
    args = ap.parse_args()
    args.notebooks = [_relative(p) for p in args.notebooks]
    rows, start = [], time.perf_counter()
    width = max(len(p) for p in args.notebooks)
    print(f"| {'notebook':<{width}} | wall (s) | peak RSS (MiB) "
          f"| within {args.budget:g} s | nbval |")
    print(f"|{'-' * (width + 2)}|---------:|---------------:|:---:|---|")
    for p in args.notebooks:
        r = run(p)
        r["budget_s"] = budget_of(p, args.budget)
        if args.nbval:
            r["nbval"] = nbval_status(p)
        ok = r["wall"] <= r["budget_s"] and "error" not in r
        rows.append((p, r, ok))
        status = "yes" if ok else ("ERROR: " + r["error"] if "error" in r else "NO")
        if r["budget_s"] != args.budget:
            status += f" ({r['budget_s']:g} s allowed)"
        print(f"| {p:<{width}} | {r['wall']:8.1f} | {r['peak_mib']:14.0f} | {status} "
              f"| {r.get('nbval', 'not run')} |", flush=True)
    total = sum(r["wall"] for _, r, _ in rows if r["wall"] == r["wall"])
    slowest = max(rows, key=lambda row: row[1]["wall"] if row[1]["wall"] == row[1]["wall"] else -1)
    print(f"\n{len(rows)} notebooks, total {total:.1f} s (bench wall {time.perf_counter() - start:.1f} s); "
          f"slowest: {slowest[0]} at {slowest[1]['wall']:.1f} s; "
          f"largest peak RSS {max(r['peak_mib'] for _, r, _ in rows):.0f} MiB")
    write_json(args.json, rows, args.budget)
    print(f"results merged into {_relative(str(args.json))} (the book's execution-status page)")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
