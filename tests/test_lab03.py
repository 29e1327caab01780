"""Lab 3 graded both ways: the reference earns full marks, the blank notebook none, each typical
wrong answer (tests/labs/lab03/<question>_<what>.py) loses its own question's points only, and
the committed student version is not stale. The shared machinery is in tests/labkit.py.
"""

import pytest

from labkit import Lab

LAB = Lab("03-optimization", "lab03")
POINTS = {"q1": 3, "q2": 3, "q3": 2, "q4": 2}


@pytest.fixture(scope="session")
def tests_dir(tmp_path_factory):
    """The full (public + hidden) test files, generated once from the master."""
    return LAB.tests_dir(tmp_path_factory.mktemp("lab03"))


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


def test_required_wrong_answers_are_present():
    """The mistakes the lab is designed to catch, one file each."""
    names = set(LAB.wrong_answers())
    assert {"q1_momentum_wrong_order.py", "q1_momentum_dampening.py",
            "q2_adam_no_bias_correction.py", "q3_softplus_grad_missing_chain_factor.py",
            "q3_softplus_grad_wrong_sign.py"} <= names


def test_committed_student_version_is_not_stale(tmp_path):
    LAB.check_student_version_fresh(tmp_path)
