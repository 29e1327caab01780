"""Lab grading: the student version of a lab from its master notebook, and a grader to trust.

A lab folder holds one master notebook in otter-grader's assign format
(``*-master.ipynb``: solutions between ``# BEGIN SOLUTION`` / ``# END SOLUTION``,
public and hidden exception-based tests) and the generated student version
(``student/<lab>.ipynb`` with its public tests in ``student/tests/``).

Grading treats the submission as hostile and runs without Docker:

- The notebook's code cells run in a Jupyter kernel of their own (:class:`StudentKernel`), on
  a copy of the notebook in a fresh temporary folder that holds no tests, each cell under a
  time limit, the whole notebook under another, the kernel's memory capped. A cell that fails
  or is stopped does not stop the rest; a kernel that ignores the interrupt, dies or is asked
  to exit is replaced and the cells before the bad one are replayed. The submitted file is
  only read.
- Where Linux user namespaces allow it (``unshare``, no root needed), the kernel also runs
  with no network, no view of other processes, and the lab's master, the hidden tests and any
  ``--hide`` folder mounted over by empty ones (:mod:`utils.confine`); everything it started
  ends with it.
- The tests never run in that kernel. Each question's otter test file runs here, in the
  grader's process; its test functions get the student's names through
  :class:`utils.remote.RemoteEnv` and call them through a narrow channel (plain data in and
  out, handles whose comparisons are not forwarded, the grader's own functions lent as
  callbacks). So nothing the student's code patches, writes or prints changes a verdict.
- Reports give each question's points and the first failed test's message; text from the
  student's code is truncated and introduced as such.

Usage, from the repository root::

    python -m utils.grading assign labs/01-logistic-regression
    python -m utils.grading grade path/to/lab01.ipynb [--lab LAB_DIR] [--timeout 30]
        [--total-timeout 900] [--memory-mb 4096] [--hide DIR ...]
    python -m utils.grading grade-class SUBMISSIONS/ --lab LAB_DIR [--jobs 2] [limits as above]
    python -m utils.grading autograder LAB_DIR --out DIST/
"""

from __future__ import annotations

import argparse
import json
import os
import queue
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

from .remote import student_text

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TIMEOUT = 30.0
GRACE = 5.0  # seconds an interrupted kernel gets to become responsive again
SETUP_TIMEOUT = 120.0  # seconds for the kernel to import the test machinery
# Cells that only drive otter in the student's notebook (init, grader.check, export): skipped
# when grading, where the tests are run by the grader itself.
_OTTER_LINE = re.compile(
    r"\s*(#.*|import otter|grader\s*=\s*otter\.Notebook\(.*\)|grader\.\w+\(.*\))?\s*")
_CHECK_CALL = re.compile(r"""grader\.check\(\s*["'](\w+)["']\s*\)""")


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


# Packages the tests and the lab notebooks import, pinned as in requirements.txt, for the
# autograder image otter builds (Gradescope, or `otter grade` in Docker).
_AUTOGRADER_PACKAGES = ("numpy", "scipy", "scikit-learn", "matplotlib", "torch", "gymnasium",
                        "pandas", "nbformat")


