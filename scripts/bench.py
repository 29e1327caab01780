"""Notebook benchmark (not a test): wall time and peak memory of each notebook.

Usage: python scripts/bench.py NOTEBOOK [NOTEBOOK ...] [--budget SECONDS]

Each notebook runs from a fresh kernel, one at a time, in its own directory,
without saving anything. Peak memory is the kernel process's maximum resident
set size. Notebooks over the budget (60 s by default) are flagged and make the
exit code 1.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

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
    from pathlib import Path

    proc = subprocess.run([sys.executable, "-c", RUNNER, path, str(Path(path).parent)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["?"])[-1]
        return {"wall": float("nan"), "peak_mib": float("nan"), "error": tail}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="+")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds allowed per notebook")
    args = ap.parse_args()
    rows, start = [], time.perf_counter()
    width = max(len(p) for p in args.notebooks)
    print(f"| {'notebook':<{width}} | wall (s) | peak RSS (MiB) | within {args.budget:g} s |")
    print(f"|{'-' * (width + 2)}|---------:|---------------:|:---:|")
    for p in args.notebooks:
        r = run(p)
        ok = r["wall"] <= args.budget and "error" not in r
        rows.append((p, r, ok))
        status = "yes" if ok else ("ERROR: " + r["error"] if "error" in r else "NO")
        print(f"| {p:<{width}} | {r['wall']:8.1f} | {r['peak_mib']:14.0f} | {status} |", flush=True)
    total = sum(r["wall"] for _, r, _ in rows if r["wall"] == r["wall"])
    slowest = max(rows, key=lambda row: row[1]["wall"] if row[1]["wall"] == row[1]["wall"] else -1)
    print(f"\n{len(rows)} notebooks, total {total:.1f} s (bench wall {time.perf_counter() - start:.1f} s); "
          f"slowest: {slowest[0]} at {slowest[1]['wall']:.1f} s; "
          f"largest peak RSS {max(r['peak_mib'] for _, r, _ in rows):.0f} MiB")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
