"""The functions that decide verdicts, table by table: matching a stated value, the order of the verdict
rule, the claimant contradicting itself, the record that would settle a claim, the time rule and the speaker
rule. The last tests alter a copy of the data and require the verdict to move (or not) as the rule says."""

import pandas as pd
import pytest
from conftest import read_rows, reading, set_column, write_rows

from helpers.evidence import after_article
from helpers.verdicts import (
    AGREES,
    CLAIMANT_ONLY,
    CONFIRMED,
    CONSISTENT,
    CONTRADICTS,
    DERIVED,
    DIFFERS,
    DIRECT,
    DOUBTFUL,
    INDIRECT,
    LABELS,
    NOT_VERIFIED,
    UNCHECKABLE,
    Part,
    decide,
    implied_interval,
    matches,
    printed_halfwidth,
    round_halfwidth,
    with_record,
)

# ----------------------------------------------------------------------------- matching a stated value

# (stated, qualifier, observed, matches?) — the rules on the methods page
MATCHES = [
    # no qualifier: every printed digit counts
    (114, "", 114.4, True),
    (114, "", 114.6, False),
    (114, "", 113.5, True),
    (70, "", 70, True),
    (70, "", 66, False),
    (70, "", 86, False),
    (100, "", 51, False),
    (100, "", 100.4, True),  # a count of 100 means 100, not 51 to 150
    (100.46, "", 100.464, True),
    (100.46, "", 100.47, False),
    (1475, "", 1475, True),
    (1475, "", 1476, False),
    # about: half a unit of the last non-zero digit
    (6, "about", 5.85, True),
    (6, "about", 5.4, False),
    (6, "about", 6.5, True),
    (30, "about", 34, True),
    (30, "about", 36, False),
    # nearly: at or below, within that half unit
    (30, "nearly", 20, False),
    (30, "nearly", 25, True),
    (30, "nearly", 29, True),
    (30, "nearly", 31, False),
    (90, "nearly", 88.5, True),
    (90, "nearly", 84, False),
    (90, "nearly", 90, True),
    (90, "nearly", 90.2, False),
    # more than, at least, under
    (500, "over", 501, True),
    (500, "over", 500, False),
    (500, "at_least", 500, True),
    (10, "under", 4.9, True),
    (10, "under", 10, True),
    (10, "under", 10.5, False),
]


@pytest.mark.parametrize("stated, qualifier, observed, expected", MATCHES)
def test_matches(stated, qualifier, observed, expected):
    assert matches(stated, qualifier, observed) is expected


def test_an_unknown_qualifier_is_an_error():
    with pytest.raises(ValueError, match="unknown qualifier"):
        matches(10, "roughly", 10)


@pytest.mark.parametrize(
    "stated, printed, rounded",
    [(114, 0.5, 0.5), (70, 0.5, 5), (100.46, 0.005, 0.005), (6, 0.5, 0.5), (2.5, 0.05, 0.05), (1500, 0.5, 50)],
)
def test_halfwidths(stated, printed, rounded):
    assert printed_halfwidth(stated) == pytest.approx(printed) and round_halfwidth(stated) == pytest.approx(rounded)


def test_implied_interval_allows_for_the_rounding_of_both_printed_figures():
    lo, hi = implied_interval(98, 0.5, 14, 0.5)  # 98 awards, up 14%: the earlier count
    assert 85.1 < lo < 85.2 and 86.7 < hi < 86.8
    assert not lo <= 70 <= hi and lo <= 86 <= hi


# ----------------------------------------------------------------------------- the rule, in its order

