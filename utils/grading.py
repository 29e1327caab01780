"""Lab grading: the student version of a lab from its master notebook, and a local grader.

A lab folder holds one master notebook in otter-grader's assign format
(``*-master.ipynb``: solutions between ``# BEGIN SOLUTION`` / ``# END SOLUTION``,
public and hidden exception-based tests) and the generated student version
(``student/<lab>.ipynb`` with its public tests in ``student/tests/``).

Grading runs without Docker. The submission is executed from a fresh kernel in a
temporary folder, cell by cell, each cell under a time limit; a cell that fails or
is stopped does not stop the rest. Then each question's otter test file, hidden
tests included, runs in the same kernel, again under the time limit. A kernel that
ignores the interrupt is restarted and the cells before the stuck one are replayed,
so the other questions are still graded. The submitted file is only read.

Usage, from the repository root::

    python -m utils.grading assign labs/01-logistic-regression
    python -m utils.grading grade path/to/lab01.ipynb [--lab LAB_DIR] [--timeout 30]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TIMEOUT = 30.0
GRACE = 5.0  # seconds an interrupted kernel gets to become responsive again
SETUP_TIMEOUT = 120.0  # seconds for the kernel to import the test machinery
_TIME_LIMIT = "stopped by utils.grading at the time limit"  # marks nbclient's timeout replies
# Cells that only drive otter in the student's notebook (init, grader.check, export): skipped
# when grading, where the tests are run by the grader itself.
_OTTER_LINE = re.compile(
    r"\s*(#.*|import otter|grader\s*=\s*otter\.Notebook\(.*\)|grader\.\w+\(.*\))?\s*")
_CHECK_CALL = re.compile(r"""grader\.check\(\s*["'](\w+)["']\s*\)""")
# Runs one otter test file inside the graded kernel and writes [[passed, message], ...] as JSON.
# Messages name the exception only, so a hidden test's source is never shown.
_TEST_SETUP = "import otter.test_files"
_TEST_RUNNER = """\
def _grading_run_tests(test_path, result_path):
    import json
    from otter.test_files import ExceptionTestFile
    results = []
    for case in ExceptionTestFile.from_file(test_path).test_cases:
        try:
            case.body.call_func(globals())
            results.append([True, ""])
        except Exception as e:
            results.append([False, type(e).__name__ + ": " + str(e)])
    with open(result_path, "w") as f:
        json.dump(results, f)
"""


class GradingError(Exception):
    """A submission or lab that cannot be graded; the message says why."""


# ----------------------------------------------------------------------------- assign

def find_master(lab_dir: Path) -> Path:
    """The lab's master notebook, ``<lab_dir>/*-master.ipynb`` (exactly one)."""
    masters = sorted(Path(lab_dir).glob("*-master.ipynb"))
    if len(masters) != 1:
        raise GradingError(f"{lab_dir}: expected one *-master.ipynb, found {len(masters)}")
    return masters[0]


def _otter_assign(master: Path, out_dir: Path) -> Path:
    """Run otter assign on a copy of ``master`` named without ``-master``; return its output dir."""
    with warnings.catch_warnings():  # a DeprecationWarning from traitlets, raised on import
        warnings.simplefilter("ignore", DeprecationWarning)
        from otter.assign import main as otter_assign

    src = out_dir / "src"
    src.mkdir(parents=True)
    copy = src / (master.name.removesuffix("-master.ipynb") + ".ipynb")
    shutil.copyfile(master, copy)
    otter_assign(str(copy), str(out_dir / "dist"), no_pdfs=True, no_run_tests=True)
    return out_dir / "dist"


def _clean_student_notebook(nb: nbformat.NotebookNode, master_ids: set[str]) -> None:
    """No outputs, no run metadata, stable ids for the cells otter adds (it draws random ones).

    The lab's title cell goes first, above the set-up cell otter puts at the top, so the
    website shows the title at the top of the page.
    """
    title = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if title is not None and title.source.lstrip().startswith("# "):
        nb.cells.remove(title)
        nb.cells.insert(0, title)
    for i, cell in enumerate(nb.cells):
        if cell.get("id") not in master_ids:
            cell["id"] = f"otter-{i:02d}"
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nb.metadata.get("language_info", {}).pop("version", None)


def assign(lab_dir: str | Path, dest: str | Path | None = None) -> Path:
    """Regenerate the student version of a lab from its master notebook.

    Parameters
    ----------
    lab_dir : path
        The lab folder, e.g. ``labs/01-logistic-regression``.
    dest : path or None
        Where to write the student notebook and its ``tests/``; default ``<lab_dir>/student``
        (replaced). The output depends on the master alone, so regenerating is a no-op.

    Returns
    -------
    Path of the student notebook.
    """
    master = find_master(Path(lab_dir))
    dest = Path(dest) if dest is not None else master.parent / "student"
    master_ids = {c.get("id") for c in nbformat.read(master, as_version=4).cells}
    with tempfile.TemporaryDirectory() as tmp:
        student = _otter_assign(master, Path(tmp)) / "student"
        nb_path = next(student.glob("*.ipynb"))
        nb = nbformat.read(nb_path, as_version=4)
        _clean_student_notebook(nb, master_ids)
        shutil.rmtree(dest / "tests", ignore_errors=True)
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copytree(student / "tests", dest / "tests")
        nbformat.validate(nb)
        nbformat.write(nb, dest / nb_path.name)
    return dest / nb_path.name


def autograder_tests(lab_dir: str | Path, dest: str | Path) -> Path:
    """Write the lab's full otter test files (public and hidden) to ``dest``; return ``dest``."""
    dest = Path(dest)
    with tempfile.TemporaryDirectory() as tmp:
        generated = _otter_assign(find_master(Path(lab_dir)), Path(tmp)) / "autograder" / "tests"
        shutil.copytree(generated, dest)
    return dest


# ----------------------------------------------------------------------------- execution

@dataclass
class Outcome:
    """What happened to one executed cell or test run: ``ok``, ``error`` or ``timeout``."""
    status: str
    detail: str = ""


def _error_of(cell: nbformat.NotebookNode) -> str:
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            return f"{out.get('ename')}: {out.get('evalue')}"
    return ""


def _run_cells(sources: list[str], workdir: Path, timeout: float, once_from: int) -> list[Outcome]:
    """Execute code cells in one kernel, each under ``timeout`` seconds, errors allowed.

    A cell over time is interrupted. If the kernel then does not answer within a grace
    period (or dies), it is replaced: the new kernel replays the cells before the bad
    one, except the cells from ``once_from`` on (test runs, whose results are kept),
    and the run goes on after it.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    quiet = logging.getLogger("utils.grading.kernel")
    quiet.setLevel(logging.CRITICAL)
    # The first cell loads the test machinery (a slow import on a busy machine) under a limit
    # of its own, so that the student's time limit measures the student's code only.
    setup = {"timeout": max(SETUP_TIMEOUT, timeout)}
    cells = [nbformat.v4.new_code_cell(_TEST_SETUP, metadata=setup)]
    cells += [nbformat.v4.new_code_cell(s) for s in sources]
    once_from += 1
    probe = nbformat.v4.new_code_cell("pass", metadata={"timeout": min(GRACE, timeout)})
    client = NotebookClient(
        nbformat.v4.new_notebook(cells=cells + [probe]), timeout=timeout, kernel_name="python3",
        timeout_func=lambda cell: cell.metadata.get("timeout", timeout), allow_errors=True,
        interrupt_on_timeout=True, iopub_timeout=2, shutdown_kernel="immediate",
        record_timing=False, log=quiet,
        error_on_timeout={"ename": "TimeoutError", "evalue": _TIME_LIMIT, "traceback": []},
        resources={"metadata": {"path": str(workdir)}})
    replies = []
    client.on_cell_executed = lambda cell, cell_index, execute_reply: replies.append(execute_reply)

    def timed_out(cell, index) -> bool:
        """Run one cell; whether nbclient stopped it at the time limit."""
        client.execute_cell(cell, index)
        return replies[-1].get("content", {}).get("evalue") == _TIME_LIMIT

    outcomes: dict[int, Outcome] = {}
    skip: set[int] = set()  # cells that hung the kernel or killed it: never run again
    while True:
        replace_kernel = False
        with client.setup_kernel(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
            for i, cell in enumerate(cells):
                if i in skip or (i >= once_from and i in outcomes):
                    continue
                try:
                    if not timed_out(cell, i):
                        err = _error_of(cell)
                        outcomes[i] = Outcome("error", err) if err else Outcome("ok")
                        continue
                    outcomes[i] = Outcome("timeout",
                                          f"stopped after {timeout:g} s (an infinite loop?)")
                    replace_kernel = timed_out(probe, len(cells))
                except DeadKernelError:
                    outcomes.setdefault(i, Outcome("error", "the Python kernel died running it"))
                    replace_kernel = True
                if replace_kernel:
                    skip.add(i)
                    break
        if not replace_kernel:
            if outcomes[0].status != "ok":
                raise GradingError(f"the grading kernel could not load otter: {outcomes[0].detail}")
            return [outcomes.get(i, Outcome("error", "not run")) for i in range(1, len(cells))]


# ----------------------------------------------------------------------------- grading

@dataclass
class QuestionResult:
    """Points of one question, with a short message (the first problem found, if any)."""
    name: str
    points: float
    possible: float
    message: str


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read a submission, or raise GradingError saying why it is not a usable notebook."""
    path = Path(path)
    if not path.is_file():
        raise GradingError(f"{path}: no such file")
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise GradingError(f"{path} is not a Jupyter notebook: it is not a text file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GradingError(f"{path} is not a valid Jupyter notebook: its JSON is broken at line "
                           f"{e.lineno}, column {e.colno} ({e.msg}); the file may be truncated or "
                           "corrupted: re-save it from Jupyter") from None
    if not (isinstance(data, dict) and isinstance(data.get("cells"), list) and "nbformat" in data):
        raise GradingError(f"{path} is JSON but not a Jupyter notebook (no 'cells' and 'nbformat')")
    try:
        return nbformat.reads(text, as_version=4)
    except Exception as e:  # nbformat's errors vary by version; the message is what matters
        raise GradingError(f"{path} is not a readable Jupyter notebook: {e}") from None


def find_lab(nb: nbformat.NotebookNode) -> Path:
    """The lab folder whose student notebook has the same otter assignment name as ``nb``."""
    name = nb.metadata.get("otter", {}).get("assignment_name")
    for student in sorted(ROOT.glob("labs/*/student/*.ipynb")):
        meta = json.loads(student.read_text(encoding="utf-8")).get("metadata", {})
        if name and meta.get("otter", {}).get("assignment_name") == name:
            return student.parent.parent
    raise GradingError("cannot tell which lab this notebook belongs to; pass --lab labs/<lab>")


def _question_of_cells(cells: list[nbformat.NotebookNode]) -> dict[int, str]:
    """Map each code cell to the question whose grader.check(...) call follows it."""
    owner, pending = {}, []
    for i, cell in enumerate(cells):
        m = _CHECK_CALL.search(cell.source) if cell.cell_type == "code" else None
        if m:
            owner.update({j: m.group(1) for j in pending})
            pending = []
        elif cell.cell_type == "code":
            pending.append(i)
    return owner


def _cell_notes(nb: nbformat.NotebookNode, ran: list[int],
                outcomes: list[Outcome]) -> dict[str, str]:
    """Question -> the first of its cells that raised or was stopped, named by its first line."""
    owner, notes = _question_of_cells(nb.cells), {}
    for i, out in zip(ran, outcomes):
        if out.status == "ok" or i not in owner or owner[i] in notes:
            continue
        code = [s for s in map(str.strip, nb.cells[i].source.splitlines()) if s and s[0] != "#"]
        head = (code or ["(comments only)"])[0][:40]
        verb = "was" if out.status == "timeout" else "raised"
        notes[owner[i]] = f'the cell starting "{head}" {verb} {out.detail}'
    return notes


def _message(tf, cell_note: str | None) -> str:
    """The first failed test (exception and message only), and any problem in its cells."""
    failed = [(k, r) for k, r in enumerate(tf.test_case_results, 1) if not r.passed]
    if not failed:
        return "all tests passed"
    k, r = failed[0]
    first_line = (r.message or "failed").strip().splitlines()[0].removeprefix("AssertionError: ")
    kind = "hidden" if r.test_case.hidden else "public"
    msg = f"{kind} test {k} of {len(tf.test_cases)} failed: {first_line}"
    if cell_note and " was stopped " in cell_note:
        return f"{cell_note}; then {msg}"  # the hang is the cause, the failed test its effect
    return f"{msg} (also: {cell_note})" if cell_note else msg


def _natural_key(path: Path) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path.stem)]  # q2 before q10


