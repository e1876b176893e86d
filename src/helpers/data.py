"""Load the book's data package, validating every value on the way in.

The rules live once, in ``data/datapackage.json`` (Frictionless Data Package: types, required fields,
allowed values, patterns, primary and foreign keys); this module applies them and adds the checks a
schema cannot state (units, bases, periods, plausible ranges). Bad data raises
:class:`DataValidationError`, which lists every problem with its file, line, column and what is wrong.
Nothing is dropped or repaired silently, and nothing on disk is written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .labels import label_problem
from .paths import repo_root
from .reads import note_read, rows_key
from .units import UNITS, UnitError, convert, dimension

DESCRIPTOR = "datapackage.json"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # line in the file (the header is line 1); None for whole-file problems
    column: str | None
    message: str

    def __str__(self) -> str:
        """``file:line: column: problem`` (the form compilers and editors understand)."""
        where = self.file + (f":{self.line}" if self.line is not None else "")
        col = f"{self.column}: " if self.column else ""
        return f"{where}: {col}{self.message}"


class DataValidationError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n  ".join(str(p) for p in problems[:50])
        more = f"\n  … and {len(problems) - 50} more" if len(problems) > 50 else ""
        n = len(problems)
        super().__init__(f"{n} {'problem' if n == 1 else 'problems'} in the data:\n  {shown}{more}")


# --------------------------------------------------------------------------- reading and typing


def _non_ascii_digits(s: str) -> str:
    """' (it has full-width or other non-ASCII digits: type 0-9)' when it has, else ''."""
    return (
        " (it has full-width or other non-ASCII digits: type 0-9)"
        if any(c.isdigit() and not c.isascii() for c in s)
        else ""
    )


def _parse_date(s: str) -> date:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        if _non_ascii_digits(s):
            raise ValueError(f"{s!r} is not a date{_non_ascii_digits(s)}")
        raise ValueError(f"{s!r} is not a date in the form YYYY-MM-DD")
    try:
        return date.fromisoformat(s)
    except ValueError:
        y, m, d = map(int, s.split("-"))
        why = "there is no month {m}" if not 1 <= m <= 12 else f"that month has no day {d}"
        raise ValueError(f"{s!r} is not a real date ({why.format(m=m)})") from None


def _parse_number(s: str) -> float:
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", s):
        if _non_ascii_digits(s):
            raise ValueError(f"{s!r} is not a number{_non_ascii_digits(s)}")
        raise ValueError(
            f"{s!r} is not a number (write digits with an optional decimal point; "
            "no thousands separators, no units: those go in the unit column)"
        )
    return float(s)


def _parse_integer(s: str) -> int:
    if not re.fullmatch(r"-?[0-9]+", s):
        raise ValueError(f"{s!r} is not a whole number{_non_ascii_digits(s)}")
    return int(s)


def _parse_boolean(s: str) -> bool:
    if s not in ("true", "false"):
        raise ValueError(f"{s!r} is not true or false")
    return s == "true"


PARSERS = {
    "string": str,
    "number": _parse_number,
    "integer": _parse_integer,
    "date": _parse_date,
    "boolean": _parse_boolean,
}


def _read_rows(path: Path, label: str, problems: list[Problem]) -> tuple[list[str], list[dict]]:
    """Rows with the physical line each starts on (a quoted field may span several lines)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(label, None, None, "the file is missing"))
        return [], []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        problems.append(
            Problem(label, line, None, f"is not UTF-8 text (byte {raw[e.start]:#04x}); save the file as UTF-8")
        )
        return [], []
    text = text.removeprefix("\ufeff")  # a byte-order mark is harmless (frictionless ignores it too)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for r in reader:
            rows.append((start, r))
            start = reader.line_num + 1
    except csv.Error as e:
        problems.append(
            Problem(
                label,
                start,
                None,
                f"cannot be read as CSV ({e}); is a quote missing or a stray quote inside an unquoted field?",
            )
        )
        return [], []
    if not rows:
        problems.append(Problem(label, None, None, "the file is empty (no header)"))
        return [], []
    if len(rows) == 1:
        problems.append(
            Problem(
                label,
                1,
                None,
                "has a header but no rows (a table of the package cannot be empty; was the file cut short?)",
            )
        )
    header = rows[0][1]
    out = []
    for line, r in rows[1:]:
        if not any(c.strip() for c in r):
            problems.append(Problem(label, line, None, "blank line (delete it)"))
            continue
        if len(r) != len(header):
            problems.append(
                Problem(
                    label,
                    line,
                    None,
                    f"has {len(r)} fields but the header has {len(header)}"
                    " (a missing comma, or an unquoted comma inside a value?)",
                )
            )
            continue
        out.append({"__line__": line, **dict(zip(header, r))})
    return header, out


