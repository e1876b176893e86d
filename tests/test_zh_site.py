"""The Chinese edition of the shared computed text (issue 25): names of codes, stated values and periods, claim
boxes, verdict tables, source lists and the front page's findings are Words whose Chinese edition has no English
left in it (except published titles and outlet names, marked <span lang="en">), while the English is unchanged."""

from __future__ import annotations

import re

import pytest

from helpers import names, pages, tables
from helpers.data import load_table
from helpers.evidence import claim
from helpers.i18n import Words, claim_box_texts, english_left, in_lang

ZH = "zh_CN"
CLAIMS = load_table("claims")
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"\b(?![A-Z]{2,}\b)[A-Za-z][a-z]+\b")  # a word that is not an acronym (CNIPA, PCT)


def zh(value) -> str:
    assert isinstance(value, Words), f"no Chinese edition: {value!r}"
    return value.editions[ZH]


# --- names ------------------------------------------------------------------------------------------------


def test_every_region_has_its_chinese_name():
    r = load_table("regions")
    short, long = names.regions(), names.regions(short=False)
    for k, en, cn in zip(r["region"], r["name_en"], r["name_zh"]):
        assert short[k] == en and long[k] == f"{en} {cn}"  # the English as before
        assert zh(short[k]) == cn and zh(long[k]) == cn


def test_every_indicator_has_its_chinese_name():
    i = load_table("indicators")
    ind = names.indicators()
    for k, en, cn in zip(i["indicator"], i["name_en"], i["name_zh"]):
        assert ind[k] == en and zh(ind[k]) == cn


@pytest.mark.parametrize("table", ["BASIS", "PERIOD_TYPE", "QUALIFIER", "TIER", "RELATION"])
def test_code_words_are_translated(table):
    for code, words in getattr(names, table).items():
        if not words:
            continue
        assert zh(words) != str(words), f"{table}[{code!r}] is untranslated: {words!r}"
        assert not english_left(zh(words)), f"{table}[{code!r}]: {zh(words)!r}"


def test_editions_periods_and_dates():
    assert names.edition("ed23") == "23rd edition" and zh(names.edition("ed23")) == "第 23 届"
    assert names.qualified("over", "500 items") == "more than 500 items"
    ytd = names.period("2018-01..2018-09", "ytd")
    assert ytd == "2018 Jan–Sep" and zh(ytd) == "2018 年 1—9 月"
    assert zh(names.period("..2022-09-30", "cumulative")) == "截至 2022 年 9 月 30 日"
    assert names.period("2021..2025", "target") == "2021–2025 plan" and zh(names.period("2021..2025", "target"))
    assert zh(names.note("ed19 decision read")).startswith("第 19 届")
    d = tables.readable_date("2021-06-29")
    assert d == "29 June 2021" and zh(d) == "2021 年 6 月 29 日"
    assert tables.readable_date("2023-06") == "June 2023" and zh(tables.readable_date("2023-06")) == "2023 年 6 月"


# --- stated values, periods, claim boxes ------------------------------------------------------------------


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_stated_value_and_period_in_chinese(claim_id):
    s, p = pages.stated_text(claim_id), pages.period_text(claim(claim_id))
    assert not LATIN.search(zh(s)), f"{claim_id}: stated {zh(s)!r}"
    assert not LATIN.search(str(in_lang(p, ZH))), f"{claim_id}: period {in_lang(p, ZH)!r}"


@pytest.mark.parametrize(
    "claim_id, en, cn",
    [
        ("grants-first-4y", "4 years", "4 年"),
        ("pledge-114", "11.4 billion yuan", "114 亿元"),
        ("overseas-savings-3000", "more than US$30 million", "超过 3000 万美元"),
        ("pledge-rank-2", "rank 2", "第 2 名"),
        ("density-6x", "about 6 times", "约 6 倍"),
    ],
)
def test_stated_value_examples(claim_id, en, cn):
    s = pages.stated_text(claim_id)
    assert s == en and zh(s) == cn


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_claim_box_reads_in_chinese(claim_id):
    """The claim part of the box (title, paraphrase, printed figure, stated value, period, the article cited):
    no English left; the bottom line's reason is the chapters' own text (tests/test_zh_computed.py)."""
    box = claim_box_texts(claim_id)[ZH].split(":::{admonition}")[1]
    assert not WORD.search(re.sub(r"<[^>]+>|\{ref\}|<the-article>|:class: [\w -]+", " ", box)), box


# --- tables -----------------------------------------------------------------------------------------------


def test_every_source_reads_in_chinese():
    ids = list(load_table("sources")["source_id"])
    t = tables.sources_table(ids)
    zh_md = tables.markdown_table(t, ZH)
    assert not english_left(zh_md), english_left(zh_md)[:5]
    assert tables.markdown_table(t).splitlines()[0] == (
        "| Outlet | Published | Title (link to the copy read) | Copy | Who speaks | Printed as (search the page for) |"
    )
    assert not LATIN.search(zh_md.splitlines()[0])
    assert not english_left(zh(tables.sources_summary(ids)))


def test_table_summary_in_both_editions():
    import pandas as pd

    long = pd.DataFrame({"Year": range(20), "Value": range(20), "Indicator": range(20), "Region": range(20)})
    s = tables.table_summary(long)
    assert s == "The full table: 20 rows (year, value, indicator and 1 more column)"
    assert not english_left(zh(s)), zh(s)


def test_verdict_table_in_chinese():
    from helpers.checks import verdict_table

    vt = verdict_table("legal")
    summary = pages.verdict_summary(vt)
    md = tables.markdown_table(summary, ZH)
    assert "{doc}`/chapters/legal/01-patent-grants`" in md  # Chinese links show the translated title
    assert not LATIN.search(md.splitlines()[0])
    counts = pages.verdict_counts_sentence(vt)
    assert not english_left(zh(counts)), zh(counts)


# --- the front page ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sc():
    from helpers.frontpage import scorecard

    return scorecard()


def test_findings_in_chinese(sc):
    from helpers.frontpage import findings, findings_blocks

    found = findings(sc)
    blocks = findings_blocks(sc)
    assert blocks["en"].count("\n- ") == len(found) == blocks[ZH].count("\n- ")
    for f in found:
        assert not english_left(zh(f)), zh(f)
        assert "{doc}`" in zh(f)


def test_scorecard_and_sections_in_chinese(sc):
    from helpers.frontpage import scorecard_blocks, sections_lists

    table = scorecard_blocks(sc)[ZH]
    assert not LATIN.search(table.split("\n|---")[0].split("\n")[-1])  # the header row
    for row in table.splitlines()[4:-2]:
        cells = row.split(" | ")
        assert not english_left(cells[1]), cells[1]  # the claim, in the ledger's Chinese
    assert not english_left(sections_lists(sc)[ZH])
