"""Local Sphinx extension for the book (registered in ``_config.yml``).

1. Freshness: every notebook page depends on the files under ``data/`` and ``src/helpers/``. Sphinx
   re-reads (and, with ``execute_notebooks: force``, re-executes) a page when the page or any of these
   files changed since it was last read, and never otherwise. jupyter-cache hashes only code cells
   and would serve stale outputs after a data change; this extension replaces it.
   What a page writes into ``_generated/`` when it runs (its charts and CSV files) is its output, not an
   input: Sphinx notes those files as dependencies (figures, downloads), so running the notebooks
   elsewhere (nbval in ``make test``, ``make execute``) made the next build re-execute every page that
   writes one. They are taken off the dependency list; a page is still re-read when one is missing.
2. Nothing from third-party hosts: drops sphinx-thebe's scripts (the book has no live-code button; its
   inline script names a CDN) and fails the build if any page would load a script or stylesheet from
   another host.
3. Chinese text for readers with no CJK font: after the build, subsets the bundled Noto Sans CJK SC to
   exactly the CJK characters the site uses and writes it as WOFF2 next to ``book.css``, which declares
   it after the common system CJK fonts and ``local()`` copies, so readers who have one download nothing.
4. Accessibility: the theme's sidebar draws each expand/collapse toggle as a ``<summary>`` holding only a
   decorative chevron, so screen readers announce an unnamed control (axe-core rule ``summary-name``,
   WCAG 4.1.2). Each such toggle gets an ``aria-label`` naming the page whose sub-pages it shows.
5. Icons without the theme's 1.5 MB FontAwesome JavaScript bundle: pydata-sphinx-theme 0.17 loads
   ``scripts/fontawesome.js`` on every page only to turn ``<i class="fa-solid fa-…">`` into inline SVG. Its
   stylesheet already draws the same icons from the FontAwesome web fonts (``.fa-sun:before{content:…}``),
   so the script is dropped from the theme's ``webpack-macros.html`` (an override generated from the
   installed theme) and deleted from the output, and after the build the web fonts are subset to exactly
   the icons the pages and the theme's scripts use, declared in ``icons.css`` as a data URI with a
   ``unicode-range``, with an empty alternative text for screen readers (the script's SVGs were
   ``aria-hidden``). An icon missing from the subset still shows: the browser falls back to the theme's
   full font for it. An icon class the theme has no glyph for is a build warning (``-W`` fails).
"""
from __future__ import annotations

import base64
import hashlib
import io
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


GENERATED = "_generated"  # the folder helpers.charts (and the data page) write next to a notebook


def separate_generated_outputs(app, doctree):
    """Move the page's own ``_generated/`` files from its dependencies to ``env.szip_outputs``."""
    env = app.env
    deps = env.dependencies.get(env.docname)
    outs = {d for d in deps or () if GENERATED in Path(d).parts}
    if not hasattr(env, "szip_outputs"):
        env.szip_outputs = {}
    if outs:
        deps.difference_update(outs)
        env.szip_outputs[env.docname] = outs
    else:
        env.szip_outputs.pop(env.docname, None)


def outputs_missing(app, env, added, changed, removed):
    """Re-read a page whose generated files are gone (e.g. ``make clean`` without removing ``_build``)."""
    srcdir = Path(app.srcdir)
    return [d for d, outs in getattr(env, "szip_outputs", {}).items()
            if d in env.found_docs and any(not (srcdir / p).is_file() for p in outs)]


def purge_outputs(app, env, docname):
    getattr(env, "szip_outputs", {}).pop(docname, None)


def merge_outputs(app, env, docnames, other):
    if not hasattr(env, "szip_outputs"):
        env.szip_outputs = {}
    for d, outs in getattr(other, "szip_outputs", {}).items():
        if d in docnames:
            env.szip_outputs[d] = outs


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


def _up_to_date(target: Path, stamp: Path, digest: str) -> bool:
    """True when ``target`` was last written from inputs with this digest (the build may skip it)."""
    return target.exists() and stamp.exists() and stamp.read_text() == digest


