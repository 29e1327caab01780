"""The grader treats a submission as hostile: an adversarial suite on Lab 1.

Forging: a blank notebook plus one cell that attacks the grader (patching the comparison or
the reporting, rewriting or reading the tests, objects equal to everything, sabotaging the
grader's stub in the kernel, killing processes) must still score zero, within the time
limits, with the submission unchanged.

Honest work: the reference answers plus an unusual but harmless cell (exit(), a flood of
output, a huge allocation, a background process, hundreds of cells, a killed kernel, a
deleted earlier answer) must keep full marks (or lose only what the change deserves).

Confinement: the student's kernel sees none of the instructor's files, has no network and
no other process, and every process it starts is gone afterwards.
"""

import hashlib
import subprocess
import time

import nbformat
import pytest

from labkit import Lab, scores
from test_labs import LABS
from utils.grading import Limits, StudentKernel, _kernel_spec, grade, namespaces_available, ROOT
from utils.remote import KERNEL_STUB, Channel, RemoteEnv

LAB1 = Lab("01-logistic-regression", "lab01")
POINTS = LABS[LAB1]
ZERO = {q: 0 for q in POINTS}
needs_namespaces = pytest.mark.skipif(not namespaces_available(),
                                      reason="no user namespaces here: confinement is partial")


@pytest.fixture(scope="module")
def tests_dir(tmp_path_factory):
    return LAB1.tests_dir(tmp_path_factory.mktemp("lab01-security"))


def with_cell(path, code: str, at: int | None = None, base=None):
    """``base`` (default: the blank student notebook) with one more code cell, at the end or at
    position ``at`` among the cells."""
    nb = nbformat.read(base or LAB1.student, as_version=4)
    cell = nbformat.v4.new_code_cell(code)
    nb.cells.insert(len(nb.cells) if at is None else at, cell)
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i}"
    nbformat.write(nb, path)
    return path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def graded(path, tests_dir, **limits):
    before, mtime = digest(path), path.stat().st_mtime_ns
    start = time.monotonic()
    results = grade(path, LAB1.dir, tests_dir=tests_dir, limits=Limits(**{"timeout": 20, **limits}))
    took = time.monotonic() - start
    assert digest(path) == before and path.stat().st_mtime_ns == mtime, "the submission was written"
    return results, took


# ----------------------------------------------------------------------------- forging

FORGERIES = {
    "patch_json_and_otter": """
import json
import otter.test_files as tf
json.dump = lambda obj, f, *a, **k: f.write(json.dumps([[True, ""]] * 10))
json.loads = lambda *a, **k: [[True, ""]] * 10
class Passing:
    def __init__(self, *a, **k): self.test_cases = []
    @classmethod
    def from_file(cls, *a, **k): return cls()
tf.ExceptionTestFile = Passing
""",
    "patch_comparisons": """
import builtins, math
import numpy
builtins.abs = lambda x: 0.0
numpy.allclose = lambda *a, **k: True
numpy.isclose = lambda a, b, *r, **k: numpy.ones(numpy.shape(a), dtype=bool)
numpy.isfinite = lambda *a, **k: True
numpy.array_equal = lambda *a, **k: True
math.isclose = lambda *a, **k: True
builtins.AssertionError = type("Nothing", (Exception,), {})
""",
    "rewrite_and_read_tests": """
import glob, os
found = []
for pattern in ("../**/q*.py", "/tmp/**/q*.py", "/work/**/tests/q*.py", "/work/**/*-master.ipynb"):
    for p in glob.glob(pattern, recursive=True):
        try:
            text = open(p).read()
        except OSError:
            continue
        found.append(p)
        if p.startswith("..") and "test_case" in text:   # rewrite only what lies beside the work folder
            try:
                open(p, "w").write("OK_FORMAT = False\\nname = 'q1'\\npoints = 1\\n")
            except OSError:
                pass
assert not found, found   # nothing to find: this cell raises if the grader's files are visible
""",
    "equal_to_everything": """
class Anything:
    def __eq__(self, other): return True
    __ne__ = lambda self, other: False
    __lt__ = __le__ = __gt__ = __ge__ = __eq__
    def __bool__(self): return True
    def __float__(self): return 0.5
    def __int__(self): return 0
    def __index__(self): return 0
    def __len__(self): return 2
    def __iter__(self): return iter([self, self])
    def __getitem__(self, key): return self
    def __getattr__(self, name): return self
    def __call__(self, *args, **kwargs): return self
    def __abs__(self): return 0.0
    def __array__(self, *args, **kwargs):
        import numpy as np
        return np.full((2, 3), 0.5)
    def __sub__(self, other): return self
    __rsub__ = __add__ = __radd__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = __sub__
    __matmul__ = __rmatmul__ = __pow__ = __neg__ = __sub__
sigmoid = nll = nll_grad = softmax = train = boundary_line = Anything()
""",
    "numeric_subclasses": """
import numpy as np
class Yes(np.ndarray):
    def __eq__(self, other): return np.ones(np.shape(self), dtype=bool)
class F(float):
    def __eq__(self, other): return True
    def __sub__(self, other): return F(0.0)
    def __abs__(self): return F(0.0)
def sigmoid(z): return np.zeros(np.shape(z)).view(Yes)
def nll(z, y): return F(1.0)
""",
    "sabotage_the_stub": """
import ipykernel.kernelbase as kb
kb.Kernel.raw_input = lambda self, prompt="": '{"op": "result", "ok": true, "value": true}'
ip = get_ipython()
ip.input_transformers_post.append(lambda lines: ["__grading__ = None\\n"] if "__grading" in "".join(lines) else lines)
""",
}


