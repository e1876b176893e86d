"""The built book in headless Chromium, the reader's side: Chinese drawn with the book's own font (and a
title keeping its shape before the font file arrives), search (from the search page and from the header),
phone layout of chapter, front and claim pages, the phone menu and "on this page", jumps past long tables,
the desktop sidebar and header.

The other half of the browser tests (every page crawled at desktop width) is ``tests/test_site_browser.py``;
see there for why there are two modules. Screenshots go to ``_build/screenshots/site_layout/``; a summary
is printed at the end and written to ``_build/browser-summary/site_layout.txt``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import site_checks as sc
from browser_fixtures import Tally, fail_lines

pytestmark = pytest.mark.browser

CJK_PROBE = "深圳知识产权"
SEARCHES = {
    "shenzhen": "深圳",
    "zhengquanhua": "证券化",
    "securitisation": "securitisation",  # test id: query
    # domain terms taken from the pages (src/book_site/zh-search-terms.txt must make each findable)
    "china-patent-award": "中国专利奖",
    "patent-award": "专利奖",
    "patent-gold": "专利金奖",
    "protection-regulations": "知识产权保护条例",
    "sz-protection-regulations": "深圳经济特区知识产权保护条例",
    "innovation-regulations": "深圳经济特区科技创新条例",
    "pct-applications": "国际专利申请量",
    "invention-density": "每万人口发明专利拥有量",
    "cnipa": "国家知识产权局",
}
# terms of the Chinese edition's own prose (translated headings, verdict words, running text): searched on the
# Chinese site only, each must be found on every page that uses it
ZH_SEARCHES = {
    "zh-conclusion": "结论",
    "zh-checked": "核查",
    "zh-run": "连续纪录",
    "zh-claimant": "声称方",
    "zh-pledge": "质押融资",
}
SEARCHES.update(ZH_SEARCHES)
MUST_FIND = {
    *ZH_SEARCHES.values(),
    "深圳",
    "中国专利奖",
    "专利奖",
    "知识产权保护条例",
    "深圳经济特区知识产权保护条例",
    "国际专利申请量",
    "每万人口发明专利拥有量",
}  # queries whose expected result set may not be empty

TALLY = Tally()


# ------------------------------------------------------------------------------------------ Chinese
def test_chinese_renders_with_the_book_font(browser, site, pages, build_dir, shots):
    """No CJK system font on this machine: Chinese must be drawn with the book's own "Book CJK" subset."""
    rel = next(
        (
            p
            for p in ["chapters/index.html", *pages]
            if CJK_PROBE[:2] in sc.searchable_text((build_dir / p).read_text(encoding="utf-8"))
        ),
        None,
    )
    assert rel, f"no page contains {CJK_PROBE[:2]!r}"
    with sc.page_in(browser, site, viewport=sc.DESKTOP) as page:
        report, rec = sc.open_page(page, site, rel)
        m = sc.measure_cjk(page, CJK_PROBE)
        rec.detach()
        sc.cjk_comparison_shot(page, shots / "cjk-vs-tofu.png", CJK_PROBE)
    system_cjk = _system_cjk_fonts()
    problems = sc.cjk_problems(m)
    font_requests = [
        u for u in report.requests if "/_static/cjk/" in urlsplit(u).path and urlsplit(u).path.endswith(".woff2")
    ]
    if system_cjk:
        # the tofu comparison is meaningless when the fallback finds a real CJK font
        problems = [p for p in problems if "tofu" not in p]
        TALLY.notes.append(f"a system CJK font is installed ({system_cjk[0]}): tofu comparison not made")
    elif not font_requests:
        problems.append("the page never requested its font subset _static/cjk/<hash>.woff2")
    TALLY.add("Chinese drawn with Book CJK", 1, bool(problems))
    TALLY.notes.append(
        f"CJK on {rel}: {CJK_PROBE} is {m['pageWidth']:.0f}px in the page font, "
        f"{m['bookWidth']:.0f}px in Book CJK, {m['tofuWidth']:.0f}px as tofu; faces {m['faces']}"
    )
    assert not problems, f"{rel}: " + "; ".join(problems) + f"\nmeasured: {m}"
    assert not sc.page_problems(report), sc.page_problems(report)


