"""The bad-input corpus: one table of (mutation, where, expected message) for data/.

Each case corrupts a temporary copy of the data package in one way (``data_copy``) and says where the
problem must be reported (file, line, column) and what the message must say. ``tests/test_check_data.py``
runs it through `make check-data` and frictionless, ``tests/test_data.py`` through the loaders."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass


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


PG21 = "patent_grants,shenzhen,2021,2021-01-01,2021-12-31,year,,27.92,万件"  # the source prints 27.92万件
PCT06 = "pct_applications,china,2006,2006-01-01,2006-12-31,year,,3910,件"


def set_cell(file, row, column, value):
    return lambda d: edit(d / "data" / file, row, column, value)


def replace(file, old, new):
    def f(d):
        p = d / "data" / file
        text = p.read_text(encoding="utf-8")
        assert old in text, old
        i = text.index(old)
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text.count("\n", 0, i) + 1

    return f


def append(file, line):
    def f(d):
        p = d / "data" / file
        text = p.read_text(encoding="utf-8")
        p.write_text(text + line, encoding="utf-8")
        return text.count("\n") + 1

    return f


def duplicate_first_row(file):
    def f(d):
        p = d / "data" / file
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        p.write_text("".join(lines + [lines[1]]), encoding="utf-8")
        return len(lines) + 1

    return f


def blank_line(file, at):
    def f(d):
        p = d / "data" / file
        lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
        p.write_text("".join(lines[: at - 1] + ["\n"] + lines[at - 1 :]), encoding="utf-8")
        return at

    return f


def multiline_note_then(row, column, value):
    """Split an earlier row's note over three physical lines, then break a later row."""

    def f(d):
        p = d / "data" / "observations.csv"
        edit(
            p,
            "copyright_industry_gdp_share,china,2021..2025",
            "note",
            "IP plan target:\ncopyright industries\nshare of GDP",
        )
        return edit(p, row, column, value)

    return f


def drop_column(file, column):
    """An old copy of a table, from before a column was added."""

    def f(d):
        import csv
        import io

        p = d / "data" / file
        rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"), newline="")))
        i = rows[0].index(column)
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
        p.write_text(out.getvalue(), encoding="utf-8")
        return 1

    return f


def gbk_encoded(file):
    def f(d):
        p = d / "data" / file
        text = p.read_text(encoding="utf-8")
        p.write_bytes(text.encode("gb18030"))
        return next(i for i, line in enumerate(text.splitlines(), 1) if not line.isascii())

    return f


def both(*mutations):
    def f(d):
        return [m(d) for m in mutations][0]

    return f


