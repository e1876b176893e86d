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

The page's title is drawn before any file can arrive, so without a CJK font the first frame lays a Chinese
title out with fallback boxes, narrower than the real characters; when the file arrives the title wraps
onto one more line and pushes the whole page down (a layout shift of 0.28 on the outlook overview at phone
width). So the characters of the page's ``<h1>`` (a handful, 2-4 KB) are also written into the page
itself: a tiny inline script hands them to the browser as a ``FontFace`` of the same family, loaded from
bytes before the stylesheet has arrived, and the first frame already has the title's final shape.
"""

from __future__ import annotations

import base64
import hashlib
import io
import posixpath
import re
from pathlib import Path

from sphinx.util import logging

from .finished import html_build_finished
from .woff2 import _up_to_date, _woff2_subset

logger = logging.getLogger(__name__)

FAMILY = "Book CJK"
FOLDER = "cjk"  # under _static/
# CJK punctuation, ideographs, full-width forms, and the quotation marks CJK text uses
CJK_RE = re.compile(r"[\u2018\u2019\u201c\u201d\u2026\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
UNICODE_RANGE = "U+2018-2019,U+201C-201D,U+2026,U+3000-303F,U+3400-4DBF,U+4E00-9FFF,U+FF00-FFEF"
LOCAL = 'local("Noto Sans CJK SC"),local("NotoSansCJKsc-Regular"),local("Source Han Sans SC")'
SUBSET_CUT = "features-without-locl;"  # change when the subsetting options change
STYLE_RE = re.compile(
    r'<style id="book-cjk">.*?</style>\n?|<script id="book-cjk-(?:title|redraw)">.*?</script>\n?', re.S
)
H1_RE = re.compile(r'<article class="bd-article">.*?<h1[^>]*>(.*?)</h1>', re.S)
WHOLE_SITE_PAGES = {"search.html"}


def _layout_features() -> list[str]:
    """fontTools' default OpenType features (what browsers apply to horizontal text) without ``locl``: in
    Noto Sans CJK SC that feature maps characters to their Japanese, Korean and traditional Chinese forms,
    which a page in simplified Chinese never shows; keeping it adds those glyphs to every subset (82 KB
    instead of 50 KB for a page of 310 characters)."""
    from fontTools import subset

    return [f for f in subset.Options().layout_features if f != "locl"]


def page_chars(html: str) -> set[str]:
    """CJK characters a page shows (the injected font rule, which has none, set aside)."""
    return set(CJK_RE.findall(STYLE_RE.sub("", html)))


# Chromium (156) keeps some runs of Chinese it shaped with the fallback font before the file arrived: they stay
# boxes after the font has loaded (the sidebar's link to chapter 2 and genindex's headings, a dozen characters
# a page), until something makes it shape them again. So once "Book CJK" has loaded, the elements that hold
# Chinese text get a style that changes nothing visible (text-rendering: optimizeLegibility; kerning and
# ligatures are on already), which makes it shape them anew (font-kerning: normal, the default, does not).
REDRAW = (
    '<script id="book-cjk-redraw">(function(){if(!document.fonts)return;var done=0;function redraw(){'
    "if(done)return;done=1;requestAnimationFrame(function(){var w=document.createTreeWalker(document.body,"
    "4,{acceptNode:function(n){return /[\\u3000-\\u9fff\\uff00-\\uffef]/.test(n.data)?1:3}}),n;"
    'while(n=w.nextNode())n.parentNode.style.textRendering="optimizeLegibility"})}'
    'function later(){document.readyState=="loading"?document.addEventListener("DOMContentLoaded",redraw):'
    'redraw()}document.fonts.addEventListener("loadingdone",function(e){for(var i=0;i<e.fontfaces.length;'
    'i++)if(e.fontfaces[i].family.indexOf("FAMILY")>=0)later()})})()</script>\n'
).replace("FAMILY", FAMILY)


def font_face(url: str) -> str:
    return (
        f'<style id="book-cjk">@font-face{{font-family:"{FAMILY}";src:{LOCAL},url("{url}") format("woff2");'
        f"unicode-range:{UNICODE_RANGE};font-display:swap}}</style>\n" + REDRAW
    )


def title_chars(html: str) -> set[str]:
    """CJK characters of the page's first ``<h1>`` in its article (its title), markup left out."""
    m = H1_RE.search(STYLE_RE.sub("", html))
    return set(CJK_RE.findall(re.sub(r"<[^>]+>", "", m.group(1)))) if m else set()


