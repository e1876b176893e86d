"""The built book in headless Chromium, every page at desktop width: each page and request answers 200,
nothing leaves the local server, no console errors, images load with meaningful alt text, axe-core WCAG 2.1
A/AA, CSV downloads, internal links, and no Chinese character left as a box (desktop and phone); then the
same checks against the deliberately broken page in ``tests/fixtures/broken_site`` to show that they catch
faults.

The other half of the browser tests (fonts, search, phone layout, navigation) is in
``tests/test_site_layout.py``: two modules, so that ``--dist loadscope`` runs them on both xdist workers at
once; within a module the tests share one server and one browser (``tests/browser_fixtures.py``).

Run by ``make test`` (which builds the book first) against ``_build/html``, once for each edition (English;
Chinese under ``zh_CN/`` when built: see ``edition`` in ``tests/browser_fixtures.py``). Nothing leaves the machine: the
site is served on 127.0.0.1 and every request to any other host is recorded, then aborted by a route before
Chromium opens a connection. Screenshots go to ``_build/screenshots/site_browser/``; a summary is printed at
the end and written to ``_build/browser-summary/site_browser.txt``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import site_checks as sc
from browser_fixtures import Tally, fail_lines

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
BROKEN = HERE / "fixtures" / "broken_site"

TALLY = Tally()


@pytest.fixture(scope="module")
def crawl(browser, site, pages, shots, chapter_shot):
    """Every built page, visited once at desktop width, with every per-page check run on it."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=sc.DESKTOP, locale="zh-CN" if site.base.endswith("/zh_CN/") else "en-US")
    blocked = sc.block_external(context, site.base)
    page = context.new_page()
    axe = Axe()
    reports = []
    t0 = time.perf_counter()
    for rel in pages:
        report = sc.check_page(page, site, rel, axe)
        reports.append(report)
        TALLY.pages.add(rel)
        if rel == "index.html":
            page.screenshot(path=str(shots / "front-desktop.png"))
        if rel == chapter_shot:
            page.screenshot(path=str(shots / "chapter-desktop.png"))
    TALLY.notes.append(f"desktop crawl: {len(reports)} pages in {time.perf_counter() - t0:.1f} s")
    yield {"reports": reports, "blocked": blocked}
    context.close()


# ------------------------------------------------------------------------------------------ per page
def test_every_page_and_request_answers_200(crawl):
    problems = {}
    for r in crawl["reports"]:
        lines = [] if r.status == 200 else [f"page answered HTTP {r.status}"]
        lines += [f"HTTP {status} for {url}" for url, status in r.bad_status]
        problems[r.rel] = lines
    n_requests = sum(len(r.requests) for r in crawl["reports"])
    TALLY.add("pages and requests answer 200", n_requests, sum(map(len, problems.values())))
    assert not any(problems.values()), "non-200 answers:\n" + fail_lines(problems)


def test_no_request_leaves_the_local_server(crawl):
    problems = {r.rel: [f"request to another host: {u}" for u in r.external] for r in crawl["reports"]}
    TALLY.add("no request to another host", len(crawl["reports"]), sum(bool(v) for v in problems.values()))
    assert not crawl["blocked"], f"blocked requests to other hosts: {crawl['blocked']}"
    assert not any(problems.values()), fail_lines(problems)


def test_no_console_errors_page_errors_or_failed_requests(crawl):
    problems = {
        r.rel: [f"console error: {t}" for t in r.console_errors]
        + [f"page error: {t}" for t in r.page_errors]
        + [f"request failed: {u} ({e})" for u, e in r.failed]
        for r in crawl["reports"]
    }
    TALLY.add(
        "no console/page errors, no failed requests", len(crawl["reports"]), sum(bool(v) for v in problems.values())
    )
    assert not any(problems.values()), fail_lines(problems)


def test_images_load_and_have_meaningful_alt(crawl):
    problems = {r.rel: r.image_issues for r in crawl["reports"]}
    n_images = sum(len(r.images) for r in crawl["reports"])
    TALLY.add("images load, meaningful alt", n_images, sum(map(len, problems.values())))
    assert n_images > 0, "no <img> on any page: the charts are missing"
    assert not any(problems.values()), fail_lines(problems)