def _system_cjk_fonts() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False)
    return [line for line in out.stdout.splitlines() if line.strip()]


# ------------------------------------------------------------------------------------------ search
@pytest.fixture(scope="module")
def search_page(browser, site):
    context = browser.new_context(viewport=sc.DESKTOP)
    sc.block_external(context, site.base)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("query", list(SEARCHES.values()), ids=list(SEARCHES))
def test_search_finds_the_pages_with_the_term(search_page, site, pages, build_dir, shots, edition, query):
    if query in ZH_SEARCHES.values() and edition == "en":
        pytest.skip("a term of the Chinese edition's prose")
    expected = sc.pages_containing(build_dir, query, pages)
    if query in MUST_FIND:
        assert expected, f"no built page contains {query!r}: the test's expectation is empty"
    report = sc.PageReport(rel=f"search.html?q={query}", url=site.url("search.html"))
    rec = sc.Recorder(search_page, report)
    try:
        found, status, report.status = sc.search(search_page, site, query)
    finally:
        rec.detach()
    if query == "深圳":
        search_page.screenshot(path=str(shots / "search-shenzhen.png"))
    TALLY.pages.add(report.rel)
    allowed = expected | _stem_matches(build_dir, query, pages)
    missing = sorted(expected - set(found))
    extra = sorted(set(found) - allowed)
    TALLY.add("search results = pages with the term", 1, bool(missing or extra))
    TALLY.notes.append(f"search {query!r}: {len(found)} result(s) {sorted(found)}")
    assert not missing and not extra, (
        f"search for {query!r} ({status}): pages with the term but not in the results: {missing}; "
        f"results without the term: {extra}"
    )
    assert not sc.page_problems(report), sc.page_problems(report)


def _stem_matches(build_dir: Path, query: str, pages: list[str]) -> set[str]:
    """For a Latin query, the pages Sphinx may also (rightly) return: a word whose English stem contains
    the query's stem (Sphinx stems terms and matches partial terms), e.g. "securitised"."""
    if not re.fullmatch(r"[A-Za-z0-9_]+", query):
        return set()
    import snowballstemmer

    stem = snowballstemmer.stemmer("english").stemWord
    target = stem(query.lower())
    out = set()
    for rel in pages:
        if PurePosixPath(rel).name in ("search.html", "genindex.html"):
            continue
        words = set(re.findall(r"[a-z0-9_]+", sc.searchable_text((build_dir / rel).read_text("utf-8")).lower()))
        if any(target in stem(w) for w in words if len(w) > 2):
            out.add(rel)
    return out


# ------------------------------------------------------------------------------------------ phone
def test_phone_width_chapter_pages(browser, site, pages, shots, chapter_shot):
    chapters = [p for p in pages if p.startswith("chapters/")]
    assert chapters, "no chapter pages"
    problems = {}
    with sc.page_in(browser, site, **sc.PHONE_TOUCH) as page:
        for rel in chapters:
            report, rec = sc.open_page(page, site, rel)
            rec.detach()
            _, layout = sc.layout_problems(page, sc.PHONE["width"])
            problems[rel] = layout + sc.page_problems(report)
            if rel == chapter_shot:
                page.screenshot(path=str(shots / "chapter-phone.png"))
                first_chart = page.locator("article img").first
                if first_chart.count():
                    first_chart.scroll_into_view_if_needed()
                    # a section laid out only near the viewport (book_site.assets.lazy_sections) is drawn in
                    # the frames after an instant jump; the screenshot is of what a reader then sees
                    page.evaluate("""() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))""")
                    page.wait_for_timeout(200)
                    page.screenshot(path=str(shots / "chapter-phone-chart.png"))
    TALLY.add("phone 390px: no sideways scroll, charts fit", len(chapters), sum(bool(v) for v in problems.values()))
    assert not any(problems.values()), fail_lines(problems)


FRONT = "chapters/index.html"
FRONT_JS = """() => {
  const f = document.querySelector('.findings'), s = document.querySelector('.scorecard');
  const box = s ? s.querySelector('.pst-scrollable-table-container') || s : null;
  const rows = s ? Array.from(s.querySelectorAll('tbody tr')) : [];
  return {viewport: [window.innerWidth, window.innerHeight], docWidth: document.documentElement.scrollWidth,
          findingsTop: f ? f.getBoundingClientRect().top : null,
          scorecard: s ? [s.scrollWidth, s.clientWidth] : null, box: box ? [box.scrollWidth, box.clientWidth] : null,
          rows: rows.length, rowsRight: Math.max(0, ...rows.map(r => r.getBoundingClientRect().right)),
          headerShown: s ? getComputedStyle(s.querySelector('thead')).display !== 'none' : null};
}"""