P = Part
# (parts, record, expected label, expected strength)
RULE = [
    ([P("a", AGREES), P("b", CONTRADICTS)], "", DIFFERS, "strong"),
    ([P("a", CONTRADICTS, against=DIRECT)], "", DIFFERS, "strong"),  # independent contradiction wins
    ([P("a", AGREES), P("b", AGREES)], "", CONFIRMED, "strong"),
    ([P("a", AGREES, against=DIRECT)], "", CONFIRMED, "strong"),  # a shown part is shown
    ([P("a", None, True), P("b", None, True, against=DIRECT)], "", DOUBTFUL, "moderate"),
    ([P("a", None, True, against=DERIVED)], "", DOUBTFUL, "weak"),
    ([P("a", None, against=DERIVED), P("b", None, against=DIRECT)], "", DOUBTFUL, "moderate"),
    (
        [P("a", AGREES), P("b", INDIRECT, against=DERIVED)],
        "",
        DOUBTFUL,
        "weak",
    ),  # doubt is not outweighed by support elsewhere
    ([P("a", AGREES), P("b", None)], "", CONSISTENT, "moderate"),
    ([P("a", AGREES), P("b", None), P("c", None)], "", CONSISTENT, "weak"),
    ([P("a", INDIRECT)], "", CONSISTENT, "weak"),
    ([P("a", None, True)], "", CLAIMANT_ONLY, "weak"),
    ([P("a", None, True)], "CNIPA's list", CLAIMANT_ONLY, "weak"),  # a record does not lower a finding
    ([P("a", None)], "CNIPA's list", NOT_VERIFIED, "none"),
    ([P("a", None)], "", UNCHECKABLE, "none"),
]


@pytest.mark.parametrize("parts, record, label, strength", RULE)
def test_the_rule(parts, record, label, strength):
    v = decide(parts, record=record)
    assert (v.label, v.strength) == (label, strength)
    assert v.record == record


def test_with_record_turns_nothing_found_into_not_verified_only():
    assert with_record(decide([P("a")]), "the winners list (CNIPA)").label == NOT_VERIFIED
    assert (
        "the winners list (CNIPA) would settle it" in with_record(decide([P("a")]), "the winners list (CNIPA)").coverage
    )
    assert with_record(decide([P("a", None, True)]), "x").label == CLAIMANT_ONLY
    assert with_record(decide([P("a")]), "").label == UNCHECKABLE


def test_every_label_is_in_the_rule_order_once():
    assert len(set(LABELS)) == len(LABELS) and LABELS.index(DOUBTFUL) < LABELS.index(CONSISTENT)


# ----------------------------------------------------------------------------- one label, said once


@pytest.mark.parametrize(
    "parts, summary",
    [
        ([P("a")], "cannot be checked — no public record covers it"),
        ([P("a", None, True)], "matches the claimant's own figures"),
        (
            [P("2019", None, True, against=DIRECT), P("2020", None, True), P("2021")],
            "doubtful — the claimant's own records disagree (moderate evidence; for 1 of 3 parts: 2019)",
        ),
        (
            [P("a", AGREES), P("b", None)],
            "consistent (moderate evidence; independent figures for 1 of 2 parts, nothing independent for 1)",
        ),
        ([P("a", AGREES)], "confirmed independently"),
    ],
)
def test_the_verdict_line_says_each_thing_once(parts, summary):
    v = decide(parts)
    assert v.summary() == summary
    s = v.sentence()
    assert "no independent evidence · no independent evidence" not in s and "··" not in s
    assert s.count("the claimant's own records disagree") <= 1


# ----------------------------------------------------------------------------- the time rule


@pytest.mark.parametrize(
    "published, end, ptype, source_end, later",
    [
        ("", "2016-12-31", "point", None, False),  # undated, about an early period only
        ("", "2016-12-31", "point", "2021-12-31", False),  # undated, its latest column before the article
        ("", "2016-12-31", "point", "2023-12-31", True),  # undated yearbook with a 2023 column
        ("2019-05", "2016-12-31", "point", "2023-12-31", False),  # dated: the date decides
    ],
)
def test_an_undated_source_is_as_late_as_its_latest_column(published, end, ptype, source_end, later):
    se = pd.Timestamp(source_end) if source_end else None
    assert after_article(published, pd.Timestamp(end), ptype, se) is later


# ----------------------------------------------------------------------------- altered data


def _verdict(root, monkeypatch, claim_id):
    from helpers.checks import verdict

    with reading(root, monkeypatch):
        return verdict(claim_id)