@pytest.mark.parametrize("attack", FORGERIES)
def test_forged_scores_are_zero(tmp_path, tests_dir, attack):
    nb = with_cell(tmp_path / "lab01.ipynb", FORGERIES[attack])
    # a short limit: a forgery that breaks the kernel's channel costs two timed-out stub installs,
    # and Lab 1's tests need well under a second (a slow kernel can only lower the score, never raise it)
    results, took = graded(nb, tests_dir, timeout=8)
    assert scores(results) == ZERO, [r.message for r in results]
    assert took < 240


@needs_namespaces
def test_killing_every_process_it_can_does_not_stop_grading(tmp_path, tests_dir):
    attack = """
import os, signal
for pid in [int(p) for p in os.listdir("/proc") if p.isdigit()]:
    if pid != os.getpid():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
try:
    os.kill(-1, signal.SIGKILL)   # every process this user may signal: inside the namespace, only itself
except OSError:
    pass
"""
    nb = with_cell(tmp_path / "lab01.ipynb", attack, base=LAB1.write_submission(tmp_path / "ref.ipynb"))
    results, _ = graded(nb, tests_dir)
    assert scores(results) == POINTS, [r.message for r in results]


def test_leaking_the_graders_functions_shows_nothing(tmp_path, tests_dir):
    """q5's fit_softmax gets the grader's objective; printing its source, constants or closure
    shows nothing of it."""
    leak = """
import inspect
def fit_softmax(objective, W0):
    parts = []
    for get in (inspect.getsource, lambda g: g.__code__.co_consts, lambda g: g.__closure__,
                lambda g: g.__globals__):
        try:
            parts.append(repr(get(objective)))
        except Exception as e:
            parts.append(type(e).__name__)
    raise RuntimeError(" | ".join(parts))
"""
    nb = LAB1.write_submission(tmp_path / "lab01.ipynb", {"q5": leak})
    results, _ = graded(nb, tests_dir)
    q5 = next(r for r in results if r.name == "q5")
    assert q5.points == 0 and "your code raised RuntimeError" in q5.message, q5.message
    for secret in ("logsumexp", "def objective", "X @ W", "Xtr", "load_digits"):
        assert secret not in q5.message, q5.message
    # two texts from the student's code, each truncated: the failed test's and that of the
    # notebook's own cell after q5, which calls fit_softmax too
    assert len(q5.message) < 800 and q5.message.count("...") >= 2, q5.message


# ----------------------------------------------------------------------------- honest work