def header_only(file):
    def f(d):
        p = d / "data" / file
        p.write_text(p.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
        return 1

    return f


FULLWIDTH_SCHEMA = False  # frictionless takes full-width digits for numbers (Python's int/float/Decimal do)


@dataclass
class Case:
    id: str
    mutate: Callable
    file: str
    column: str | None
    pattern: str
    schema: bool  # a Table Schema can state this rule: frictionless must reject it too


CORPUS = [
    Case(
        "wrong-scale 27.92 件 for 27.92万件",
        set_cell("observations.csv", PG21, "unit", "件"),
        "observations.csv",
        "value",
        r"differ 9,999-fold .*is a unit wrong",
        False,
    ),
    Case(
        "unit inside the value",
        set_cell("observations.csv", PG21, "value", "27.92万"),
        "observations.csv",
        "value",
        r"'27.92万' is not a number",
        True,
    ),
    Case(
        "thousands separator",
        set_cell("observations.csv", PG21, "value", "279,177"),
        "observations.csv",
        "value",
        r"'279,177' is not a number",
        True,
    ),
    Case(
        "empty value",
        set_cell("observations.csv", PG21, "value", ""),
        "observations.csv",
        "value",
        r"required value is empty",
        True,
    ),
    Case(
        "unknown indicator",
        set_cell("observations.csv", PG21, "indicator", "patent_grantz"),
        "observations.csv",
        "indicator",
        r"'patent_grantz' is not a indicator in data/indicators.csv",
        True,
    ),
    Case(
        "unknown source",
        set_cell("observations.csv", PG21, "source_id", "no-such-source"),
        "observations.csv",
        "source_id",
        r"not a source_id in data/sources.csv",
        True,
    ),
    Case(
        "unknown region",
        set_cell("observations.csv", PG21, "region", "atlantis"),
        "observations.csv",
        "region",
        r"not a region in data/regions.csv",
        True,
    ),
    Case(
        "period in a foreign form",
        set_cell("observations.csv", PG21, "period", "2021/12"),
        "observations.csv",
        "period",
        r"does not match the pattern",
        True,
    ),
    Case(
        "impossible date",
        set_cell("observations.csv", PG21, "period_end", "2021-13-01"),
        "observations.csv",
        "period_end",
        r"'2021-13-01' is not a real date \(there is no month 13\)",
        True,
    ),
    Case(
        "period label and dates disagree",
        set_cell("observations.csv", PG21, "period_end", "2021-11-30"),
        "observations.csv",
        "period",
        r"a full year 2021 must run from 2021-01-01 to 2021-12-31",
        False,
    ),
    Case(
        "unknown unit",
        set_cell("observations.csv", PG21, "unit", "万吨"),
        "observations.csv",
        "unit",
        r"unknown unit '万吨'",
        False,
    ),
    Case(
        "money unit for a count",
        set_cell("observations.csv", PG21, "unit", "亿元"),
        "observations.csv",
        "unit",
        r"cannot express indicator",
        False,
    ),
    Case(
        "implausible value",
        set_cell("observations.csv", PG21, "value", "99999999"),
        "observations.csv",
        "value",
        r"outside the plausible range",
        False,
    ),
    Case(
        "basis the indicator lacks",
        set_cell("observations.csv", PG21, "basis", "cnipa"),
        "observations.csv",
        "basis",
        r"'cnipa' is not a basis of",
        False,
    ),
    Case(
        "unknown period type",
        set_cell("observations.csv", PG21, "period_type", "quarter"),
        "observations.csv",
        "period_type",
        r"'quarter' is not an allowed value",
        True,
    ),
    Case(
        "unknown qualifier",
        set_cell("observations.csv", PG21, "qualifier", "approx"),
        "observations.csv",
        "qualifier",
        r"'approx' is not an allowed value",
        True,
    ),
    Case(
        "yearly series jumps 50-fold",
        set_cell("observations.csv", PCT06, "value", "195500"),
        "observations.csv",
        "value",
        r"for 2006 jumps more than 10 times against the neighbouring years",
        False,
    ),
    Case(
        "duplicate primary key",
        duplicate_first_row("observations.csv"),
        "observations.csv",
        "indicator+region+period+basis+source_id",
        r"the same .* as line 2",
        True,
    ),
    Case(
        "line numbers count a multi-line note",
        multiline_note_then(PG21, "value", "x"),
        "observations.csv",
        "value",
        r"'x' is not a number",
        True,
    ),
    Case(
        "url without scheme",
        set_cell("sources.csv", "grants-", "url", "www.example.org/page"),
        "sources.csv",
        "url",
        r"does not match the pattern",
        True,
    ),
    Case(
        "unknown tier",
        set_cell("sources.csv", "grants-", "tier", "blog"),
        "sources.csv",
        "tier",
        r"'blog' is not an allowed value",
        True,
    ),
    Case(
        "who speaks left empty",
        set_cell("sources.csv", "grants-", "relation", ""),
        "sources.csv",
        "relation",
        r"required value is empty",
        True,
    ),
    Case(
        "who speaks as a tier",
        set_cell("sources.csv", "grants-", "relation", "official"),
        "sources.csv",
        "relation",
        r"'official' is not an allowed value \(allowed: claimant, national_official, "
        r"other_official, independent, unknown\)",
        True,
    ),
    Case(
        "relation column dropped",
        drop_column("sources.csv", "relation"),
        "sources.csv",
        "relation",
        r"column is missing from the header",
        True,
    ),
    Case(
        "day-first date",
        set_cell("sources.csv", "grants-", "date_accessed", "24/11/2026"),
        "sources.csv",
        "date_accessed",
        r"not a date in the form YYYY-MM-DD",
        True,
    ),
    Case(
        "30 February",
        set_cell("sources.csv", "grants-", "date_accessed", "2026-02-30"),
        "sources.csv",
        "date_accessed",
        r"'2026-02-30' is not a real date \(that month has no day 30\)",
        True,
    ),
    Case(
        "publication date in words",
        set_cell("sources.csv", "grants-", "date_published", "Nov 2020"),
        "sources.csv",
        "date_published",
        r"does not match the pattern",
        True,
    ),
    Case(
        "duplicate source id",
        duplicate_first_row("sources.csv"),
        "sources.csv",
        "source_id",
        r"duplicate value .*first used on line 2",
        True,
    ),
    Case(
        "paragraph in words",
        set_cell("claims.csv", "grants-first-4y", "paragraph", "five"),
        "claims.csv",
        "paragraph",
        r"'five' is not a whole number",
        True,
    ),
    Case(
        "paragraph beyond the article",
        set_cell("claims.csv", "grants-first-4y", "paragraph", "40"),
        "claims.csv",
        "paragraph",
        r"above the maximum 21",
        True,
    ),
    Case(
        "claim names an unknown indicator",
        set_cell("claims.csv", "grants-first-4y", "indicators", "nonexistent"),
        "claims.csv",
        "indicators",
        r"unknown indicator 'nonexistent'",
        False,
    ),
    Case(
        "yes for true",
        set_cell("indicators.csv", "pct_applications", "additive", "yes"),
        "indicators.csv",
        "additive",
        r"'yes' is not true or false",
        True,
    ),
    Case(
        "misspelt header",
        replace("regions.csv", "region,name_en", "regio,name_en"),
        "regions.csv",
        "region",
        r"column is missing from the header",
        True,
    ),
    Case(
        "ragged row",
        append("regions.csv", "atlantis,Atlantis\n"),
        "regions.csv",
        None,
        r"has 2 fields but the header has 5",
        True,
    ),
    Case("blank line", blank_line("regions.csv", 5), "regions.csv", None, r"blank line", True),
    Case(
        "event date pattern",
        set_cell("events.csv", "ev-2008rules-adopted", "date", "2008-4-1"),
        "events.csv",
        "date",
        r"does not match the pattern",
        True,
    ),
    Case("file saved as GBK", gbk_encoded("regions.csv"), "regions.csv", None, r"is not UTF-8 text", True),
    Case(
        "event dated to the day, precision month",
        set_cell("events.csv", "ev-2008rules-adopted", "date_precision", "month"),
        "events.csv",
        "date",
        r"'2008-04-01' is written to the day but date_precision is 'month'",
        False,
    ),
    Case(
        "event dated to the month, precision day",
        set_cell("events.csv", "ev-2008rules-adopted", "date", "2008-04"),
        "events.csv",
        "date",
        r"'2008-04' is written to the month but date_precision is 'day'",
        False,
    ),
    Case(
        "event in month 13",
        both(
            set_cell("events.csv", "ev-2008rules-adopted", "date", "2008-13"),
            set_cell("events.csv", "ev-2008rules-adopted", "date_precision", "month"),
        ),
        "events.csv",
        "date",
        r"'2008-13' is not a real month",
        False,
    ),
    Case(
        "published after it was read (2014 typed 2034)",
        set_cell("sources.csv", "grants-", "date_published", "2034-05"),
        "sources.csv",
        "date_published",
        r"2034-05 is after date_accessed 2026-11-24",
        False,
    ),
    Case(
        "published in month 13",
        set_cell("sources.csv", "grants-", "date_published", "2020-13"),
        "sources.csv",
        "date_published",
        r"'2020-13' is not a real month",
        False,
    ),
    Case(
        "read in the future",
        set_cell("sources.csv", "grants-", "date_accessed", "2099-01-01"),
        "sources.csv",
        "date_accessed",
        r"2099-01-01 is in the future",
        False,
    ),
    Case(
        "claim's page does not exist",
        set_cell("claims.csv", "grants-first-4y", "notebook", "chapters/legal/01-patent-grant.ipynb"),
        "claims.csv",
        "notebook",
        r"chapters/legal/01-patent-grant.ipynb does not exist",
        False,
    ),
    Case(
        "a settling record with no Chinese text",
        set_cell("claims.csv", "grants-first-4y", "settling_record_zh", ""),
        "claims.csv",
        "settling_record_zh",
        r"empty, but settling_record has text: the Chinese edition needs its translation",
        False,
    ),
    Case(
        "another wording's difference with no Chinese text",
        set_cell("wordings.csv", "first-ip-finance-assoc", "differs_zh", ""),
        "wordings.csv",
        "differs_zh",
        r"empty, but differs has text: the Chinese edition needs its translation",
        False,
    ),
    Case(
        "stated value without its printed label",
        set_cell("claims.csv", "pct-first-18y", "printed_zh", ""),
        "claims.csv",
        "printed_zh",
        r"required where the claim states a value",
        False,
    ),
    Case(
        "printed label with a slipped digit",
        set_cell("claims.csv", "pct-first-18y", "printed_zh", "连续81年"),
        "claims.csv",
        "printed_zh",
        r"does not show the stated value 18",
        False,
    ),
    Case(
        "header-only observations.csv",
        header_only("observations.csv"),
        "observations.csv",
        None,
        r"has a header but no rows",
        False,
    ),
    Case(
        "full-width digits in a value",
        set_cell("observations.csv", PG21, "value", "２７.９２"),
        "observations.csv",
        "value",
        r"'２７.９２' is not a number \(it has full-width",
        FULLWIDTH_SCHEMA,
    ),
    Case(
        "full-width digits in a paragraph",
        set_cell("claims.csv", "grants-first-4y", "paragraph", "５"),
        "claims.csv",
        "paragraph",
        r"'５' is not a whole number \(it has full-width",
        FULLWIDTH_SCHEMA,
    ),
    Case(
        "full-width digits in a date",
        set_cell("sources.csv", "grants-", "date_accessed", "２０２６-11-24"),
        "sources.csv",
        "date_accessed",
        r"is not a date \(it has full-width",
        FULLWIDTH_SCHEMA,
    ),
    Case(
        "broken datapackage.json",
        replace("datapackage.json", '"resources"', '"resources" '),  # placeholder, see below
        "datapackage.json",
        None,
        r"is not valid JSON",
        True,
    ),
]


def _break_json(d):
    p = d / "data" / "datapackage.json"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.rstrip().endswith(",") and '"name"' in line)
    lines[i] = lines[i].rstrip()[:-1] + "\n"  # drop a comma between two members
    p.write_text("".join(lines), encoding="utf-8")
    return i + 2  # the parser stops at the next member, one line further


CORPUS[-1].mutate = _break_json
IDS = [c.id for c in CORPUS]