def test_phone_front_page_findings_first_and_scorecard_fits(browser, site, pages, shots):
    """At 390 px the findings start on the first screen, and the scorecard's rows (cards) fit the width:
    no sideways scrolling of the page or of the table's own scroll box."""
    assert FRONT in pages, f"{FRONT} is not built"
    with sc.page_in(browser, site, **sc.PHONE_TOUCH) as page:
        report, rec = sc.open_page(page, site, FRONT)
        rec.detach()
        m = page.evaluate(FRONT_JS)
        page.screenshot(path=str(shots / "front-phone.png"))
        page.locator(".scorecard").scroll_into_view_if_needed()
        page.wait_for_timeout(200)
        page.screenshot(path=str(shots / "front-phone-scorecard.png"))
        desk = page.context.new_page()
        desk.set_viewport_size(sc.DESKTOP)
        desk.goto(site.url(FRONT), wait_until="load")
        header_on_desktop = desk.evaluate(FRONT_JS)["headerShown"]
    width, height = m["viewport"]
    problems = []
    if m["findingsTop"] is None or m["findingsTop"] >= height:
        problems.append(f"the findings start at y={m['findingsTop']}, below the first screen ({height} px)")
    if not m["scorecard"] or m["rows"] == 0:
        problems.append("no scorecard rows")
    else:
        if m["scorecard"][0] > m["scorecard"][1] + 1 or m["box"][0] > m["box"][1] + 1:
            problems.append(f"the scorecard scrolls sideways: {m['scorecard']}, its table box {m['box']}")
        if m["rowsRight"] > width + 1:
            problems.append(f"a scorecard row reaches x={m['rowsRight']:.0f}, past {width}")
    if m["docWidth"] > width + 1:
        problems.append(f"the page scrolls sideways: {m['docWidth']} > {width}")
    if not header_on_desktop:
        problems.append("on a desktop the scorecard is not a table with its header row")
    TALLY.add("phone: findings first, scorecard fits 390 px", 1, bool(problems))
    assert not problems, "\n".join(problems)


def test_phone_claim_pages_of_different_verdicts(browser, site, pages, shots):
    """Screenshots at 390 px of the first screen of claim pages with different verdicts (for a person to
    look at); each page fits the width."""
    from helpers.checks import verdict_table

    vt = verdict_table()
    chosen = {}
    for r in vt.itertuples():
        rel = r.page.replace(".ipynb", ".html")
        if r.verdict not in chosen and rel in pages and rel not in chosen.values():
            chosen[r.verdict] = rel
    chosen = dict(list(chosen.items())[:4])
    assert len(chosen) >= 3, f"claim pages of fewer than 3 verdicts: {chosen}"
    problems = {}
    with sc.page_in(browser, site, **sc.PHONE_TOUCH) as page:
        for rel in chosen.values():
            report, rec = sc.open_page(page, site, rel)
            rec.detach()
            _, layout = sc.layout_problems(page, sc.PHONE["width"])
            page.screenshot(path=str(shots / f"claim-phone-{PurePosixPath(rel).stem}.png"))
            problems[rel] = layout
    TALLY.add("phone: claim pages of different verdicts", len(chosen), sum(bool(v) for v in problems.values()))
    TALLY.notes.append("claim pages photographed at 390 px: " + ", ".join(f"{v} ({k})" for k, v in chosen.items()))
    assert not any(problems.values()), fail_lines(problems)


OVERFLOW_JS = """() => {
  const out = [];
  for (const el of document.querySelectorAll('article *')) {
    if (el.tagName === 'THEAD' || el.closest('thead') || el.clientWidth === 0) continue;  // visually hidden
    if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      out.push(`${el.tagName.toLowerCase()}.${el.className.toString().split(' ')[0]} scrolls ${el.scrollWidth}px in ${el.clientWidth}px`);
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1)
    out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  return out;
}"""


