"""schema.org ClaimReview structured data: every built page's JSON-LD parses; each claim page carries one
review per claim it checks (and no other page carries any), with the properties fact-check aggregators read
and the verdict the checks give, in words."""

import json
import re
from collections import Counter
from functools import lru_cache

import pandas as pd
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

from helpers.checks import verdict
from helpers.evidence import ARTICLE

BUILD = ROOT / "_build" / "html"
CLAIMS = pd.read_csv(ROOT / "data" / "claims.csv", dtype=str).fillna("")
BASEURL = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["sphinx"]["config"]["html_baseurl"]


def _reviews() -> dict[str, list[dict]]:
    if not (BUILD / "index.html").is_file():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    return _parsed()


@lru_cache(maxsize=1)
def _parsed() -> dict[str, list[dict]]:
    if not (BUILD / "index.html").is_file():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    out = {}
    for p in sorted(BUILD.rglob("*.html")):
        rel = p.relative_to(BUILD).as_posix()
        if rel.startswith(("_static/", "_sources/", "_images/", "_downloads/")):
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


def test_one_review_per_claim_on_its_own_page_only():
    reviews = _reviews()
    expected = Counter(n.replace(".ipynb", ".html") for n in CLAIMS["notebook"])
    got = Counter({rel: len(r) for rel, r in reviews.items() if r})
    assert got == expected, f"ClaimReviews per page {dict(got)}, claims per page {dict(expected)}"


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_review_properties(claim_id):
    c = CLAIMS.set_index("claim_id").loc[claim_id]
    rel = c["notebook"].replace(".ipynb", ".html")
    mine = [r for r in _reviews()[rel] if r["claimReviewed"].startswith(c["claim_en"])]
    assert len(mine) == 1, f"{claim_id}: {len(mine)} reviews of it on {rel}"
    r = mine[0]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == ARTICLE["outlet"].split(" (")[0] == "中国质量报"
    assert item["datePublished"] == ARTICLE["date"] == "2022-09-30"
    assert item["appearance"]["headline"] == ARTICLE["title"]
    assert r["reviewRating"]["@type"] == "Rating"
    assert r["reviewRating"]["alternateName"] == verdict(claim_id).label
    assert r["author"]["name"] and r["author"]["@type"] == "Organization"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"]), r.get("datePublished")
    assert r["url"] == BASEURL + rel
    if c["printed_zh"]:
        assert c["printed_zh"] in r["claimReviewed"]
