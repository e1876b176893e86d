"""The evidence model: who speaks (relation), when (after the article), and the one verdict rule.

The last tests run every registered check on copies of the data in which every source is the claimant,
or every source is dated after the article: no verdict may then say the claim is supported.
"""

import pandas as pd
import pytest
from conftest import reading, set_column
from test_data import edit

from helpers.data import DataValidationError, validate_package
from helpers.evidence import after_article
from helpers.verdicts import (
    AGREES,
    CLAIMANT_ONLY,
    CONFIRMED,
    CONSISTENT,
    CONTRADICTS,
    DIFFERS,
    INDIRECT,
    SUPPORTING,
    UNCHECKABLE,
    Part,
    decide,
    plural,
)


def test_every_source_says_who_speaks(root):
    s = validate_package(root)["sources"]
    assert (s["relation"] != "").all()
    assert set(s["relation"]) <= {"claimant", "national_official", "other_official", "independent", "unknown"}


@pytest.mark.parametrize("value, pattern", [("", "required value is empty"), ("friend", "is not an allowed value")])
def test_relation_is_validated(data_copy, value, pattern):
    line = edit(data_copy / "data" / "sources.csv", "grants-szgov-en-2022-04", "relation", value)
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    hit = [p for p in e.value.problems if p.line == line and p.column == "relation"]
    assert hit and pattern in hit[0].message and hit[0].file == "data/sources.csv"


# ----------------------------------------------------------------------------- the rule


def test_all_parts_shown_is_confirmed():
    v = decide([Part("2020", AGREES), Part("2021", AGREES)], of="year")
    assert v.label == CONFIRMED and v.strength == "strong" and v.coverage == "independent figures for all 2 years"


def test_a_contradiction_wins():
    v = decide([Part("2020", AGREES), Part("2021", CONTRADICTS)], of="year")
    assert v.label == DIFFERS and "2021" in v.coverage


def test_partial_cover_is_consistent_and_says_how_much():
    v = decide([Part("2019", AGREES), Part("2020", INDIRECT), Part("2021", None, claimant=True)], of="year")
    assert v.label == CONSISTENT and v.strength == "weak"
    assert (
        v.coverage
        == "independent figures for 1 of 3 years, indirect independent support for 1 more, nothing independent for 1"
    )


def test_indirect_only_cover_says_so_without_a_zero_count():
    v = decide([Part("the total", None, claimant=True), Part("first in the country", INDIRECT)])
    assert v.label == CONSISTENT and v.strength == "weak"
    assert (
        v.coverage == "no independent figure; indirect independent support for 1 of 2 parts, nothing independent for 1"
    )


@pytest.mark.parametrize("n", [1, 2, 5])
def test_claimant_alone_never_supports(n):
    v = decide([Part(str(y), None, claimant=True) for y in range(n)], of="year")
    assert v.label == CLAIMANT_ONLY and v.label not in SUPPORTING and v.strength == "weak"


def test_nothing_cannot_be_checked():
    assert decide([Part("the count")]).label == UNCHECKABLE


def test_parts_are_validated():
    with pytest.raises(ValueError):
        Part("2020", "yes")


def test_plural():
    assert plural(1, "year") == "1 year" and plural(2, "year") == "2 years" and plural(1500, "firm") == "1,500 firms"


@pytest.mark.parametrize(
    "published, end, ptype, later",
    [
        ("2022-04-27", "2021-12-31", "year", False),
        ("2022-09", "2021-12-31", "year", False),  # September 2022 ends on the article's day
        ("2022", "2021-12-31", "year", True),  # may be December 2022: not known to be before
        ("2023-01-16", "2021-12-31", "year", True),
        ("2021-03-01", "2022-12-31", "year", True),  # covers a period after the article
        ("", "2016-12-31", "point", False),  # undated, about a period well before
        ("", "2022-06-30", "point", True),  # undated, in the article's year
        ("2022-07-22", "2022-12-31", "edition", False),  # an edition announced before the article
        ("2023-07-21", "2023-12-31", "edition", True),
    ],
)
def test_after_article(published, end, ptype, later):
    assert after_article(published, pd.Timestamp(end), ptype) is later


# ----------------------------------------------------------------------------- every check, on altered data


def _every_row(root, column, value, table="sources"):
    set_column(root / "data" / f"{table}.csv", lambda r: True, column, value)


def _verdicts_on(root, monkeypatch):
    from helpers.checks import BY_NAME, verdict_table

    with reading(root, monkeypatch):
        vt = verdict_table()
    assert BY_NAME, "no checks registered"
    return vt


def test_claimant_sources_alone_never_support_a_verdict(data_copy, monkeypatch):
    _every_row(data_copy, "relation", "claimant")
    _every_row(data_copy, "speaker", "", table="observations")  # no statement relayed from another voice
    vt = _verdicts_on(data_copy, monkeypatch)
    bad = vt[vt["verdict"].isin(SUPPORTING + (DIFFERS,))]
    assert bad.empty, f"verdicts resting on claimant sources only: {bad[['claim_id', 'verdict']].to_dict('records')}"


def test_sources_after_the_article_never_support_a_verdict(data_copy, monkeypatch):
    _every_row(data_copy, "date_published", "2023-01-16")
    vt = _verdicts_on(data_copy, monkeypatch)
    bad = vt[vt["verdict"].isin(SUPPORTING + (DIFFERS,))]
    assert bad.empty, (
        f"verdicts resting on evidence after the article: {bad[['claim_id', 'verdict']].to_dict('records')}"
    )


def test_every_verdict_has_strength_and_coverage(root):
    from helpers.checks import verdict_table

    vt = verdict_table()
    assert (vt["strength"] != "").all() and (vt["coverage"] != "").all() and (vt["why"] != "").all()
    assert not vt["coverage"].str.contains(r"\(s\)").any()


def test_every_check_is_named_once_in_the_ledger_and_used():
    """The ledger's `check` column binds each claim to a registered check, and no registered check is dead."""
    from helpers.checks import BY_NAME
    from helpers.data import load_table

    named = set(load_table("claims")["check"])
    assert named <= set(BY_NAME), f"the ledger names checks that do not exist: {sorted(named - set(BY_NAME))}"
    assert set(BY_NAME) <= named, f"checks no claim uses: {sorted(set(BY_NAME) - named)}"
