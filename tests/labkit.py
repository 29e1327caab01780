"""What every lab's tests share: build a submission from the master's solutions, swap in a
wrong answer, grade it, compare scores.

A lab's test module makes one :class:`Lab` and uses its methods; wrong answers are files
named ``<question>_<what>.py`` under ``tests/labs/<lab name>/``, each holding the source that
replaces that question's answer cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import nbformat

from utils.grading import assign, autograder_tests, grade

ROOT = Path(__file__).resolve().parents[1]


def answer_cells(nb) -> dict[str, int]:
    """Question name -> index of its answer cell (the last one before its grader.check cell)."""
    found, last = {}, None
    for i, cell in enumerate(nb.cells):
        if "otter_answer_cell" in cell.metadata.get("tags", []):
            last = i
        elif cell.cell_type == "code" and cell.source.startswith("grader.check("):
            found[cell.source.split('"')[1]] = last
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scores(results) -> dict[str, float]:
    return {r.name: r.points for r in results}


@dataclass(frozen=True)
class Lab:
    """One lab: ``Lab("01-logistic-regression", "lab01")``."""

    folder: str
    name: str

    @property
    def dir(self) -> Path:
        return ROOT / "labs" / self.folder

    @property
    def master(self) -> Path:
        return self.dir / f"{self.name}-master.ipynb"

    @property
    def student(self) -> Path:
        return self.dir / "student" / f"{self.name}.ipynb"

    @property
    def snippets(self) -> Path:
        return Path(__file__).parent / "labs" / self.name

    def wrong_answers(self) -> list[str]:
        return sorted(p.name for p in self.snippets.glob("q*.py"))

    @staticmethod
    def rounds(names: list[str]) -> list[list[str]]:
        """``names`` (answer files) in rounds of at most one per question, round k holding each
        question's k-th file: a round is graded as one submission. Every file is still checked,
        with a fraction of the gradings (each one replays the whole notebook), and a round of
        wrong answers also shows that a mistake in one question costs nothing on the others."""
        by_question: dict[str, list[str]] = {}
        for name in names:
            by_question.setdefault(Path(name).name.split("_")[0], []).append(name)
        n = max((len(v) for v in by_question.values()), default=0)
        return [[v[k] for v in by_question.values() if k < len(v)] for k in range(n)]

    def right_answers(self) -> list[str]:
        """Correct answers unlike the reference's (``right/<question>_<what>.py``): full marks."""
        return sorted(f"right/{p.name}" for p in (self.snippets / "right").glob("q*.py"))

    def weak_answers(self) -> list[str]:
        """A plausible weak submission's answers (``weak/<question>_<what>.py``, at most one per
        question): formulas copied, every trap missed."""
        return sorted(f"weak/{p.name}" for p in (self.snippets / "weak").glob("q*.py"))

    def snippet(self, name: str) -> dict[str, str]:
        """{question: code} from a snippet file named <question>_<what>.py."""
        return {Path(name).name.split("_")[0]: (self.snippets / name).read_text()}

    def write_submission(self, path: Path, replace: dict[str, str] | None = None) -> Path:
        """The student notebook with the master's solutions filled in, then ``replace`` applied."""
        master = {c.id: c.source for c in nbformat.read(self.master, as_version=4).cells}
        nb = nbformat.read(self.student, as_version=4)
        cells = answer_cells(nb)
        for cell in nb.cells:   # every answer the master holds, the ones marked by hand too
            if "otter_answer_cell" in cell.metadata.get("tags", []) and cell.id in master:
                cell.source = master[cell.id]
        for question, source in (replace or {}).items():
            nb.cells[cells[question]].source = source
        nbformat.write(nb, path)
        return path

    def tests_dir(self, tmp: Path) -> Path:
        """The full (public + hidden) test files, generated from the master into ``tmp``."""
        return autograder_tests(self.dir, tmp / "tests")

    def grade(self, nb: Path, tests_dir: Path, timeout: float = 30):
        return grade(nb, self.dir, timeout=timeout, tests_dir=tests_dir)

    # The checks every lab runs; each returns nothing and raises AssertionError on failure.

    def check_questions_and_points(self, tests_dir: Path, points: dict[str, float]) -> None:
        assert sorted(p.stem for p in tests_dir.glob("*.py")) == sorted(points)
        assert set(answer_cells(nbformat.read(self.student, as_version=4))) == set(points)
        for q in points:
            public = (self.dir / "student" / "tests" / f"{q}.py").read_text()
            full = (tests_dir / f"{q}.py").read_text()
            assert "hidden=True" not in public, f"{q}: a hidden test leaked into the student's tests"
            assert "hidden=True" in full and "hidden=False" in full, f"{q}: public and hidden tests"

    def check_reference_full_marks(self, tmp: Path, tests_dir: Path, points: dict) -> None:
        nb = self.write_submission(tmp / f"{self.name}.ipynb")
        before = sha256(nb)
        results = self.grade(nb, tests_dir)
        assert scores(results) == points, [r.message for r in results]
        assert all(r.message == "all tests passed" for r in results)
        assert sha256(nb) == before, "grading modified the submission"

    def check_blank_zero(self, tests_dir: Path, points: dict) -> None:
        before = sha256(self.student)
        results = self.grade(self.student, tests_dir)
        assert scores(results) == {q: 0 for q in points}
        assert {r.name: r.possible for r in results} == points
        assert sha256(self.student) == before, "grading modified the committed student notebook"

    def check_wrong_answers(self, tmp: Path, tests_dir: Path, points: dict, names: list[str]) -> None:
        """One submission with the wrong answers ``names`` (at most one per question) in place of the
        reference's: each of their questions scores 0 with a test's message, every other question
        keeps its points (so a mistake in one answer costs no points elsewhere)."""
        replace = {}
        for name in names:
            replace.update(self.snippet(name))
        assert len(replace) == len(names), f"two wrong answers to one question in one submission: {names}"
        nb = self.write_submission(tmp / f"{self.name}.ipynb", replace)
        results = self.grade(nb, tests_dir)
        assert scores(results) == {**points, **{q: 0 for q in replace}}, [(r.name, r.message) for r in results]
        for r in results:
            if r.name in replace:
                assert "test" in r.message, (r.name, r.message)

    def check_wrong_answer(self, tmp: Path, tests_dir: Path, points: dict, name: str) -> None:
        self.check_wrong_answers(tmp, tests_dir, points, [name])

    def check_right_answers(self, tmp: Path, tests_dir: Path, points: dict, names: list[str]) -> None:
        """One submission with the right answers ``names`` (at most one per question): full marks."""
        replace = {}
        for name in names:
            replace.update(self.snippet(name))
        assert len(replace) == len(names), f"two answers to one question in one submission: {names}"
        nb = self.write_submission(tmp / f"{self.name}.ipynb", replace)
        results = self.grade(nb, tests_dir)
        assert scores(results) == points, [(r.name, r.message) for r in results]

    def check_right_answer(self, tmp: Path, tests_dir: Path, points: dict, name: str) -> None:
        self.check_right_answers(tmp, tests_dir, points, [name])

    def check_weak_below_strong(self, tmp: Path, tests_dir: Path, points: dict) -> float:
        """The weak submission (all of ``weak/`` at once) scores at most half the autograded
        points, where the reference (strong) earns them all; returns the weak total."""
        names = self.weak_answers()
        assert names, f"{self.name}: no weak submission in {self.snippets / 'weak'}"
        replace = {}
        for name in names:
            replace.update(self.snippet(name))
        assert len(replace) == len(names), f"two weak answers to one question: {names}"
        nb = self.write_submission(tmp / f"{self.name}.ipynb", replace)
        results = self.grade(nb, tests_dir)
        weak, possible = sum(r.points for r in results), sum(points.values())
        print(f"{self.name}: weak submission {weak:g} of {possible:g} autograded points, "
              f"reference {possible:g}; by question {scores(results)}")
        assert weak <= possible / 2, (f"the weak submission scores {weak:g} of {possible:g}: "
                                      f"{[(r.name, r.points, r.message) for r in results]}")
        return weak

    def check_wrong_answers_cover_every_question(self, points: dict) -> None:
        assert {name.split("_")[0] for name in self.wrong_answers()} == set(points)

    def check_student_version_fresh(self, tmp: Path) -> None:
        fresh = assign(self.dir, tmp / "student")
        new = nbformat.read(fresh, as_version=4)
        old = nbformat.read(self.student, as_version=4)

        def cells(nb):
            return [(c.cell_type, c.source) for c in nb.cells]

        assert cells(new) == cells(old), "the student notebook differs from the master: run `make labs`"
        assert [c.get("id") for c in new.cells] == [c.get("id") for c in old.cells]

        def tests(folder):
            return {p.name: p.read_text() for p in (folder / "tests").glob("*.py")}

        assert tests(fresh.parent) == tests(self.dir / "student"), "stale student tests: run `make labs`"
        code = [c for c in old.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), \
            "commit the student notebook without outputs"
