"""Browser test of the built website (`make test-site`): every page in headless Chromium, offline.

Usage: python scripts/check_site.py [--html _build/html] [--shots _build/screenshots]
                                    [--chromium PATH] [--timeout SECONDS]

Serves the built site on a free loopback port and opens every page in Debian's Chromium
(driven by Playwright, whose own browsers are never downloaded) with the network blocked:
host names do not resolve, and any request that leaves 127.0.0.1 is aborted and reported.
It fails, with a list, on

- raw LaTeX left in the rendered text (\\( \\[ $$ $...$ or a command such as \\frac) and
  MathJax errors;
- JavaScript errors (console errors, uncaught exceptions) and requests that fail or leave
  the machine;
- broken internal links and anchors (every href of every page, the sidebar's included);
- images without real alt text (none, empty, or a file name or path), and images in the text
  wider than their column at 1,400 px (naturalWidth above the width of the block they sit
  in: the browser would shrink them, lettering and all);
- code or output blocks wider than their column at 1,400 px (a <pre> whose scrollWidth
  exceeds its clientWidth), display math cut off (wider than the column and not
  scrollable) at 1,400 px or at 400 px, and equation numbers overlapping their formula
  at 400 px;
- search results without text excerpts, served over http and read from disk (file://).

Screenshots of a few pages at 1,400 px and 400 px go to --shots. Without a Chromium it
prints a SKIPPED line and exits 0.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

ROOT = Path(__file__).resolve().parents[1]
DESKTOP, PHONE = {"width": 1400, "height": 900}, {"width": 400, "height": 800}
SCREENSHOT_PAGES = ["intro.html", "book/01-logistic-regression/02-sigmoid-and-log-odds.html",
                    "book/03-optimization/05-momentum-rmsprop-adam.html",
                    "labs/01-logistic-regression/student/lab01.html",
                    "book/appendix/bibliography.html", "book/appendix/status.html"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]

# One pass over a loaded page; returns everything the checks need.
PAGE_PROBE = r"""() => {
  const main = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
  const skip = "pre, code, script, style, textarea, mjx-container, .MathJax, .highlight, .headerlink, kbd";
  const rawLatex = [];
  const latex = /\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$\n]{0,80}\$|\\(frac|sum|int|mathbf|mathrm|left|right|begin|end|alpha|beta|theta|sigma|lambda|partial|nabla|cdot|log|exp|mid|quad|text|hat|mathcal|sqrt|top|leq|geq|infty|operatorname)\b/;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest(skip)) continue;
    const m = n.textContent.match(latex);
    if (m) {
      const i = n.textContent.indexOf(m[0]);
      rawLatex.push(n.textContent.slice(Math.max(0, i - 30), i + 50).replace(/\s+/g, " ").trim());
    }
  }
  const merrors = [...document.querySelectorAll("mjx-merror, [data-mml-node='merror']")]
    .map(e => (e.getAttribute("data-mjx-error") || e.textContent || "").slice(0, 120));
  const links = [...document.querySelectorAll("a[href]")].map(a => a.href);
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id)
    .concat([...document.querySelectorAll("a[name]")].map(a => a.name));
  const images = [...document.querySelectorAll("img")].map(img => ({
    src: img.getAttribute("src") || "", alt: img.getAttribute("alt"), shown: img.offsetParent !== null}));
  // Images in the text wider than the column they sit in: the browser shrinks them, lettering
  // and all. The column is the content box of the nearest block-level ancestor.
  const columnOf = el => {
    let box = el.parentElement;
    while (box && box !== main && getComputedStyle(box).display.startsWith("inline")) box = box.parentElement;
    const cs = getComputedStyle(box);
    return box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
  };
  const shrunk = [...main.querySelectorAll("img")]
    .filter(img => img.offsetParent !== null && img.naturalWidth > 0)
    .map(img => ({src: img.getAttribute("src") || "", natural: img.naturalWidth,
                  column: Math.floor(columnOf(img))}))
    .filter(i => i.natural > i.column);
  const pres = [...main.querySelectorAll("pre")].filter(p => p.offsetParent !== null);
  const wide = pres.filter(p => p.scrollWidth > p.clientWidth + 1)
    .map(p => `${p.scrollWidth}px in ${p.clientWidth}px: ${p.textContent.trim().split("\n")[0].slice(0, 70)}`);
  return {rawLatex, merrors, links, ids, images, shrunk, wide, pres: pres.length,
          formulas: document.querySelectorAll("mjx-container").length,
          title: document.title};
}"""

# Display math at the current width: cut (overflowing and not scrollable), scrolling, and
# equation numbers that overlap their formula.
MATH_PROBE = r"""() => {
  const out = {cut: [], scrolls: 0, crowded: []};
  for (const div of document.querySelectorAll("article div.math")) {
    if (div.offsetParent === null) continue;
    const mjx = div.querySelector("mjx-container");
    if (!mjx) continue;
    const label = (div.id || "") + " " + (mjx.textContent || "").slice(0, 40);
    const scrollable = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const over = el => el.scrollWidth > el.clientWidth + 1;
    if ((over(mjx) && !scrollable(mjx)) || (over(div) && !scrollable(div))) out.cut.push(label);
    else if (over(mjx)) out.scrolls += 1;
    const eqno = div.querySelector("span.eqno");
    if (eqno) {
      const a = eqno.getBoundingClientRect(), b = mjx.getBoundingClientRect();
      const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
                      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
      if (overlap) out.crowded.push(label);
    }
  }
  return out;
}"""

MATHJAX_READY = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
}"""


