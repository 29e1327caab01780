"""Lab 1 graded both ways: the reference earns full marks, the blank notebook none, each
typical wrong answer loses its own question's points only; hangs are stopped; bad files
are refused cleanly; the graded file is never modified; the student version is not stale.

Wrong answers are built from the reference submission by replacing one answer cell with a
snippet named ``<question>_<what>.py`` from tests/labs/lab01/ (hangs: tests/labs/lab01/hangs/).
"""

import hashlib
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from utils.grading import assign, autograder_tests, grade

ROOT = Path(__file__).resolve().parents[1]
LAB = ROOT / "labs" / "01-logistic-regression"
MASTER = LAB / "lab01-master.ipynb"
STUDENT = LAB / "student" / "lab01.ipynb"
SNIPPETS = Path(__file__).parent / "labs" / "lab01"
POINTS = {"q1": 1, "q2": 2, "q3": 2, "q4": 2, "q5": 2, "q6": 1}
WRONG_ANSWERS = sorted(p.name for p in SNIPPETS.glob("q*.py"))


def answer_cells(nb) -> dict[str, int]:
    """Question name -> index of its answer cell (the last one before its grader.check cell)."""
    found, last = {}, None
    for i, cell in enumerate(nb.cells):
        if "otter_answer_cell" in cell.metadata.get("tags", []):
            last = i
        elif cell.cell_type == "code" and cell.source.startswith("grader.check("):
            found[cell.source.split('"')[1]] = last
    return found


def write_submission(path: Path, replace: dict[str, str] | None = None) -> Path:
    """The student notebook with the master's solutions filled in, then ``replace`` applied."""
    master = {c.id: c.source for c in nbformat.read(MASTER, as_version=4).cells}
    nb = nbformat.read(STUDENT, as_version=4)
    cells = answer_cells(nb)
    for i in cells.values():
        nb.cells[i].source = master[nb.cells[i].id]
    for question, source in (replace or {}).items():
        nb.cells[cells[question]].source = source
    nbformat.write(nb, path)
    return path


def snippet(name: str) -> dict[str, str]:
    """{question: code} from a snippet file named <question>_<what>.py."""
    return {Path(name).name.split("_")[0]: (SNIPPETS / name).read_text()}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores(results) -> dict[str, float]:
    return {r.name: r.points for r in results}


@pytest.fixture(scope="session")
def tests_dir(tmp_path_factory):
    """The full (public + hidden) test files, generated once from the master."""
    return autograder_tests(LAB, tmp_path_factory.mktemp("lab01") / "tests")


def test_questions_and_points_are_as_announced(tests_dir):
    assert sorted(p.stem for p in tests_dir.glob("*.py")) == sorted(POINTS)
    assert set(answer_cells(nbformat.read(STUDENT, as_version=4))) == set(POINTS)
    for q in POINTS:
        public = (LAB / "student" / "tests" / f"{q}.py").read_text()
        full = (tests_dir / f"{q}.py").read_text()
        assert "hidden=True" not in public, f"{q}: a hidden test leaked into the student's tests"
        assert "hidden=True" in full and "hidden=False" in full, f"{q}: public and hidden tests"


