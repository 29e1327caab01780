"""Stored figures fit the website's text column: no PNG output wider than 780 px.

The column is 780 px wide at desktop width (1,400 px window); a wider image is shrunk to fit,
and its lettering with it. At the book's 100 dpi a figure of at most
``utils.plotting.COLUMN_WIDTH_IN`` (7.5 in) fits, with room for the margin
``bbox_inches="tight"`` adds. Restack panels in rows rather than widen a figure.
(`make test-site` checks the same on the built pages.)
"""

import base64
import json
import struct
from pathlib import Path

import pytest

from utils.plotting import BOOK_DPI, COLUMN_WIDTH_IN

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts) \
    + sorted((ROOT / "labs").glob("*/*-master.ipynb"))
COLUMN_PX = 780
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: str | list[str]) -> tuple[int, int]:
    """(width, height) in pixels of a base64-encoded PNG, read from its IHDR chunk."""
    text = "".join(data) if isinstance(data, list) else data
    head = base64.b64decode(text[:64])                  # 48 bytes: signature + IHDR
    if head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", head[16:24])


def stored_pngs(path: Path):
    """(cell index, cell id, width, height) of every PNG output of a notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for i, cell in enumerate(nb["cells"]):
        for out in cell.get("outputs", []) if cell["cell_type"] == "code" else []:
            data = out.get("data", {}).get("image/png")
            if data:
                yield (i, cell.get("id"), *png_size(data))


def test_the_plotting_style_fits_the_column():
    assert COLUMN_WIDTH_IN * BOOK_DPI <= COLUMN_PX


def test_png_size_reads_the_header():
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(3.2, 1.5), dpi=100)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    assert png_size(base64.b64encode(buf.getvalue()).decode()) == (320, 150)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_stored_figures_fit_the_column(path):
    wide = [f"cell {i} (id {cid}): {w} x {h} px" for i, cid, w, h in stored_pngs(path) if w > COLUMN_PX]
    assert not wide, (
        f"figures wider than the {COLUMN_PX} px column (shrunk on the website, text and all); "
        f"keep them at most {COLUMN_WIDTH_IN} in wide at {BOOK_DPI} dpi, including what "
        f"bbox_inches='tight' adds, e.g. by stacking panels in rows: " + "; ".join(wide))


def _figure_cells():
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            fig = cell.get("metadata", {}).get("mystnb", {}).get("figure")
            if fig is not None:
                yield path, i, cell, fig


def test_numbered_figures_are_one_image_with_a_unique_name_and_a_caption():
    # myst-nb wraps *every* display output of a cell with `mystnb.figure` metadata in a figure
    # of that name: two images in one cell would be two targets with the same name
    seen = {}
    for path, i, cell, fig in _figure_cells():
        where = f"{path.relative_to(ROOT)} cell {i}"
        shown = [o for o in cell.get("outputs", []) if o["output_type"] in ("display_data", "execute_result")]
        assert len(shown) == 1, f"{where}: a numbered figure cell must show exactly one output, not {len(shown)}"
        assert "image/png" in shown[0].get("data", {}), f"{where}: the numbered output is not an image"
        assert fig.get("name", "").startswith("fig-") and fig.get("caption", "").strip(), \
            f"{where}: give the figure a name fig-... and a caption"
        assert cell["metadata"]["mystnb"].get("image", {}).get("alt"), f"{where}: alt text missing"
        assert fig["name"] not in seen, f"{where}: figure name {fig['name']} also used in {seen[fig['name']]}"
        seen[fig["name"]] = where
