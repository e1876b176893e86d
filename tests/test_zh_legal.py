"""The legal section's computed text in Chinese (issue 25), checked from the helpers themselves (no executed
notebook needed): verdict reasons carry the computed numbers in both editions, every glued value that is
words has a Chinese edition, and the section's own tables are shown in both editions with the English
exactly as ``tables.show_table`` prints it."""

from __future__ import annotations

import re

import pytest

from helpers import chart_words, tables
from helpers.checks import verdict
from helpers.i18n import Words, english_left
from helpers.legal import common, density, gold, grants, pct, rules, words

ZH = "zh_CN"
WORD = re.compile(r"\b(?![A-Z]{2,}\b)[A-Za-z][a-z]+\b")  # as tests/test_zh_computed.py: a word, not an acronym


def zh_of(value) -> str:
    assert isinstance(value, Words), f"no Chinese edition: {value!r}"
    return value.editions[ZH]


# --- verdict reasons: the English as before, the Chinese with the same computed numbers -----------------

REASONS = {
    "grants-first-4y": (
        "the claimant's own statements (1 year running to 2019; 3 years running to 2021) start the run in 2019, "
        "so by its own count Shenzhen was not first in 2018",
        ["截至 2019 年已连续 1 年", "截至 2021 年已连续 3 年", "起点定在 2019 年", "深圳在 2018 年并非第一"],
    ),
    "pct-first-18y": (
        "independent evidence agrees where it exists but does not show every year",
        ["独立证据并未覆盖每一年"],
    ),
    "density-6x": (
        "only Shenzhen's own publications give its density for the end of 2021; set against the national figure "
        "(recomputed from its parts) the ratio is 5.85 or 5.86, which rounds to the stated multiple",
        ["2021 年末", "全国数值（由组成部分重新计算）", "5.85 或 5.86"],
    ),
    "gold-cumulative": (
        "no cumulative tally was found; only the claimant's own publications rank Shenzhen near the top, in "
        "4 statements made before the article",
        ["未找到累计获奖数", "4 条表述"],
    ),
    "regulations-30": (
        "no source counts Shenzhen's IP rules and policies; the events table lists only those the article names",
        ["没有任何来源统计深圳的知识产权规章制度"],
    ),
}


@pytest.mark.parametrize("claim_id", sorted(REASONS))
def test_reason_in_both_editions(claim_id):
    en, bits = REASONS[claim_id]
    v = verdict(claim_id)
    assert str(v.reason) == en  # the English book does not change
    text = zh_of(v.reason)
    for bit in bits:
        assert bit in text, f"{claim_id}: {bit!r} not in {text!r}"
    assert not english_left(text)


@pytest.mark.parametrize("claim_id", sorted(REASONS))
def test_part_names_that_are_words_have_chinese(claim_id):
    for p in verdict(claim_id).parts:
        if WORD.search(str(p.name)):
            assert not english_left(zh_of(p.name)) and not WORD.search(zh_of(p.name)), p.name


def test_the_pct_coverage_after_the_label_keeps_its_chinese():
    """A consistent verdict's coverage is shown after its label: it must stay Words (not a bare str)."""
    from helpers.i18n import qualifiers

    v = verdict("pct-first-18y")
    q = qualifiers(v, ZH)
    assert "18 年中有 1 个" in q and not english_left(q)


# --- glued values --------------------------------------------------------------------------------------


@pytest.fixture
def glued(monkeypatch):
    """The values the legal pages glue, by key, without a notebook (``glue`` recorded, not displayed)."""
    got: dict[str, object] = {}
    for mod in (grants, pct, density, gold, rules):
        monkeypatch.setattr(mod, "glue", lambda k, v, **_: got.__setitem__(k, v))
    shown: list[dict] = []
    monkeypatch.setattr(tables, "show_markdown", shown.append)
    grants.glue_conflict()
    grants.glue_findings()
    grants.glue_growth()
    pct.glue_findings()
    pct.glue_shares()
    density.glue_findings()
    density.census_table()
    density.glue_high_value()
    gold.glue_findings()
    gold.share_table()
    rules.glue_findings()
    return got


