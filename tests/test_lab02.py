"""Lab 2 graded both ways: the reference earns full marks, the blank notebook none, each
typical wrong answer loses its own question's points only, and the student version is not
stale. (Hangs, bad files and the command line are the grader's business: tests/test_lab01.py.)

Wrong answers are built from the reference submission by replacing one answer cell with a
snippet named ``<question>_<what>.py`` from tests/labs/lab02/.
"""

import pytest

from labkit import Lab

LAB2 = Lab("02-information-theory", "lab02")
POINTS = {"q1": 1, "q2": 2, "q3": 1, "q4": 2, "q5": 2, "q6": 2}


@pytest.fixture(scope="session")
def tests_dir(tmp_path_factory):
    """The full (public + hidden) test files, generated once from the master."""
    return LAB2.tests_dir(tmp_path_factory.mktemp("lab02"))


def test_questions_and_points_are_as_announced(tests_dir):
    LAB2.check_questions_and_points(tests_dir, POINTS)
    assert sum(POINTS.values()) == 10


def test_reference_solution_earns_full_marks(tmp_path, tests_dir):
    LAB2.check_reference_full_marks(tmp_path, tests_dir, POINTS)


def test_blank_student_notebook_earns_zero(tests_dir):
    LAB2.check_blank_zero(tests_dir, POINTS)


@pytest.mark.parametrize("name", LAB2.wrong_answers())
def test_wrong_answer_loses_only_its_question(tmp_path, tests_dir, name):
    LAB2.check_wrong_answer(tmp_path, tests_dir, POINTS, name)


def test_wrong_answers_cover_every_question():
    LAB2.check_wrong_answers_cover_every_question(POINTS)


def test_committed_student_version_is_not_stale(tmp_path):
    LAB2.check_student_version_fresh(tmp_path)
