"""What a page asks for before it can draw (src/book_site/assets.py, purge.py, cjk_font.py): the trimmed
stylesheet bundle, the inlined documentation options and the title font written into the page.

The trimming rule is tested on small stylesheets; the built pages (``_build/html``, made by ``make test``
before the tests run) are checked for the three changes. What the trimmed bundle looks like is checked by
the browser suite (every page, both widths, menus and search) and by the screenshots it leaves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from book_site import cjk_font
from book_site.assets import LONG_TABLE_ROWS, lazy_sections, long_tables
from book_site.purge import names_in_html, names_in_script, purge

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build" / "html"


def _kept(css: str, used: set[str]) -> str:
    return purge(css, used)[0]


def test_a_rule_whose_class_no_page_uses_is_dropped_and_a_used_one_kept():
    css = ".used{color:red}\n.unused{color:blue}\n"
    out, stats = purge(css, {"used"})
    assert ".used{color:red}" in out and "unused" not in out
    assert stats == {"rules": 2, "dropped": 1}


def test_only_the_selectors_that_can_match_are_kept_in_a_list():
    assert _kept(".a,.b>p,#c{margin:0}", {"a", "c"}) == ".a,#c{margin:0}\n"


def test_every_class_and_id_of_a_compound_selector_is_needed():
    assert _kept(".a.b{x:1}", {"a"}) == ""
    assert _kept(".a .b#c{x:1}", {"a", "b", "c"}) == ".a .b#c{x:1}\n"


def test_names_inside_not_is_where_has_do_not_count():
    css = "p:not(.gone){x:1}\n:is(.gone,.other) p{y:2}\n"
    out = _kept(css, set())
    assert "p:not(.gone){x:1}" in out and ":is(.gone,.other) p{y:2}" in out


def test_element_attribute_and_root_rules_are_always_kept():
    css = 'html[data-theme="dark"]{--c:#000}\n:root{--x:1}\na:hover{color:red}\n'
    out = _kept(css, set())
    assert out.count("{") == 3


def test_media_blocks_are_trimmed_inside_and_dropped_when_empty():
    css = "@media (max-width:900px){.a{x:1}.b{y:2}}\n@media print{.b{z:3}}\n"
    out = _kept(css, {"a"})
    assert out == "@media (max-width:900px){.a{x:1}}\n"


def test_font_faces_keyframes_and_imports_are_kept_as_they_are():
    css = '@font-face{font-family:"X";src:url(x.woff2)}\n@keyframes spin{from{opacity:0}to{opacity:1}}\n.gone{x:1}\n'
    out = _kept(css, set())
    assert "@font-face" in out and "@keyframes spin" in out and "gone" not in out


def test_file_markers_between_bundled_files_survive():
    css = "/* basic.css */\n.a{x:1}\n/* other.css */\n.gone{y:2}\n"
    assert _kept(css, {"a"}) == "/* basic.css */\n.a{x:1}\n/* other.css */\n"


def test_class_names_come_from_attributes_and_any_word_of_a_script():
    assert names_in_html('<div class="x  y" id="z"><p class="">') == {"x", "y", "z"}
    assert {"show", "collapsing", "bd-sidebar"} <= names_in_script(
        'el.classList.add("show");t="collapsing";q=".bd-sidebar"'
    )


def test_a_parse_error_names_its_line():
    with pytest.raises(ValueError, match="line 2"):
        purge(".a{x:1}\n.b\n", {"a"})


# ------------------------------------------------------------------------------------------ long tables
def _table(rows: int, style: str = "") -> str:
    return (
        f'<div class="pst-scrollable-table-container"{style}>\n<table class="table">'
        + "<tr><td>x</td></tr>" * rows
        + "</table>\n</div>"
    )


def test_a_long_table_is_laid_out_only_near_the_viewport_and_a_short_one_always():
    html = _table(LONG_TABLE_ROWS - 1) + _table(LONG_TABLE_ROWS)
    out = long_tables(html)
    short, long_ = out.split("</table>")[:2]
    assert "content-visibility" not in short
    assert f'style="content-visibility: auto; contain-intrinsic-size: auto {LONG_TABLE_ROWS * 2}em"' in long_


def test_long_tables_runs_twice_to_the_same_page():
    html = "<head></head><p>a</p>" + _table(LONG_TABLE_ROWS + 5) + _table(3)
    once = long_tables(html)
    assert long_tables(once) == once and once.count("content-visibility: auto") == 1
    assert once.count('<script id="book-long-tables">') == 1, "a page with a long table lays it out before a jump"
    assert "book-long-tables" not in long_tables("<head></head>" + _table(3))
    # a table that became short loses the attribute again
    stale = _table(3, ' style="content-visibility: auto; contain-intrinsic-size: auto 90em"')
    assert "content-visibility" not in long_tables(stale)


def test_sections_after_the_first_are_laid_out_when_near_and_nested_ones_are_left_alone():
    html = (
        '<section id="t"><h1>T</h1><p>intro</p><section id="a"><h2>A</h2><section id="a1"><h3>x</h3>'
        '</section></section><section id="b"><h2>B</h2><img src="x.png"></section>'
        '<section id="c"><h2>C</h2></section></section>'
    )
    out = lazy_sections(html)
    skipped = re.findall(
        r'<section id="([^"]+)" style="content-visibility: auto; '
        r'contain-intrinsic-size: auto (\d+)em">',
        out,
    )
    assert [s for s, _ in skipped] == ["b", "c"], out
    assert int(dict(skipped)["b"]) >= 30, "an image counts in the placeholder height"
    assert lazy_sections(out) == out
    assert re.sub(r' style="[^"]*"', "", out) == html, "nothing else is changed"


# ------------------------------------------------------------------------------------------ built pages
@pytest.fixture(scope="module")
def built() -> dict[str, str]:
    if not (BUILD / "index.html").is_file():
        pytest.fail(f"{BUILD / 'index.html'} is missing: build the book first with `make book`", pytrace=False)
    return {
        p.relative_to(BUILD).as_posix(): p.read_text(encoding="utf-8")
        for p in BUILD.rglob("*.html")
        if "_static" not in p.relative_to(BUILD).parts
    }


def test_every_page_links_one_stylesheet_and_no_blocking_options_script(built):
    problems = []
    for rel, html in built.items():
        if 'http-equiv="refresh"' in html.lower():  # the root index.html only redirects
            continue
        head = html[: html.find("</head>")]
        sheets = re.findall(r'<link rel="stylesheet"[^>]*href="([^"]+)"', head)
        if [s.split("/")[-1].split("?")[0] for s in sheets] != ["book-bundle.css"]:
            problems.append(f"{rel}: stylesheets {sheets}")
        if "documentation_options.js" in head:
            problems.append(f"{rel}: links documentation_options.js instead of carrying it")
        if "const DOCUMENTATION_OPTIONS" not in head:
            problems.append(f"{rel}: no DOCUMENTATION_OPTIONS in its head")
    assert not problems, "\n".join(problems)


def test_the_bundle_is_trimmed_but_keeps_the_rules_pages_need(built):
    css = (BUILD / "_static" / "book-bundle.css").read_text(encoding="utf-8")
    # a rule of the theme no page can use, and some every page needs
    assert ".sd-card-img-top" not in css
    for needed in (".bd-sidebar-primary", ".bd-header", ".verdict-consistent", ".bottom-line", ".bd-sidebar-secondary"):
        assert needed in css, needed


def test_pages_with_a_chinese_title_carry_its_characters(built):
    """Each page whose title (first <h1>) has Chinese carries exactly those characters as an inline font."""
    problems, titled = [], 0
    for rel, html in built.items():
        chars = cjk_font.title_chars(html)
        script = re.search(r'<script id="book-cjk-title">.*?unicodeRange:"([^"]*)".*?</script>', html, re.S)
        if not chars:
            if script:
                problems.append(f"{rel}: a title font but no Chinese in its title")
            continue
        titled += 1
        if not script:
            problems.append(f"{rel}: Chinese in its title ({''.join(sorted(chars))}) but no title font")
        elif script.group(1) != cjk_font.unicode_range(chars):
            problems.append(f"{rel}: title font covers {script.group(1)}, title needs {cjk_font.unicode_range(chars)}")
        elif html.index('<script id="book-cjk-title">') > html.index("book-bundle.css"):
            problems.append(f"{rel}: the title font comes after the stylesheet")
    assert titled >= 4, f"only {titled} pages have a Chinese title; the four chapter overviews do"
    assert not problems, "\n".join(problems)


def test_every_long_table_of_the_site_skips_layout_until_it_is_near(built):
    """Each table of LONG_TABLE_ROWS rows or more, and only those, carries content-visibility: auto."""
    problems, marked = [], 0
    for rel, html in built.items():
        for box, table in re.findall(
            r'(<div class="pst-scrollable-table-container"[^>]*>)\s*(<table\b.*?</table>)', html, re.S
        ):
            long_ = table.count("<tr") >= LONG_TABLE_ROWS
            marked += long_
            if long_ != ("content-visibility: auto" in box):
                problems.append(f"{rel}: a table of {table.count('<tr')} rows with {box}")
    assert marked >= 3, f"only {marked} long tables found; data, sources and the outlook page have them"
    assert not problems, "\n".join(problems)
