"""Local Sphinx extension for the book (registered in ``_config.yml``).

1. Freshness: every notebook page depends on the files under ``data/`` and ``src/helpers/``. Sphinx
   re-reads (and, with ``execute_notebooks: force``, re-executes) a page when the page or any of these
   files changed since it was last read, and never otherwise. jupyter-cache hashes only code cells
   and would serve stale outputs after a data change; this extension replaces it.
2. Nothing from third-party hosts: drops sphinx-thebe's scripts (the book has no live-code button; its
   inline script names a CDN) and fails the build if any page would load a script or stylesheet from
   another host.
3. Chinese text for readers with no CJK font: after the build, subsets the bundled Noto Sans CJK SC to
   exactly the CJK characters the site uses and writes it as WOFF2 next to ``book.css``, which declares
   it after the common system CJK fonts and ``local()`` copies, so readers who have one download nothing.
4. Accessibility: the theme's sidebar draws each expand/collapse toggle as a ``<summary>`` holding only a
   decorative chevron, so screen readers announce an unnamed control (axe-core rule ``summary-name``,
   WCAG 4.1.2). Each such toggle gets an ``aria-label`` naming the page whose sub-pages it shows.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

DEPENDENCY_GLOBS = ("data/*.csv", "data/*.json", "src/helpers/*.py")
SUBSET_NAME = "cjk-subset.woff2"
# CJK punctuation, ideographs, full-width forms, and the quotation marks CJK text uses
CJK_RE = re.compile(r"[\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


def _dependencies(srcdir: Path) -> list[Path]:
    return sorted(p for g in DEPENDENCY_GLOBS for p in srcdir.glob(g) if p.is_file())


def note_data_dependencies(app, doctree):
    env = app.env
    if not str(env.doc2path(env.docname)).endswith(".ipynb"):
        return
    for p in _dependencies(Path(app.srcdir)):
        env.note_dependency(str(p))


def drop_thebe_and_check_hosts(app, pagename, templatename, context, doctree):
    keep = []
    for js in context.get("script_files", []):
        name = getattr(js, "filename", None) or ""
        body = (getattr(js, "attributes", {}) or {}).get("body", "")
        if "sphinx-thebe" in str(name) or "THEBE_JS_URL" in body:
            continue
        keep.append(js)
    context["script_files"] = keep
    for asset in [*keep, *context.get("css_files", [])]:
        name = str(getattr(asset, "filename", asset) or "")
        if re.match(r"^(https?:)?//", name):
            raise RuntimeError(f"page {pagename} would load {name} from a third-party host")


def label_nav_toggles(app, pagename, templatename, context, doctree):
    """Wrap the theme's ``generate_toctree_html`` (set by pydata-sphinx-theme at the default priority)
    so that every text-less ``<summary>`` toggle in the navigation gets an accessible name."""
    generate = context.get("generate_toctree_html")
    if not app.config.book_label_nav_toggles or generate is None or getattr(generate, "labels_toggles", False):
        return

    def labelled(*args, **kwargs):
        soup = generate(*args, **kwargs)  # the theme caches the soup per page: labelling is idempotent
        if isinstance(soup, str):
            return soup
        for summary in soup.select("details > summary"):
            if summary.get_text(strip=True) or summary.get("aria-label"):
                continue
            link = summary.parent.find_previous_sibling("a")
            name = link.get_text(" ", strip=True) if link else ""
            summary["aria-label"] = f"Sub-pages of {name}" if name else "Sub-pages"
        return soup

    labelled.labels_toggles = True
    context["generate_toctree_html"] = labelled


def build_cjk_subset(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    chars = set()
    for html in outdir.rglob("*.html"):
        chars.update(CJK_RE.findall(html.read_text(encoding="utf-8", errors="ignore")))
    for js in (outdir / "searchindex.js",):
        if js.exists():
            chars.update(CJK_RE.findall(js.read_text(encoding="utf-8", errors="ignore")))
    text = "".join(sorted(chars))
    static = outdir / "_static"
    static.mkdir(exist_ok=True)
    target, stamp = static / SUBSET_NAME, static / (SUBSET_NAME + ".chars")
    digest = hashlib.sha256(text.encode()).hexdigest()
    if target.exists() and stamp.exists() and stamp.read_text() == digest:
        return  # same glyphs as last build: keep the file
    from fontTools import subset

    from .style import bundled_font_path

    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    font = subset.load_font(str(bundled_font_path()), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text=text or "\u3000")
    sub.subset(font)
    subset.save_font(font, str(target), opts)
    stamp.write_text(digest)
    logger.info(f"CJK web font: {len(chars)} glyphs, {target.stat().st_size} bytes -> {target}")


# Chromium keeps the first text run that needed the web font in its fallback (tofu) even after the font
# has loaded. Starting the load in <head> and changing a font property once it is ready makes every run
# re-shape with the loaded font. Readers with a local Noto Sans CJK SC download nothing (local() first).
CJK_READY_JS = ("document.fonts&&document.fonts.load('1em \\\"Book CJK\\\"','\u6df1').then(function(){"
                "document.documentElement.classList.add('cjk-ready')})")


def setup(app):
    app.connect("doctree-read", note_data_dependencies)
    app.connect("html-page-context", drop_thebe_and_check_hosts, priority=900)
    # an "html" config value: it is part of the build hash, so adding it rewrites every page once
    app.add_config_value("book_label_nav_toggles", True, "html")
    app.connect("html-page-context", label_nav_toggles, priority=900)
    app.connect("build-finished", build_cjk_subset)
    app.add_css_file("book.css")
    app.add_js_file(None, body=CJK_READY_JS)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
