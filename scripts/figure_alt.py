"""Give every figure of a notebook real alt text, stored as myst-nb cell metadata.

Usage: python scripts/figure_alt.py [--check] [NOTEBOOK ...]   (default: every book notebook
and lab master)

For each code cell whose stored outputs hold an image, the alt text goes to the cell's
``metadata.mystnb.image.alt`` (myst-nb 1.x's per-cell image options), which myst-nb puts on
every image the cell shows. It is derived from the cell's code: the figure's suptitle, the
panels' titles and the axes' labels (``set_title``, ``suptitle``, ``set_xlabel``, ``ax.set(...)``,
``plt.title``, ``small_multiples(title=...)``, and the same inside functions of the notebook
that the cell calls), LaTeX turned into plain text. An entry in scripts/figure_alt_overrides.yml
(notebook path -> cell id -> text) replaces the derived text. Running it again changes
nothing unless the code or the table changed; ``--check`` only reports, exit code 1 if a
notebook would change.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "scripts" / "figure_alt_overrides.yml"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
MAX_LEN = 400

# call name -> what it names; set(...) and small_multiples(...) are read by keyword
ROLES = {"set_title": "title", "title": "title", "suptitle": "suptitle",
         "set_xlabel": "xlabel", "xlabel": "xlabel", "set_ylabel": "ylabel", "ylabel": "ylabel"}
KEYWORDS = {"title": "title", "xlabel": "xlabel", "ylabel": "ylabel", "suptitle": "suptitle"}

GREEK = {n: c for n, c in zip(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta lambda mu nu xi pi rho sigma tau "
    "phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega".split(),
    "αβγδεεζηθλμνξπρστφφχψωΓΔΘΛΞΠΣΦΨΩ")}
SYMBOLS = {"mid": "|", "cdot": "·", "times": "×", "to": "→", "rightarrow": "→", "leftarrow": "←",
           "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "approx": "≈", "infty": "∞",
           "sum": "Σ", "prod": "Π", "nabla": "∇", "partial": "∂", "pm": "±", "ell": "ℓ",
           "in": "∈", "sim": "~", "propto": "∝", "star": "*", "ast": "*", "dots": "…",
           "ldots": "…", "cdots": "…", "|": "‖", "lVert": "‖", "rVert": "‖", "langle": "⟨",
           "rangle": "⟩", "vert": "|", "Vert": "‖", "lvert": "|", "rvert": "|", "top": "ᵀ",
           "log": "log", "exp": "exp", "ln": "ln", "max": "max", "min": "min", "arg": "arg",
           "det": "det", "tr": "tr", "sqrt": "√", "circ": "∘"}


# str.format fields ("{}", "{:g}", "{0[1]:.2f}"), not LaTeX groups such as "{x}" or "{2}"
FORMAT_FIELD = re.compile(r"\{\d*(\[\w+\])?(:[^{}]*)?\}")


def latex_to_text(s: str) -> str:
    """'$p(y=1 \\mid \\mathbf{x})$' -> 'p(y=1 | x)': readable, not exact."""
    s = s.replace("$", "")
    s = re.sub(r"\\(?:mathbf|mathrm|mathit|mathcal|mathbb|boldsymbol|operatorname|text|textrm"
               r"|textbf|textit|hat|bar|tilde|vec|widehat|overline)\s*", "", s)
    s = re.sub(r"\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"(\1)/(\2)", s)
    s = re.sub(r"\\(left|right|big|Big|bigg|Bigg)\b", "", s)
    s = re.sub(r"\\([A-Za-z]+|\|)",
               lambda m: GREEK.get(m.group(1), SYMBOLS.get(m.group(1), m.group(1))), s)
    s = re.sub(r"\\[,;:! ]", " ", s)
    s = s.replace("{", "").replace("}", "").replace("\\", "")
    return re.sub(r"\s+", " ", s).strip()


def _string_of(node: ast.AST) -> str | None:
    """A string literal, an f-string (values shown as '…') or a format template ('{:g}' -> '…')."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = FORMAT_FIELD.sub(lambda m: "…" if m.group(0) == "{}" or m.group(1) or m.group(2)
                                else m.group(0), node.value)
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    else:
        return None
    text = latex_to_text(text)
    return text if text.strip("… ") else None


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None


def _collect(tree: ast.AST, found: dict[str, list[str]]) -> set[str]:
    """Add the figure texts in ``tree`` to ``found``; return the names it calls or mentions."""
    called = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):           # a helper passed along: small_multiples(draw, ...)
            called.add(node.id)
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        called.add(name)
        if name in ROLES and node.args:
            text = _string_of(node.args[0])
            if text:
                found[ROLES[name]].append(text)
        if name in ("set", "small_multiples", "subplots", "plot_history", "figure"):
            for kw in node.keywords:
                if kw.arg in KEYWORDS:
                    text = _string_of(kw.value)
                    if text:
                        found[KEYWORDS[kw.arg]].append(text)
    return called


