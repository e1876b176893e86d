"""Page-weight budgets that are properties of the built site, not timings (issue 6; ``make bench`` measures).

- No page loads the theme's 1.5 MB FontAwesome script, and the file is not published.
- Every icon the pages use is drawn by the icon subset in ``_static/icons.css``.
- Charts are crisp on a 2x screen (at least 2 px per CSS px at the widest column, 774 CSS px) and small; each
  also has an 800-px rendition, offered by ``srcset`` to screens that show fewer pixels, and smaller still.
"""

import re

import pytest
from conftest import ROOT
from PIL import Image

HTML = ROOT / "_build" / "html"
WIDEST_CSS_PX = 774  # a chart's width in the article column at >= 1440 px viewports (bench/run.py)
CHART_MAX_BYTES = 100_000

pytestmark = pytest.mark.skipif(not (HTML / "index.html").exists(), reason="the book is not built (make book)")


def pages():
    return sorted(p for p in HTML.rglob("*.html") if "_static" not in p.relative_to(HTML).parts)


def test_no_page_loads_the_fontawesome_script():
    loading = [str(p.relative_to(HTML)) for p in pages() if "fontawesome.js" in p.read_text(encoding="utf-8")]
    assert not loading, f"pages that load fontawesome.js: {loading}"
    assert not (HTML / "_static" / "scripts" / "fontawesome.js").exists()


def test_every_icon_used_is_in_the_subset():
    from book_site.icons import _icon_codepoints, css_icon_chars, used_icons

    static = HTML / "_static"
    icons_css = (static / "icons.css").read_text(encoding="utf-8")
    covered = {
        chr(int(h, 16))
        for r in re.findall(r"unicode-range:([^;}]+)", icons_css)
        for h in re.findall(r"U\+([0-9A-F]+)", r)
    }
    cps = _icon_codepoints((static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8"))
    used = used_icons(HTML).get("solid", set())
    missing = sorted(n for n in used if n in cps and cps[n] not in covered)
    assert not missing, f"icons used by the pages but not in icons.css: {missing}"
    from fontTools.ttLib import TTFont

    solid = set(map(chr, TTFont(static / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2").getBestCmap()))
    drawn = css_icon_chars(static) & solid  # the brands among them (github, gitlab) are in another font
    assert drawn and drawn <= covered, f"icons the theme's stylesheets draw are missing: {sorted(drawn - covered)}"
    assert "fa-magnifying-glass" in used and "fa-sun" in used and "fa-download" in used


NARROW = "-800w.png"  # src/book_site/assets.py: narrow_rendition


def charts():
    return sorted(p for p in (HTML / "_images").glob("*.png") if not p.name.endswith(NARROW))


@pytest.mark.parametrize("png", charts() or [None], ids=lambda p: p.name if p else "none")
def test_charts_are_crisp_and_small(png):
    if png is None:
        pytest.skip("no charts")
    with Image.open(png) as im:
        width = im.width
    assert width >= 2 * WIDEST_CSS_PX, f"{png.name}: {width} px is blurry on a 2x screen"
    assert png.stat().st_size <= CHART_MAX_BYTES, f"{png.name}: {png.stat().st_size} bytes"


def test_every_chart_has_a_smaller_narrow_rendition_that_pages_offer():
    problems = []
    for png in charts():
        narrow = png.with_name(png.stem + NARROW)
        if not narrow.exists():
            problems.append(f"{png.name}: no {narrow.name}")
            continue
        with Image.open(narrow) as im:
            if im.width != 800:
                problems.append(f"{narrow.name}: {im.width} px wide")
        if narrow.stat().st_size >= png.stat().st_size:
            problems.append(f"{narrow.name}: {narrow.stat().st_size} bytes, not less than {png.name}")
    offered = "".join(p.read_text(encoding="utf-8") for p in pages())
    problems += [
        f"no page offers {p.stem + NARROW} in a srcset" for p in charts() if f"{p.stem + NARROW} 800w, " not in offered
    ]
    assert charts() and not problems, "\n".join(problems)