def autograder_zip(lab_dir: str | Path, out_dir: str | Path) -> Path:
    """otter's autograder zip for a lab: its full tests, the ``utils`` package, pinned packages.

    For a course that grades at scale with otter's own engines: upload the zip to Gradescope
    as a programming assignment, or run ``otter grade -a ZIP -p SUBMISSIONS`` (Docker). Those
    engines run the tests inside the student's kernel, as otter does, so the confinement of
    :func:`grade` is theirs (a container per submission), not this module's. The zip holds no
    master notebook and no solution.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from otter.generate import main as otter_generate

    lab_dir, out_dir = Path(lab_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = find_master(lab_dir).name.removesuffix("-master.ipynb")
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        pkg = line.split("==")[0].strip().lower()
        if pkg in _AUTOGRADER_PACKAGES:
            pins[pkg] = line.strip()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tests = autograder_tests(lab_dir, tmp / "tests")
        req = tmp / "requirements.txt"
        req.write_text("--extra-index-url https://download.pytorch.org/whl/cpu\n"
                       + "\n".join(pins[p] for p in sorted(pins)) + "\n")
        shutil.copytree(ROOT / "utils", tmp / "utils",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        zip_path = out_dir / f"{name}-autograder.zip"
        cwd = os.getcwd()
        os.chdir(tmp)   # otter records the files relative to the working folder
        try:
            otter_generate(tests_dir=str(tests), output_path=str(zip_path), requirements=str(req),
                           files=["utils"], no_config=True, python_version="3.11")
        finally:
            os.chdir(cwd)
    return zip_path


# ----------------------------------------------------------------------------- confinement

DEFAULT_MEMORY_MB = 4096        # address-space limit of the student's kernel
DEFAULT_TOTAL_TIMEOUT = 900.0   # seconds for the whole submission (cells and tests)
_UNSHARE = ["unshare", "--user", "--map-root-user", "--net", "--mount", "--pid", "--fork",
            "--kill-child", "--mount-proc"]


def namespaces_available() -> bool:
    """Whether this machine lets an ordinary user make the namespaces the kernel runs in."""
    if not hasattr(namespaces_available, "_ok"):
        try:
            proc = subprocess.run(_UNSHARE + ["true"], capture_output=True, timeout=20)
            namespaces_available._ok = proc.returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            namespaces_available._ok = False
    return namespaces_available._ok


@dataclass
class Limits:
    """What the student's kernel may use: seconds per cell and per question's tests, seconds
    for the whole submission, address space in MB, and folders it must not see."""
    timeout: float = DEFAULT_TIMEOUT
    total: float = DEFAULT_TOTAL_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    hide: tuple = ()


def _kernel_spec(spec_dir: Path, limits: Limits, hide: list[Path]) -> dict:
    """A kernel spec that starts ipykernel through utils.confine (in namespaces when possible)."""
    inner = [sys.executable, "-m", "utils.confine", "--memory-mb", str(limits.memory_mb)]
    for path in hide:
        inner += ["--hide", str(path)]
    inner += ["--", sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    confined = namespaces_available()
    env = {"PYTHONPATH": str(ROOT), "MPLBACKEND": "agg", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    if confined:
        env["MLBOOK_CONFINE_NS"] = "1"
    # the kernel dies with the grader even if the grader is killed outright
    pdeath = ["setpriv", "--pdeathsig", "KILL"] if shutil.which("setpriv") else []
    spec = {"argv": pdeath + (_UNSHARE if confined else []) + inner, "display_name": "grading",
            "language": "python", "interrupt_mode": "message", "env": env}
    (spec_dir / "grading").mkdir(parents=True, exist_ok=True)
    (spec_dir / "grading" / "kernel.json").write_text(json.dumps(spec))
    return spec


# ----------------------------------------------------------------------------- execution

@dataclass
class Outcome:
    """What happened to one executed cell: ``ok``, ``error``, ``timeout`` (stopped at the limit),
    ``killed`` (the kernel died or was asked to exit), or, from :meth:`StudentKernel.execute`,
    ``hung`` and ``dead`` before the grader records them."""
    status: str
    detail: str = ""


# Run first in every kernel: exit() and quit() stop the cell, not the kernel (a notebook that
# calls them is otherwise cut short at every replay), and plots go nowhere.
_KERNEL_SETUP = """\
def _grading_no_exit(*args, **kwargs):
    raise SystemExit("exit() and quit() stop this cell only; the grader runs the rest")
