"""The Chinese edition of the protection and outlook chapters' computed text (issue 25), checked on the helpers
themselves (no notebook run): every word-valued glue, every table, claim heading and verdict reason these
pages make has a Chinese edition with no English left in it, except text other helpers make (``names.*``,
``evidence.compare_cities``, ``pages.*``: those become bilingual in their own modules) and published names;
and the English is what it was."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import names
from helpers.i18n import Words, english_left
from helpers.outlook import after, plans, streaks
from helpers.outlook import overview as outlook_overview
from helpers.protection import bilingual, checks, common, enforcement, overseas, preexam, reviews
from helpers.protection import overview as protection_overview

# English that other modules make and translate (names.*, evidence.compare_cities): allowed in a Chinese cell
# of ours until their own Chinese is merged
SHARED = sorted(
    {*names.RELATION.values(), *names.BASIS.values(), *names.TIER.values(), "about", "at least", "nearly", "under"},
    key=len,
    reverse=True,
)
COMPARE = re.compile(
    r"(?:not )?ahead of [A-Z][A-Za-z, ]+(?: \([^)]*\))?|no comparable figures|[a-z][a-z ]+ behind [A-Z]\w+"
)


def left(zh: str) -> list[str]:
    """English runs in a Chinese text once shared helpers' English is set aside."""
    for s in SHARED:
        zh = zh.replace(s, " ")
    return english_left(COMPARE.sub(" ", zh))


# --------------------------------------------------------------------------- glued words


def _glued(monkeypatch, calls) -> dict:
    got = {}
    for mod in (common, overseas, preexam, reviews, enforcement, protection_overview, outlook_overview, after, plans):
        monkeypatch.setattr(mod, "glue", lambda key, value, *a, **k: got.__setitem__(key, value), raising=False)
    monkeypatch.setattr(streaks, "glue", lambda key, value, *a, **k: got.__setitem__(key, value))
    for call in calls:
        call()
    return got


GLUES = [
    common.glue_section_337,
    overseas.glue_findings,
    overseas.glue_later,
    overseas.glue_section_337_counts,
    preexam.glue_findings,
    reviews.glue_findings,
    enforcement.glue_events,
    enforcement.glue_criminal,
    enforcement.glue_single_years,
    outlook_overview.glue_findings,
    after.glue_grants,
    after.glue_pct,
    after.glue_density,
    after.glue_pledge,
    after.glue_exam,
    plans.glue_findings,
    plans.glue_missing,
    lambda: streaks.glue_findings("pct-first-18y"),
]
WORD = re.compile(r"\b(?![A-Z]{2,}\b)[A-Za-z][a-z]+\b")


def test_glued_words_have_chinese(monkeypatch):
    got = _glued(monkeypatch, GLUES)
    assert len(got) > 60
    bad = []
    for key, value in got.items():
        if not isinstance(value, str) or not WORD.search(value):
            continue
        if not isinstance(value, Words):
            bad.append(f"{key} = {value!r}: no Chinese edition")
        elif left(value.editions["zh_CN"]):
            bad.append(f"{key}: {value.editions['zh_CN']!r}")
    assert not bad, "\n".join(bad)


def test_glued_words_read_the_chinese_way(monkeypatch):
    got = _glued(monkeypatch, GLUES)
    zh = {k: v.editions["zh_CN"] for k, v in got.items() if isinstance(v, Words)}
    assert re.fullmatch(r"[\d.]+ 万美元", zh["od_saved_per_firm"])
    assert re.fullmatch(r"\d{4} 年 \d{1,2} 月 \d{1,2} 日", zh["od_branch_date"])
    assert re.fullmatch(r"\d{4} 年 \d{1,2} 月", zh["od_later_when"])
    assert re.fullmatch(r"\d{4} 年 \d{1,2} 月|\d{4} 年底", zh["pp_last_when"])
    assert zh["s337_law"] == "337 条款"
    assert "亿元" in zh["a_pl_cn"] and not re.search(r"billion", zh["a_pl_sz_list"])
    assert "," not in zh["s_years"] and "和" in zh["s_years"]