def _woff2_subset(font_path: Path, unicodes, *, layout_features, name_ids, notdef_outline):
    """A fontTools font reduced to ``unicodes``, set up to be saved as WOFF2 (returns font, options)."""
    from fontTools import subset

    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = layout_features
    opts.name_IDs = name_ids
    opts.notdef_outline = notdef_outline
    opts.hinting = False
    font = subset.load_font(str(font_path), opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    return font, opts


def build_cjk_subset(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    chars = set()
    for html in outdir.rglob("*.html"):
        chars.update(CJK_RE.findall(html.read_text(encoding="utf-8", errors="ignore")))
    index = outdir / "searchindex.js"
    if index.exists():
        chars.update(CJK_RE.findall(index.read_text(encoding="utf-8", errors="ignore")))
    text = "".join(sorted(chars))
    static = outdir / "_static"
    static.mkdir(exist_ok=True)
    target, stamp = static / SUBSET_NAME, static / (SUBSET_NAME + ".chars")
    digest = hashlib.sha256(text.encode()).hexdigest()
    if _up_to_date(target, stamp, digest):
        return  # same glyphs as last build: keep the file
    from fontTools import subset

    from .style import bundled_font_path

    font, opts = _woff2_subset(bundled_font_path(), [ord(c) for c in text or "\u3000"],
                               layout_features=["*"], name_ids=["*"], notdef_outline=True)
    subset.save_font(font, str(target), opts)
    stamp.write_text(digest)
    logger.info(f"CJK web font: {len(chars)} glyphs, {target.stat().st_size} bytes -> {target}")


# ----------------------------------------------------------------------------- icons

ICONS_CSS = "icons.css"
FA_SCRIPT = "scripts/fontawesome.js"
FA_FONTS = {  # style class -> (family, weight, web font shipped by the theme)
    "solid": ("Font Awesome 6 Free", 900, "fa-solid-900.woff2"),
    "regular": ("Font Awesome 6 Free", 400, "fa-regular-400.woff2"),
    "brands": ("Font Awesome 6 Brands", 400, "fa-brands-400.woff2"),
}
FA_STYLE_CLASSES = {"fa-solid": "solid", "fas": "solid", "fa": "solid", "fa-regular": "regular", "far": "regular",
                    "fa-brands": "brands", "fab": "brands"}
CLASS_ATTR_RE = re.compile(r'class="([^"]*\bfa[bsr]?-?[^"]*)"')
JS_ICON_RE = re.compile(r'"((?:fa-(?:solid|regular|brands)|fa[bsr])\s+fa-[a-z0-9-]+)"')


def _theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def override_webpack_macros(app, config):
    """Use the theme's webpack-macros.html without its fontawesome.js <script> (see 5. above)."""
    src = (_theme_static() / "webpack-macros.html").read_text(encoding="utf-8")
    lines = src.splitlines(keepends=True)
    kept = [ln for ln in lines if FA_SCRIPT not in ln and "users can add custom icons" not in ln]
    if len(lines) - len(kept) != 2:
        raise RuntimeError("pydata-sphinx-theme's webpack-macros.html changed: review the icon override in "
                           "src/helpers/sphinx_ext.py")
    folder = Path(app.doctreedir).parent / "theme-overrides"
    target = folder / "static" / "webpack-macros.html"
    text = "{#- generated by src/helpers/sphinx_ext.py: the theme's file without fontawesome.js #}\n" + "".join(kept)
    if not target.exists() or target.read_text(encoding="utf-8") != text:  # keep the mtime: pages stay written
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    config.templates_path = [str(folder), *[t for t in config.templates_path if t != str(folder)]]


def _icon_codepoints(theme_css: str) -> dict[str, str]:
    """``fa-sun`` -> the character its ``:before`` rule draws, from the theme's stylesheet."""
    def unescape(v):
        m = re.fullmatch(r"\\([0-9a-fA-F]{1,6}) ?", v)
        return chr(int(m.group(1), 16)) if m else v.replace("\\", "")

    out = {}
    for sels, content in re.findall(r"((?:\.fa-[a-z0-9-]+:before,?)+)\{content:\"([^\"]+)\"\}", theme_css):
        for name in re.findall(r"\.(fa-[a-z0-9-]+):before", sels):
            out[name] = unescape(content)
    return out


def used_icons(outdir: Path) -> dict[str, set[str]]:
    """Style -> icon names used in the built pages and in the theme's scripts."""
    used: dict[str, set[str]] = {}

    def add(classes: list[str]):
        styles = {FA_STYLE_CLASSES[c] for c in classes if c in FA_STYLE_CLASSES} or {"solid"}
        names = {c for c in classes if c.startswith("fa-") and c not in FA_STYLE_CLASSES}
        for st in styles:
            used.setdefault(st, set()).update(names)

    for html in outdir.rglob("*.html"):
        if "_static" in html.relative_to(outdir).parts:  # the theme's own template files
            continue
        text = html.read_text(encoding="utf-8", errors="ignore")
        if FA_SCRIPT in text:
            logger.warning(f"{html.relative_to(outdir)} still loads {FA_SCRIPT}")
        for attr in CLASS_ATTR_RE.findall(text):
            classes = attr.split()
            if any(c in FA_STYLE_CLASSES for c in classes):
                add(classes)
    for js in (outdir / "_static").rglob("*.js"):
        if js.name != Path(FA_SCRIPT).name:
            for m in JS_ICON_RE.findall(js.read_text(encoding="utf-8", errors="ignore")):
                add(m.split())
    return used


CLASS_MAP_RE = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:"[^"]*"\}')


def css_icon_chars(static: Path) -> set[str]:
    """Icon characters the stylesheets draw themselves (admonition titles, download links, sidebar arrows...).

    Every private-use character quoted in a stylesheet, raw or escaped, once the ``.fa-*:before`` rules
    that map classes to glyphs are set aside."""
    chars = set()
    for f in static.rglob("*.css"):
        if f.name == ICONS_CSS:
            continue
        css = CLASS_MAP_RE.sub("", f.read_text(encoding="utf-8", errors="ignore"))
        for quoted in re.findall(r'"([^"\n]{1,8})"', css):
            for m in re.finditer(r"\\([0-9a-fA-F]{1,6}) ?|(.)", quoted):
                c = chr(int(m.group(1), 16)) if m.group(1) else m.group(2)
                if "\ue000" <= c <= "\uf8ff":
                    chars.add(c)
    return chars


def build_icon_subset(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    static = outdir / "_static"
    for name in (FA_SCRIPT, FA_SCRIPT + ".map", FA_SCRIPT + ".LICENSE.txt"):
        (static / name).unlink(missing_ok=True)
    theme_css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    cps = _icon_codepoints(theme_css)
    used = used_icons(outdir)
    sizing = {"fa-lg", "fa-xs", "fa-sm", "fa-xl", "fa-2xs", "fa-2xl", "fa-fw", "fa-li", "fa-ul", "fa-border",
              "fa-inverse", "fa-spin", "fa-pulse", "fa-stack", "fa-stack-1x", "fa-stack-2x", "fa-classic",
              "fa-sharp"} | {f"fa-{i}x" for i in range(1, 11)}
    used.setdefault("solid", set())  # the stylesheets' own icons (below) are drawn with the solid font
    from_css = css_icon_chars(static)
    plan = {}
    for style, names in sorted(used.items()):
        icons = sorted(n for n in names if n not in sizing and not n.startswith(("fa-rotate", "fa-flip")))
        unknown = [n for n in icons if n not in cps]
        if unknown:
            logger.warning(f"icon class(es) with no FontAwesome glyph: {', '.join(unknown)}")
        chars = {cps[n] for n in icons if n in cps} | (from_css if style == "solid" else set())
        if chars:
            plan[style] = (icons, sorted(chars))
    digest = hashlib.sha256(repr(sorted(plan.items())).encode() + Path(__file__).read_bytes()).hexdigest()
    target, stamp = static / ICONS_CSS, static / (ICONS_CSS + ".digest")
    if _up_to_date(target, stamp, digest):
        return
    from fontTools import subset

    rules = ["/* The FontAwesome icons this site uses, subset at build time by src/helpers/sphinx_ext.py from the web",
             "   fonts pydata-sphinx-theme ships (the theme's stylesheet maps each fa-* class to its glyph).",
             "   Font Awesome Free by @fontawesome - https://fontawesome.com",
             "   License - https://fontawesome.com/license/free (Icons: CC BY 4.0, Fonts: SIL OFL 1.1) */"]
    for style, (icons, chars) in plan.items():
        family, weight, file = FA_FONTS[style]
        font, opts = _woff2_subset(static / "vendor" / "fontawesome" / "webfonts" / file, [ord(c) for c in chars],
                                   layout_features=[], name_ids=[0, 1, 2, 3, 4, 5, 6, 13, 14],  # keep names, licence
                                   notdef_outline=False)
        covered = sorted(font.getBestCmap())  # claim only what the subset draws: the rest falls back
        buf = io.BytesIO()
        subset.save_font(font, buf, opts)
        data = base64.b64encode(buf.getvalue()).decode()
        ranges = ",".join(f"U+{c:X}" for c in covered)
        rules.append(f"/* {style}: {' '.join(icons)}" + (" and the stylesheets' own icons" if style == "solid" else "")
                     + " */")
        # the script hid its SVG icons from screen readers (aria-hidden); give the glyphs an empty alternative
        # text (a browser without the `/ ""` syntax ignores the rule and keeps the theme's)
        rules += [f'.{n}:before{{content:"\\{ord(cps[n]):x}"/""}}' for n in icons if n in cps]
        rules.append(f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};font-display:block;'
                     f'src:url(data:font/woff2;base64,{data}) format("woff2");unicode-range:{ranges}}}')
        logger.info(f"icons ({style}): {len(covered)} glyphs, {len(buf.getvalue())} bytes of font")
    target.write_text("\n".join(rules) + "\n", encoding="utf-8")
    stamp.write_text(digest)


# Chromium keeps the first text run that needed the web font in its fallback (tofu) even after the font
# has loaded. Starting the load in <head> and changing a font property once it is ready makes every run
# re-shape with the loaded font. Readers with a local Noto Sans CJK SC download nothing (local() first).
CJK_READY_JS = ("document.fonts&&document.fonts.load('1em \\\"Book CJK\\\"','\u6df1').then(function(){"
                "document.documentElement.classList.add('cjk-ready')})")


def citation_list_roles(app, pagename, templatename, context, doctree):
    """The bibliography's entries: Sphinx marks them role="doc-biblioentry" (deprecated in ARIA 1.2) inside a
    role="list" container, which then has no list items (axe: aria-required-children). Make them list items."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("config-inited", override_webpack_macros)
    app.connect("doctree-read", note_data_dependencies)
    app.connect("doctree-read", separate_generated_outputs, priority=900)  # after Sphinx's collectors
    app.connect("env-get-outdated", outputs_missing)
    app.connect("env-purge-doc", purge_outputs)
    app.connect("env-merge-info", merge_outputs)
    app.connect("html-page-context", drop_thebe_and_check_hosts, priority=900)
    # an "html" config value: it is part of the build hash, so adding it rewrites every page once
    app.add_config_value("book_label_nav_toggles", True, "html")
    app.connect("html-page-context", label_nav_toggles, priority=900)
    app.connect("html-page-context", citation_list_roles)
    app.connect("build-finished", build_cjk_subset)
    app.connect("build-finished", build_icon_subset)
    app.add_css_file("book.css")
    app.add_css_file(ICONS_CSS)
    app.add_js_file(None, body=CJK_READY_JS)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
