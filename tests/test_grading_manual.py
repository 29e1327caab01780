"""Questions marked by hand (otter's ``manual: true``): the grader leaves them out of the
autograded total, reports them apart with what the submission holds, and does not blame their
cells on the next autograded question. Tested on a small lab built here, so that the check
does not depend on any one lab's content."""

import csv

import nbformat
import pytest

from utils.grading import assign, format_report, grade, grade_class, manual_questions

CONFIG = """# ASSIGNMENT CONFIG
name: labm
init_cell: true
check_all_cell: false
export_cell: false
generate: false
run_tests: false
solutions_pdf: false
template_pdf: false
files: []
tests:
  files: true
  ok_format: false"""


def autograded(name: str, fn: str, body: str, test: str) -> list:
    raw, md, code = nbformat.v4.new_raw_cell, nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    return [raw(f"# BEGIN QUESTION\nname: {name}\npoints: 1\nall_or_nothing: true"),
            md(f"## {name}\nWrite `{fn}`."),
            raw("# BEGIN SOLUTION"),
            code(f"def {fn}(x):\n    # BEGIN SOLUTION\n    return {body}\n    # END SOLUTION"),
            raw("# END SOLUTION"), raw("# BEGIN TESTS"), code(test), raw("# END TESTS"),
            raw("# END QUESTION")]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A lab with q1 (autograded), q2 (by hand: a figure and a written answer), q3 (autograded)."""
    raw, md, code = nbformat.v4.new_raw_cell, nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    folder = tmp_path_factory.mktemp("labm")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [md("# Lab M"), raw(CONFIG),
                *autograded("q1", "double", "2 * x",
                            "def test_double(double):\n    assert double(3) == 6, 'not twice'\n\ntest_double(double)"),
                raw("# BEGIN QUESTION\nname: q2\nmanual: true\npoints: 2"),
                md("## q2 (marked by hand)\nPlot something and explain it."),
                raw("# BEGIN SOLUTION"),
                code("# BEGIN SOLUTION\nprint('a figure')\n# END SOLUTION"),
                md("Model answer.\n\n**Rubric (for markers).** 1 point each for a and b."),
                raw("# END SOLUTION"),
                raw("# END QUESTION"),
                *autograded("q3", "square", "x * x",
                            "def test_square(square):\n    assert square(3) == 9, 'not the square'\n\ntest_square(square)"),
                md("The end.")]
    nbformat.write(nb, folder / "labm-master.ipynb")
    assign(folder)
    return folder


def submission(lab, path, figure_code: str, words: str, square="def square(x):\n    return x ** 2"):
    """The student version answered: q1 right, q2's figure cell and text and q3 as given."""
    nb = nbformat.read(lab / "student" / "labm.ipynb", as_version=4)
    answers = [c for c in nb.cells if "otter_answer_cell" in c.metadata.get("tags", [])]
    kinds = [c.cell_type for c in answers]
    # q1, q2's written answer (otter puts it first in the question's answers) and figure, q3
    assert kinds == ["code", "markdown", "code", "code"], kinds
    assert "Rubric" not in "".join(c.source for c in nb.cells), "the rubric leaked to students"
    answers[0].source = "def double(x):\n    return x + x"
    answers[1].source = words
    answers[2].source = figure_code
    answers[3].source = square
    nbformat.write(nb, path)
    return path


def test_the_manual_question_is_read_from_the_master(lab):
    assert manual_questions(lab) == {"q2": 2.0}


def test_manual_points_are_outside_the_total_and_their_cells_blame_nothing_else(lab, tmp_path):
    nb = submission(lab, tmp_path / "labm.ipynb", "raise ValueError('no data for the plot')",
                    "The curve falls because the weights grow.", "def square(x):\n    return 2 * x")
    results = grade(nb, lab)
    assert [(r.name, r.points, r.possible) for r in results] == [("q1", 1, 1), ("q3", 0, 1)]
    # q2's failing cell sits just before q3's answer: q3's message must not blame it
    assert results[1].message == "public test 1 of 1 failed: not the square", results[1].message
    [m] = results.manual
    assert (m.name, m.possible) == ("q2", 2.0)
    assert m.note.startswith("7 words written; ") and "raised ValueError" in m.note, m.note
    report = format_report(results)
    assert "total            1         2  (autograded)" in report, report
    assert "Marked by hand, not in the total above (2 more points" in report, report


def test_a_blank_manual_answer_is_reported_as_such(lab, tmp_path):
    nb = submission(lab, tmp_path / "labm.ipynb", "...", "_Type your answer here, replacing this text._")
    results = grade(nb, lab)
    assert results.manual[0].note == "no written answer; no code written"
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a.ipynb").write_bytes(nb.read_bytes())
    book = grade_class(folder, lab, jobs=1, log=lambda *a: None)
    with open(book, newline="") as f:
        [row] = list(csv.DictReader(f))
    assert (row["total"], row["possible"], row["q2 (by hand)"]) == ("2", "2", ""), row
