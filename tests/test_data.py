import csv
import io
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

def edit(path, row_match, column, new_value):
    """Set ``column`` to ``new_value`` in the first row whose text contains ``row_match``; return the
    physical line it starts on (quoted values may span lines)."""
    text = path.read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    rows, starts, start = [], [], 1
    for r in reader:
        rows.append(r)
        starts.append(start)
        start = reader.line_num + 1
    header = rows[0]
    for i, r in zip(starts[1:], rows[1:]):
        if row_match in ",".join(r):
            r[header.index(column)] = new_value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)  # may requote: lines before stay the same
            path.write_text(out.getvalue(), encoding="utf-8")
            return i
    raise AssertionError(f"no row with {row_match!r} in {path}")


def expect_problem(root, file, line, column, pattern):
    with pytest.raises(DataValidationError) as e:
        validate_package(root)
    msgs = [str(p) for p in e.value.problems]
    want = [m for m in msgs if m.startswith(f"data/{file}:{line}: {column}: ") and re.search(pattern, m)]
    assert want, f"expected a problem at data/{file} line {line} column {column} matching {pattern!r}; got {msgs}"
    return want[0]


CASES = [
    ("observations.csv", "patent_grants,shenzhen,2021", "value", "27.92万", r"not a number"),
    ("observations.csv", "patent_grants,shenzhen,2021", "value", "", r"required value is empty"),
    ("observations.csv", "patent_grants,shenzhen,2021", "indicator", "patent_grantz", r"not a indicator in data/indicators.csv"),
    ("observations.csv", "patent_grants,shenzhen,2021", "source_id", "no-such-source", r"not a source_id in data/sources.csv"),
    ("observations.csv", "patent_grants,shenzhen,2021", "period", "2021/12", r"does not match the pattern"),
    ("observations.csv", "patent_grants,shenzhen,2021", "period_end", "2021-11-30", r"a full year 2021 must run"),
    ("observations.csv", "patent_grants,shenzhen,2021", "unit", "万吨", r"unknown unit"),
    ("observations.csv", "patent_grants,shenzhen,2021", "unit", "亿元", r"cannot express indicator"),
    ("observations.csv", "patent_grants,shenzhen,2021", "value", "99999999", r"outside the plausible range"),
    ("observations.csv", "patent_grants,shenzhen,2021", "basis", "cnipa", r"not a basis of"),
    ("observations.csv", "patent_grants,shenzhen,2021", "period_type", "quarter", r"not an allowed value"),
    ("sources.csv", "grants-", "url", "www.example.org/page", r"does not match the pattern"),
    ("sources.csv", "grants-", "tier", "blog", r"not an allowed value"),
    ("sources.csv", "grants-", "date_accessed", "24/11/2026", r"not a date"),
    ("claims.csv", "grants-first-4y", "paragraph", "five", r"not a whole number"),
    ("claims.csv", "grants-first-4y", "paragraph", "40", r"above the maximum"),
    ("claims.csv", "grants-first-4y", "indicators", "nonexistent_indicator", r"unknown indicator"),
    ("indicators.csv", "pct_applications", "additive", "yes", r"not true or false"),
]


@pytest.mark.parametrize("file, row, column, value, pattern", CASES, ids=[f"{c[0]}:{c[2]}={c[3] or 'empty'}" for c in CASES])
def test_bad_value_is_reported_with_file_line_column(data_copy, file, row, column, value, pattern):
    line = edit(data_copy / "data" / file, row, column, value)
    reported = "period" if column == "period_end" else column  # label and dates are checked together
    expect_problem(data_copy, file, line, reported, pattern)


def test_duplicate_primary_key(data_copy):
    p = data_copy / "data" / "observations.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    msg = expect_problem(data_copy, "observations.csv", len(lines) + 1, "indicator+region+period+basis+source_id",
                         r"the same indicator, region, period, basis, source_id as line 2")


def test_duplicate_unique_id(data_copy):
    p = data_copy / "data" / "sources.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    expect_problem(data_copy, "sources.csv", len(lines) + 1, "source_id", r"duplicate value")


def test_missing_and_unknown_columns(data_copy):
    p = data_copy / "data" / "regions.csv"
    text = p.read_text(encoding="utf-8").replace("region,name_en", "regio,name_en", 1)
    p.write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    msgs = "\n".join(map(str, e.value.problems))
    assert "data/regions.csv:1: region: column is missing" in msgs
    assert "data/regions.csv:1: regio: unknown column" in msgs


def test_ragged_row_is_not_dropped_silently(data_copy):
    p = data_copy / "data" / "regions.csv"
    p.write_text(p.read_text(encoding="utf-8") + "atlantis,Atlantis\n", encoding="utf-8")
    n = len(p.read_text(encoding="utf-8").splitlines())
    with pytest.raises(DataValidationError, match=rf"data/regions.csv:{n}: has 2 fields but the header has 5"):
        validate_package(data_copy)


def test_every_problem_is_listed_not_just_the_first(data_copy):
    edit(data_copy / "data" / "observations.csv", "patent_grants,shenzhen,2021", "value", "x")
    edit(data_copy / "data" / "sources.csv", "grants-", "tier", "blog")
    with pytest.raises(DataValidationError) as e:
        validate_package(data_copy)
    files = {p.file for p in e.value.problems}
    assert {"data/observations.csv", "data/sources.csv"} <= files


@pytest.mark.parametrize("ptype, period, start, end, ok", [
    ("year", "2021", "2021-01-01", "2021-12-31", True),
    ("ytd", "2021-01..2021-11", "2021-01-01", "2021-11-30", True),
    ("ytd", "2021-01..2021-11", "2021-01-01", "2021-12-31", False),
    ("ytd", "2021-01..2021-12", "2021-01-01", "2021-12-31", False),
    ("point", "2021-12-31", None, "2021-12-31", True),
    ("cumulative", "..2022-09-30", None, "2022-09-30", True),
    ("month", "2021-02", "2021-02-01", "2021-02-28", True),
    ("edition", "ed23", "2022-01-01", "2022-12-31", True),
    ("target", "2021..2025", "2021-01-01", "2025-12-31", True),
])
def test_period_rules(ptype, period, start, end, ok):
    from datetime import date
    s = date.fromisoformat(start) if start else None
    assert (check_period(ptype, period, s, date.fromisoformat(end)) is None) == ok
