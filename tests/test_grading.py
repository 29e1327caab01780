"""The grader's own behaviour, tested on Lab 1: hangs are stopped and the rest graded, bad
files are refused cleanly, the command line prints the score table, the graded file is never
modified. (Every lab graded both ways: tests/test_labs.py.)

A hang is the reference submission with one answer cell replaced by a snippet from
tests/labs/lab01/hangs/.
"""

import subprocess
import sys

import pytest

from labkit import ROOT, Lab, scores, sha256
from test_labs import LABS

LAB1 = Lab("01-logistic-regression", "lab01")
LAB, STUDENT = LAB1.dir, LAB1.student
POINTS = LABS[LAB1]
write_submission, snippet = LAB1.write_submission, LAB1.snippet
# Time limit for the hang tests: short to keep them quick, long enough that an ordinary
# cell (the imports) is not stopped on a busy two-core machine.
HANG_LIMIT = 6


@pytest.fixture(scope="session")
def tests_dir(tmp_path_factory):
    """The full (public + hidden) test files, generated once from the master."""
    return LAB1.tests_dir(tmp_path_factory.mktemp("lab01"))


def test_loop_in_a_cell_is_stopped_and_the_rest_graded(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q4_loops_at_top_level.py"))
    results = LAB1.grade(nb, tests_dir, timeout=HANG_LIMIT)
    assert scores(results) == {**POINTS, "q4": 0}
    q4 = next(r for r in results if r.name == "q4")
    assert f"stopped after {HANG_LIMIT} s" in q4.message, q4.message


def test_loop_in_a_tested_function_is_stopped_and_the_rest_graded(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q1_loops_inside_function.py"))
    results = LAB1.grade(nb, tests_dir, timeout=HANG_LIMIT)
    assert scores(results) == {**POINTS, "q1": 0}
    q1 = next(r for r in results if r.name == "q1")
    assert f"tests stopped after {HANG_LIMIT} s" in q1.message, q1.message


def test_kernel_that_swallows_the_interrupt_is_replaced(tmp_path, tests_dir):
    nb = write_submission(tmp_path / "lab01.ipynb", snippet("hangs/q6_ignores_interrupts.py"))
    results = LAB1.grade(nb, tests_dir, timeout=HANG_LIMIT)
    assert scores(results) == {**POINTS, "q6": 0}
    assert f"stopped after {HANG_LIMIT} s" in next(r.message for r in results if r.name == "q6")


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