get_ipython().ask_exit = _grading_no_exit
del _grading_no_exit
"""


class StudentKernel:
    """The submission's own kernel, confined, in a fresh working folder; restartable."""

    def __init__(self, workdir: Path, spec_dir: Path, limits: Limits):
        self.workdir, self.spec_dir, self.limits = workdir, spec_dir, limits
        self.km = self.kc = None

    def start(self):
        from jupyter_client import KernelManager
        from jupyter_client.kernelspec import KernelSpecManager

        ksm = KernelSpecManager(kernel_dirs=[str(self.spec_dir)], ensure_native_kernel=False)
        sock = Path(tempfile.mkdtemp(prefix="sock-", dir=self.spec_dir))
        self.km = KernelManager(kernel_name="grading", kernel_spec_manager=ksm, transport="ipc",
                                ip=str(sock / "k"))
        self.km.start_kernel(cwd=str(self.workdir), stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        self.kc = self.km.client()
        self.kc.start_channels()
        try:
            self.kc.wait_for_ready(timeout=SETUP_TIMEOUT)
        except RuntimeError as e:
            self.close()
            raise GradingError(f"the grading kernel did not start: {e}") from None
        out = self.execute(_KERNEL_SETUP, SETUP_TIMEOUT)
        if out.status != "ok":
            self.close()
            raise GradingError(f"the grading kernel could not be set up: {out.detail}")

    def close(self):
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:
                pass
            self.km.cleanup_resources()
        self.km = self.kc = None

    def alive(self) -> bool:
        return self.km is not None and self.km.is_alive()

    def execute(self, code: str, timeout: float) -> Outcome:
        """Run code under a time limit; an interrupt at the limit, then a grace period."""
        kc = self.kc
        msg_id = kc.execute(code, store_history=True, allow_stdin=False, stop_on_error=False)
        deadline, interrupted = time.monotonic() + timeout, False
        while True:
            try:
                for _ in range(1000):  # output is read and dropped (a flood in bounded bites)
                    kc.iopub_channel.get_msg(timeout=0)
            except queue.Empty:
                pass
            try:
                reply = kc.shell_channel.get_msg(timeout=0.02)
            except queue.Empty:
                reply = None
            if reply is not None and reply["parent_header"].get("msg_id") == msg_id:
                break
            if not self.alive():
                return Outcome("dead", "the Python kernel died running it")
            now = time.monotonic()
            if now > deadline and not interrupted:
                interrupted = True
                self.km.interrupt_kernel()
                deadline = now + min(GRACE, timeout)
            elif now > deadline:
                return Outcome("hung", f"stopped after {timeout:g} s (an infinite loop?)")
        if interrupted:
            return Outcome("timeout", f"stopped after {timeout:g} s (an infinite loop?)")
        content = reply["content"]
        if any(p.get("source") == "ask_exit" for p in content.get("payload", [])):
            return Outcome("dead", "it asked the kernel to exit")
        if content.get("status") == "ok":
            return Outcome("ok")
        return Outcome("error", f"{student_text(content.get('ename', 'an error'), 60)}: "
                                f"{student_text(content.get('evalue', ''), 200)}")


# ----------------------------------------------------------------------------- grading

@dataclass
class QuestionResult:
    """Points of one question, with a short message (the first problem found, if any)."""
    name: str
    points: float
    possible: float
    message: str


@dataclass
class ManualAnswer:
    """A question marked by hand (otter's ``manual: true``): its points are not in the autograded
    total; ``note`` tells the marker what the submission holds (words written, whether its code
    ran)."""
    name: str
    possible: float
    note: str


class Grades(list):
    """The autograded :class:`QuestionResult` list, with the questions marked by hand in
    ``manual`` (a list of :class:`ManualAnswer`)."""

    def __init__(self, results=(), manual=()):
        super().__init__(results)
        self.manual = list(manual)


def manual_questions(lab_dir: str | Path) -> dict[str, float]:
    """Question name -> points of the lab's questions marked by hand, in the master's order."""
    import yaml

    found = {}
    for cell in nbformat.read(find_master(Path(lab_dir)), as_version=4).cells:
        if cell.cell_type == "raw" and cell.source.lstrip().startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(cell.source.split("\n", 1)[1]) or {}
            if config.get("manual"):
                found[str(config["name"])] = float(config.get("points", 0))
    return found


_MANUAL_BEGIN, _MANUAL_END = "<!-- BEGIN QUESTION -->", "<!-- END QUESTION -->"
_RESPONSE_PLACEHOLDER = "_Type your answer here, replacing this text._"


def _manual_regions(cells: list[nbformat.NotebookNode]) -> list[list[int]]:
    """The cells of each question marked by hand, in order: otter puts the student version's
    markers ``<!-- BEGIN QUESTION -->`` and ``<!-- END QUESTION -->`` around them."""
    regions, current = [], None
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            if current is not None:
                current.append(i)
            continue
        if _MANUAL_END in cell.source and current is not None:
            regions.append(current)
            current = None
        if _MANUAL_BEGIN in cell.source:
            current = []
        elif current is not None:
            current.append(i)
    if current is not None:
        regions.append(current)
    return regions


def _manual_answers(nb: nbformat.NotebookNode, manual: dict[str, float], ran: list[int],
                    outcomes: list[Outcome]) -> list[ManualAnswer]:
    """What each question marked by hand holds, for the marker (it changes no score)."""
    regions = _manual_regions(nb.cells)
    status = dict(zip(ran, outcomes))
    answers = []
    for k, (name, possible) in enumerate(manual.items()):
        if len(regions) != len(manual):
            answers.append(ManualAnswer(name, possible, "its cells could not be found (the "
                                        "question's marker cells were changed): look by hand"))
            continue
        cells = [nb.cells[i] for i in regions[k]]
        text = " ".join(c.source.replace(_RESPONSE_PLACEHOLDER, "") for c in cells
                        if c.cell_type == "markdown" and c.metadata.get("editable") is not False)
        words = len(re.findall(r"\w+", text))
        code = [i for i in regions[k] if nb.cells[i].cell_type == "code"]
        written = [i for i in code if nb.cells[i].source.strip() not in ("", "...")]
        problems = [f'the cell starting "{nb.cells[i].source.strip().splitlines()[0][:40]}" '
                    f"{'was stopped' if status[i].status == 'timeout' else 'raised'} "
                    f"{status[i].detail}" for i in written
                    if i in status and status[i].status != "ok"]
        parts = [f"{words} words written" if words else "no written answer"]
        if code:
            if not written:
                parts.append("no code written")
            elif problems:
                parts.append(problems[0])
            else:
                parts.append("its code ran")
        answers.append(ManualAnswer(name, possible, "; ".join(parts)))
    return answers


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Read a submission, or raise GradingError saying why it is not a usable notebook.

    UTF-8 is expected; a file saved as UTF-16 (with its byte-order mark) or Latin-1 is read
    too, and an nbformat 3 notebook (an old Jupyter's) is converted to nbformat 4.
    """
    path = Path(path)
    if not path.is_file():
        raise GradingError(f"{path}: no such file")
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "latin-1"]
    text = None
    for enc in encodings:
        try:
            candidate = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in candidate:
            break
        text = candidate
        break
    if text is None:
        raise GradingError(f"{path} is not a Jupyter notebook: it is not a text file (a notebook "
                           "is JSON text; open it in Jupyter and save it again)")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise GradingError(f"{path} is not a valid Jupyter notebook: its JSON is broken at line "
                           f"{e.lineno}, column {e.colno} ({e.msg}); the file may be truncated or "
                           "corrupted: re-save it from Jupyter") from None
    if not (isinstance(data, dict) and "nbformat" in data
            and (isinstance(data.get("cells"), list) or isinstance(data.get("worksheets"), list))):
        raise GradingError(f"{path} is JSON but not a Jupyter notebook (no 'cells' and 'nbformat')")
    try:
        return nbformat.reads(json.dumps(data), as_version=4)
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
    owner, pending, outside = {}, [], None
    for i, cell in enumerate(cells):
        if cell.cell_type == "markdown" and _MANUAL_END in cell.source and outside is not None:
            pending, outside = outside, None   # a question marked by hand owns its own cells
        if cell.cell_type == "markdown" and _MANUAL_BEGIN in cell.source:
            outside, pending = pending, []
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


class _Session:
    """The student's cells in a confined kernel, then each question's tests from the grader.

    A cell that hangs the kernel (it ignores the interrupt) or kills it is never run again: a new
    kernel replays the cells before it that finished, and the run goes on after it. The same
    happens when a question's tests leave the kernel hung or dead, so later questions are graded.
    """

    def __init__(self, sources: list[str], workdir: Path, spec_dir: Path, limits: Limits):
        self.sources, self.workdir, self.spec_dir, self.limits = sources, workdir, spec_dir, limits
        self.outcomes: dict[int, Outcome] = {}
        self.kernel: StudentKernel | None = None
        self.stub = False
        self.end = time.monotonic() + limits.total
        self.strikes = 0   # fresh kernels in a row that could not run the grader's stub

    def close(self):
        if self.kernel is not None:
            self.kernel.close()
            self.kernel = None

    def _left(self) -> float:
        return self.end - time.monotonic()

    def _restart(self):
        """A fresh kernel that has run every cell so far that finished (ok or with an error)."""
        self.close()
        self.kernel = StudentKernel(self.workdir, self.spec_dir, self.limits)
        self.kernel.start()
        self.stub = False
        for j in sorted(self.outcomes):
            if self.outcomes[j].status in ("ok", "error") and self._left() > 0:
                out = self.kernel.execute(self.sources[j], min(self.limits.timeout, self._left()))
                if out.status in ("hung", "dead"):  # it behaved differently this time: drop it
                    self.outcomes[j] = Outcome("killed", out.detail)
                    return self._restart()

    def run_cells(self) -> list[Outcome]:
        self._restart()
        for i, code in enumerate(self.sources):
            if self._left() <= 0:
                self.outcomes[i] = Outcome("timeout", "not run: the submission's total time "
                                           f"limit ({self.limits.total:g} s) was reached")
                continue
            out = self.kernel.execute(code, min(self.limits.timeout, self._left()))
            if out.status == "hung":
                self.outcomes[i] = Outcome("timeout", out.detail)
                self._restart()
            elif out.status == "dead":   # never replayed: it would kill the next kernel too
                self.outcomes[i] = Outcome("killed", out.detail)
                self._restart()
            else:
                self.outcomes[i] = out
        return [self.outcomes[i] for i in range(len(self.sources))]

    def run_tests(self, tf) -> list[tuple[bool, str]]:
        """Each test case of one otter test file, run here against the student's kernel."""
        from .remote import Channel, ChannelError, RemoteEnv, StudentError, KERNEL_STUB

        cases = tf.test_cases
        if self._left() <= 0:
            return [(False, f"tests not run: the submission's total time limit "
                            f"({self.limits.total:g} s) was reached")] * len(cases)
        if self.strikes >= 2:   # twice in a row, even after a fresh start: no point in waiting
            return [(False, "tests did not run: after your cells ran, your kernel could not run the "
                            "grader's code, twice (does a cell replace parts of Python or Jupyter?)")] * len(cases)
        if self.kernel is None or not self.kernel.alive():
            self._restart()
        if not self.stub:
            stub_limit = min(SETUP_TIMEOUT, max(self.limits.timeout, 15.0), max(self._left(), 1.0))
            out = self.kernel.execute(KERNEL_STUB, stub_limit)
            if out.status != "ok":
                self.strikes += 1
                self._restart()
                return [(False, "tests did not run: the grader could not reach your kernel "
                                f"({out.detail})")] * len(cases)
            self.stub = True
            self.strikes = 0
        limit = min(self.limits.timeout, self._left())
        channel = Channel(self.kernel.kc, time.monotonic() + limit,
                          interrupt=self.kernel.km.interrupt_kernel, grace=GRACE)
        env = RemoteEnv(channel)
        results = []
        for case in cases:
            if time.monotonic() > channel.deadline:
                results.append((False, f"tests stopped after {limit:g} s (an infinite loop?)"))
                continue
            try:
                case.body.call_func(env)
                results.append((True, ""))
            except TimeoutError:
                results.append((False, f"tests stopped after {limit:g} s (an infinite loop?)"))
            except ChannelError as e:
                results.append((False, f"tests did not finish: {e}"))
            except StudentError as e:
                results.append((False, str(e)))
            except AssertionError as e:
                results.append((False, "AssertionError: " + student_text(e, 400)))
            except Exception as e:  # the test met a value it could not use (a handle, a wrong type)
                results.append((False, f"{type(e).__name__}: {student_text(e, 300)}"))
            finally:
                channel.callbacks.clear()
        channel.close()
        if channel.broken:
            self._restart()
        return results


def grade(submission: str | Path, lab_dir: str | Path, timeout: float = DEFAULT_TIMEOUT,
          tests_dir: str | Path | None = None, limits: Limits | None = None) -> list[QuestionResult]:
    """Grade a notebook with the lab's public and hidden tests; the file is only read.

    The notebook's code cells run in a confined kernel (see :class:`Limits` and
    :mod:`utils.confine`) in a fresh folder holding a copy of the notebook and nothing else; the
    tests run in this process and reach the student's names through :mod:`utils.remote`.

    Parameters
    ----------
    submission : path of the notebook to grade
    lab_dir : the lab folder (holding ``*-master.ipynb``)
    timeout : seconds allowed for each cell and for each question's tests (typical 10-60)
    tests_dir : folder of the lab's full otter test files; default: generated from the master
    limits : all limits (``timeout`` is ignored when given)

    Returns
    -------
    :class:`Grades`: one QuestionResult per autograded question, in the order of the test files
    (q1, q2, ...); the questions marked by hand in its ``manual``, outside the total.
    """
    from otter.test_files import ExceptionTestFile
    from otter.test_files.abstract_test import TestCaseResult

    limits = limits or Limits(timeout=timeout)
    if not limits.timeout > 0 or not limits.total > 0:
        raise GradingError(f"time limits must be positive numbers of seconds, got {limits.timeout} "
                           f"and {limits.total}")
    nb = read_notebook(submission)
    with tempfile.TemporaryDirectory(prefix="grading-") as tmp:
        tmp = Path(tmp).resolve()
        trusted = tmp / "trusted"
        trusted.mkdir()
        if tests_dir is None:
            tests_dir = autograder_tests(lab_dir, trusted / "tests")
        tests_dir = Path(tests_dir).resolve()
        test_files = [ExceptionTestFile.from_file(str(p))
                      for p in sorted(tests_dir.glob("*.py"), key=_natural_key)]
        work = tmp / "work"
        work.mkdir()
        shutil.copyfile(submission, work / Path(submission).name)  # the kernel's own copy
        hide = [trusted, tests_dir, Path(lab_dir).resolve(), ROOT / "labs", ROOT / "tests",
                *map(Path, limits.hide)]
        for path in hide:
            if tmp.is_relative_to(path.resolve()):
                raise GradingError(f"cannot hide {path}: the grader's working folder is inside it")
        _kernel_spec(tmp / "kernels", limits, hide)
        ran = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()
               and not all(_OTTER_LINE.fullmatch(line) for line in c.source.splitlines())]
        session = _Session([nb.cells[i].source for i in ran], work, tmp / "kernels", limits)
        if any("torch" in Path(tf.path).read_text() for tf in test_files):
            import torch  # the tests' own torch work: one thread, as in the student's kernel
            torch.set_num_threads(1)
        try:
            outcomes = session.run_cells()
            notes = _cell_notes(nb, ran, outcomes)
            results = Grades(manual=_manual_answers(nb, manual_questions(lab_dir), ran, outcomes))
            for tf in test_files:
                passed = session.run_tests(tf)
                tf.test_case_results = [TestCaseResult(tc, msg, ok)
                                        for tc, (ok, msg) in zip(tf.test_cases, passed)]
                results.append(QuestionResult(tf.name, float(tf.score), float(tf.possible),
                                              _message(tf, notes.get(tf.name))))
        finally:
            session.close()
    return results


def format_report(results: list[QuestionResult], width: int = 90) -> str:
    """The score table (question, points earned, points possible, short message), the
    autograded total, the questions marked by hand (outside that total), then the full message
    of every question that lost points."""
    lines = [f"{'question':<10}{'points':>8}{'possible':>10}  message"]
    for r in results:
        msg = r.message if len(r.message) <= width else r.message[:width - 3] + "..."
        lines.append(f"{r.name:<10}{r.points:>8g}{r.possible:>10g}  {msg}")
    total, possible = sum(r.points for r in results), sum(r.possible for r in results)
    manual = getattr(results, "manual", [])
    lines.append(f"{'total':<10}{total:>8g}{possible:>10g}" + ("  (autograded)" if manual else ""))
    if manual:
        extra = sum(m.possible for m in manual)
        lines += ["", f"Marked by hand, not in the total above ({extra:g} more points, given by "
                      "your instructor with the rubric in the master):"]
        for m in manual:
            lines.append(f"{m.name:<10}{'-':>8}{m.possible:>10g}  {m.note}")
    details = [r for r in results if r.points < r.possible]
    if details:
        lines += ["", "Details:"]
        for r in details:
            lines += textwrap.wrap(f"{r.name}: {r.message}", width=100, subsequent_indent="    ")
    return "\n".join(lines)


# ----------------------------------------------------------------------------- a class

def _grade_one(path: str, lab: str, tests_dir: str, limits: Limits) -> dict:
    """Grade one submission for grade_class; never raises (a bad file is a row of its own)."""
    start = time.monotonic()
    try:
        results = grade(path, lab, tests_dir=tests_dir, limits=limits)
        return {"status": "graded", "results": [r.__dict__ for r in results],
                "manual": [m.__dict__ for m in results.manual],
                "report": format_report(results), "seconds": time.monotonic() - start}
    except GradingError as e:
        return {"status": "error", "results": [], "report": f"error: {e}",
                "seconds": time.monotonic() - start}
    except Exception as e:  # the grader itself failed on this file: record it, go on
        return {"status": "error", "results": [],
                "report": f"error: the grader failed ({type(e).__name__}: {student_text(e)})",
                "seconds": time.monotonic() - start}


def grade_class(folder: str | Path, lab_dir: str | Path, gradebook: str | Path | None = None,
                jobs: int = 2, limits: Limits | None = None, log=print) -> Path:
    """Grade every notebook under ``folder`` with the same confinement as :func:`grade`.

    Writes ``gradebook`` (default ``<folder>/gradebook.csv``): one row per submission with the
    points of each question, the autograded total, an empty column per question marked by hand
    (for the marker), the status (``graded`` or ``error``) and the seconds it
    took; and ``<folder>/reports/<name>.txt``, the report the student would see. Submissions
    already in the gradebook with status ``graded`` are skipped, so an interrupted run resumes;
    a file that cannot be graded gets a row with status ``error`` and the run goes on.
    ``jobs`` submissions are graded at once, each in its own process and kernel.
    """
    import csv
    from concurrent.futures import ProcessPoolExecutor, as_completed

    folder, lab_dir = Path(folder), Path(lab_dir)
    limits = limits or Limits()
    gradebook = Path(gradebook) if gradebook else folder / "gradebook.csv"
    reports = folder / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    names = sorted(p for p in folder.rglob("*.ipynb")
                   if reports not in p.parents and ".ipynb_checkpoints" not in p.parts)
    done = {}
    if gradebook.is_file():
        with open(gradebook, newline="") as f:
            done = {row["submission"]: row for row in csv.DictReader(f)}
    todo = [p for p in names if done.get(str(p.relative_to(folder)), {}).get("status") != "graded"]
    log(f"{len(names)} notebooks in {folder}; {len(names) - len(todo)} already graded; "
        f"grading {len(todo)} with {jobs} at a time")
    with tempfile.TemporaryDirectory(prefix="grade-class-") as tmp:
        tests_dir = autograder_tests(lab_dir, Path(tmp) / "tests")
        questions = [p.stem for p in sorted(tests_dir.glob("*.py"), key=_natural_key)]
        by_hand = [f"{q} (by hand)" for q in manual_questions(lab_dir)]  # for the marker to fill
        fields = ["submission", *questions, "total", "possible", *by_hand, "status", "seconds"]
        rows = {k: v for k, v in done.items() if v.get("status") == "graded"}

        def write():
            tmp_csv = gradebook.with_suffix(".csv.tmp")
            with open(tmp_csv, "w", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
                writer.writeheader()
                for key in sorted(rows):
                    writer.writerow(rows[key])
            os.replace(tmp_csv, gradebook)   # never a half-written gradebook

        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {pool.submit(_grade_one, str(p), str(lab_dir), str(tests_dir), limits): p
                       for p in todo}
            for k, fut in enumerate(as_completed(futures), 1):
                path = futures[fut]
                name = str(path.relative_to(folder))
                out = fut.result()
                row = {"submission": name, "status": out["status"],
                       "seconds": f"{out['seconds']:.1f}"}
                for r in out["results"]:
                    row[r["name"]] = f"{r['points']:g}"
                if out["results"]:
                    row["total"] = f"{sum(r['points'] for r in out['results']):g}"
                    row["possible"] = f"{sum(r['possible'] for r in out['results']):g}"
                rows[name] = row
                report = reports / (name.replace(os.sep, "__").removesuffix(".ipynb") + ".txt")
                report.write_text(out["report"] + "\n")
                write()
                log(f"[{k}/{len(todo)}] {name}: {row.get('total', '-')}/{row.get('possible', '-')} "
                    f"({out['status']}, {out['seconds']:.0f} s)")
        write()
    return gradebook


# ----------------------------------------------------------------------------- command line

def _add_limits(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help="seconds allowed for each cell and for each question's tests "
                        f"(default {DEFAULT_TIMEOUT:g})")
    p.add_argument("--total-timeout", type=float, default=DEFAULT_TOTAL_TIMEOUT,
                   help=f"seconds for the whole submission (default {DEFAULT_TOTAL_TIMEOUT:g})")
    p.add_argument("--memory-mb", type=int, default=DEFAULT_MEMORY_MB,
                   help=f"address space of the student's kernel in MB (default {DEFAULT_MEMORY_MB})")
    p.add_argument("--hide", action="append", default=[], metavar="DIR",
                   help="a folder the student's kernel must not see (repeatable; the lab's "
                        "folder, labs/ and tests/ are always hidden)")


def _limits(args) -> Limits:
    return Limits(timeout=args.timeout, total=args.total_timeout, memory_mb=args.memory_mb,
                  hide=tuple(args.hide))


def _confinement_note() -> str:
    if namespaces_available():
        return ("confined: own folder, no network, instructor folders hidden, "
                "no other process visible")
    return ("NOT fully confined: user namespaces are not available here, so the kernel can "
            "read your files and use the network (limits on time and memory still apply)")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in ("assign", "grade", "grade-class", "autograder", "-h", "--help"):
        argv.insert(0, "grade")  # `python -m utils.grading NB.ipynb --lab ...` means grade
    parser = argparse.ArgumentParser(prog="python -m utils.grading",
                                     description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_assign = sub.add_parser("assign", help="regenerate a lab's student version from its master")
    p_assign.add_argument("lab", help="lab folder, e.g. labs/01-logistic-regression")
    p_grade = sub.add_parser("grade", help="grade a notebook with the public and hidden tests")
    p_grade.add_argument("notebook", help="the notebook to grade (never modified)")
    p_grade.add_argument("--lab", help="lab folder (default: found from the notebook's metadata)")
    _add_limits(p_grade)
    p_class = sub.add_parser("grade-class", help="grade a folder of submissions into a CSV gradebook")
    p_class.add_argument("folder", help="folder of submitted notebooks (searched recursively)")
    p_class.add_argument("--lab", required=True, help="lab folder, e.g. labs/01-logistic-regression")
    p_class.add_argument("--jobs", type=int, default=2, help="submissions graded at once (default 2)")
    p_class.add_argument("--gradebook", help="CSV to write (default FOLDER/gradebook.csv)")
    _add_limits(p_class)
    p_auto = sub.add_parser("autograder", help="build otter's autograder zip for Gradescope or "
                                               "`otter grade` (Docker)")
    p_auto.add_argument("lab", help="lab folder")
    p_auto.add_argument("--out", required=True, help="folder to write the zip into")
    args = parser.parse_args(argv)
    try:
        if args.command == "assign":
            path = assign(args.lab)
            print(f"wrote {path} and {path.parent / 'tests'}/")
            return 0
        if args.command == "autograder":
            zip_path = autograder_zip(args.lab, args.out)
            print(f"wrote {zip_path}")
            return 0
        limits = _limits(args)
        if args.command == "grade-class":
            print(f"grading {args.folder} for lab {args.lab}; limits: {limits.timeout:g} s per cell "
                  f"and per question, {limits.total:g} s per submission, {limits.memory_mb} MB; "
                  + _confinement_note())
            book = grade_class(args.folder, args.lab, args.gradebook, jobs=args.jobs, limits=limits)
            print(f"wrote {book}")
            return 0
        lab = Path(args.lab or os.path.relpath(find_lab(read_notebook(args.notebook))))
        print(f"grading {args.notebook} (lab {lab}; time limit {limits.timeout:g} s per cell and "
              f"per question, {limits.total:g} s in all; {_confinement_note()})")
        start = time.monotonic()
        print(format_report(grade(args.notebook, lab, limits=limits)))
        print(f"graded in {time.monotonic() - start:.1f} s")
        return 0
    except GradingError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
