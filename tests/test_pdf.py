"""Each edition's PDF (``make pdf``, src/book_site/pdf.py; ``make test`` prints them before the tests): it
opens, has a plausible number of sheets (a cover, the contents, then every page of the book from a new
sheet), bookmarks every page, numbers the pages in its contents, and its text holds every claim's verdict
(in the edition's words: the English labels, or their Chinese from ``helpers.po``) and every claim page's
title as the edition shows it.

English is required; Chinese once released (``book_i18n_released``: ``make test`` then builds and prints it),
and before that whenever its edition was built (``make book-zh``: ``make pdf`` then prints it too). Without Chromium the PDFs cannot be printed: skipped then, unless CI is 'true'.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from browser_fixtures import EDITIONS, edition_dir, in_ci, released

from book_site import pdf as book_pdf

MAX_SHEETS_PER_PAGE = 25  # the longest page (the data page, every source listed) prints on about 45 sheets


@cache
def _reader(path: Path):
    from pypdf import PdfReader

    return PdfReader(path)


def squash(s: str) -> str:
    """Text without white space (a title or verdict may wrap across lines) and in NFKC form (the PDF's
    fonts set "fi" as one ligature glyph)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


@pytest.fixture(scope="module", params=EDITIONS)
def printed(request) -> tuple[str, Path]:
    edition = request.param
    site = edition_dir(edition)
    path = book_pdf.pdf_path(site, edition)
    if not path.is_file():
        why = f"{path} is missing: print it with `make pdf` (`make test` does)"
        if edition != "en" and edition not in released() and not (site / "index.html").is_file():
            pytest.skip(f"the {edition} edition is neither released nor built")
        if not book_pdf.chromium_path() and not in_ci():
            pytest.skip(f"{why}; Chromium is not installed, so it cannot be printed here")
        pytest.fail(why, pytrace=False)
    return edition, path


@cache
def _claims():
    from helpers.checks import verdict_table

    return verdict_table()


def _title(site: Path, page: str) -> str:
    html = (site / page.replace(".ipynb", ".html")).read_text(encoding="utf-8")
    m = re.search(r'<article class="bd-article">.*?<h1>(.*?)(?:<a class="headerlink"|</h1>)', html, re.S)
    assert m, f"no title in {page}"
    import html as h

    return h.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()


def test_the_pdf_has_a_cover_contents_and_a_plausible_number_of_sheets(printed):
    edition, path = printed
    order = book_pdf.book_order(edition_dir(edition))
    reader = _reader(path)
    sheets = len(reader.pages)
    assert len(order) >= 25, f"only {len(order)} pages in the book's navigation"
    assert len(order) + 2 <= sheets <= MAX_SHEETS_PER_PAGE * len(order), f"{sheets} sheets for {len(order)} pages"
    first = squash(reader.pages[0].extract_text())
    assert squash(book_pdf.TEXT[edition]["edition"]) in first, "the cover names the edition"
    assert re.search(r"\d{4}-\d{2}-\d{2}", first), "the cover carries the build's date"
    # one bookmark per page of the book, and the contents give the sheet each starts on
    top = [o.title for o in reader.outline if not isinstance(o, list)]
    assert len(top) == len(order) + 2, f"{len(top)} top-level bookmarks for {len(order)} pages + cover + contents"
    contents = squash(reader.pages[1].extract_text())
    starts = [reader.get_destination_page_number(o) + 1 for o in reader.outline if not isinstance(o, list)][2:]
    assert starts == sorted(starts) and starts[0] == 3, f"pages start on sheets {starts}"
    assert all(squash(p["title"]) in contents for p in order[1:]), "every page is listed in the contents"
    assert f"{starts[-1]}" in contents, "the contents give page numbers"


def test_every_claims_verdict_and_every_claim_pages_title_is_in_the_pdf(printed):
    """Each claim page's sheets (from its bookmark to the next page's) hold its title and the verdict of
    every claim it checks, in the edition's words. Text is read sheet by sheet until all are found (pypdf
    takes a few tenths of a second a sheet; the claim box and bottom line come first on a page)."""
    from helpers import i18n

    edition, path = printed
    reader = _reader(path)
    site = edition_dir(edition)
    order = book_pdf.book_order(site)
    starts = [reader.get_destination_page_number(o) for o in reader.outline if not isinstance(o, list)][2:]
    ends = [*starts[1:], len(reader.pages)]
    sheets = {p["rel"]: range(a, b) for p, a, b in zip(order, starts, ends)}
    claims = _claims()
    problems, read = [], 0
    for page, rows in claims.groupby("page", sort=False):
        rel = page.replace(".ipynb", ".html")
        want = {_title(site, page)} | {v if edition == "en" else i18n.tr(v, edition) for v in rows["verdict"]}
        assert rel in sheets, f"{rel} is not in the PDF's bookmarks"
        text = ""
        for n in sheets[rel]:
            text += squash(reader.pages[n].extract_text() or "")
            read += 1
            if all(squash(w) in text for w in want):
                break
        missing = sorted(w for w in want if squash(w) not in text)
        if missing:
            problems.append(f"{rel} (sheets {sheets[rel].start + 1}-{sheets[rel].stop}): {missing}")
    assert not problems, f"titles or verdicts not in the {edition} PDF:\n" + "\n".join(problems)
    assert read < len(reader.pages)
    if edition != "en":
        first = squash(reader.pages[starts[1]].extract_text())
        assert len(re.findall(r"[\u4e00-\u9fff]", first)) > 100, "the Chinese PDF's pages are in Chinese"


def test_the_front_page_links_the_pdf(printed):
    edition, path = printed
    html = (edition_dir(edition) / book_pdf.FRONT).read_text(encoding="utf-8")
    m = re.search(r'<div class="book-pdf-link"><a href="([^"]+)"', html)
    assert m, "no link to the PDF on the front page"
    assert (edition_dir(edition) / "chapters" / m.group(1)).resolve() == path.resolve()