def test_reference_solution_earns_full_marks(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb")
    before = sha256(nb)
    results = grade(nb, LAB, timeout=30, tests_dir=tests_dir)
    assert scores(results) == POINTS, [r.message for r in results]
    assert all(r.message == "all tests passed" for r in results)
    assert sha256(nb) == before, "grading modified the submission"


def test_blank_student_notebook_earns_zero(tests_dir):
    before = sha256(STUDENT)
    results = grade(STUDENT, LAB, timeout=30, tests_dir=tests_dir)
    assert scores(results) == {q: 0 for q in POINTS}
    assert {r.name: r.possible for r in results} == POINTS
    assert sha256(STUDENT) == before, "grading modified the committed student notebook"


@pytest.mark.parametrize("name", WRONG_ANSWERS)
def test_wrong_answer_loses_only_its_question(tmp_path, tests_dir, name):
    question = name.split("_")[0]
    nb = write_submission(tmp_path / "lab01.ipynb", snippet(name))
    results = grade(nb, LAB, timeout=30, tests_dir=tests_dir)
    assert scores(results) == {**POINTS, question: 0}, [r.message for r in results]
    assert "test" in next(r.message for r in results if r.name == question)


def test_wrong_answers_cover_every_question():
    assert {name.split("_")[0] for name in WRONG_ANSWERS} == set(POINTS)


def test_loop_in_a_cell_is_stopped_and_the_rest_graded(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q4_loops_at_top_level.py"))
    results = grade(nb, LAB, timeout=3, tests_dir=tests_dir)
    assert scores(results) == {**POINTS, "q4": 0}
    q4 = next(r for r in results if r.name == "q4")
    assert "stopped after 3 s" in q4.message, q4.message


def test_loop_in_a_tested_function_is_stopped_and_the_rest_graded(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q1_loops_inside_function.py"))
    results = grade(nb, LAB, timeout=3, tests_dir=tests_dir)
    assert scores(results) == {**POINTS, "q1": 0}
    q1 = next(r for r in results if r.name == "q1")
    assert q1.message.startswith("tests stopped after 3 s"), q1.message


def test_kernel_that_swallows_the_interrupt_is_replaced(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q6_ignores_interrupts.py"))
    results = grade(nb, LAB, timeout=3, tests_dir=tests_dir)
    assert scores(results) == {**POINTS, "q6": 0}
    assert "stopped after 3 s" in next(r.message for r in results if r.name == "q6")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "utils.grading", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_command_line_prints_the_score_table(tmp_path):
    """The documented form, with the tests generated from the master as in `make grade`."""
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("q3_grad_wrong_sign.py"))
    before = sha256(nb)
    proc = run_cli(str(nb), "--lab", str(LAB), "--timeout", "30")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[1].split()[:3] == ["question", "points", "possible"]
    assert "q3               0         2  " in proc.stdout
    assert "total            8        10" in proc.stdout
    assert sha256(nb) == before


def test_command_line_finds_the_lab_from_the_notebook():
    proc = run_cli("grade", str(STUDENT.relative_to(ROOT)), "--timeout", "30")
    assert proc.returncode == 0, proc.stderr
    assert "total            0        10" in proc.stdout


@pytest.mark.parametrize("content, expected", [
    (None, "is not a valid Jupyter notebook: its JSON is broken"),  # truncated notebook
    (b"def sigmoid(z):\n    return z\n", "is not a valid Jupyter notebook"),
    (b'{"cells": "nope"}', "JSON but not a Jupyter notebook"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "not a text file"),
])
def test_command_line_refuses_files_that_are_not_notebooks(tmp_path, content, expected):
    bad = tmp_path / "lab01.ipynb"
    bad.write_bytes(STUDENT.read_bytes()[:5000] if content is None else content)
    before = sha256(bad)
    proc = run_cli(str(bad), "--lab", str(LAB))
    assert proc.returncode == 2
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert sha256(bad) == before


def test_command_line_refuses_a_missing_file(tmp_path):
    proc = run_cli(str(tmp_path / "nothing.ipynb"), "--lab", str(LAB))
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_committed_student_version_is_not_stale(tmp_path):
    fresh = assign(LAB, tmp_path / "student")
    new, old = nbformat.read(fresh, as_version=4), nbformat.read(STUDENT, as_version=4)
    def cells(nb):
        return [(c.cell_type, c.source) for c in nb.cells]

    assert cells(new) == cells(old), "the student notebook differs from the master: run `make labs`"
    assert [c.get("id") for c in new.cells] == [c.get("id") for c in old.cells]
    def tests(folder):
        return {p.name: p.read_text() for p in (folder / "tests").glob("*.py")}

    assert tests(fresh.parent) == tests(LAB / "student"), "stale student tests: run `make labs`"
    code = [c for c in old.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), \
        "commit the student notebook without outputs"
