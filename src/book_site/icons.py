"""Icons without the theme's 1.5 MB FontAwesome JavaScript bundle.

pydata-sphinx-theme loads ``scripts/fontawesome.js`` on every page only to turn ``<i class="fa-solid fa-…">``
into inline SVG. Its stylesheet already draws the same icons from the FontAwesome web fonts
(``.fa-sun:before{content:…}``), so the script is dropped from the theme's ``webpack-macros.html`` (an
override generated from the installed theme by ``assets``) and deleted from the output, and after the build the web
fonts are subset to exactly the icons the pages and the theme's scripts use, declared in ``icons.css`` as a
data URI with a ``unicode-range``, with an empty alternative text for screen readers (the script's SVGs
were ``aria-hidden``). An icon missing from the subset still shows: the browser falls back to the theme's
full font for it. An icon class the theme has no glyph for is a build warning (``-W`` fails).
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path

from sphinx.util import logging

from .finished import html_build_finished
from .woff2 import _up_to_date, _woff2_subset

logger = logging.getLogger(__name__)

ICONS_CSS = "icons.css"
FA_SCRIPT = "scripts/fontawesome.js"
FA_FONTS = {  # style class -> (family, weight, web font shipped by the theme)
    "solid": ("Font Awesome 6 Free", 900, "fa-solid-900.woff2"),
    "regular": ("Font Awesome 6 Free", 400, "fa-regular-400.woff2"),
    "brands": ("Font Awesome 6 Brands", 400, "fa-brands-400.woff2"),
}
FA_STYLE_CLASSES = {
    "fa-solid": "solid",
    "fas": "solid",
    "fa": "solid",
    "fa-regular": "regular",
    "far": "regular",
    "fa-brands": "brands",
    "fab": "brands",
}
CLASS_ATTR_RE = re.compile(r'class="([^"]*\bfa[bsr]?-?[^"]*)"')
JS_ICON_RE = re.compile(r'"((?:fa-(?:solid|regular|brands)|fa[bsr])\s+fa-[a-z0-9-]+)"')


def theme_static() -> Path:
    """The static folder of the installed pydata-sphinx-theme (its templates, stylesheets, web fonts)."""
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


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


# the theme's rules that map an icon class to its glyph (``.fa-sun:before{content:"…"}``); assets leaves
# them out of the stylesheet bundle, where icons.css declares the ones the site uses
ICON_RULE_RE = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:"[^"]*"\}')


def css_icon_chars(static: Path) -> set[str]:
    """Icon characters the stylesheets draw themselves (admonition titles, download links, sidebar arrows...).

    Every private-use character quoted in a stylesheet, raw or escaped, once the ``.fa-*:before`` rules
    that map classes to glyphs are set aside."""
    chars = set()
    for f in static.rglob("*.css"):
        if f.name == ICONS_CSS:
            continue
        css = ICON_RULE_RE.sub("", f.read_text(encoding="utf-8", errors="ignore"))
        for quoted in re.findall(r'"([^"\n]{1,8})"', css):
            for m in re.finditer(r"\\([0-9a-fA-F]{1,6}) ?|(.)", quoted):
                c = chr(int(m.group(1), 16)) if m.group(1) else m.group(2)
                if "\ue000" <= c <= "\uf8ff":
                    chars.add(c)
    return chars


@html_build_finished
def build_icon_subset(app, outdir: Path):
    static = outdir / "_static"
    for name in (FA_SCRIPT, FA_SCRIPT + ".map", FA_SCRIPT + ".LICENSE.txt"):
        (static / name).unlink(missing_ok=True)
    theme_css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    cps = _icon_codepoints(theme_css)
    used = used_icons(outdir)
    sizing = {
        "fa-lg",
        "fa-xs",
        "fa-sm",
        "fa-xl",
        "fa-2xs",
        "fa-2xl",
        "fa-fw",
        "fa-li",
        "fa-ul",
        "fa-border",
        "fa-inverse",
        "fa-spin",
        "fa-pulse",
        "fa-stack",
        "fa-stack-1x",
        "fa-stack-2x",
        "fa-classic",
        "fa-sharp",
    } | {f"fa-{i}x" for i in range(1, 11)}
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

    rules = [
        "/* The FontAwesome icons this site uses, subset at build time by src/book_site/icons.py from the web",
        "   fonts pydata-sphinx-theme ships (the theme's stylesheet maps each fa-* class to its glyph).",
        "   Font Awesome Free by @fontawesome - https://fontawesome.com",
        "   License - https://fontawesome.com/license/free (Icons: CC BY 4.0, Fonts: SIL OFL 1.1) */",
    ]
    for style, (icons, chars) in plan.items():
        family, weight, file = FA_FONTS[style]
        font, opts = _woff2_subset(
            static / "vendor" / "fontawesome" / "webfonts" / file,
            [ord(c) for c in chars],
            layout_features=[],
            name_ids=[0, 1, 2, 3, 4, 5, 6, 13, 14],  # keep names, licence
            notdef_outline=False,
        )
        covered = sorted(font.getBestCmap())  # claim only what the subset draws: the rest falls back
        buf = io.BytesIO()
        subset.save_font(font, buf, opts)
        data = base64.b64encode(buf.getvalue()).decode()
        ranges = ",".join(f"U+{c:X}" for c in covered)
        rules.append(
            f"/* {style}: {' '.join(icons)}" + (" and the stylesheets' own icons" if style == "solid" else "") + " */"
        )
        # the script hid its SVG icons from screen readers (aria-hidden); give the glyphs an empty alternative
        # text (a browser without the `/ ""` syntax ignores the rule and keeps the theme's)
        rules += [f'.{n}:before{{content:"\\{ord(cps[n]):x}"/""}}' for n in icons if n in cps]
        rules.append(
            f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};font-display:block;'
            f'src:url(data:font/woff2;base64,{data}) format("woff2");unicode-range:{ranges}}}'
        )
        logger.info(f"icons ({style}): {len(covered)} glyphs, {len(buf.getvalue())} bytes of font")
    target.write_text("\n".join(rules) + "\n", encoding="utf-8")
    stamp.write_text(digest)


def setup(app):
    app.connect("build-finished", build_icon_subset)
    app.add_css_file(ICONS_CSS)
