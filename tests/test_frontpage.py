"""The built front page says what the report found before anything else, and its scorecard is complete.

- The findings (``.findings``) come before the page's first section heading; they are 3 to 6 sentences,
  each linking at least one claim page, and the counts they state add up to every claim in the ledger,
  grouped as the checks group them (the verdicts computed now, by the same checks the pages run).
- The scorecard (``.scorecard``) has one row per claim, in the article's paragraph order, each with the
  verdict's words in a coloured badge and a link to the claim's page.
- The verdict chart is on the page, and the sections list links every section's overview.
"""

import re

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

from helpers.checks import verdict
from helpers.verdicts import SHORT

PAGE = ROOT / "_build" / "html" / "chapters" / "index.html"
CLAIMS = pd.read_csv(ROOT / "data" / "claims.csv", dtype=str).fillna("")


@pytest.fixture(scope="module")
def soup():
    if not PAGE.is_file():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    return BeautifulSoup(PAGE.read_text(encoding="utf-8"), "html.parser")


def test_findings_come_first_and_link_their_pages(soup):
    article = soup.select_one("article.bd-article")
    box = article.select_one(".findings")
    assert box is not None, "no findings block on the front page"
    first_h2 = article.select_one("section section h2, h2")
    assert first_h2 is None or box.sourceline < first_h2.sourceline, "the findings do not come before the first section"
    items = box.select("li")
    assert 3 <= len(items) <= 6, f"{len(items)} findings: want 3 to 6 sentences"
    for li in items:
        text = li.get_text(" ", strip=True)
        assert li.select("a.reference.internal"), f"finding links no page: {text}"
        assert text.endswith("."), f"finding is not a sentence: {text}"
    # the numbers the findings state: the total, then one count per group, adding up to every claim
    counts = [
        int(re.search(r"(\d+)", li.get_text(" ", strip=True).split(":")[0].replace(" of the article's", " ")).group(1))
        for li in items[1:]
    ]
    first = items[0].get_text(" ", strip=True)
    m = re.search(r"supports (\d+) of the article's (\d+) figures", first)
    assert m, f"first finding does not say how many figures independent data supports: {first}"
    supported, total = int(m.group(1)), int(m.group(2))
    assert total == len(CLAIMS), f"the findings speak of {total} figures, the ledger has {len(CLAIMS)}"
    labels = [verdict(c).label for c in CLAIMS["claim_id"]]
    assert supported == sum(SHORT[l] in ("confirmed", "consistent") for l in labels)
    n_arith = sum(SHORT[l] == "arithmetic" for l in labels)
    assert supported + sum(counts) + n_arith == total, f"findings count {supported} + {counts}, not all {total} claims"


def test_scorecard_lists_every_claim_in_the_articles_order(soup):
    table = soup.select_one(".scorecard table")
    assert table is not None, "no scorecard table"
    rows = table.select("tbody tr")
    assert len(rows) == len(CLAIMS), f"{len(rows)} scorecard rows for {len(CLAIMS)} claims"
    paras = [int(r.select("td")[0].get_text(strip=True)) for r in rows]
    assert paras == sorted(paras), f"scorecard is not in the article's order: {paras}"
    for r in rows:
        badge = r.select_one("span.verdict")
        assert badge is not None and badge.get_text(strip=True), (
            f"row without a verdict badge: {r.get_text(' ', strip=True)[:80]}"
        )
        assert any(c.startswith("verdict-") for c in badge["class"]), "badge without its colour class"
        assert r.select_one("a.reference.internal"), f"row without a link: {r.get_text(' ', strip=True)[:80]}"
    shown = [r.select_one("span.verdict").get_text(strip=True) for r in rows]
    expected = [
        verdict(c).label
        for c in CLAIMS.sort_values("paragraph", key=lambda s: s.astype(int), kind="stable")["claim_id"]
    ]
    assert shown == expected


def test_verdict_chart_and_sections_are_shown(soup):
    article = soup.select_one("article.bd-article")
    imgs = [i.get("src", "") for i in article.select("img")]
    assert any("fig-verdicts-by-section" in s for s in imgs), f"the verdict chart is not on the front page: {imgs}"
    text = article.get_text(" ", strip=True)
    assert "page not yet built" not in text and "still wait" not in text
    hrefs = [a.get("href", "") for a in article.select("a.reference.internal")]
    for section in ("legal", "finance", "protection", "outlook"):
        assert any(f"{section}/00-overview.html" in h for h in hrefs), f"no link to the {section} overview"


def test_every_page_ends_with_how_to_report_an_error():
    """Every page's foot links the repository's issue tracker (from the one address in _config.yml); the
    corrections page says the same in its text."""
    import yaml

    repo = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["repository"]["url"].rstrip("/")
    build = ROOT / "_build" / "html"
    if not (build / "chapters" / "index.html").is_file():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    missing = []
    for p in sorted((build / "chapters").rglob("*.html")):
        s = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        foot = s.select_one("article ~ * .book-report, .book-report")
        if foot is None or not foot.select_one(f'a[href="{repo}/issues"]'):
            missing.append(p.relative_to(build).as_posix())
    assert not missing, f"pages without the report-an-error link: {missing}"
    s = BeautifulSoup((build / "chapters" / "corrections.html").read_text(encoding="utf-8"), "html.parser")
    text_links = [a["href"] for a in s.select("article.bd-article a[href]")]
    assert f"{repo}/issues" in text_links, "the corrections page's text does not link the issue tracker"