def find_chromium(explicit: str | None) -> str | None:
    for candidate in (explicit, os.environ.get("CHROMIUM"), "chromium", "chromium-browser",
                      "google-chrome"):
        if candidate and (path := shutil.which(candidate)):
            return path
    return None


def site_pages(html: Path) -> list[str]:
    """The pages of this build (searchindex.js names them; stale files of older builds are
    left out), plus the index pages Sphinx writes. Pages they link to are added as found."""
    index = (html / "searchindex.js").read_text(encoding="utf-8")
    m = re.search(r'"docnames":\s*(\[[^\]]*\])', index)
    docs = json.loads(m.group(1)) if m else []
    special = [p for p in ("genindex.html", "search.html") if (html / p).exists()]
    return [d + ".html" for d in docs] + special


REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;\s*url=([^"]+)"', re.I)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def bad_alt(alt: str | None, src: str) -> bool:
    if alt is None or not alt.strip():
        return True
    a = alt.strip()
    name = src.split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    return (a in (src, name) or a.endswith(name) or ("/" in a and " " not in a)
            or bool(re.search(r"\.(png|jpe?g|svg|gif|webp)$", a, re.I)))


class Report:
    def __init__(self) -> None:
        self.failures: dict[str, list[str]] = defaultdict(list)

    def fail(self, kind: str, page: str, detail: str) -> None:
        self.failures[kind].append(f"{page}: {detail}")

    def print(self, limit: int = 25) -> int:
        n = 0
        for kind, items in sorted(self.failures.items()):
            print(f"\nFAIL {kind} ({len(items)}):")
            for item in items[:limit]:
                print(f"  - {item}")
            if len(items) > limit:
                print(f"  ... and {len(items) - limit} more")
            n += len(items)
        return n


def check_search(context, url: str, report: Report, label: str) -> bool:
    """Search for a common word; the results must come with text excerpts."""
    page = context.new_page()
    try:
        page.goto(url + "search.html?q=gradient", wait_until="load")
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        page.wait_for_selector("#search-results ul.search li p.context", timeout=15000)
        return True
    except Exception as exc:  # noqa: BLE001 - any failure is a finding
        report.fail("search results without excerpts", f"search.html ({label})",
                    str(exc).splitlines()[0])
        return False
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    ap.add_argument("--shots", type=Path, default=ROOT / "_build" / "screenshots")
    ap.add_argument("--chromium", help="browser executable (default: chromium on the PATH)")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per page load")
    args = ap.parse_args(argv)

    chromium = find_chromium(args.chromium)
    if chromium is None:
        print("SKIPPED: no chromium found (install: apt-get install chromium)")
        return 0
    html = args.html.resolve()
    if not (html / "intro.html").exists():
        print(f"no built site in {html}: run `make book` first")
        return 2
    from playwright.sync_api import sync_playwright

    pages = site_pages(html)
    args.shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(html)
    report, ids, links = Report(), {}, defaultdict(set)
    counts = defaultdict(int)
    start = time.perf_counter()
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=CHROMIUM_FLAGS,
            viewport=DESKTOP, service_workers="block")
        context.set_default_timeout(args.timeout * 1000)

        current = {"page": "?"}
        page = context.new_page()
        local = (base, "data:", "blob:", "about:")
        page.on("request", lambda r: not r.url.startswith(local) and report.fail(
            "requests leaving the machine (blocked)", current["page"], r.url[:150]))
        page.on("console", lambda m: m.type == "error" and report.fail(
            "JavaScript console errors", current["page"],
            f"{m.text[:200]} ({(m.location or {}).get('url', '').removeprefix(base) or 'page'})"))
        page.on("pageerror", lambda e: report.fail(
            "JavaScript exceptions", current["page"], str(e)[:200]))
        page.on("response", lambda r: r.status >= 400 and report.fail(
            "resources not found", current["page"], f"{r.status} {r.url.removeprefix(base)}"))

        queue, seen = list(pages), set(pages)
        while queue:
            rel = queue.pop(0)
            current["page"] = rel
            source = (html / rel).read_text(encoding="utf-8", errors="replace")
            if (refresh := REFRESH.search(source)):      # index.html: a redirect to intro.html
                links[urljoin(base + rel, refresh.group(1))].add(rel)
                continue
            page.set_viewport_size(DESKTOP)
            try:
                page.goto(base + rel, wait_until="load")
                page.evaluate(MATHJAX_READY)
            except Exception as exc:  # noqa: BLE001
                report.fail("pages that did not load", rel, str(exc).splitlines()[0])
                continue
            info = page.evaluate(PAGE_PROBE)
            counts["pages"] += 1
            counts["formulas"] += info["formulas"]
            counts["blocks"] += info["pres"]
            ids[rel] = set(info["ids"])
            for href in info["links"]:
                links[href].add(rel)
                target = urldefrag(href)[0]
                new = unquote(urlparse(target).path).removeprefix(urlparse(base).path)
                if target.startswith(base) and new.endswith(".html") and new not in seen \
                        and (html / new).exists():
                    seen.add(new)
                    queue.append(new)
            for snippet in info["rawLatex"]:
                report.fail("raw LaTeX in rendered text", rel, snippet)
            for err in info["merrors"]:
                report.fail("MathJax errors", rel, err)
            for block in info["wide"]:
                report.fail("blocks wider than their column at 1400 px", rel, block)
            for img in info["shrunk"]:
                report.fail("images wider than their column at 1400 px (shrunk)", rel,
                            f"{img['natural']}px in {img['column']}px: {img['src'][-70:]}")
            for img in info["images"]:
                counts["images"] += 1
                if bad_alt(img["alt"], img["src"]):
                    report.fail("images without real alt text", rel,
                                f"src={img['src'][-60:]} alt={img['alt']!r:.60}")
            name = rel.removesuffix(".html").replace("/", "__")
            for width, size in (("1400", DESKTOP), ("400", PHONE)):
                if size is PHONE:
                    page.set_viewport_size(PHONE)
                    page.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
                math = page.evaluate(MATH_PROBE)
                counts[f"scroll{width}"] += math["scrolls"]
                for label in math["cut"]:
                    report.fail(f"display math cut off at {width} px", rel, label)
                if size is PHONE:
                    for label in math["crowded"]:
                        report.fail("equation numbers overlapping their formula at 400 px",
                                    rel, label)
                if rel in SCREENSHOT_PAGES:
                    page.screenshot(path=str(args.shots / f"{name}-{width}.png"))
                    eq = page.query_selector("article div.math:has(span.eqno)")
                    if size is PHONE and eq is not None:     # a numbered equation on a phone
                        eq.scroll_into_view_if_needed()
                        page.screenshot(path=str(args.shots / f"{name}-{width}-equation.png"))
        page.close()

        # links and anchors, against the files on disk and the ids of the loaded pages
        for href, sources in sorted(links.items()):
            url, fragment = urldefrag(href)
            if not url.startswith(base):
                continue                                  # external: not followed offline
            counts["links"] += 1
            path = unquote(urlparse(url).path).removeprefix(urlparse(base).path)
            target = html / path
            if target.is_dir():
                target, path = target / "index.html", path.rstrip("/") + "/index.html"
            if not target.exists():
                more = f" (and {len(sources) - 1} more pages)" if len(sources) > 1 else ""
                report.fail("broken internal links", sorted(sources)[0],
                            href.removeprefix(base) + more)
                continue
            if fragment and path in ids:
                counts["anchors"] += 1
                if unquote(fragment) not in ids[path]:
                    report.fail("broken anchors", sorted(sources)[0], href.removeprefix(base))

        current["page"] = "search.html"
        counts["search"] = check_search(context, base, report, "http")
        counts["search"] += check_search(context, html.as_uri() + "/", report, "file://")
        context.close()
    server.shutdown()

    n = report.print()
    print(f"\nsite check: {counts['pages']} pages, {counts['formulas']} formulas rendered, "
          f"{counts['links']} internal links and {counts['anchors']} anchors checked, "
          f"{counts['blocks']} code/output blocks checked, "
          f"{len(report.failures.get('blocks wider than their column at 1400 px', []))} too wide, "
          f"{counts['images']} images checked, "
          f"{len(report.failures.get('images wider than their column at 1400 px (shrunk)', []))} "
          f"wider than their column, {counts['scroll1400']} formulas scroll sideways "
          f"at 1400 px and {counts['scroll400']} at 400 px, search excerpts {counts['search']}/2, "
          f"{time.perf_counter() - start:.0f} s; screenshots in {args.shots}")
    print("site check: all checks passed" if not n else f"site check: {n} problems")
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main())