def test_phone_no_page_scrolls_sideways_anywhere(browser, site, pages, shots):
    """At 390 px no page and no box inside a page's article (a table's scroll box above all) scrolls
    sideways: wide tables become one card per row (book_site.tables, book.css), code wraps. Folded source
    lists are opened first, so their tables are measured too. Every page of the book is under chapters/
    (the site's root pages redirect there or are Sphinx's search and index)."""
    chapters = [p for p in pages if p.startswith("chapters/")]
    problems = {}
    with sc.page_in(browser, site, **sc.PHONE_TOUCH) as page:
        for rel in chapters:
            page.goto(site.url(rel), wait_until="load")
            page.evaluate("document.querySelectorAll('details.sources-fold').forEach(d => d.open = true)")
            page.add_style_tag(content="* { content-visibility: visible !important; }")
            problems[rel] = page.evaluate(OVERFLOW_JS)
    TALLY.add("phone 390px: no box scrolls sideways", len(chapters), sum(bool(v) for v in problems.values()))
    assert not any(problems.values()), fail_lines(problems)


FOLD_PAGE = "chapters/sources.html"


def test_folded_source_lists_open_on_a_tap_and_from_the_keyboard(browser, site, pages, shots):
    """A long source list is folded behind its one-line summary (a native <details>: no script); a tap on the
    summary opens it, Enter on the focused summary closes it again, and print shows it open."""
    assert FOLD_PAGE in pages
    with sc.page_in(browser, site, **sc.PHONE_TOUCH) as page:
        page.goto(site.url(FOLD_PAGE), wait_until="load")
        fold = page.locator("details.sources-fold").last
        summary = fold.locator("summary")
        text = " ".join(summary.text_content().split())
        closed_h = fold.bounding_box()["height"]
        summary.scroll_into_view_if_needed()
        summary.tap()
        page.wait_for_timeout(200)
        opened = fold.evaluate("d => d.open")
        open_h = fold.bounding_box()["height"]
        page.screenshot(path=str(shots / "sources-fold-open.png"))
        summary.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(200)
        closed_again = not fold.evaluate("d => d.open")
        page.emulate_media(media="print")
        printed_h = fold.bounding_box()["height"]
    problems = []
    if not re.fullmatch(r"\d[\d,]* sources: .+|\d+ 个来源[：:].+", text):
        problems.append(f"summary is not a count of sources and who speaks: {text!r}")
    if not opened or open_h < closed_h + 200:
        problems.append(f"a tap did not open the list (open={opened}, {closed_h:.0f} -> {open_h:.0f} px)")
    if not closed_again:
        problems.append("Enter on the focused summary did not close the list")
    if printed_h < closed_h + 200:
        problems.append(f"in print the list stays folded ({printed_h:.0f} px)")
    TALLY.add("folded source list opens (tap, keyboard, print)", 1, bool(problems))
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------------------ navigation
NAV_PAGE = "chapters/legal/02-pct.html"  # a chapter page with headings and a neighbour in the toc


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport=sc.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    sc.block_external(context, site.base)
    page = context.new_page()
    yield page
    context.close()


def _nav_page(pages):
    return NAV_PAGE if NAV_PAGE in pages else next(p for p in pages if p.startswith("chapters/legal/"))


def test_phone_menu_opens_navigation_and_its_link_leads_to_another_chapter(phone, site, pages, shots):
    rel = _nav_page(pages)
    report, rec = sc.open_page(phone, site, rel)
    assert not sc.visible_links(phone, sc.PRIMARY_LINKS), "navigation visible at 390 px before the menu is tapped"
    assert sc.tap_visible(phone, "button.primary-toggle", touch=True), "no visible menu button at 390 px"
    phone.wait_for_timeout(600)
    links = sc.visible_links(phone, sc.PRIMARY_LINKS)
    phone.screenshot(path=str(shots / "phone-menu-open.png"))
    assert links, "tapping the menu button showed no navigation links"
    here = site.url(rel)
    target = next((l for l in links if "/chapters/" in l["href"] and l["href"].split("#")[0] != here), None)
    assert target, f"no link to another chapter in the open menu: {links}"
    phone.locator(f'a.reference.internal[href]:visible >> text="{target["text"]}"').first.tap()
    phone.wait_for_url(target["href"].split("#")[0] + "*", timeout=10000)
    rec.detach()
    TALLY.add("phone: menu opens, link followed", 1)
    TALLY.notes.append(f"phone menu: {len(links)} links visible; followed {target['text']!r}")
    assert phone.url.split("#")[0] == target["href"].split("#")[0]