def _check_resource(resource: dict, root: Path, problems: list[Problem]):
    """Type and constrain one table; return (typed records, label)."""
    label = f"data/{resource['path']}"
    schema = resource["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    header, rows = _read_rows(root / "data" / resource["path"], label, problems)
    if not header:
        return None, label  # unreadable: reported once, and no knock-on problems in other tables
    if header:
        missing = [n for n in names if n not in header]
        extra = [h for h in header if h not in names]
        for n in missing:
            problems.append(Problem(label, 1, n, "column is missing from the header"))
        for h in extra:
            problems.append(Problem(label, 1, h, "unknown column (not declared in data/datapackage.json)"))
        if missing or extra:
            return None, label
    typed = []
    seen_unique: dict[str, dict] = {f["name"]: {} for f in fields if f.get("constraints", {}).get("unique")}
    for row in rows:
        line = row["__line__"]
        rec = {"__line__": line}
        ok = True
        for f in fields:
            name, cons = f["name"], f.get("constraints", {})
            raw = row[name]
            if raw != raw.strip():
                problems.append(Problem(label, line, name, f"leading or trailing spaces in {raw!r}"))
                ok = False
                continue
            if raw == "":
                if cons.get("required"):
                    problems.append(Problem(label, line, name, "required value is empty"))
                    ok = False
                rec[name] = None
                continue
            try:
                val = PARSERS[f.get("type", "string")](raw)
            except ValueError as e:
                problems.append(Problem(label, line, name, str(e)))
                ok = False
                continue
            if "enum" in cons and raw not in cons["enum"]:
                problems.append(
                    Problem(label, line, name, f"{raw!r} is not an allowed value (allowed: {', '.join(cons['enum'])})")
                )
                ok = False
            if "pattern" in cons and not re.fullmatch(cons["pattern"], raw, re.ASCII):  # \d is 0-9 only
                problems.append(
                    Problem(
                        label,
                        line,
                        name,
                        f"{raw!r} does not match the pattern {cons['pattern']} that data/datapackage.json sets",
                    )
                )
                ok = False
            if "minimum" in cons and val < cons["minimum"]:
                problems.append(Problem(label, line, name, f"{raw} is below the minimum {cons['minimum']}"))
                ok = False
            if "maximum" in cons and val > cons["maximum"]:
                problems.append(Problem(label, line, name, f"{raw} is above the maximum {cons['maximum']}"))
                ok = False
            if name in seen_unique:
                if raw in seen_unique[name]:
                    problems.append(
                        Problem(
                            label, line, name, f"duplicate value {raw!r} (first used on line {seen_unique[name][raw]})"
                        )
                    )
                    ok = False
                else:
                    seen_unique[name][raw] = line
            rec[name] = val
        rec["__ok__"] = ok
        typed.append(rec)
    pk = schema.get("primaryKey") or []
    if len(pk) > 1:
        seen: dict[tuple, int] = {}
        for rec in typed:
            key = tuple(rec.get(k) for k in pk)
            if key in seen:
                problems.append(
                    Problem(
                        label,
                        rec["__line__"],
                        "+".join(pk),
                        "the same " + ", ".join(pk) + f" as line {seen[key]} (the key must be unique)",
                    )
                )
            else:
                seen[key] = rec["__line__"]
    return typed, label


# --------------------------------------------------------------------------- checks beyond the schema

PERIOD_FORMS = {
    "year": re.compile(r"(?P<y>\d{4})"),
    "ytd": re.compile(r"(?P<y1>\d{4})-(?P<m1>\d{2})\.\.(?P<y2>\d{4})-(?P<m2>\d{2})"),
    "month": re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})"),
    "point": re.compile(r"(?P<d>\d{4}-\d{2}-\d{2})"),
    "cumulative": re.compile(r"(?P<s>\d{4}-\d{2}-\d{2})?\.\.(?P<e>\d{4}-\d{2}-\d{2})"),
    "edition": re.compile(r"ed(?P<n>\d{1,2})"),
    "target": re.compile(r"(?P<y1>\d{4})\.\.(?P<y2>\d{4})"),
}


