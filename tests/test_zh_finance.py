"""The finance chapter's computed text in Chinese (issue 25): what the generic tests (test_zh_computed) do not
check. A Chinese amount is the same number as the English one, said in 亿元/万元; dates, award editions and
lists read the Chinese way; the page tables and glued words carry Chinese with no English left in them; the
reasons that quote another wording use the data's own Chinese (wordings.csv ``differs_zh``)."""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd
import pytest

from helpers import chart_words
from helpers.checks import verdict
from helpers.data import load_table
from helpers.finance import awards, common, enterprise, fast_track, pledge, securitisation
from helpers.finance import firsts as firsts_page
from helpers.i18n import Words, english_left

ZH = "zh_CN"


def test_dates_editions_and_lists_read_the_chinese_way():
    m = chart_words.month_year(pd.Timestamp("2021-03-31"))
    assert (str(m), m.editions[ZH]) == ("March 2021", "2021 年 3 月")
    d = common.day("2021-06-29")
    assert (str(d), d.editions[ZH]) == ("2021-06-29", "2021 年 6 月 29 日")
    d = common.day("2013-09")
    assert (str(d), d.editions[ZH]) == ("2013-09", "2013 年 9 月")
    e = common.edition(23)
    assert (str(e), e.editions[ZH]) == ("23rd edition", "第 23 届")
    assert str(common.edition(23, hyphen=True)) == "23rd-edition"
    es = common.editions([24, 21, 22])
    assert (str(es), es.editions[ZH]) == ("21st, 22nd and 24th editions", "第 21、22和24 届")
    assert str(common.editions([22])) == "22nd edition"


def _number(text: str) -> Decimal:
    return Decimal(re.search(r"[\d,]+(?:\.\d+)?", text).group(0).replace(",", ""))


@pytest.mark.parametrize(
    "en, unit, zh",
    [
        ("309.8", 10**9, "3,098 亿元"),
        ("6.97", 10**9, "69.7 亿元"),
        ("218", 10**6, "2.18 亿元"),
        ("15.3", 10**6, "1,530 万元"),
        ("33.5", 10**6, "3,350 万元"),
    ],
)
def test_an_amount_in_chinese_is_the_same_number_in_yi_or_wan_yuan(en, unit, zh):
    w = common.yuan(en, unit)
    assert str(w) == en  # the English glued value does not change
    assert w.editions[ZH] == zh


def _glued(monkeypatch, module, *functions) -> dict:
    """What ``functions`` of a finance page module glue, by key (``glue`` captured, nothing displayed)."""
    got = {}
    monkeypatch.setattr(module, "glue", lambda key, value, *a, **k: got.__setitem__(key, value))
    for f in functions:
        getattr(module, f)()
    return got


PAGES = [
    (fast_track, ("glue_checked", "glue_own", "glue_speed_up")),
    (pledge, ("glue_checked", "glue_numbers")),
    (securitisation, ("glue_checked", "glue_numbers")),
    (enterprise, ("glue_checked", "glue_bound", "glue_national")),
    (awards, ("glue_checked", "glue_count", "glue_numbers")),
    (firsts_page, ("glue_checked", "glue_platforms")),
]


@pytest.mark.parametrize("module, functions", PAGES, ids=[m.__name__.rsplit(".", 1)[-1] for m, _ in PAGES])
def test_glued_words_carry_chinese(monkeypatch, module, functions):
    """Every glued value with letters in it is Words whose Chinese has no English left."""
    for key, value in _glued(monkeypatch, module, *functions).items():
        if not isinstance(value, str) or not re.search(r"[A-Za-z]{2,}", value):
            continue
        assert isinstance(value, Words), f"{key} = {value!r} has no Chinese edition"
        assert not english_left(value.editions[ZH]), f"{key}: {value.editions[ZH]!r}"


# glued amounts: key -> the English value's unit in yuan (the English is a bare number)
AMOUNTS = {
    "pl_nat_pt21": 10**9,
    "pl_sz_prev": 10**9,
    "pl_implied": 10**9,
    "ip_impl_nat_amt": 10**9,
    "ip_avg_issue": 10**6,
    "ip_per_firm": 10**6,
    "ip_nat_per_firm": 10**6,
}