def _parse(src: str) -> ast.AST | None:
    # IPython magics and shell escapes are not Python: drop those lines
    lines = [ln for ln in src.splitlines() if not ln.lstrip().startswith(("%", "!"))]
    try:
        return ast.parse("\n".join(lines))
    except SyntaxError:
        return None


def _unique(xs: list[str]) -> list[str]:
    return list(dict.fromkeys(xs))


def derive_alt(cell_source: str, functions: dict[str, ast.AST], notebook_title: str) -> str:
    """Alt text for a figure from the code of the cell that draws it."""
    found = {"suptitle": [], "title": [], "xlabel": [], "ylabel": []}
    tree = _parse(cell_source)
    if tree is not None:
        called = _collect(tree, found)
        for name in sorted(called & functions.keys()):       # helpers the cell calls, one level
            _collect(functions[name], found)
    parts = []
    sup, titles = _unique(found["suptitle"]), _unique(found["title"])
    comment = next((ln.strip("# ").strip() for ln in cell_source.splitlines()
                    if ln.strip().startswith("#") and len(ln.strip("# ")) > 3), "")
    if comment and not sup and titles and all("…" in t for t in titles):
        parts.append(comment.rstrip(".") + ".")          # panel titles alone say too little
    if sup:
        parts.append("; ".join(sup) + ".")
    if titles:
        parts.append(("Panels: " if len(titles) > 1 else "") + "; ".join(titles) + ".")
    axes = []
    if found["xlabel"]:
        axes.append("horizontal axis " + ", ".join(_unique(found["xlabel"])))
    if found["ylabel"]:
        axes.append("vertical axis " + ", ".join(_unique(found["ylabel"])))
    if axes:
        text = "; ".join(axes)
        parts.append(text[0].upper() + text[1:] + ".")
    if not parts:
        parts.append(f"Figure of the section “{notebook_title}”"
                     + (f": {comment}" if comment else "."))
    alt = "Figure: " + " ".join(parts) if not parts[0].startswith("Figure") else " ".join(parts)
    return alt if len(alt) <= MAX_LEN else alt[: MAX_LEN - 1].rstrip() + "…"


def _title(nb) -> str:
    for c in nb.cells:
        if c.cell_type == "markdown" and c.source.lstrip().startswith("# "):
            return latex_to_text(c.source.lstrip()[2:].splitlines()[0].strip())
    return "this notebook"


def _functions(nb) -> dict[str, ast.AST]:
    out = {}
    for c in nb.cells:
        if c.cell_type == "code":
            tree = _parse(c.source)
            for node in getattr(tree, "body", []):
                if isinstance(node, ast.FunctionDef):
                    out[node.name] = node
    return out


def shows_image(cell) -> bool:
    return cell.cell_type == "code" and any(
        t in out.get("data", {}) for out in cell.get("outputs", []) for t in IMAGE_TYPES)


def _key(path: Path) -> str:
    p = path.resolve()
    return str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(path)


def apply(path: Path, overrides: dict, check: bool = False) -> list[tuple[str, str]]:
    """Set the alt text of each image-producing cell; return (cell id, alt) of those changed."""
    nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
    table = overrides.get(_key(path), {}) or {}
    title, functions = _title(nb), _functions(nb)
    changed = []
    for cell in nb.cells:
        if not shows_image(cell):
            continue
        alt = table.get(cell.get("id")) or derive_alt(cell.source, functions, title)
        image = cell.metadata.setdefault("mystnb", {}).setdefault("image", {})
        if image.get("alt") != alt:
            image["alt"] = alt
            changed.append((cell.get("id"), alt))
    if changed and not check:
        nbformat.write(nb, path)
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--check", action="store_true",
                    help="report only; exit 1 if anything would change")
    args = ap.parse_args(argv)
    paths = args.notebooks or sorted(
        [p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
        + list((ROOT / "labs").glob("*/*-master.ipynb")))
    overrides = yaml.safe_load(OVERRIDES.read_text()) if OVERRIDES.exists() else {}
    total = 0
    for path in paths:
        changed = apply(path, overrides or {}, check=args.check)
        total += len(changed)
        for cell_id, alt in changed:
            print(f"{_key(path)} [{cell_id}]: {alt}")
    verb = "would change" if args.check else "changed"
    print(f"{len(paths)} notebooks, {total} figure cells {verb}")
    return 1 if args.check and total else 0


if __name__ == "__main__":
    sys.exit(main())