def _month_end(y: int, m: int) -> date:
    return (pd.Timestamp(year=y, month=m, day=1) + pd.offsets.MonthEnd(0)).date()


def check_period(period_type: str, period: str, start: date | None, end: date) -> str | None:
    """Return a problem description if the label, type and dates disagree, else None."""
    m = PERIOD_FORMS[period_type].fullmatch(period)
    if not m:
        return f"period {period!r} is not of the form used for period_type {period_type!r}"
    if start is not None and start > end:
        return f"period_start {start} is after period_end {end}"
    g = m.groupdict()
    if period_type == "year":
        y = int(g["y"])
        if (start, end) != (date(y, 1, 1), date(y, 12, 31)):
            return f"a full year {y} must run from {y}-01-01 to {y}-12-31"
    elif period_type == "ytd":
        y1, m1, y2, m2 = int(g["y1"]), int(g["m1"]), int(g["y2"]), int(g["m2"])
        if y1 != y2 or not 1 <= m1 <= m2 <= 12:
            return "a year-to-date period must stay within one year, months in order"
        if m1 == 1 and m2 == 12:
            return "January to December is a full year: use period_type 'year'"
        if start != date(y1, m1, 1) or end != _month_end(y2, m2):
            return f"dates must be {date(y1, m1, 1)} and {_month_end(y2, m2)} for {period}"
    elif period_type == "month":
        y, mth = int(g["y"]), int(g["m"])
        if not 1 <= mth <= 12 or (start, end) != (date(y, mth, 1), _month_end(y, mth)):
            return f"a month {period} must run from its first to its last day"
    elif period_type == "point":
        d = date.fromisoformat(g["d"])
        if start not in (None, d) or end != d:
            return f"a point in time must have period_end (and any period_start) equal to {d}"
    elif period_type == "cumulative":
        e = date.fromisoformat(g["e"])
        s = date.fromisoformat(g["s"]) if g["s"] else None
        if end != e or start != s:
            return f"dates must match the label {period} (start {s or 'empty'}, end {e})"
    elif period_type == "edition":
        if (
            start is None
            or start.year != end.year
            or (start.month, start.day) != (1, 1)
            or (end.month, end.day) != (12, 31)
        ):
            return "an edition is dated by the calendar year it was announced (YYYY-01-01 to YYYY-12-31)"
    elif period_type == "target":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if (start, end) != (date(y1, 1, 1), date(y2, 12, 31)):
            return f"a plan period {period} must run from {y1}-01-01 to {y2}-12-31"
    return None


def same_address(url: str) -> str:
    """An address with what does not change the page taken off: scheme, default port, 'www.', a trailing slash."""
    u = re.sub(r"^https?://", "", url.strip(), flags=re.IGNORECASE)
    u = re.sub(r"^(www\.)", "", u, flags=re.IGNORECASE)
    host, _, rest = u.partition("/")
    host = re.sub(r":(80|443)$", "", host.lower())
    return host + "/" + rest.rstrip("/")