HARMLESS = {
    "exit_at_the_top": ("exit()", 1),
    "quit_in_the_middle": ("quit()", 12),
    "kernel_killed_by_os_exit": ("import os\nos._exit(3)", 1),
    "flood_of_output": ("import sys\nfor _ in range(10**9):\n    sys.stdout.write('x' * 10000 + '\\n')", 1),
    "huge_allocation": ("import numpy as np\nbig = np.ones(2 * 10**9)", 1),
    "background_processes": ("import subprocess, threading, time\n"
                             "subprocess.Popen(['sleep', '313.5'])\n"
                             "threading.Thread(target=time.sleep, args=(300,), daemon=True).start()", 1),
    "asks_for_input": ("name = input('your name? ')", 1),
}


@pytest.mark.parametrize("case", HARMLESS)
def test_harmless_cells_keep_full_marks(tmp_path, tests_dir, case):
    code, at = HARMLESS[case]
    nb = with_cell(tmp_path / "lab01.ipynb", code, at=at,
                   base=LAB1.write_submission(tmp_path / "ref.ipynb"))
    results, took = graded(nb, tests_dir, timeout=8)
    assert scores(results) == POINTS, [r.message for r in results]
    assert took < 240
    if case == "background_processes":
        left = subprocess.run(["pgrep", "-f", "sleep 313.5"], capture_output=True, text=True)
        assert left.stdout.strip() == "", "a process the submission started outlived the grading"


def test_hundreds_of_cells(tmp_path, tests_dir):
    nb = nbformat.read(LAB1.write_submission(tmp_path / "ref.ipynb"), as_version=4)
    nb.cells[1:1] = [nbformat.v4.new_code_cell(f"x{i} = {i}") for i in range(300)]
    for i, c in enumerate(nb.cells):
        c["id"] = f"cell-{i}"
    nbformat.write(nb, tmp_path / "lab01.ipynb")
    results, took = graded(tmp_path / "lab01.ipynb", tests_dir)
    assert scores(results) == POINTS
    assert took < 240


def test_a_deleted_earlier_answer_costs_only_its_question(tmp_path, tests_dir):
    """A deleted answer (q2) and a broken one (q3, which the cells after q5 use) cost only their
    own questions."""
    nb = LAB1.write_submission(tmp_path / "lab01.ipynb", {"q2": "pass", "q3": "raise RuntimeError('not done')"})
    results, _ = graded(nb, tests_dir)
    assert scores(results) == {**POINTS, "q2": 0, "q3": 0}, [r.message for r in results]


def test_total_time_limit_stops_a_slow_submission(tmp_path, tests_dir):
    nb = with_cell(tmp_path / "lab01.ipynb", "import time\ntime.sleep(6)", at=1,
                   base=LAB1.write_submission(tmp_path / "ref.ipynb"))
    results, took = graded(nb, tests_dir, timeout=10, total=4)
    assert sum(scores(results).values()) < 10
    assert any("total time limit" in r.message for r in results), [r.message for r in results]
    assert took < 120


# ----------------------------------------------------------------------------- confinement

@needs_namespaces
def test_the_kernel_sees_no_instructor_file_no_network_no_other_process(tmp_path):
    hidden = tmp_path / "instructor"
    hidden.mkdir()
    (hidden / "secret.txt").write_text("hidden tests")
    (tmp_path / "work").mkdir()
    limits = Limits(hide=(str(hidden),))
    _kernel_spec(tmp_path / "kernels", limits, [hidden, ROOT / "labs", ROOT / "tests"])
    kernel = StudentKernel(tmp_path / "work", tmp_path / "kernels", limits)
    kernel.start()
    try:
        probe = f"""
import os, socket
seen = {{p: sorted(os.listdir(p)) for p in [{str(hidden)!r}, {str(ROOT / 'labs')!r}, {str(ROOT / 'tests')!r}]}}
try:
    socket.create_connection(("127.0.0.1", 22), timeout=2)
    network = "connected"
except OSError:
    network = "none"
processes = [p for p in os.listdir("/proc") if p.isdigit()]
try:
    open({str(ROOT / 'labs' / '01-logistic-regression' / 'lab01-master.ipynb')!r}).read()
    master = "read"
except OSError:
    master = "hidden"
"""
        assert kernel.execute(probe, 30).status == "ok"
        assert kernel.execute(KERNEL_STUB, 60).status == "ok"
        channel = Channel(kernel.kc, time.monotonic() + 30, kernel.km.interrupt_kernel)
        env = RemoteEnv(channel)
        assert all(v == [] for v in env["seen"].values()), env["seen"]
        assert env["network"] == "none"
        assert env["processes"] == ["1"]
        assert env["master"] == "hidden"
        channel.close()
    finally:
        kernel.close()
    assert (hidden / "secret.txt").read_text() == "hidden tests"   # hidden, not harmed