# names.* (period, period type, basis) are made bilingual on another branch: until then their English
# stays in these values' Chinese editions
SHARED = {"p_share_stated"}


def test_every_glued_value_that_is_words_has_chinese(glued):
    bad = []
    for key, value in glued.items():
        if not isinstance(value, str) or not WORD.search(str(value)):
            continue
        if not isinstance(value, Words):
            bad.append(f"{key} = {value!r}: no Chinese edition")
        elif key not in SHARED and (english_left(value.editions[ZH]) or WORD.search(value.editions[ZH])):
            bad.append(f"{key}: English left in {value.editions[ZH]!r}")
    assert not bad, "\n".join(bad)


def test_glued_values_read_as_the_page_sentences_assume(glued):
    assert zh_of(glued["g_sz_ind_years"]) == "无"
    assert "、" in zh_of(glued["g_sz_years"]) and ", " in str(glued["g_sz_years"])
    assert zh_of(glued["gold_first_ed"]) == "第 15 届" and str(glued["gold_first_ed"]) == "15th"
    assert zh_of(glued["gold_eds_after"]) == "第 24 届、第 25 届"
    assert zh_of(glued["gold_sz_own"]) == "全部"
    assert zh_of(glued["gold_share_range"]) == "为 12%（仅一届）"
    assert zh_of(glued["dn_band"]) == "5.5× 至 6.5×" and str(glued["dn_band"]) == "5.5× to 6.5×"
    assert zh_of(glued["dn_ratio_years"]).startswith("2013 年（14.7× 至 14.8×）、2016 年（10.0×）")
    assert "2018 年" in zh_of(glued["g_conflict"]) and "3 年" in zh_of(glued["g_conflict"])
    assert "分母口径" in zh_of(glued["p_share_stated"])


def test_small_words():
    assert words.years([]).editions[ZH] == "无" and str(words.years([])) == "none"
    assert str(words.years([2019, 2020])) == "2019, 2020"
    assert str(words.editions([21, 22])) == "21st, 22nd"
    assert chart_words.edition_long(23) == "23rd edition" and chart_words.edition_long(23).editions[ZH] == "第 23 届"
    assert str(words.multiple_range(1.4, 9.4, sign="")) == "1.4 to 9.4"
    assert words.multiple_range(1.4, 9.4, sign="").editions[ZH] == "1.4 至 9.4"


# --- the section's own tables --------------------------------------------------------------------------


def _both(monkeypatch, draw) -> tuple[dict, str]:
    """(the editions a table function shows, its English edition) through ``tables.show_table``."""
    shown: list[dict] = []
    monkeypatch.setattr(tables, "show_markdown", shown.append)
    for mod in (density, gold, rules):
        monkeypatch.setattr(mod, "glue", lambda *a, **k: None, raising=False)
    draw()
    return shown[-1], shown[-1]["en"]


TABLES = {
    "grants-years": lambda: common.year_table(grants.NOTEBOOK),
    "pct-years": lambda: common.year_table(pct.NOTEBOOK),
    "census": density.census_table,
    "parts": density.parts_table,
    "gold-share": gold.share_table,
    "gold-rankings": gold.rankings_table,
    "events": rules.events_table,
}
# tables with cells from shared helpers (names.period/basis/relation, evidence.compare_cities): English left
# there until those helpers are bilingual
WITH_SHARED_CELLS = {"pct-years", "gold-rankings"}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_in_both_editions(monkeypatch, name):
    texts, english = _both(monkeypatch, TABLES[name])
    assert texts["en"] == english  # the English table exactly as before
    zh = texts[ZH]
    header = next(line for line in zh.splitlines() if line.startswith("| "))
    assert not re.search(r"[A-Za-z]", header), header
    if "<summary>" in zh:
        summary = re.search(r"<summary>(.*)</summary>", zh).group(1)
        assert summary.startswith("完整表格：") and not english_left(summary)
    if name not in WITH_SHARED_CELLS:
        assert not english_left(zh), english_left(zh)[:3]