def _extra_checks(tables: dict[str, list[dict]], labels: dict[str, str], problems: list[Problem]):
    indicators = {r["indicator"]: r for r in tables.get("indicators", []) if r.get("indicator")}
    for r in tables.get("indicators", []):
        unit = r.get("unit")
        if unit and unit not in UNITS:
            problems.append(Problem(labels["indicators"], r["__line__"], "unit", f"unknown unit {unit!r}"))
        lo, hi = r.get("min_plausible"), r.get("max_plausible")
        if lo is not None and hi is not None and lo > hi:
            problems.append(Problem(labels["indicators"], r["__line__"], "max_plausible", "is below min_plausible"))
    for r in tables.get("regions", []):
        if r.get("level") == "country" and r.get("parent"):
            problems.append(Problem(labels["regions"], r["__line__"], "parent", "a country has no parent"))
    lab = labels.get("observations")
    for r in tables.get("observations", []):
        if not r["__ok__"]:
            continue
        line = r["__line__"]
        ind = indicators.get(r["indicator"])
        unit = r["unit"]
        if unit not in UNITS:
            problems.append(
                Problem(
                    lab,
                    line,
                    "unit",
                    f"unknown unit {unit!r} (add it to src/helpers/units.py if the source really prints it)",
                )
            )
        elif ind is not None and ind["unit"] in UNITS:
            try:
                v = convert(r["value"], unit, ind["unit"])
            except UnitError:
                problems.append(
                    Problem(
                        lab,
                        line,
                        "unit",
                        f"{unit!r} ({dimension(unit)}) cannot express indicator "
                        f"{r['indicator']!r}, measured in {ind['unit']!r} ({dimension(ind['unit'])})",
                    )
                )
            else:
                lo, hi = ind["min_plausible"], ind["max_plausible"]
                if not lo <= v <= hi:
                    problems.append(
                        Problem(
                            lab,
                            line,
                            "value",
                            f"{r['value']:g} {unit} is outside the plausible range "
                            f"{lo:g}–{hi:g} {ind['unit']} for {r['indicator']!r}",
                        )
                    )
        if ind is not None and r["basis"] not in ind["bases"].split(";"):
            problems.append(
                Problem(
                    lab, line, "basis", f"{r['basis']!r} is not a basis of {r['indicator']!r} (allowed: {ind['bases']})"
                )
            )
        why = check_period(r["period_type"], r["period"], r.get("period_start"), r["period_end"])
        if why:
            problems.append(Problem(lab, line, "period", why))
        bad = label_problem(r)
        if bad:
            problems.append(Problem(lab, line, *bad))
    lab = labels.get("sources")
    first_seen: dict[str, tuple[int, str]] = {}
    for r in tables.get("sources", []):
        if not r.get("url"):
            continue
        key = same_address(r["url"])
        if key in first_seen:
            line, sid = first_seen[key]
            problems.append(
                Problem(
                    lab,
                    r["__line__"],
                    "url",
                    f"the same address as {sid!r} on line {line}: one page "
                    "is one source (merge the two ids, keeping every value and event)",
                )
            )
        else:
            first_seen[key] = (r["__line__"], r.get("source_id", ""))
    lab = labels.get("claims")
    for r in tables.get("claims", []):
        if not r["__ok__"]:
            continue
        codes = [c for c in (r.get("indicators") or "").split(";") if c]
        for c in codes:
            if c not in indicators:
                problems.append(Problem(lab, r["__line__"], "indicators", f"unknown indicator {c!r}"))
        if not codes and not r.get("no_indicator_reason"):
            problems.append(
                Problem(lab, r["__line__"], "indicators", "names no indicator and gives no no_indicator_reason")
            )
        if r.get("stated_value") is None and (r["kind"] != "rank" or r.get("stated_unit")):
            problems.append(
                Problem(
                    lab,
                    r["__line__"],
                    "stated_value",
                    "may be empty only for a qualitative rank claim with no stated_unit",
                )
            )
        if r.get("stated_unit") and r["stated_unit"] not in UNITS:
            problems.append(Problem(lab, r["__line__"], "stated_unit", f"unknown unit {r['stated_unit']!r}"))
        ptype = {"ed": "edition"}.get(r["period"][:2]) or next(
            (
                t
                for t in ("year", "month", "point", "cumulative", "ytd", "target")
                if PERIOD_FORMS[t].fullmatch(r["period"])
            ),
            None,
        )
        why = (
            check_period(ptype, r["period"], r.get("period_start"), r["period_end"]) if ptype else "unrecognised period"
        )
        if why:
            problems.append(Problem(lab, r["__line__"], "period", why))


