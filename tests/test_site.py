"""The website's own machinery: chapter numbers, the notebook scripts it relies on
(figure alt text, the Colab set-up cell), author-year bibliography labels."""

import importlib.util
import re
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


figure_alt = _load(ROOT / "scripts" / "figure_alt.py", "figure_alt")
colab_cell = _load(ROOT / "scripts" / "colab_cell.py", "colab_cell")


# ----------------------------------------------------------------------------- chapter numbers

def test_site_chapter_numbers_are_the_syllabus_numbers():
    """The site numbers chapters by their place in the TOC: chapter k must be the k-th entry,
    so a chapter not written yet keeps a placeholder index page in the TOC."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    numbered = [p for p in toc["parts"] if p.get("numbered")]
    assert len(numbered) == 1, "one numbered part: the chapters"
    files = [c["file"] for c in numbered[0]["chapters"]]
    for k, f in enumerate(files, start=1):
        m = re.fullmatch(r"book/(\d\d)-[a-z0-9-]+/index", f)
        assert m and int(m.group(1)) == k, f"chapter {k} in the TOC is {f}"
        assert (ROOT / f"{f}.md").exists(), f"{f}.md is missing"
    folders = sorted(p.name for p in (ROOT / "book").glob("[0-9][0-9]-*") if p.is_dir())
    assert [f.split("/")[1] for f in files] == folders, \
        "every chapter folder is in the TOC, in order"


# ----------------------------------------------------------------------------- figure alt text

def _figure_notebook(tmp_path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    draw = nbformat.v4.new_code_cell(
        'def panel(ax, lr):\n    ax.set_title(f"learning rate {lr}")\n    ax.set_xlabel("step")\n')
    fig = nbformat.v4.new_code_cell(
        'fig, axes = plt.subplots(1, 2)\naxes[0].set(title=r"Loss $\\mathcal{L}(\\theta)$", '
        'xlabel="epoch", ylabel="loss (nats)")\naxes[1].set_title("Accuracy")\n'
        'fig.suptitle("Training curves")\nplt.show()')
    fig.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    multiples = nbformat.v4.new_code_cell(
        'fig = small_multiples(panel, [0.1, 1.0], title="lr = {:g}")')
    multiples.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    bare = nbformat.v4.new_code_cell("# the data, coloured by class\nplt.scatter(x, y)")
    bare.outputs = [nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0KGgo="})]
    text = nbformat.v4.new_code_cell('print("no figure")')
    nb.cells = [nbformat.v4.new_markdown_cell("# A notebook title"),
                draw, fig, multiples, bare, text]
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


def test_figure_alt_text_comes_from_the_code_and_is_idempotent(tmp_path):
    path = _figure_notebook(tmp_path)
    changed = figure_alt.apply(path, {})
    assert [cid for cid, _ in changed] == ["c2", "c3", "c4"]     # only cells that show an image
    cells = {c["id"]: c for c in nbformat.read(path, as_version=4).cells}
    alt = {k: c.metadata.get("mystnb", {}).get("image", {}).get("alt") for k, c in cells.items()}
    assert alt["c2"] == ("Figure: Training curves. Panels: Loss L(θ); Accuracy. "
                         "Horizontal axis epoch; vertical axis loss (nats).")
    assert "lr = …" in alt["c3"] and "learning rate …" in alt["c3"] and "step" in alt["c3"]
    assert alt["c4"] == "Figure of the section “A notebook title”: the data, coloured by class"
    assert alt["c1"] is None and alt["c5"] is None
    before = path.read_bytes()
    assert figure_alt.apply(path, {}) == []                         # second run: nothing to do
    assert path.read_bytes() == before
    key = str(path)
    changed = figure_alt.apply(path, {key: {"c4": "Scatter plot of the two classes"}})
    assert changed == [("c4", "Scatter plot of the two classes")]   # the override table wins


def test_latex_becomes_plain_text():
    assert figure_alt.latex_to_text(r"$p(y=1 \mid \mathbf{x})$") == "p(y=1 | x)"
    assert figure_alt.latex_to_text(r"$\frac{1}{k^2}$ and $\sigma'(z)$") == "(1)/(k^2) and σ'(z)"


# ----------------------------------------------------------------------------- Colab cell

def _numbered_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"),
                nbformat.v4.new_code_cell("import gymnasium\nx = 1", execution_count=1),
                nbformat.v4.new_code_cell("print(x)", execution_count=2)]
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def test_colab_cell_is_inserted_once_first_and_hidden(tmp_path):
    path = _numbered_notebook(tmp_path / "nb.ipynb")
    assert colab_cell.apply(path) == "inserted"
    nb = nbformat.read(path, as_version=4)
    first = nb.cells[0]
    assert first.id == colab_cell.CELL_ID and first.metadata["tags"] == ["remove-cell"]
    assert [c.execution_count for c in nb.cells if c.cell_type == "code"] == [1, 2, 3]
    url, branch = colab_cell.repository()
    assert f'REPO = "{url}"' in first.source and f'"{branch}"' in first.source
    assert '"gymnasium==' in first.source and "otter" not in first.source
    before = path.read_bytes()
    assert colab_cell.apply(path) == "unchanged" and path.read_bytes() == before


def test_colab_cell_does_nothing_outside_colab(tmp_path, monkeypatch):
    path = _numbered_notebook(tmp_path / "nb.ipynb")
    colab_cell.apply(path)
    source = nbformat.read(path, as_version=4).cells[0].source
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    calls = []
    monkeypatch.setattr("subprocess.run", lambda *a, **k: calls.append(a))
    cwd, path_before = Path.cwd(), list(sys.path)
    exec(compile(source, "colab-setup", "exec"), {})
    assert calls == [] and Path.cwd() == cwd and sys.path == path_before


def test_colab_cell_moves_into_the_notebooks_folder():
    nb_path = ROOT / "book" / "01-logistic-regression" / "x.ipynb"
    source = colab_cell.cell_source(nb_path, nbformat.v4.new_notebook())
    assert 'os.chdir("/content/mlbook/book/01-logistic-regression")' in source


# ----------------------------------------------------------------------------- bibliography

@pytest.mark.parametrize("authors, label", [
    (["Bishop, Christopher M."], "Bishop, 2006"),
    (["Kingma, Diederik P.", "Ba, Jimmy"], "Kingma and Ba, 2006"),
    (["He, Kaiming", "Zhang, Xiangyu", "Ren, Shaoqing"], "He et al., 2006"),
    (["van der Maaten, Laurens"], "van der Maaten, 2006"),
])
def test_bibliography_labels_are_author_year(authors, label):
    from pybtex.database import Entry, Person

    site = _load(ROOT / "_ext" / "mlbook_site.py", "mlbook_site")
    entry = Entry("book", fields={"year": "2006", "title": "T"},
                  persons={"author": [Person(a) for a in authors]})
    assert site.author_year_label(entry) == label
    twins = [Entry("article", fields={"year": "2020"}, persons={"author": [Person("Smith, A.")]})
             for _ in range(2)]
    labels = list(site.AuthorYearLabelStyle().format_labels(twins))
    assert labels == ["Smith, 2020a", "Smith, 2020b"]