# --------------------------------------------------------------------------- helpers with known values


@pytest.mark.parametrize(
    "when, en, zh",
    [
        ("2021-03-31", "March 2021", "2021 年 3 月"),
        ("2024-05-01", "May 2024", "2024 年 5 月"),
        ("2022-12-31", "the end of 2022", "2022 年底"),
    ],
)
def test_when(when, en, zh):
    w = checks.when({"period_end": pd.Timestamp(when)})
    assert (str(w), w.editions["zh_CN"]) == (en, zh)


def test_dates_and_amounts():
    d = checks.day_month_year("2020-04-08")
    assert (str(d), d.editions["zh_CN"]) == ("8 April 2020", "2020 年 4 月 8 日")
    for usd, scale, en, zh in [
        (70_000, "thousand", "US$70 thousand", "7 万美元"),
        (4e6, "million", "US$4 million", "400 万美元"),
        (48e6, "million", "US$48 million", "4800 万美元"),
        (2.1e9, "billion", "US$2.1 billion", "21 亿美元"),
    ]:
        w = checks.usd_text(usd, scale)
        assert (str(w), w.editions["zh_CN"]) == (en, zh)
    w = checks.running_total_text(1419, "家")
    assert str(w) == "1,419 firms" and english_left(w.editions["zh_CN"]) == []
    c = bilingual.commas
    assert (str(c([2019, 2020])), c([2019, 2020]).editions["zh_CN"]) == ("2019, 2020", "2019、2020")
    assert str(c([])) == "none" and c([]).editions["zh_CN"] == "无"


# --------------------------------------------------------------------------- verdict reasons


@pytest.mark.parametrize("basis", list(checks.REVIEWS))
def test_review_results_have_chinese(basis):
    for what in checks.review_rows(basis)["what"]:
        assert isinstance(what, Words) and not english_left(what.editions["zh_CN"]), what


@pytest.mark.parametrize("key", [d[2] for d in checks.DESIGNATIONS])
def test_designation_reasons_have_chinese(key):
    v = checks.designation_verdict(key)
    for value in (v.reason, v.coverage, *(p.name for p in v.parts)):
        assert isinstance(value, Words), value
        assert not english_left(value.editions["zh_CN"]), value.editions["zh_CN"]


# --------------------------------------------------------------------------- tables and claim headings

TABLES = [
    overseas.derived_table,
    reviews.reviews_table,
    enforcement.events_table,
    enforcement.single_years_table,
    protection_overview.firsts_table,
    after.latest_table,
    plans.target_table,
    streaks.year_table,
    overseas.verdicts,  # the claim headings above each verdict (the verdict boxes are pages')
]


@pytest.mark.parametrize("show", TABLES, ids=lambda f: f"{f.__module__.split('.')[-1]}.{f.__name__}")
def test_tables_have_chinese(show, monkeypatch):
    shown = []
    for mod in (bilingual, common):
        monkeypatch.setattr(mod, "show_markdown", shown.append)
    monkeypatch.setattr(common, "verdict_box", lambda claim_id: None)
    show()
    assert shown, "nothing shown in both editions"
    for texts in shown:
        assert set(texts) == {"en", "zh_CN"}
        assert not left(texts["zh_CN"]), left(texts["zh_CN"])[:5]


def test_table_english_is_the_shared_table():
    """The English of a bilingual table is what helpers.tables.show_table would show for it."""
    from helpers import tables

    df = pd.DataFrame({"Year": [2020, 2021], "Value": [checks.usd_text(4e6, "million"), "3"]})
    assert bilingual.table_texts(df)["en"] == tables.markdown_table(df)
    long = pd.DataFrame({"Year": list(range(2000, 2000 + tables.FOLD_ROWS + 1))})
    texts = bilingual.table_texts(long)
    assert texts["en"] == tables.folded(tables.markdown_table(long), tables.table_summary(long))
    assert "<summary>完整表格" in texts["zh_CN"]