def test_phone_on_this_page_jumps_to_a_heading(phone, site, pages, shots):
    rel = _nav_page(pages)
    report, rec = sc.open_page(phone, site, rel)
    assert sc.tap_visible(phone, "button.secondary-toggle", touch=True), "no visible 'on this page' button at 390 px"
    phone.wait_for_timeout(600)
    links = [l for l in sc.visible_links(phone, sc.SECONDARY_LINKS) if l["hash"]]
    phone.screenshot(path=str(shots / "phone-on-this-page.png"))
    assert links, "tapping 'on this page' showed no heading links"
    target = links[min(2, len(links) - 1)]
    phone.locator(f'a.nav-link[href$="{target["hash"]}"]:visible').first.tap()
    top = None
    for _ in range(25):  # the menu closes, then the page scrolls (smoothly): poll for up to 5 s
        phone.wait_for_timeout(200)
        top = sc.heading_top(phone, target["hash"][1:])
        if top is not None and -5 <= top <= 250:
            break
    rec.detach()
    TALLY.add("phone: 'on this page' jumps to a heading", 1)
    assert phone.url.endswith(target["hash"]), f"URL {phone.url} did not move to {target['hash']}"
    assert top is not None and -5 <= top <= 250, f"heading {target['hash']} is at y={top} after the jump"


def _headings_after_long_tables(build_dir, pages) -> list[tuple[str, str]]:
    """(page, heading id): the first heading listed in "on this page" after each long table (and so after
    the skipped sections before it)."""
    out = []
    for rel in pages:
        html = (build_dir / rel).read_text(encoding="utf-8")
        listed = set(re.findall(r'class="reference internal nav-link" href="#([^"]+)"', html))
        for m in re.finditer(r'<div class="pst-scrollable-table-container" style="content-visibility: auto', html):
            h = next(
                (h.group(1) for h in re.finditer(r'<section id="([^"]+)"', html[m.end() :]) if h.group(1) in listed),
                None,
            )
            if h and (rel, h) not in out:
                out.append((rel, h))
    return out