def test_glued_amounts_are_the_same_number_in_chinese_units(monkeypatch):
    got = _glued(monkeypatch, pledge, "glue_numbers") | _glued(monkeypatch, securitisation, "glue_numbers")
    for key, unit in AMOUNTS.items():
        v = got[key]
        assert isinstance(v, Words), key
        zh = v.editions[ZH]
        yuan_zh = _number(zh) * (10**8 if zh.endswith("亿元") else 10**4)
        assert zh.endswith(("亿元", "万元")), f"{key}: {zh!r} does not carry its unit"
        assert yuan_zh == _number(str(v)) * unit, f"{key}: {v!r} is not {zh!r}"
    implied_from = got["pl_implied_from"]
    en_amount = _number(str(implied_from))
    assert f"{en_amount * 10:,f}".rstrip("0").rstrip(".") + " 亿元" in implied_from.editions[ZH]


def test_page_catalogs_give_no_unit_after_an_amount_that_carries_its_own():
    """The page catalogs no longer add 十亿元/百万元 after a glued amount (its Chinese value says 亿元/万元)."""
    from helpers.paths import repo_root

    base = repo_root() / "locales" / "zh_CN" / "LC_MESSAGES" / "chapters" / "finance"
    text = "".join(p.read_text(encoding="utf-8") for p in base.glob("*.po"))
    text = re.sub(r'"\n"', "", text)  # join the wrapped lines of each entry
    for key in AMOUNTS:
        assert f"`{key}`" in text
        assert not re.search(rf"`{key}`\s*(十亿元|百万元|亿元|万元)", text), key


def _numbers(text: str) -> list[Decimal]:
    return [Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


CLAIMS = load_table("claims")
FINANCE = list(CLAIMS[CLAIMS["section"] == "finance"]["claim_id"])


@pytest.mark.parametrize("claim_id", FINANCE)
def test_reasons_give_the_same_numbers_in_chinese(claim_id):
    """Every number of the English reason is in the Chinese one (an amount in billion yuan as 亿元, ten times
    the number; an ordinal edition as its number); the Chinese adds no number of its own beyond dates."""
    r = verdict(claim_id).reason
    en, zh = str(r), r.editions[ZH]
    en = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", en)
    billions = [Decimal(n.replace(",", "")) for n in re.findall(r"([\d,.]+) billion yuan", en)]
    want = _numbers(re.sub(r"[\d,.]+ billion yuan", " ", en)) + [b * 10 for b in billions]
    have = _numbers(zh)
    for n in want:
        assert n in have, f"{claim_id}: {n} missing from {zh!r}"


def test_another_wording_is_quoted_in_the_datas_chinese():
    w = load_table("wordings")
    for _, row in w[w["differs"] != ""].iterrows():
        zh = verdict(row["claim_id"]).reason.editions[ZH]
        assert row["differs_zh"] and row["differs_zh"] in zh
        assert row["differs"] not in zh


def _shown(monkeypatch, function) -> dict:
    got = []
    monkeypatch.setattr(common, "show_markdown", got.append)
    function()
    assert len(got) == 1
    return got[0]


@pytest.mark.parametrize(
    "function",
    [pledge.peers_table, securitisation.totals_table, awards.arithmetic_table, firsts_page.firsts_table],
    ids=lambda f: f"{f.__module__.rsplit('.', 1)[-1]}.{f.__name__}",
)
def test_page_tables_in_chinese(monkeypatch, function):
    """The finance pages' own tables: the same rows in both editions, Chinese headers, no English left
    (observation notes are marked English: the data has no Chinese for them)."""
    texts = _shown(monkeypatch, function)
    en, zh = texts["en"], texts[ZH]
    rows = lambda t: [line for line in t.splitlines() if line.startswith("|")]  # noqa: E731
    assert len(rows(en)) == len(rows(zh)) > 2
    assert re.search(r"[\u4e00-\u9fff]", rows(zh)[0])  # Chinese headers
    assert not english_left(zh), english_left(zh)[:3]


def test_pledge_table_amounts_are_the_same_numbers_in_yi_yuan(monkeypatch):
    texts = _shown(monkeypatch, pledge.peers_table)
    cells = lambda t: [line.split("|")[2].strip() for line in t.splitlines()[2:]]  # noqa: E731
    for en, zh in zip(cells(texts["en"]), cells(texts[ZH])):
        assert Decimal(zh.replace(",", "")) == Decimal(en.replace(",", "")) * 10