PRECISION_FORMS = {"year": r"[0-9]{4}", "month": r"[0-9]{4}-[0-9]{2}", "day": r"[0-9]{4}-[0-9]{2}-[0-9]{2}"}


def _partial_date(s: str) -> tuple[date, date] | str:
    """The first and last day a date written YYYY, YYYY-MM or YYYY-MM-DD can mean, or what is wrong."""
    parts = s.split("-")
    try:
        if len(parts) == 3:
            d = _parse_date(s)
            return d, d
        y = int(parts[0])
        if len(parts) == 2:
            m = int(parts[1])
            if not 1 <= m <= 12:
                return f"{s!r} is not a real month (there is no month {m})"
            return date(y, m, 1), _month_end(y, m)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError as e:
        return str(e)


def _dates_and_files(root: Path, tables, labels, problems):
    """What a schema cannot say: an event's date fits its precision; no source is published after it was
    read or in the future; every claim's page exists."""
    today = date.today()
    for r in tables.get("events", []):
        if not r.get("__ok__") or not r.get("date"):
            continue
        prec, d = r.get("date_precision"), r["date"]
        if prec in PRECISION_FORMS and not re.fullmatch(PRECISION_FORMS[prec], d):
            have = next((k for k, f in PRECISION_FORMS.items() if re.fullmatch(f, d)), None)
            problems.append(
                Problem(
                    labels["events"],
                    r["__line__"],
                    "date",
                    f"{d!r} is written to the {have or 'wrong'} but date_precision is {prec!r} "
                    f"(a {prec} is written {dict(year='YYYY', month='YYYY-MM', day='YYYY-MM-DD')[prec]})",
                )
            )
            continue
        span = _partial_date(d)
        if isinstance(span, str):
            problems.append(Problem(labels["events"], r["__line__"], "date", span))
    for r in tables.get("sources", []):
        if not r.get("__ok__") or not r.get("date_published"):
            continue
        span = _partial_date(r["date_published"])
        if isinstance(span, str):
            problems.append(Problem(labels["sources"], r["__line__"], "date_published", span))
            continue
        first, accessed = span[0], r.get("date_accessed")
        if accessed is not None and first > accessed:
            problems.append(
                Problem(
                    labels["sources"],
                    r["__line__"],
                    "date_published",
                    f"{r['date_published']} is after date_accessed {accessed} (a source cannot be "
                    "published after it was read: is a digit wrong?)",
                )
            )
        elif first > today:
            problems.append(
                Problem(
                    labels["sources"],
                    r["__line__"],
                    "date_published",
                    f"{r['date_published']} is in the future (today is {today})",
                )
            )
    for r in tables.get("sources", []):
        if r.get("__ok__") and r.get("date_accessed") and r["date_accessed"] > today:
            problems.append(
                Problem(
                    labels["sources"],
                    r["__line__"],
                    "date_accessed",
                    f"{r['date_accessed']} is in the future (today is {today})",
                )
            )
    for r in tables.get("claims", []):
        nb = r.get("notebook")
        if r.get("__ok__") and nb and not (root / nb).is_file():
            problems.append(
                Problem(
                    labels["claims"],
                    r["__line__"],
                    "notebook",
                    f"{nb} does not exist (the claim's page; is the path or the file name wrong?)",
                )
            )
    for r in tables.get("claims", []):
        for col in ("no_indicator_reason", "settling_record"):  # the Chinese edition's text of each
            if r.get("__ok__") and bool(r.get(col)) != bool(r.get(f"{col}_zh")):
                why = (
                    f"empty, but {col} has text: the Chinese edition needs its translation"
                    if r.get(col)
                    else f"has text, but {col} is empty"
                )
                problems.append(Problem(labels["claims"], r["__line__"], f"{col}_zh", why))
    for r in tables.get("wordings", []):
        if r.get("__ok__") and bool(r.get("differs")) != bool(r.get("differs_zh")):  # the Chinese edition's text
            why = (
                "empty, but differs has text: the Chinese edition needs its translation"
                if r.get("differs")
                else "has text, but differs is empty"
            )
            problems.append(Problem(labels["wordings"], r["__line__"], "differs_zh", why))
    for r in tables.get("claims", []):
        if not r.get("__ok__") or r.get("stated_value") is None:
            continue
        printed = r.get("printed_zh") or ""
        if not printed:
            problems.append(
                Problem(
                    labels["claims"],
                    r["__line__"],
                    "printed_zh",
                    "required where the claim states a value: its term and figure as the article "
                    "prints them (e.g. 连续18年, 近90%)",
                )
            )
        elif r.get("stated_unit") != "名" and _printed_digits(r["stated_value"]) not in printed:
            problems.append(
                Problem(
                    labels["claims"],
                    r["__line__"],
                    "printed_zh",
                    f"{printed!r} does not show the stated value {_printed_digits(r['stated_value'])} "
                    "(the label is the figure as printed: is a digit wrong?)",
                )
            )