def unicode_range(chars) -> str:
    return ",".join(f"U+{ord(c):X}" for c in sorted(chars))


def title_font(data: bytes, chars) -> str:
    """An inline script that adds ``data`` (a WOFF2 font of ``chars``) to the page's fonts at once."""
    b64 = base64.b64encode(data).decode("ascii")
    return (
        '<script id="book-cjk-title">(function(){try{var b=atob("' + b64 + '"),u=new Uint8Array(b.length);'
        "for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);"
        f'document.fonts.add(new FontFace("{FAMILY}",u,{{unicodeRange:"{unicode_range(chars)}"}}))'
        "}catch(e){}})()</script>\n"
    )


def inject(html: str, rule: str) -> str:
    """``html`` with its font rule (if any) replaced by ``rule`` (empty: none), right after the charset: before
    the script that starts loading the font and before the stylesheet that names it.

    A rewrite of the built page, not a workaround: the rule names a font subset made from the page's final
    text, which exists only once every page is written (no template or theme option can know it).
    ``STYLE_RE`` matches only what this module wrote. ``REDRAW`` works around the Chromium behaviour described
    above it; no upstream report was found to name."""
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


@html_build_finished
def build_page_subsets(app, outdir: Path):
    from fontTools import subset

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
    wanted, sizes, title_fonts = set(), [], {}
    for page, html in pages.items():
        rel = page.relative_to(outdir).as_posix()
        text = "".join(sorted(everything if rel in WHOLE_SITE_PAGES else chars[page]))
        rule = ""
        if text:
            # named by its characters and by how it is cut, so a changed cut never reuses an old file
            name = hashlib.sha256((SUBSET_CUT + text).encode()).hexdigest()[:16] + ".woff2"
            wanted.add(name)
            target = folder / name
            if not target.exists():
                font, opts = _woff2_subset(
                    master,
                    [ord(c) for c in text],
                    layout_features=_layout_features(),
                    name_ids=["*"],
                    notdef_outline=True,
                )
                subset.save_font(font, str(target), opts)
            sizes.append(target.stat().st_size)
            up = posixpath.relpath(f"_static/{FOLDER}/{name}", posixpath.dirname(rel) or ".")
            rule = font_face(up)
            title = title_chars(html)
            if title:
                key = "".join(sorted(title))
                if key not in title_fonts:
                    font, opts = _woff2_subset(
                        master,
                        [ord(c) for c in key],
                        layout_features=_layout_features(),
                        name_ids=[],
                        notdef_outline=False,
                    )
                    buf = io.BytesIO()
                    subset.save_font(font, buf, opts)
                    title_fonts[key] = buf.getvalue()
                rule += title_font(title_fonts[key], title)
        new = inject(html, rule)
        if new != html:
            page.write_text(new, encoding="utf-8")
    for old in folder.glob("*.woff2"):
        if old.name not in wanted:
            old.unlink()
    if sizes:
        titles = [len(v) for v in title_fonts.values()] or [0]
        logger.info(
            f"CJK web font: {len(everything)} characters in all; {len(wanted)} page subsets, "
            f"{min(sizes)}-{max(sizes)} bytes; {len(title_fonts)} title fonts in the pages, "
            f"{min(titles)}-{max(titles)} bytes"
        )


def setup(app):
    app.connect("build-finished", build_page_subsets)
