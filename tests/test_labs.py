"""Every lab graded both ways: the reference solution earns full marks, the blank student
notebook none, each typical wrong answer loses its own question's points only (graded in
rounds of one wrong answer per question, each round one submission), a plausible weak
submission (``tests/labs/<lab>/weak/``) at most half the points, and the committed
student version is not stale. (Hangs, bad files and the command line are the
grader's business, tested once on Lab 1 in tests/test_grading.py.)

A wrong answer is a file ``tests/labs/<lab>/<question>_<what>.py`` whose source replaces that
question's answer cell in the reference submission; adding one adds a test. A right answer unlike
the reference's (``tests/labs/<lab>/right/<question>_<what>.py``) must earn full marks.
"""

import pytest

from labkit import Lab

# lab -> points per question, as the lab's introduction announces them
LABS = {
    Lab("01-logistic-regression", "lab01"): {"q1": 1, "q2": 2, "q3": 2, "q4": 1, "q5": 2, "q6": 2},
    Lab("02-information-theory", "lab02"): {"q1": 1, "q2": 1, "q3": 1, "q4": 1, "q5": 1, "q6": 2, "q7": 2, "q8": 1},
    Lab("03-optimization", "lab03"): {"q1": 1, "q2": 2, "q3": 2, "q4": 2, "q5": 1, "q6": 2},
    Lab("04-convolutional-networks", "lab04"): {"q1": 2, "q2": 3, "q3": 3, "q4": 2},
    Lab("05-recurrent-networks", "lab05"): {"q1": 3, "q2": 2, "q3": 2, "q4": 3},
    Lab("06-generative-models", "lab06"): {"q1": 2, "q2": 2, "q3": 3, "q4": 3},
    Lab("07-reinforcement-learning", "lab07"): {"q1": 2, "q2": 1, "q3": 1, "q4": 2, "q5": 2, "q6": 2},
    Lab("08-deep-reinforcement-learning", "lab08"): {"q1": 2, "q2": 1, "q3": 2, "q4": 2, "q5": 3},
}
# the mistakes each lab's issue names, which must stay among its wrong answers
REQUIRED = {
    "lab02": {"q2_log_of_zero.py", "q4_swapped_arguments.py", "q4_accepts_unnormalised.py",
              "q2_ignores_base.py", "q6_unbiased_variance.py"},
    "lab03": {"q1_momentum_wrong_order.py", "q1_momentum_dampening.py",
              "q2_adam_no_bias_correction.py", "q3_softplus_grad_missing_chain_factor.py",
              "q3_softplus_grad_wrong_sign.py"},
    "lab04": {"q2_flipped_kernel.py", "q2_padding_one_side.py", "q1_output_size_off_by_one.py"},
    "lab05": {"q1_forget_gate_on_input.py", "q1_tanh_sigmoid_swapped.py", "q2_state_not_carried.py",
              "q3_loss_not_shifted.py", "q4_undertrained.py", "q4_bidirectional.py",
              "q4_targets_not_shifted.py"},
    "lab06": {"q1_sign_flipped.py", "q1_missing_half.py", "q1_logvar_as_variance.py",
              "q2_no_reparameterisation.py", "q4_generator_steps_discriminator.py"},
    "lab07": {"q1_no_discount.py", "q4_no_discount.py", "q4_sarsa_target.py"},
    "lab08": {"q1_bootstraps_through_terminal.py", "q3_undiscounted.py", "q4_sign_flipped.py",
              "q5_loss_sign_flipped.py", "q2_never_updated.py"},
}
# labs whose weak submission (a student who copies the formulas but misses each trap) must
# score at most half of what the reference earns
WEAK = ["lab01", "lab02", "lab03", "lab07"]
BY_NAME = {lab.name: lab for lab in LABS}
# graded in rounds of one answer per question (Lab.rounds): each round is one submission
WRONG = [pytest.param(lab.name, r, id=f"{lab.name}:{'+'.join(r)}") for lab in LABS for r in lab.rounds(lab.wrong_answers())]
RIGHT = [pytest.param(lab.name, r, id=f"{lab.name}:{'+'.join(r)}") for lab in LABS for r in lab.rounds(lab.right_answers())]


@pytest.fixture(scope="session")
def tests_dirs(tmp_path_factory):
    """lab name -> its full (public + hidden) test files, generated once from the master."""
    made = {}

    def get(lab: Lab):
        if lab.name not in made:
            made[lab.name] = lab.tests_dir(tmp_path_factory.mktemp(lab.name))
        return made[lab.name]

    return get


@pytest.mark.parametrize("name", BY_NAME)
def test_questions_and_points_are_as_announced(tests_dirs, name):
    lab = BY_NAME[name]
    lab.check_questions_and_points(tests_dirs(lab), LABS[lab])
    assert sum(LABS[lab].values()) == 10


@pytest.mark.parametrize("name", BY_NAME)
def test_reference_solution_earns_full_marks(tmp_path, tests_dirs, name):
    lab = BY_NAME[name]
    lab.check_reference_full_marks(tmp_path, tests_dirs(lab), LABS[lab])


@pytest.mark.parametrize("name", BY_NAME)
def test_blank_student_notebook_earns_zero(tests_dirs, name):
    lab = BY_NAME[name]
    lab.check_blank_zero(tests_dirs(lab), LABS[lab])


@pytest.mark.parametrize("name, answers", WRONG)
def test_wrong_answers_lose_only_their_questions(tmp_path, tests_dirs, name, answers):
    lab = BY_NAME[name]
    lab.check_wrong_answers(tmp_path, tests_dirs(lab), LABS[lab], answers)


@pytest.mark.parametrize("name, answers", RIGHT)
def test_right_answers_unlike_the_reference_earn_full_marks(tmp_path, tests_dirs, name, answers):
    """Correct work written another way (a looser but allowed precision, no default arguments)."""
    lab = BY_NAME[name]
    lab.check_right_answers(tmp_path, tests_dirs(lab), LABS[lab], answers)


@pytest.mark.parametrize("name", WEAK)
def test_weak_submission_scores_clearly_below_the_reference(tmp_path, tests_dirs, name):
    lab = BY_NAME[name]
    lab.check_weak_below_strong(tmp_path, tests_dirs(lab), LABS[lab])


@pytest.mark.parametrize("name", BY_NAME)
def test_wrong_answers_cover_every_question(name):
    lab = BY_NAME[name]
    lab.check_wrong_answers_cover_every_question(LABS[lab])
    assert REQUIRED.get(name, set()) <= set(lab.wrong_answers())


@pytest.mark.parametrize("name", BY_NAME)
def test_committed_student_version_is_not_stale(tmp_path, name):
    BY_NAME[name].check_student_version_fresh(tmp_path)