def _printed_digits(v: float) -> str:
    """A stated value as the article prints its digits: 114.0 -> '114', 100.46 -> '100.46'."""
    v = float(v)
    return str(int(v)) if v.is_integer() else repr(v)


# Values of one indicator, region, period and basis from different sources may disagree (sources round,
# revise, count a little differently; the book shows both). A disagreement beyond these factors is not a
# difference of counting but of scale: a value typed in the wrong unit (27.92 with 件 where the source
# prints 27.92万件) or a slipped digit.
CONFLICT_FACTOR = 3.0
# One year of a yearly series that is this many times above or below each neighbouring year (both, where
# there are two; a first or last year with one neighbour must be ENDPOINT_FACTOR times off).
JUMP_FACTOR = 10.0
ENDPOINT_FACTOR = 100.0


def _ratio(a: float, b: float) -> float:
    lo, hi = sorted((abs(a), abs(b)))
    return float("inf") if lo == 0 else hi / lo


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.4g}"


def _as(r: dict, v: float, unit: str) -> str:
    """The value as printed, and in the indicator's unit when that differs."""
    shown = f"{r['value']:g} {r['unit']}"
    return shown if r["unit"] == unit else f"{shown} (= {_fmt(v)} {unit})"


def _cross_source_checks(tables, labels, problems):
    """Same indicator, region, period and basis from different sources; jumps in a yearly series."""
    lab = labels.get("observations")
    indicators = {r["indicator"]: r for r in tables.get("indicators", []) if r.get("indicator")}
    groups: dict[tuple, list[tuple[dict, float]]] = {}
    for r in tables.get("observations", []):
        ind = indicators.get(r.get("indicator"))
        if not r.get("__ok__") or ind is None or r["unit"] not in UNITS or ind["unit"] not in UNITS:
            continue
        try:
            v = convert(r["value"], r["unit"], ind["unit"])
        except UnitError:
            continue
        groups.setdefault((r["indicator"], r["region"], r["period"], r["basis"]), []).append((r, v))
    for (indicator, _region, _period, _basis), rows in groups.items():
        unit = indicators[indicator]["unit"]
        for i, (b, vb) in enumerate(rows):
            for a, va in rows[:i]:  # a is the earlier line
                if a["source_id"] != b["source_id"] and _ratio(va, vb) > CONFLICT_FACTOR:
                    problems.append(
                        Problem(
                            lab,
                            a["__line__"],
                            "value",
                            f"{_as(a, va, unit)} from {a['source_id']} and {_as(b, vb, unit)} from {b['source_id']} "
                            f"on line {b['__line__']} differ {_ratio(va, vb):,.0f}-fold for the same indicator, region, "
                            f"period and basis (more than {CONFLICT_FACTOR:g}-fold is not a difference of counting); "
                            "is a unit wrong (件 or 万件, 元 or 亿元)?",
                        )
                    )
    # yearly series: one indicator, region and basis, full years only
    series: dict[tuple, dict[int, list[tuple[dict, float]]]] = {}
    for (indicator, region, period, basis), rows in groups.items():
        for r, v in rows:
            if r["period_type"] == "year":
                series.setdefault((indicator, region, basis), {}).setdefault(int(period), []).append((r, v))
    for (indicator, _region, _basis), years in series.items():
        unit = indicators[indicator]["unit"]
        for y, rows in years.items():
            near = {n: sorted(v for _, v in years[n])[len(years[n]) // 2] for n in (y - 1, y + 1) if n in years}
            if not near:
                continue
            factor = JUMP_FACTOR if len(near) == 2 else ENDPOINT_FACTOR
            for r, v in rows:
                if all(_ratio(v, nv) > factor for nv in near.values()):
                    around = " and ".join(f"{_fmt(nv)} {unit} in {n}" for n, nv in near.items())
                    problems.append(
                        Problem(
                            lab,
                            r["__line__"],
                            "value",
                            f"{_as(r, v, unit)} for {y} jumps more than {factor:g} times "
                            f"against the neighbouring years ({around}) of the same series; is the unit or a digit wrong?",
                        )
                    )


def _check_foreign_keys(resources, tables, labels, problems, skip=frozenset()):
    for res in resources:
        for fk in res["schema"].get("foreignKeys", []):
            (col,), target = fk["fields"], fk["reference"]
            if target["resource"] in skip:
                continue
            (tcol,) = target["fields"]
            known = {r.get(tcol) for r in tables.get(target["resource"], [])}
            for r in tables.get(res["name"], []):
                v = r.get(col)
                if v is not None and v not in known:
                    problems.append(
                        Problem(
                            labels[res["name"]],
                            r["__line__"],
                            col,
                            f"{v!r} is not a {tcol} in data/{target['resource']}.csv",
                        )
                    )


# --------------------------------------------------------------------------- public API


def _descriptor(root: Path, problems: list[Problem]) -> dict | None:
    """The package descriptor, or None with the problem (file, line) recorded."""
    label = f"data/{DESCRIPTOR}"
    try:
        text = (root / "data" / DESCRIPTOR).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(Problem(label, None, None, "the file is missing"))
        return None
    try:
        desc = json.loads(text)
    except json.JSONDecodeError as e:
        problems.append(
            Problem(label, e.lineno, None, f"is not valid JSON: {e.msg} (at character {e.colno} of the line)")
        )
        return None

    def line_of(needle: str) -> int | None:
        i = text.find(needle)
        return text.count("\n", 0, i) + 1 if i >= 0 else None

    resources = desc.get("resources") if isinstance(desc, dict) else None
    if not isinstance(resources, list) or not resources:
        problems.append(Problem(label, line_of('"resources"') or 1, "resources", "must be a non-empty list of tables"))
        return None
    ok = True
    for i, res in enumerate(resources):
        name = res.get("name") if isinstance(res, dict) else None
        where = line_of(f'"name": "{name}"') if name else None
        fields = (res.get("schema") or {}).get("fields") if isinstance(res, dict) else None
        if not name or not res.get("path") or not isinstance(fields, list) or not fields:
            problems.append(
                Problem(
                    label, where, f"resources[{i}]", "a table needs a name, a path and a schema with a list of fields"
                )
            )
            ok = False
            continue
        for f in fields:
            if not isinstance(f, dict) or "name" not in f:
                problems.append(Problem(label, where, f"resources[{i}].schema.fields", "every field needs a name"))
                ok = False
            elif f.get("type", "string") not in PARSERS:
                problems.append(
                    Problem(
                        label,
                        line_of(f'"name": "{f["name"]}"') or where,
                        f["name"],
                        f"type {f.get('type')!r} is not one this book uses ({', '.join(PARSERS)})",
                    )
                )
                ok = False
    return desc if ok else None


def _run(root: Path) -> tuple[list[Problem], dict | None, dict[str, list[dict]]]:
    problems: list[Problem] = []
    desc = _descriptor(root, problems)
    if desc is None:
        return problems, None, {}
    tables, labels = {}, {}
    for res in desc["resources"]:
        tables[res["name"]], labels[res["name"]] = _check_resource(res, root, problems)
    unreadable = {n for n, t in tables.items() if t is None}
    tables = {n: t or [] for n, t in tables.items()}
    _check_foreign_keys(desc["resources"], tables, labels, problems, skip=unreadable)
    _extra_checks(tables, labels, problems)
    _dates_and_files(root, tables, labels, problems)
    _cross_source_checks(tables, labels, problems)
    return problems, desc, tables


def problems_in(root: Path | None = None) -> list[Problem]:
    """Every problem in the package at ``root`` (empty when it is valid)."""
    return _run(Path(root) if root is not None else repo_root())[0]


def validate_package(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """Validate every table; return typed DataFrames or raise :class:`DataValidationError`."""
    problems, desc, tables = _run(Path(root) if root is not None else repo_root())
    if problems:
        raise DataValidationError(problems)
    return {res["name"]: _frame(res, tables[res["name"]]) for res in desc["resources"]}


def _frame(resource: dict, records: list[dict]) -> pd.DataFrame:
    cols = [f["name"] for f in resource["schema"]["fields"]]
    df = pd.DataFrame([{c: r.get(c) for c in cols} for r in records], columns=cols)
    for f in resource["schema"]["fields"]:
        n, t = f["name"], f.get("type", "string")
        if t == "number":
            df[n] = df[n].astype("float64")
        elif t == "integer":
            df[n] = df[n].astype("Int64")
        elif t == "date":
            df[n] = pd.to_datetime(df[n])
        elif t == "boolean":
            df[n] = df[n].astype(bool)
        else:
            df[n] = df[n].fillna("").astype(str)
    return df


@lru_cache(maxsize=4)
def _cached(root: str, stamp: tuple) -> dict[str, pd.DataFrame]:
    return validate_package(Path(root))


def _validated(root: Path | None) -> dict[str, pd.DataFrame]:
    """The cached validated tables themselves (callers must not modify them)."""
    root = Path(root) if root is not None else repo_root()
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in (root / "data").glob("*.*")))
    return _cached(str(root), stamp)


def _note_table(name: str) -> None:
    note_read(f"file:data/{name}.csv", f"schema:{name}")


def load_package(root: Path | None = None) -> dict[str, pd.DataFrame]:
    """Validated tables by name (cached per process while the files are unchanged); copies, safe to modify."""
    pkg = _validated(root)
    for name in pkg:
        _note_table(name)
    return {k: v.copy() for k, v in pkg.items()}


def load_table(name: str, root: Path | None = None, where: dict | None = None) -> pd.DataFrame:
    """One validated table (a copy): cheaper than ``load_package`` when a page needs only one.

    ``where={"indicator": "pct_applications"}`` keeps the rows whose column holds that value (or one of a
    list or set of values); the build then re-executes the page only when those rows change."""
    pkg = _validated(root)
    if name not in pkg:
        raise KeyError(f"no table {name!r} in data/{DESCRIPTOR} (tables: {', '.join(pkg)})")
    t = pkg[name]
    if not where:
        _note_table(name)
        return t.copy()
    keep = pd.Series(True, index=t.index)
    for column, value in where.items():
        values = sorted(value) if isinstance(value, (set, frozenset, list, tuple)) else [value]
        note_read(f"schema:{name}", *(rows_key(name, column, v) for v in values))
        keep &= t[column].isin(values)
    return t[keep].copy()