@needs_namespaces
def test_memory_is_limited(tmp_path, tests_dir):
    nb = with_cell(tmp_path / "lab01.ipynb", "import numpy as np\nbig = np.ones(3 * 10**8)\nok = True",
                   base=LAB1.write_submission(tmp_path / "ref.ipynb"))
    results, _ = graded(nb, tests_dir, memory_mb=1500)
    # 2.4 GB does not fit in 1.5 GB: that cell fails with MemoryError, the answers still score
    assert scores(results) == POINTS


@pytest.mark.parametrize("form", ["nbformat3", "utf16", "latin1"])
def test_other_notebook_files_jupyter_opens_are_graded(tmp_path, tests_dir, form):
    """An old nbformat 3 notebook, or a file saved as UTF-16 or Latin-1: converted, full marks."""
    ref = nbformat.read(LAB1.write_submission(tmp_path / "ref.ipynb"), as_version=4)
    path = tmp_path / "lab01.ipynb"
    if form == "nbformat3":
        path.write_text(nbformat.writes(nbformat.convert(ref, 3), version=3))
    else:
        text = nbformat.writes(ref).replace("Question 1", "Question 1 (\u00e9t\u00e9)")
        path.write_bytes(text.encode("utf-16" if form == "utf16" else "latin-1"))
    results, _ = graded(path, tests_dir)
    assert scores(results) == POINTS, [r.message for r in results]


def test_a_class_is_graded_into_a_gradebook_and_resumes(tmp_path):
    import csv
    from utils.grading import grade_class

    subs = tmp_path / "submissions"
    subs.mkdir()
    LAB1.write_submission(subs / "ada.ipynb")
    (subs / "bob.ipynb").write_bytes(LAB1.student.read_bytes())
    LAB1.write_submission(subs / "cy.ipynb", LAB1.snippet("q3_grad_wrong_sign.py"))
    (subs / "dee.ipynb").write_text("this is not a notebook")
    logs = []
    book = grade_class(subs, LAB1.dir, jobs=2, limits=Limits(timeout=30), log=logs.append)
    with open(book, newline="") as f:
        rows = {r["submission"]: r for r in csv.DictReader(f)}
    assert {k: (r["status"], r.get("total")) for k, r in rows.items()} == {
        "ada.ipynb": ("graded", "10"), "bob.ipynb": ("graded", "0"),
        "cy.ipynb": ("graded", "8"), "dee.ipynb": ("error", "")}
    assert rows["cy.ipynb"]["q3"] == "0" and rows["cy.ipynb"]["q1"] == "1"
    assert "not a valid Jupyter notebook" in (subs / "reports" / "dee.txt").read_text()
    assert "q3" in (subs / "reports" / "cy.txt").read_text()
    # a second run grades only what is not graded yet (the bad file), and keeps the rest
    logs.clear()
    grade_class(subs, LAB1.dir, jobs=2, limits=Limits(timeout=30), log=logs.append)
    assert "3 already graded; grading 1" in logs[0], logs
    with open(book, newline="") as f:
        assert len(list(csv.DictReader(f))) == 4


def test_the_autograder_zip_holds_the_tests_and_no_solution(tmp_path):
    import zipfile
    from utils.grading import autograder_zip

    path = autograder_zip(LAB1.dir, tmp_path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        text = {n: z.read(n).decode("utf-8", "replace") for n in names}
    tests = sorted(n for n in names if n.startswith("tests/"))
    assert tests == [f"tests/q{i}.py" for i in range(1, 7)]
    assert all("hidden=True" in text[n] for n in tests), "the hidden tests are missing"
    assert "files/utils/remote.py" in names and "files/utils/datasets.py" in names
    assert "torch==" in text["environment.yml"] and "otter-grader" in text["environment.yml"]
    assert not any(n.endswith(".ipynb") for n in names), "a notebook (the master?) is in the zip"
    assert not any("# SOLUTION" in text[n] or "BEGIN SOLUTION" in text[n] for n in tests)
