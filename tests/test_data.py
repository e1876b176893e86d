import re

import pytest

from helpers.data import DataValidationError, check_period, load_package, validate_package


def test_committed_package_is_valid(root):
    tables = validate_package(root)
    assert {"claims", "observations", "sources", "indicators", "regions", "events"} <= set(tables)
    assert len(tables["observations"]) > 0 and len(tables["claims"]) > 0


def test_tables_are_typed(root):
    t = load_package(root)
    o = t["observations"]
    assert str(o["value"].dtype) == "float64"
    assert str(o["period_end"].dtype).startswith("datetime64")
    assert str(t["claims"]["paragraph"].dtype) == "Int64"
    assert t["indicators"]["additive"].dtype == bool


def test_every_source_has_an_address_and_every_observation_a_source(root):
    t = load_package(root)
    assert t["sources"]["url"].str.match(r"^https?://\S+$").all()
    assert set(t["observations"]["source_id"]) <= set(t["sources"]["source_id"])


def test_every_claim_names_an_indicator_or_why_none(root):
    c = load_package(root)["claims"]
    assert ((c["indicators"] != "") | (c["no_indicator_reason"] != "")).all()


def test_claims_cover_every_section_of_the_article(root):
    c = load_package(root)["claims"]
    assert {"legal", "finance", "protection"} <= set(c["section"])
    assert c["paragraph"].between(2, 21).all()


# ----------------------------------------------------------------------------- corrupted copies
# The cases live once, in tests/bad_inputs.py; here the loaders (what a notebook calls) must refuse each
# with the same file:line: column: problem that `make check-data` prints.

from bad_inputs import CORPUS, IDS, edit  # noqa: E402  (edit: used by other test modules)


@pytest.mark.parametrize("case", CORPUS, ids=IDS)
def test_loaders_refuse_each_bad_input_where_it_is(case, data_copy):
    line = case.mutate(data_copy)
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    where = f"data/{case.file}:{line}: " + (f"{case.column}: " if case.column else "")
    msgs = [str(p) for p in e.value.problems]
    assert [m for m in msgs if m.startswith(where) and re.search(case.pattern, m)], (where, case.pattern, msgs)


def test_misspelt_header_names_both_columns(data_copy):
    p = data_copy / "data" / "regions.csv"
    p.write_text(p.read_text(encoding="utf-8").replace("region,name_en", "regio,name_en", 1), encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    msgs = "\n".join(map(str, e.value.problems))
    assert "data/regions.csv:1: regio: unknown column" in msgs


def test_every_problem_is_listed_not_just_the_first(data_copy):
    edit(data_copy / "data" / "observations.csv", "patent_grants,shenzhen,2021", "value", "x")
    edit(data_copy / "data" / "sources.csv", "grants-", "tier", "blog")
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    files = {p.file for p in e.value.problems}
    assert {"data/observations.csv", "data/sources.csv"} <= files


@pytest.mark.parametrize(
    "ptype, period, start, end, ok",
    [
        ("year", "2021", "2021-01-01", "2021-12-31", True),
        ("ytd", "2021-01..2021-11", "2021-01-01", "2021-11-30", True),
        ("ytd", "2021-01..2021-11", "2021-01-01", "2021-12-31", False),
        ("ytd", "2021-01..2021-12", "2021-01-01", "2021-12-31", False),
        ("point", "2021-12-31", None, "2021-12-31", True),
        ("cumulative", "..2022-09-30", None, "2022-09-30", True),
        ("month", "2021-02", "2021-02-01", "2021-02-28", True),
        ("edition", "ed23", "2022-01-01", "2022-12-31", True),
        ("target", "2021..2025", "2021-01-01", "2025-12-31", True),
    ],
)
def test_period_rules(ptype, period, start, end, ok):
    from datetime import date

    s = date.fromisoformat(start) if start else None
    assert (check_period(ptype, period, s, date.fromisoformat(end)) is None) == ok
