"""Print the given notebooks longest first, by the run times in book/appendix/bench.json.

nbval runs two notebooks at a time; handing out the long ones first keeps one worker from
finishing a long notebook alone at the end (longest-processing-time-first scheduling).
Notebooks not measured yet count as 30 s. Standard library only: the Makefile runs this
before the virtual environment exists.
"""

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "book" / "appendix" / "bench.json"


def main(paths: list[str]) -> None:
    try:
        measured = json.loads(BENCH.read_text())["notebooks"]
    except (OSError, ValueError, KeyError):
        measured = {}
    seconds = {p: float(measured.get(p, {}).get("wall_s", 30.0)) for p in paths}
    print(" ".join(sorted(paths, key=lambda p: (-seconds[p], p))))


if __name__ == "__main__":
    main(sys.argv[1:])
