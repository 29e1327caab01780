"""Lab 7 graded both ways: the reference earns full marks, the blank notebook none, each typical
wrong answer (tests/labs/lab07/<question>_<what>.py) loses its own question's points only, and
the committed student version is not stale."""

import pytest

from labkit import Lab

LAB = Lab("07-reinforcement-learning", "lab07")
POINTS = {"q1": 2, "q2": 2, "q3": 2, "q4": 3, "q5": 1}


@pytest.fixture(scope="session")
def tests_dir(tmp_path_factory):
    return LAB.tests_dir(tmp_path_factory.mktemp("lab07"))


def test_questions_and_points_are_as_announced(tests_dir):
    LAB.check_questions_and_points(tests_dir, POINTS)


def test_reference_solution_earns_full_marks(tmp_path, tests_dir):
    LAB.check_reference_full_marks(tmp_path, tests_dir, POINTS)


def test_blank_student_notebook_earns_zero(tests_dir):
    LAB.check_blank_zero(tests_dir, POINTS)


@pytest.mark.parametrize("name", LAB.wrong_answers())
def test_wrong_answer_loses_only_its_question(tmp_path, tests_dir, name):
    LAB.check_wrong_answer(tmp_path, tests_dir, POINTS, name)


def test_wrong_answers_cover_every_question():
    LAB.check_wrong_answers_cover_every_question(POINTS)


def test_committed_student_version_is_not_stale(tmp_path):
    LAB.check_student_version_fresh(tmp_path)