def grade(submission: str | Path, lab_dir: str | Path, timeout: float = DEFAULT_TIMEOUT,
          tests_dir: str | Path | None = None) -> list[QuestionResult]:
    """Grade a notebook with the lab's public and hidden tests; the file is only read.

    Parameters
    ----------
    submission : path of the notebook to grade
    lab_dir : the lab folder (holding ``*-master.ipynb``)
    timeout : seconds allowed for each cell and for each question's tests (typical 10-60)
    tests_dir : folder of the lab's full otter test files; default: generated from the master

    Returns
    -------
    One QuestionResult per question, in the order of the test files (q1, q2, ...).
    """
    from otter.test_files import ExceptionTestFile
    from otter.test_files.abstract_test import TestCaseResult

    if not timeout > 0:
        raise GradingError(f"timeout must be a positive number of seconds, got {timeout}")
    nb = read_notebook(submission)
    with tempfile.TemporaryDirectory(prefix="grading-") as tmp:
        tmp = Path(tmp)
        if tests_dir is None:
            tests_dir = autograder_tests(lab_dir, tmp / "tests")
        tests_dir = Path(tests_dir)
        test_files = [ExceptionTestFile.from_file(str(p))
                      for p in sorted(tests_dir.glob("*.py"), key=_natural_key)]
        ran = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()
               and not all(_OTTER_LINE.fullmatch(line) for line in c.source.splitlines())]
        runs = [f"{_TEST_RUNNER}_grading_run_tests({tf.path!r}, {str(tmp / tf.name)!r} + '.json')"
                for tf in test_files]
        (tmp / "work").mkdir()
        outcomes = _run_cells([nb.cells[i].source for i in ran] + runs, tmp / "work", timeout,
                              once_from=len(ran))
        notes = _cell_notes(nb, ran, outcomes)
        results = []
        for tf, out in zip(test_files, outcomes[len(ran):]):
            result_file = tmp / f"{tf.name}.json"
            if not result_file.is_file():
                why = "tests " if out.status == "timeout" else "tests did not run: "
                results.append(QuestionResult(tf.name, 0.0, tf.possible, why + out.detail))
                continue
            passed = json.loads(result_file.read_text())
            tf.test_case_results = [TestCaseResult(tc, msg, ok)
                                    for tc, (ok, msg) in zip(tf.test_cases, passed)]
            results.append(QuestionResult(tf.name, float(tf.score), float(tf.possible),
                                          _message(tf, notes.get(tf.name))))
    return results


