"""No internal codes in front of readers: the built pages' visible text (outside code and the data page's
raw tables) names regions, bases, periods, editions and claims in plain words.

Fails on a region key written as a word (``shenzhen``, ``beijing``), a snake_case code (``cnipa_total``),
an edition code (``ed23``), a claim id (``pledge-114``), a notebook file name and on "(s)".
"""

import csv
import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

BUILD = ROOT / "_build" / "html"
# the data page shows the raw tables on purpose; search and index pages are Sphinx's own
SKIP = {"chapters/data.html", "search.html", "genindex.html"}


def _pages():
    if not (BUILD / "index.html").exists():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    return [
        p
        for p in sorted(BUILD.rglob("*.html"))
        if str(p.relative_to(BUILD)) not in SKIP and "_static" not in p.parts and "_generated" not in p.parts
    ]


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main article") or soup.select_one("main") or soup
    for tag in main.select("pre, code, script, style, .highlight, .cell_input, noscript"):
        tag.decompose()
    return main.get_text(" ", strip=True)


def _codes():
    with open(ROOT / "data" / "regions.csv", encoding="utf-8") as f:
        regions = [r["region"] for r in csv.DictReader(f)]
    with open(ROOT / "data" / "claims.csv", encoding="utf-8") as f:
        claims = [r["claim_id"] for r in csv.DictReader(f)]
    return [
        ("region key", re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, regions)) + r")(?![\w/.-])")),
        ("snake_case code", re.compile(r"(?<![\w/.-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.-])")),
        ("edition code", re.compile(r"(?<![\w/.-])ed\d{1,2}(?![\w/.-])")),
        ("claim id", re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, claims)) + r")(?![\w/.-])")),
        ("notebook file name", re.compile(r"\b\d\d-[a-z-]+\.ipynb\b")),
        ("'(s)'", re.compile(r"\w\(s\)")),
    ]


def test_the_scan_catches_codes():
    text = "Shenzhen led in ed23; see shenzhen and cnipa_total on 01-patent-grants.ipynb for pledge-114, edition(s)"
    found = {kind for kind, pat in _codes() if pat.search(text)}
    assert found == {"region key", "snake_case code", "edition code", "claim id", "notebook file name", "'(s)'"}
    assert not any(p.search("Shenzhen 深圳 · full year · 23rd edition · 10,000 people") for _, p in _codes())


def test_pages_show_no_internal_codes():
    codes = _codes()
    bad = []
    for page in _pages():
        text = visible_text(page.read_text(encoding="utf-8"))
        for kind, pat in codes:
            for m in pat.finditer(text):
                ctx = text[max(0, m.start() - 40) : m.end() + 40]
                bad.append(f"{page.relative_to(BUILD)}: {kind} {m.group(0)!r} in …{ctx}…")
    assert not bad, f"{len(bad)} internal codes in visible text:\n" + "\n".join(bad[:40])


# ------------------------------------------------------------------------------ machine-made phrases
BLOCKS = "p, li, td, th, figcaption, dd, dt"
# the verdict scale's coverage phrases (helpers.verdicts.decide): said twice in one paragraph, list item or
# table cell, they are text assembled by a machine ("not verified — a public record would settle it. A public
# record would settle it: …")
COVERAGE_PHRASES = (
    "a public record would settle it",
    "no public record covers it",
    "independent figures for",
    "indirect independent support",
    "nothing independent for",
    "no evidence found",
    "only the claimant's own publications give",
    "the claimant's own records disagree",
    "independent evidence contradicts",
    "an independent source shows the whole claim",
)


def _phrases():
    return [
        ("a zero count", re.compile(r"(?<![\d.,])0 (?:claims?|figures?|pages?|sources?|years?|items?|statements?)\b")),
        ("a range with equal ends", re.compile(r"\bfrom ([\d.,]+\s?(?:%|[A-Za-z$]+)?) to \1(?![\d.,])")),
        ("raw Markdown emphasis", re.compile(r"\*\*|__\w")),
        ("a progress note", re.compile(r"not yet built|still wait|\bTODO\b|\bTBD\b", re.I)),
        ("a doubled word", re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.I)),
    ]


def repeated_phrase(text: str) -> str | None:
    """The first coverage phrase that ``text`` says more than once, or None."""
    low = text.lower()
    return next((p for p in COVERAGE_PHRASES if low.count(p) > 1), None)


def block_texts(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main article") or soup.select_one("main") or soup
    for tag in main.select("pre, code, script, style, .highlight, .cell_input, noscript"):
        tag.decompose()
    out = []
    for el in main.select(BLOCKS):
        if el.find(BLOCKS.split(", ")):  # the innermost blocks only
            continue
        out.append(el.get_text(" ", strip=True))
    return out


def test_the_phrase_scan_catches_machine_made_text():
    bad = (
        "0 claims still wait for their page; it ranges from 12% to 12% and is **bold**; the the end; "
        "independent figures for 1 of 18 years, and independent figures for 1 of 18 years"
    )
    found = {kind for kind, pat in _phrases() if pat.search(bad)}
    assert found == {
        "a zero count",
        "a range with equal ends",
        "raw Markdown emphasis",
        "a progress note",
        "a doubled word",
    }
    assert repeated_phrase(bad) == "independent figures for"
    good = "10 claims; it ranges from 12% to 14%; 2020 to 2021; from 5 to 50; independent figures for 1 of 18 years"
    assert not any(p.search(good) for _, p in _phrases()) and repeated_phrase(good) is None


ROW_PHRASES = (*COVERAGE_PHRASES, "no public record covers it")


def repeated_in_row(html: str) -> list[str]:
    """The table rows (and cards) that say one coverage phrase, or the verdict's own words, twice: e.g. a
    verdict badge and a coverage cell both saying that no public record covers the claim."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for tr in soup.select("main tr"):
        low = tr.get_text(" ", strip=True).lower()
        rep = next((p for p in ROW_PHRASES if low.count(p) > 1), None)
        if rep:
            out.append(f"{rep!r} in …{low[:160]}…")
    return out


def test_the_row_scan_catches_a_verdict_said_twice():
    row = (
        "<main><table><tr><td>cannot be checked — no public record covers it</td>"
        "<td>no evidence found, and no public record covers it</td></tr></table></main>"
    )
    assert repeated_in_row(row)
    assert not repeated_in_row(row.replace(", and no public record covers it", ""))


def test_no_table_row_says_its_verdict_twice():
    bad = [f"{page.relative_to(BUILD)}: {r}" for page in _pages() for r in repeated_in_row(page.read_text("utf-8"))]
    assert not bad, f"{len(bad)} rows repeat a phrase:\n" + "\n".join(bad[:20])


def test_pages_show_no_machine_made_phrases():
    bad = []
    for page in _pages():
        rel = page.relative_to(BUILD)
        for text in block_texts(page.read_text(encoding="utf-8")):
            for kind, pat in _phrases():
                for m in pat.finditer(text):
                    bad.append(f"{rel}: {kind} {m.group(0)!r} in …{text[max(0, m.start() - 40) : m.end() + 40]}…")
            rep = repeated_phrase(text)
            if rep:
                bad.append(f"{rel}: a phrase said twice in one block {rep!r} in …{text[:160]}…")
    assert not bad, f"{len(bad)} machine-made phrases in visible text:\n" + "\n".join(bad[:40])