@pytest.mark.parametrize("how", ["link", "fragment"])
def test_a_jump_past_a_long_table_lands_on_its_heading(browser, site, pages, build_dir, how):
    """Long tables are laid out only near the viewport (book_site.assets.long_tables); a jump past one must
    still land on its heading: tapped in "on this page" at 390 px, or the page opened at its #fragment."""
    targets = _headings_after_long_tables(build_dir, pages)
    assert len(targets) >= 2, f"pages with a heading after a long table: {targets}; data and sources have one"
    problems = []
    for rel, frag in targets:
        context = browser.new_context(viewport=sc.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
        sc.block_external(context, site.base)
        page = context.new_page()
        try:
            page.goto(site.url(rel) + (f"#{frag}" if how == "fragment" else ""), wait_until="load")
            skipped = page.evaluate("""() => Array.from(document.querySelectorAll(
                '.pst-scrollable-table-container')).filter(b => getComputedStyle(b).contentVisibility == 'auto').length""")
            if how == "link":
                if not skipped:
                    problems.append(f"{rel}: no table is skipped until it is near (content-visibility)")
                assert sc.tap_visible(page, "button.secondary-toggle", touch=True), f"{rel}: no 'on this page'"
                page.wait_for_timeout(600)
                page.locator(f'a.nav-link[href$="#{frag}"]:visible').first.tap()
            top = None
            for _ in range(25):
                page.wait_for_timeout(200)
                top = sc.heading_top(page, frag)
                if top is not None and -5 <= top <= 250:
                    break
            if top is None or not -5 <= top <= 250:
                problems.append(f"{rel}#{frag} ({how}): the heading is at y={top} after the jump")
        finally:
            context.close()
    TALLY.add("jumps past a long table", len(targets))
    assert not problems, "\n".join(problems)


TITLE_FONT_RE = re.compile(r'<script id="book-cjk-title">.*?</script>\n?', re.S)


def _title_height(browser, site, rel: str, *, font_files: bool, title_font: bool = True) -> float:
    """Height of the page's <h1> at 390 px once fonts settle; without the page's CJK font file (its
    requests aborted, as if it had not arrived yet) and, optionally, without the title font in the page."""
    context = browser.new_context(viewport=sc.PHONE, is_mobile=True, device_scale_factor=2)
    sc.block_external(context, site.base)
    if not font_files:
        context.route("**/_static/cjk/*.woff2", lambda route: route.abort())
    if not title_font:

        def strip(route):
            response = route.fetch()
            route.fulfill(response=response, body=TITLE_FONT_RE.sub("", response.text()))

        context.route(site.url(rel), strip)
    page = context.new_page()
    try:
        page.goto(site.url(rel), wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page.evaluate("document.querySelector('article h1').getBoundingClientRect().height")
    finally:
        context.close()


def test_phone_chinese_title_has_its_final_shape_before_the_font_file_arrives(browser, site, pages, build_dir):
    """With no CJK system font, a Chinese title laid out before the page's font file arrives must already
    wrap as it will afterwards; otherwise the whole page jumps down when the file arrives (layout shift).
    The same measurement without the title font written into the page shows that it would jump."""
    titled = [p for p in pages if TITLE_FONT_RE.search((build_dir / p).read_text(encoding="utf-8"))]
    assert titled, "no page carries a title font (src/book_site/cjk_font.py)"
    problems, would_jump = [], []
    for rel in titled:
        final = _title_height(browser, site, rel, font_files=True)
        early = _title_height(browser, site, rel, font_files=False)
        if abs(early - final) > 1:
            problems.append(f"{rel}: title {early:.0f} px high before its font file arrives, {final:.0f} px after")
        bare = _title_height(browser, site, rel, font_files=False, title_font=False)
        if abs(bare - final) > 1:
            would_jump.append(rel)
    TALLY.add("Chinese titles keep their shape at 390 px", len(titled), len(problems))
    TALLY.notes.append(
        f"Chinese titles: {len(titled)} pages; without the title font "
        f"{len(would_jump)} of them would change height when the font file arrives"
    )
    assert not problems, "\n".join(problems)
    assert would_jump, (
        "no page's title changes height without its title font at 390 px: this test no "
        "longer shows that it can catch the jump"
    )


def test_desktop_sidebar_visible_and_one_search_entry_in_header(browser, site, pages, shots):
    with sc.page_in(browser, site, viewport=sc.DESKTOP) as page:
        rel = _nav_page(pages)
        report, rec = sc.open_page(page, site, rel)
        rec.detach()
        links = sc.visible_links(page, ".bd-sidebar-primary a.reference.internal")
        # the header row and the top of the sidebar: what a reader sees as the page's header on a desktop
        entries = sc.visible_in_headers(page, headers=".bd-header, .bd-header-article, .bd-sidebar-primary")
        page.screenshot(path=str(shots / "desktop-header.png"))
    TALLY.add("desktop: sidebar visible, one search entry in header", 1, bool(not links or len(entries) != 1))
    assert len(links) >= 3, f"primary sidebar not visible at 1280 px ({len(links)} links)"
    assert len(entries) == 1, f"{len(entries)} search entries in the desktop header: {entries}"


def test_search_from_the_header_works(browser, site, pages):
    """The header's search entry opens the search field; typing a term and Enter lists results."""
    with sc.page_in(browser, site, viewport=sc.DESKTOP) as page:
        sc.open_page(page, site, _nav_page(pages))[1].detach()
        assert sc.tap_visible(page, ".search-button-field, .search-button"), "no visible search entry"
        field = page.locator("#pst-search-dialog input[name=q], input.form-control[name=q]").first
        field.wait_for(state="visible", timeout=5000)
        field.fill("专利")
        field.press("Enter")
        page.wait_for_url("**/search.html?q=*", timeout=10000)
        page.wait_for_function(sc.SEARCH_DONE_JS, timeout=20000)
        n = page.locator("#search-results ul.search li").count()
    TALLY.add("search from the header", 1, n == 0)
    assert n > 0, "search from the header listed no result"


# ------------------------------------------------------------------------------------------ editions
SWITCH_JS = """() => {
  const s = document.querySelector('nav.book-i18n-switch'), b = document.querySelector('.article-header-buttons');
  if (!s) return null;
  const r = s.getBoundingClientRect(), q = b.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, right: r.right, buttonsTop: q.top, buttonsBottom: q.bottom,
          lang: document.documentElement.lang, width: document.documentElement.scrollWidth};
}"""


def test_switcher_opens_the_same_page_in_the_other_edition(browser, site, pages, edition, shots):
    """At 390 px, the language switcher sits in the article's header row (beside the buttons, not above
    them) and a tap on it opens the same page in the other edition. The Chinese edition always links to
    English; English links to Chinese only once it is released."""
    from browser_fixtures import EDITION_PATH, released

    rel = _nav_page(pages)
    root = site.base[: len(site.base) - len(EDITION_PATH[edition])]
    other = "zh_CN" if edition == "en" else "en"
    context = browser.new_context(viewport=sc.PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    sc.block_external(context, site.base)
    page = context.new_page()
    try:
        report, rec = sc.open_page(page, site, rel)
        rec.detach()
        m = page.evaluate(SWITCH_JS)
        if edition == "en" and other not in released():
            TALLY.add("switcher: absent while the other edition is unreleased", 1, m is not None)
            assert m is None, "English pages link to the Chinese edition before it is released"
            return
        page.screenshot(path=str(shots / "switcher-phone.png"))
        assert m, f"{rel}: no language switcher"
        problems = []
        if not (m["buttonsTop"] - 2 <= (m["top"] + m["bottom"]) / 2 <= m["buttonsBottom"] + 2):
            problems.append(f"the switcher is not in the header row: {m}")
        if m["width"] > sc.PHONE["width"] + 1 or m["right"] > sc.PHONE["width"]:
            problems.append(f"the header row with the switcher is wider than the phone: {m}")
        page.locator("nav.book-i18n-switch a").first.tap()
        expected = root + EDITION_PATH[other] + rel
        page.wait_for_url(expected + "*", timeout=10000)
        sc.settle(page, 3000)
        lang = page.evaluate("document.documentElement.lang")
        if lang != {"en": "en", "zh_CN": "zh-CN"}[other]:
            problems.append(f"the page the switcher opened is in lang={lang!r}")
    finally:
        context.close()
    TALLY.add("switcher: in the header row, opens the same page", 1, bool(problems))
    assert not problems, "\n".join(problems)


def test_front_page_links_its_editions_pdf_at_phone_width(browser, site, pages, edition, shots):
    """The front page's header row carries the link to the edition's PDF, visible at 390 px, and the PDF it
    names is served (``make pdf``; its contents are tested in tests/test_pdf.py)."""
    from book_site.pdf import pdf_name

    context = browser.new_context(viewport=sc.PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    sc.block_external(context, site.base)
    page = context.new_page()
    try:
        report, rec = sc.open_page(page, site, FRONT)
        rec.detach()
        link = page.locator(".book-pdf-link a")
        assert link.count() == 1, "no link to the edition's PDF on the front page"
        box = link.bounding_box()
        href = link.evaluate("a => a.href")
        page.screenshot(path=str(shots / "front-phone-header.png"), clip={"x": 0, "y": 0, "width": 390, "height": 120})
    finally:
        context.close()
    status, headers, body = sc.fetch(href)
    problems = []
    if not box or box["x"] < 0 or box["x"] + box["width"] > sc.PHONE["width"]:
        problems.append(f"the PDF link is not within the phone's width: {box}")
    if not href.endswith(pdf_name(edition)):
        problems.append(f"the link names {href}, not this edition's {pdf_name(edition)}")
    if status != 200 or not body.startswith(b"%PDF"):
        problems.append(f"{href} answered HTTP {status} (run make pdf)")
    TALLY.add("front page: PDF link at 390 px, PDF served", 1, bool(problems))
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------------------------ summary
def test_zz_summary(pages, edition, capsys):
    """Prints (and writes to _build/browser-summary/site_layout[-zh_CN].txt) what was checked. Runs last
    for each edition."""
    TALLY.report(
        "site_layout" + ("" if edition == "en" else f"-{edition}"),
        [f"pages visited: every chapter page at 390 px, the front and claim pages, {len(TALLY.pages)} search pages"],
        [],
        capsys,
    )
