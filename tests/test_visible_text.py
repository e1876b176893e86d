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
    return [p for p in sorted(BUILD.rglob("*.html"))
            if str(p.relative_to(BUILD)) not in SKIP and "_static" not in p.parts and "_generated" not in p.parts]


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
                ctx = text[max(0, m.start() - 40): m.end() + 40]
                bad.append(f"{page.relative_to(BUILD)}: {kind} {m.group(0)!r} in …{ctx}…")
    assert not bad, f"{len(bad)} internal codes in visible text:\n" + "\n".join(bad[:40])
