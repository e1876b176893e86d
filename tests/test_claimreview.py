"""schema.org ClaimReview structured data: every built page's JSON-LD parses; each claim page carries one
review per claim it checks (and no other page carries any), with the properties fact-check aggregators read
and the verdict the checks give, in words."""

import json
import re
from collections import Counter
from functools import cache

import pandas as pd
import pytest
import yaml
from browser_fixtures import EDITION_PATH, EDITIONS, edition_dir, released
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

from helpers.checks import verdict
from helpers.evidence import ARTICLE
from helpers.i18n import verdict_word

BUILD = ROOT / "_build" / "html"
CLAIMS = pd.read_csv(ROOT / "data" / "claims.csv", dtype=str).fillna("")
BASEURL = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]["html_baseurl"]


def _reviews(edition: str = "en") -> dict[str, list[dict]]:
    if not (BUILD / "index.html").is_file():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    if not (edition_dir(edition) / "index.html").is_file():
        if edition in released():
            pytest.fail(f"the {edition} edition is released but not built: run `make book-zh`")
        pytest.skip(f"the {edition} edition is not built (make book-zh) and not released")
    return _parsed(edition)


@cache
def _parsed(edition: str) -> dict[str, list[dict]]:
    """Each of this edition's pages -> its ClaimReviews (JSON-LD that does not parse, or sits outside the
    head, fails). The English site's root holds the other editions' folders: they are not its pages."""
    site = edition_dir(edition)
    others = tuple(EDITION_PATH[e] for e in EDITIONS if EDITION_PATH[e])
    out = {}
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site).as_posix()
        if rel.startswith(("_static/", "_sources/", "_images/", "_downloads/", *others)):
            continue
        soup = BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
        found = []
        for s in soup.select('script[type="application/ld+json"]'):
            data = json.loads(s.string)  # must parse
            for item in data if isinstance(data, list) else [data]:
                assert s.find_parent("head") is not None, f"{rel}: JSON-LD outside <head>"
                if item.get("@type") == "ClaimReview":
                    found.append(item)
        out[rel] = found
    return out


def test_the_published_site_holds_each_released_edition_in_its_own_folder():
    """The English site's root holds each released edition's pages under its folder, so the per-edition
    walks below see them: a copy elsewhere would carry reviews no test reads."""
    _reviews()
    for e in released():
        assert (BUILD / EDITION_PATH[e] / "index.html").is_file(), f"{e} is released but not under {EDITION_PATH[e]}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_one_review_per_claim_on_its_own_page_only(edition):
    reviews = _reviews(edition)
    expected = Counter(n.replace(".ipynb", ".html") for n in CLAIMS["notebook"])
    got = Counter({rel: len(r) for rel, r in reviews.items() if r})
    assert got == expected, f"{edition}: ClaimReviews per page {dict(got)}, claims per page {dict(expected)}"


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_review_properties(claim_id, edition):
    """Each edition's review is in its own language, at its own address: the claim (the ledger's English or
    Chinese paraphrase) with the figure as printed, and the verdict as that edition's page words it."""
    c = CLAIMS.set_index("claim_id").loc[claim_id]
    rel = c["notebook"].replace(".ipynb", ".html")
    claim = c["claim_en"] if edition == "en" else c["claim_zh"]
    mine = [r for r in _reviews(edition)[rel] if r["claimReviewed"].startswith(claim)]
    assert len(mine) == 1, f"{claim_id}: {len(mine)} reviews of it on {edition} {rel}"
    r = mine[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["inLanguage"] == {"en": "en", "zh_CN": "zh-CN"}[edition]
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == ARTICLE["outlet"].split(" (")[0] == "中国质量报"
    assert item["datePublished"] == ARTICLE["date"] == "2022-09-30"
    assert item["appearance"]["headline"] == ARTICLE["title"]
    assert r["reviewRating"]["@type"] == "Rating"
    assert r["reviewRating"]["alternateName"] == verdict_word(verdict(claim_id).label, edition)
    assert r["author"]["name"] and r["author"]["@type"] == "Organization"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"]), r.get("datePublished")
    assert r["url"] == BASEURL + EDITION_PATH[edition] + rel
    if c["printed_zh"]:
        assert c["printed_zh"] in r["claimReviewed"]
