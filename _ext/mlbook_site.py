"""Site-only additions to the book's Sphinx build (loaded by _config.yml, sphinx.local_extensions).

- Inline <script> bodies registered by extensions appear once per page. Sphinx 7.4 adds a
  body-only script twice when an extension registers it after the builder exists (once as
  filename None, once as ''): sphinx-thebe's ``const THEBE_JS_URL`` then throws a SyntaxError
  on every page.
- The footer names the commit the site was built from, with its date.
- Bibliography labels are author-year, like the citations in the text: [Bishop, 2006].
- Search excerpts work when the site is read from disk (file://), where the browser refuses
  the fetch() that Sphinx's search uses to read each result's page: the search page gets the
  pages' text in a script of its own.
- ``{bench-table} bench.json`` renders the execution-status table written by scripts/bench.py.
- MathJax's licence ships next to the offline MathJax that sphinx-mathjax-offline copies.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pybtex.plugin
from docutils import nodes
from docutils.statemachine import StringList
from pybtex.richtext import Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinx.util.docutils import SphinxDirective

HERE = Path(__file__).resolve().parent
SEARCH_TEXT_JS = "mlbook-search-pages.js"

# ----------------------------------------------------------------------------- scripts


def _dedupe_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not isinstance(scripts, list):
        return
    seen, unique = set(), []
    for js in scripts:
        key = (str(getattr(js, "filename", js) or ""),
               tuple(sorted((k, str(v)) for k, v in getattr(js, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(js)
    scripts[:] = unique


# ----------------------------------------------------------------------------- footer


def _git(srcdir: str, *args: str) -> str | None:
    try:
        out = subprocess.run(["git", "-C", srcdir, *args], capture_output=True, text=True,
                             timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def build_stamp(srcdir: str) -> str:
    """'Built from commit abc1234 of 2026-11-30' (plus a note when the tree has local edits)."""
    head = _git(srcdir, "log", "-1", "--format=%h %cs")
    if not head:
        return "Built outside a git checkout (no commit to name)."
    short, date = head.split()
    dirty = _git(srcdir, "status", "--porcelain", "--untracked-files=no")
    note = ", with uncommitted changes" if dirty else ""
    return f"Built from commit <code>{short}</code> of {date}{note}."


def _set_footer(app, config) -> None:
    options = dict(config.html_theme_options or {})
    stamp = build_stamp(app.srcdir)
    extra = options.get("extra_footer") or ""
    options["extra_footer"] = f'{extra}<p class="mlbook-build-stamp">{stamp}</p>'
    config.html_theme_options = options


# ----------------------------------------------------------------------------- bibliography


def _plain(latex: str) -> str:
    return str(Text.from_latex(latex)).strip()


def _surnames(entry) -> list[str]:
    for role in ("author", "editor"):
        people = entry.persons.get(role)
        if people:
            return [_plain(" ".join(p.prelast_names + p.last_names)) for p in people]
    for field in ("organization", "institution", "publisher", "title"):
        if entry.fields.get(field):
            return [_plain(entry.fields[field])]
    return [entry.key]


def author_year_label(entry) -> str:
    """The label {cite} shows in the text: 'Bishop, 2006', 'Kingma and Ba, 2015', 'He et al., 2016'."""
    names = _surnames(entry)
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} and {names[1]}"
    else:
        who = f"{names[0]} et al."
    year = _plain(entry.fields.get("year", "")) or "n.d."
    return f"{who}, {year}"


class AuthorYearLabelStyle(BaseLabelStyle):
    """Author-year labels; a letter after the year tells apart equal labels (2020a, 2020b)."""

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        labels = [author_year_label(e) for e in entries]
        total, seen = Counter(labels), Counter()
        for label in labels:
            if total[label] > 1:
                seen[label] += 1
                yield label + "abcdefghijklmnopqrstuvwxyz"[seen[label] - 1]
            else:
                yield label


class AuthorYearStyle(PlainStyle):
    """pybtex's plain style (sorted by author, year, title) with author-year labels."""

    default_label_style = AuthorYearLabelStyle


pybtex.plugin.register_plugin("pybtex.style.formatting", "mlbook_author_year", AuthorYearStyle,
                              force=True)


# ----------------------------------------------------------------------------- search offline

_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_ARTICLE = re.compile(r'<article class="bd-article"[^>]*>(.*)</article>', re.S)


def _search_page_assets(app, pagename, templatename, context, doctree) -> None:
    if pagename == "search":
        app.add_js_file(SEARCH_TEXT_JS)
        app.add_js_file(None, body=OFFLINE_SEARCH_SHIM)