def format_report(results: list[QuestionResult], width: int = 90) -> str:
    """The score table (question, points earned, points possible, short message), the total,
    then the full message of every question that lost points."""
    lines = [f"{'question':<10}{'points':>8}{'possible':>10}  message"]
    for r in results:
        msg = r.message if len(r.message) <= width else r.message[:width - 3] + "..."
        lines.append(f"{r.name:<10}{r.points:>8g}{r.possible:>10g}  {msg}")
    total, possible = sum(r.points for r in results), sum(r.possible for r in results)
    lines.append(f"{'total':<10}{total:>8g}{possible:>10g}")
    details = [r for r in results if r.points < r.possible]
    if details:
        lines += ["", "Details:"]
        for r in details:
            lines += textwrap.wrap(f"{r.name}: {r.message}", width=100, subsequent_indent="    ")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("assign", "grade", "-h", "--help"):
        argv.insert(0, "grade")  # `python -m utils.grading NB.ipynb --lab ...` means grade
    parser = argparse.ArgumentParser(prog="python -m utils.grading",
                                     description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_assign = sub.add_parser("assign", help="regenerate a lab's student version from its master")
    p_assign.add_argument("lab", help="lab folder, e.g. labs/01-logistic-regression")
    p_grade = sub.add_parser("grade", help="grade a notebook with the public and hidden tests")
    p_grade.add_argument("notebook", help="the notebook to grade (never modified)")
    p_grade.add_argument("--lab", help="lab folder (default: found from the notebook's metadata)")
    p_grade.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                         help="seconds allowed for each cell and each question's tests "
                              f"(default {DEFAULT_TIMEOUT:g})")
    args = parser.parse_args(argv)
    try:
        if args.command == "assign":
            path = assign(args.lab)
            print(f"wrote {path} and {path.parent / 'tests'}/")
            return 0
        lab = Path(args.lab or os.path.relpath(find_lab(read_notebook(args.notebook))))
        print(f"grading {args.notebook} (lab {lab}; time limit {args.timeout:g} s "
              "per cell and per question)")
        start = time.monotonic()
        print(format_report(grade(args.notebook, lab, timeout=args.timeout)))
        print(f"graded in {time.monotonic() - start:.1f} s")
        return 0
    except GradingError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
