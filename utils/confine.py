"""Start a program confined for grading: instructor folders hidden, memory capped.

Run by :mod:`utils.grading` inside fresh Linux namespaces made by ``unshare`` (user, mount,
network, PID): as the namespace's root it mounts an empty, read-only tmpfs over each folder
to hide (the lab masters, the hidden tests, the grader's own temporary files), sets the
memory and core-file limits, and replaces itself with the program (the student's kernel)::

    python -m utils.confine --hide DIR [--hide DIR ...] --memory-mb N -- PROGRAM ARGS...

Without namespaces (another OS, or user namespaces switched off) the grader runs it without
``unshare``; then the mounts are skipped (hiding needs the mount namespace) and only the limits
apply; the grader says so in its report.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m utils.confine")
    parser.add_argument("--hide", action="append", default=[])
    parser.add_argument("--memory-mb", type=int, default=0)
    parser.add_argument("program", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    program = args.program[1:] if args.program[:1] == ["--"] else args.program
    if not program:
        parser.error("no program to run")
    if os.geteuid() == 0 and os.environ.get("MLBOOK_CONFINE_NS") == "1":
        for path in args.hide:
            if os.path.isdir(path):
                subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=4k,mode=0555", "tmpfs", path],
                               check=True, stdin=subprocess.DEVNULL)
    if args.memory_mb > 0:
        limit = args.memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.environ.pop("MLBOOK_CONFINE_NS", None)
    os.execvp(program[0], program)
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main())