def test_axe_wcag21_a_and_aa(crawl):
    problems = {
        r.rel: [f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'][:3])}" for v in r.axe_violations]
        for r in crawl["reports"]
    }
    TALLY.add("axe WCAG 2.1 A/AA, pages", len(crawl["reports"]), sum(bool(v) for v in problems.values()))
    assert not any(problems.values()), "axe-core WCAG 2.1 A/AA violations:\n" + fail_lines(problems)


# ------------------------------------------------------------------------------------------ Chinese
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_no_chinese_character_is_left_as_a_box_once_the_font_has_loaded(browser, site, pages, width):
    """On every page, each Chinese character is drawn with a real glyph (about 1 em wide) once fonts settle.
    Chromium keeps some runs it shaped before the font file arrived as boxes (the sidebar's chapter-2 link,
    genindex's headings) unless the page makes it shape them again (src/book_site/cjk_font.py: REDRAW)."""
    problems = {}
    with sc.page_in(browser, site, viewport=sc.DESKTOP if width == "desktop" else sc.PHONE) as page:
        for rel in pages:
            page.goto(site.url(rel), wait_until="load")
            sc.settle(page)
            page.wait_for_timeout(100)  # the redraw runs in the frame after the font has loaded
            boxes = sc.narrow_cjk(page)
            if boxes:
                problems[rel] = boxes
    TALLY.add(f"Chinese without boxes after the font loads ({width})", len(pages), len(problems))
    assert not problems, "\n".join(
        f"{rel}: {len(b)} characters as boxes: {' '.join(b[:10])}" for rel, b in problems.items()
    )


# ------------------------------------------------------------------------------------------ links
def test_csv_downloads_answer_with_a_header_row(crawl):
    links = sc.csv_links(crawl["reports"])
    assert links, "no CSV download link (…/_downloads/….csv) on any page"
    problems = {}
    for url, on in sorted(links.items()):
        problem = sc.csv_problem(url)
        if problem:
            problems[url] = [f"{problem} (linked from {', '.join(sorted(on))})"]
    # every chart (an image from _images/fig-*) comes with its data
    for r in crawl["reports"]:
        charts = {
            PurePosixPath(urlsplit(i["src"]).path).name
            for i in r.images
            if i["inArticle"] and PurePosixPath(urlsplit(i["src"]).path).name.startswith("fig-")
        }
        n_csv = sum(1 for on in links.values() if r.rel in on)
        if len(charts) > n_csv:
            problems[r.rel] = [f"{len(charts)} chart(s) but {n_csv} CSV download link(s)"]
    TALLY.add("CSV downloads", len(links), len(problems))
    assert not problems, fail_lines(problems)


def test_internal_links_resolve(crawl, site):
    links = sc.internal_links(crawl["reports"], site.base)
    n_fetched, problems = sc.check_links(links, crawl["reports"], site.base)
    TALLY.add("internal links (fetched, fragments checked)", n_fetched, len(problems))
    assert n_fetched > 0, "no internal links found"
    assert not problems, "broken internal links:\n  " + "\n  ".join(problems)


# ------------------------------------------------------------------------------------------ test of the test
def test_checks_catch_the_broken_fixture(browser):
    """The same check functions, run on a page with known faults, must report each of them."""
    with sc.serve(BROKEN) as served:
        fixture_pages = sc.built_pages(BROKEN)
        assert fixture_pages == ["index.html"]
        context = browser.new_context(viewport=sc.DESKTOP)
        blocked = sc.block_external(context, served.base)
        page = context.new_page()
        try:
            report = sc.check_page(page, served, "index.html")
        finally:
            context.close()
        n_links, link_problems = sc.check_links(sc.internal_links([report], served.base), [report], served.base)
        server_paths = [path for _, path, _ in served.log]
    script = "https://cdn.example.invalid/analytics.js"
    problems = sc.page_problems(report)
    expectations = {
        "external script request recorded": script in report.external,
        "external script blocked by the route": blocked == [script],
        "blocked request reported as failed": any(u == script for u, _ in report.failed),
        "nothing else requested from another host": set(report.external) == {script},
        "missing alt reported": any("no alt attribute" in i for i in report.image_issues),
        "file-name alt reported": any("file name" in i for i in report.image_issues),
        "good alt not reported": len(report.image_issues) == 2,
        "images loaded": all(i["naturalWidth"] > 0 for i in report.images) and len(report.images) == 3,
        "axe reports image-alt": any(v["id"] == "image-alt" for v in report.axe_violations),
        "broken link reported": any("HTTP 404" in p and "missing.html" in p for p in link_problems),
        "page_problems lists the external request": any(script in p for p in problems),
        "page served locally": report.status == 200 and "/index.html" in server_paths,
    }
    failed = [name for name, ok in expectations.items() if not ok]
    TALLY.add("test of the test: faults caught in broken fixture", len(expectations), len(failed))
    assert not failed, f"the checks missed faults in the broken fixture: {failed}\nreport: {report}"


# ------------------------------------------------------------------------------------------ summary
def test_zz_summary(crawl, edition, capsys):
    """Prints (and writes to _build/browser-summary/site_browser.txt) what was checked. Runs last in this
    module."""
    reports = crawl["reports"]
    best = defaultdict(lambda: {"help": "", "pages": set(), "nodes": 0, "example": ""})
    for r in reports:
        for v in r.axe_best_practice:
            b = best[v["id"]]
            b["help"], b["example"] = v["help"], b["example"] or (v["nodes"][0] if v["nodes"] else "")
            b["pages"].add(r.rel)
            b["nodes"] += len(v["nodes"])
    head = [
        f"pages visited: {len(reports)} built pages at desktop width; requests seen in the desktop crawl: "
        f"{sum(len(r.requests) for r in reports)}, all on 127.0.0.1"
    ]
    tail = ["axe best-practice findings (reported, not failed):" if best else "axe best-practice findings: none"]
    for rule, b in sorted(best.items()):
        tail.append(f"  {rule}: {b['help']} -- {b['nodes']} node(s) on {len(b['pages'])} page(s), e.g. {b['example']}")
    slow = max(reports, key=lambda r: r.seconds)
    tail.append(f"slowest page: {slow.rel} {slow.seconds:.1f} s")
    TALLY.report("site_browser" + ("" if edition == "en" else f"-{edition}"), head, tail, capsys)
