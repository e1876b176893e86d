"""Chinese text for readers with no CJK font, one small font file per page.

After the build, the bundled Noto Sans CJK SC is reduced once to every CJK character the site uses (kept
outside the output as a plain OpenType file, rebuilt only when that set changes), and from it each page gets
a WOFF2 subset of exactly the characters it shows, named by the hash of those characters
(``_static/cjk/<hash>.woff2``; pages with the same characters share a file). The page declares it in a small
inline ``<style>`` in its ``<head>``, after the common system CJK fonts and ``local()`` copies in the font
stack, so a reader who has one downloads nothing, and a page without Chinese declares nothing. The rule comes
first in ``<head>``, before any text is laid out, so the browser's usual font swap redraws the text once
the file has arrived (an earlier version declared the face in a stylesheet and forced a re-style of the
whole page with a script; that cost a second or more of layout on a slow phone). The search
page shows text from every page, so it gets the whole set (the search index included).
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

from sphinx.util import logging

from .woff2 import _up_to_date, _woff2_subset

logger = logging.getLogger(__name__)

FAMILY = "Book CJK"
FOLDER = "cjk"  # under _static/
# CJK punctuation, ideographs, full-width forms, and the quotation marks CJK text uses
CJK_RE = re.compile(r"[\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
UNICODE_RANGE = "U+2018-2019,U+201C-201D,U+2026,U+3000-303F,U+3400-4DBF,U+4E00-9FFF,U+FF00-FFEF"
LOCAL = 'local("Noto Sans CJK SC"),local("NotoSansCJKsc-Regular"),local("Source Han Sans SC")'
STYLE_RE = re.compile(r'<style id="book-cjk">.*?</style>\n?', re.S)
WHOLE_SITE_PAGES = {"search.html"}

def page_chars(html: str) -> set[str]:
    """CJK characters a page shows (the injected font rule, which has none, set aside)."""
    return set(CJK_RE.findall(STYLE_RE.sub("", html)))


def font_face(url: str) -> str:
    return (f'<style id="book-cjk">@font-face{{font-family:"{FAMILY}";src:{LOCAL},url("{url}") format("woff2");'
            f"unicode-range:{UNICODE_RANGE};font-display:swap}}</style>\n")


def inject(html: str, rule: str) -> str:
    """``html`` with its font rule (if any) replaced by ``rule`` (empty: none), right after the charset: before
    the script that starts loading the font and before the stylesheet that names it."""
    html = STYLE_RE.sub("", html)
    if not rule:
        return html
    m = re.search(r"<meta charset=[^>]*>\n?", html)
    at = m.end() if m else html.index("</head>")
    return html[:at] + rule + html[at:]


def _pages(outdir: Path) -> list[Path]:
    return sorted(p for p in outdir.rglob("*.html") if "_static" not in p.relative_to(outdir).parts)


def _master(app, chars: set[str]) -> Path:
    """The bundled font reduced to ``chars`` (plain OpenType, fast to subset again), rebuilt on change."""
    from fontTools import subset

    from helpers.style import bundled_font_path

    text = "".join(sorted(chars)) or "\u3000"
    folder = Path(app.doctreedir).parent / "cjk-font"
    folder.mkdir(parents=True, exist_ok=True)
    target, stamp = folder / "site.otf", folder / "site.otf.chars"
    digest = hashlib.sha256(text.encode()).hexdigest()
    if not _up_to_date(target, stamp, digest):
        opts = subset.Options()
        opts.layout_features, opts.name_IDs, opts.notdef_outline, opts.hinting = ["*"], ["*"], True, False
        font = subset.load_font(str(bundled_font_path()), opts)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=[ord(c) for c in text])
        sub.subset(font)
        subset.save_font(font, str(target), opts)
        stamp.write_text(digest)
    return target


def build_page_subsets(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    from fontTools import subset

    outdir = Path(app.outdir)
    static = outdir / "_static"
    pages = {p: p.read_text(encoding="utf-8") for p in _pages(outdir)}
    chars = {p: page_chars(t) for p, t in pages.items()}
    everything = set().union(*chars.values()) if chars else set()
    index = outdir / "searchindex.js"
    if index.exists():
        everything |= set(CJK_RE.findall(index.read_text(encoding="utf-8", errors="ignore")))
    master = _master(app, everything)
    folder = static / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted, sizes = set(), []
    for page, html in pages.items():
        rel = page.relative_to(outdir).as_posix()
        text = "".join(sorted(everything if rel in WHOLE_SITE_PAGES else chars[page]))
        rule = ""
        if text:
            name = hashlib.sha256(text.encode()).hexdigest()[:16] + ".woff2"
            wanted.add(name)
            target = folder / name
            if not target.exists():
                font, opts = _woff2_subset(master, [ord(c) for c in text], layout_features=["*"],
                                           name_ids=["*"], notdef_outline=True)
                subset.save_font(font, str(target), opts)
            sizes.append(target.stat().st_size)
            up = posixpath.relpath(f"_static/{FOLDER}/{name}", posixpath.dirname(rel) or ".")
            rule = font_face(up)
        new = inject(html, rule)
        if new != html:
            page.write_text(new, encoding="utf-8")
    for old in folder.glob("*.woff2"):
        if old.name not in wanted:
            old.unlink()
    if sizes:
        logger.info(f"CJK web font: {len(everything)} characters in all; {len(wanted)} page subsets, "
                    f"{min(sizes)}-{max(sizes)} bytes")


def setup(app):
    app.connect("build-finished", build_page_subsets)