def _write_search_text(app, exc) -> None:
    """Every page's article, read back from the output (so incremental builds see all pages)."""
    if exc is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    pages = {}
    for doc in sorted(app.env.found_docs):
        page = out / (doc + ".html")
        if page.exists():
            m = _ARTICLE.search(page.read_text(encoding="utf-8"))
            if m:
                pages[doc] = _SCRIPTS.sub("", m.group(1))
    static = out / "_static"
    static.mkdir(exist_ok=True)
    (static / SEARCH_TEXT_JS).write_text(
        "window.MLBOOK_PAGES = " + json.dumps(pages, ensure_ascii=False, sort_keys=True) + ";\n",
        encoding="utf-8")
    mathjax = static / "mathjax"
    if mathjax.is_dir():
        shutil.copyfile(HERE / "mathjax-LICENSE.txt", mathjax / "LICENSE")


# Read from disk, the browser refuses fetch() of file:// pages; answer it from MLBOOK_PAGES.
OFFLINE_SEARCH_SHIM = """(() => {
  if (location.protocol !== "file:") return;
  const realFetch = window.fetch.bind(window);
  window.fetch = (resource, ...rest) => {
    const pages = window.MLBOOK_PAGES || {};
    const root = new URL(document.documentElement.dataset.content_root || "./", location.href).href;
    const url = new URL(String(resource), location.href).href.split("#")[0];
    const doc = decodeURIComponent(url.slice(root.length)).replace(/\\.html$/, "");
    if (url.startsWith(root) && Object.prototype.hasOwnProperty.call(pages, doc)) {
      const html = '<div role="main">' + pages[doc] + "</div>";
      return Promise.resolve(new Response(html, {headers: {"Content-Type": "text/html"}}));
    }
    return realFetch(resource, ...rest);
  };
})();"""


# ----------------------------------------------------------------------------- status table


def _fmt(x, spec: str) -> str:
    return "" if x is None or x != x else format(x, spec)


class BenchTable(SphinxDirective):
    """Render scripts/bench.py's JSON file (path relative to the page) as a Markdown table."""

    required_arguments = 1

    def run(self):
        rel, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(rel)
        data = json.loads(Path(path).read_text()) if Path(path).exists() else {}
        rows = data.get("notebooks", {})
        srcdir = Path(self.env.srcdir)
        listed = sorted(set(rows) | {
            str(p.relative_to(srcdir)) for pattern in ("book/**/*.ipynb", "labs/*/*-master.ipynb")
            for p in srcdir.glob(pattern) if ".ipynb_checkpoints" not in p.parts})
        budget = data.get("budget_s", 60)
        lines = ["| notebook | runtime (s) | peak memory (MiB) | last run | nbval |",
                 "|---|---:|---:|---|---|"]
        for nb in listed:
            doc = nb.removesuffix(".ipynb")
            name = f"{{doc}}`/{doc}`" if doc in self.env.found_docs else f"`{nb}`"
            if not (srcdir / nb).exists():
                continue
            r = rows.get(nb)
            if r is None:
                lines.append(f"| {name} | – | – | not yet | – |")
                continue
            wall = _fmt(r.get("wall_s"), ".1f")
            own = r.get("budget_s", budget)  # the notebook's own budget, if it has one
            if r.get("wall_s") is not None and r["wall_s"] > own:
                wall += f" (over {own:g} s)"
            elif own != budget:
                wall += f" (of {own:g} s allowed)"
            lines.append(f"| {name} | {wall} | {_fmt(r.get('peak_mib'), '.0f')} "
                         f"| {r.get('date', '')} | {r.get('nbval', 'not run')} |")
        measured = [r for r in rows.values() if r.get("wall_s") is not None]
        summary = (f"{len(measured)} of {len(listed)} notebooks measured"
                   + ("" if measured else " (run `make bench`)")
                   + (f", total {sum(r['wall_s'] for r in measured):.0f} s" if measured else "")
                   + (f", on {data['machine']}" if data.get("machine") else "") + ".")
        container = nodes.container(classes=["mlbook-bench"])
        self.state.nested_parse(StringList(lines + ["", summary], rel), 0, container)
        return [container]


def setup(app):
    app.connect("config-inited", _set_footer)
    app.connect("html-page-context", _search_page_assets)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    app.connect("build-finished", _write_search_text, priority=900)
    app.add_directive("bench-table", BenchTable)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