def test_the_claimants_later_count_agreeing_removes_the_doubt(data_copy, monkeypatch):
    """award-70 is doubtful because the city's own 24th-edition count and growth rate imply 86, not 70.
    Make the later figures imply 70 (80 awards, up 14%) and the doubt must go."""
    obs = data_copy / "data" / "observations.csv"
    assert _verdict(data_copy, monkeypatch, "award-70").label == DOUBTFUL
    set_column(
        obs,
        lambda r: (
            r["indicator"] == "patent_award"
            and r["region"] == "shenzhen"
            and r["period"] == "ed24"
            and r["basis"] == "all"
        ),
        "value",
        "80",
    )
    assert _verdict(data_copy, monkeypatch, "award-70").label != DOUBTFUL


def test_the_claimants_later_run_agreeing_removes_the_doubt(data_copy, monkeypatch):
    """admin-protection-3y is doubtful because the claimant's own 'excellent 4 years running to 2023'
    starts the run in 2020. Make it 5 years (from 2019) and the doubt must go."""
    obs = data_copy / "data" / "observations.csv"
    assert _verdict(data_copy, monkeypatch, "admin-protection-3y").label == DOUBTFUL
    set_column(
        obs, lambda r: r["indicator"] == "performance_streak_years" and r["basis"] == "admin_protection", "value", "5"
    )
    assert _verdict(data_copy, monkeypatch, "admin-protection-3y").label != DOUBTFUL


def test_a_relayed_claimant_statement_is_the_claimants(data_copy, monkeypatch):
    """The speaker of a statement decides its relation, not the page that carries it: marking every
    observation as spoken by the claimant leaves no verdict resting on independent support."""
    obs = data_copy / "data" / "observations.csv"
    set_column(obs, lambda r: True, "speaker", "claimant")
    from helpers.checks import verdict_table

    with reading(data_copy, monkeypatch):
        vt = verdict_table()
    assert not vt["verdict"].isin([CONFIRMED, CONSISTENT, DIFFERS]).any(), vt[["claim_id", "verdict"]]


def test_an_undated_sources_later_column_makes_all_its_figures_later(data_copy, monkeypatch):
    """A source made undated counts as published before the article while everything it covers ended
    before 2022; give it one column for 2023 and every one of its figures counts as after the article."""
    from helpers.evidence import observations

    sid = "pct-cnipa-m-2014-11"
    src, obs = data_copy / "data" / "sources.csv", data_copy / "data" / "observations.csv"
    set_column(src, lambda r: r["source_id"] == sid, "date_published", "")

    def later():
        with reading(data_copy, monkeypatch):
            o = observations("pct_applications")
            return o[o["source_id"] == sid]["after_article"]

    assert len(later()) and not later().any()
    rows = read_rows(obs)
    h = rows[0]
    extra = dict(zip(h, next(r for r in rows[1:] if r[h.index("source_id")] == sid)))
    extra.update(
        period="2023-06",
        period_start="2023-06-01",
        period_end="2023-06-30",
        period_type="month",
        printed_label="",
        label_missing="test row, not a source's value",
    )
    rows.append([extra[c] for c in h])
    write_rows(obs, rows)
    assert later().all()


def test_the_claimants_other_wording_of_a_first_is_named(data_copy, monkeypatch):
    """A first the claimant worded differently before the article is named in the verdict's reason. Make the
    claimant's wording the same as the article's and it becomes the claimant agreeing with itself."""
    v = _verdict(data_copy, monkeypatch, "first-ip-finance-assoc")
    assert "联盟" in v.reason and "协会" in v.reason and v.label == UNCHECKABLE
    set_column(data_copy / "data" / "wordings.csv", lambda r: r["claim_id"] == "first-ip-finance-assoc", "differs", "")
    set_column(
        data_copy / "data" / "wordings.csv", lambda r: r["claim_id"] == "first-ip-finance-assoc", "differs_zh", ""
    )
    v = _verdict(data_copy, monkeypatch, "first-ip-finance-assoc")
    assert "联盟" not in v.reason and v.label == CLAIMANT_ONLY
