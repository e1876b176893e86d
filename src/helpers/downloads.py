"""The data a reader downloads under a chart: a clean table, not the frame the chart was drawn from.

Each row says what was measured, for whom, when, the value and its unit as printed, which outlet printed it,
the address of the page that was read and the label to search that page for. Codes from ``data/`` become
words (``helpers.names``); source ids become the outlet and the address; working notes, standardised values
and internal flags are left out. Frames that do not list observations (a coverage map, a count of verdicts)
keep their columns under plain names. The raw package stays on the data page.
"""

from __future__ import annotations

import re

import pandas as pd

from . import names
from .data import load_table
from .i18n import say, zh

UNATTRIBUTED = "an unattributed web page"
# the columns of observations.csv a chart's data download keeps (tidy() renames them and drops working ones)
OBSERVATION_COLUMNS = [
    "indicator",
    "region",
    "period",
    "period_type",
    "qualifier",
    "value",
    "unit",
    "value_std",
    "basis",
    "note",
    "source_id",
    "relation",
    "after_article",
]

# columns that are working material, never shown: notes, standardised values, keys, internal flags
DROP = {
    "note",
    "value_std",
    "event_id",
    "claim_id",
    "period_type",
    "date_precision",
    "period_end",
    "start_end",
    "latest_end",
    "source_id",
    "outlet",
    "printed_label",
    "claimant_detail",
    "multiple",
    "elapsed",
}
# plain names for the columns that stay (others: underscores become spaces)
RENAME = {
    "name_en": "name",
    "name_zh": "name (Chinese)",
    "paragraph": "article paragraph",
    "article_unit": "article's unit",
    "article": "article's figure",
    "share_percent": "share (%)",
    "values_held": "values held",
    "indicator_name": "measure",
    "after": "after the article",
    "at_least": "at least",
}


def observation_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The observation columns of ``frame`` that a chart's download keeps (``OBSERVATION_COLUMNS``)."""
    return frame[[c for c in OBSERVATION_COLUMNS if c in frame.columns]]


def clean_outlet(outlet: str) -> str:
    """An outlet as credited, without the transcriber's notes in brackets ('Xinhua (citing CCTV)' -> 'Xinhua')."""
    out = re.sub(r"\s*[(（][^()（）]*[)）]", "", str(outlet)).strip()
    return out or str(outlet).strip()


def outlet_words(row) -> str:
    """Who printed a value, for a reader: the original outlet, with the site it was read on where that is a
    publisher in its own right (an official site or a named outlet); an unattributed page is called one."""
    if row["tier"] == "unattributed":
        return UNATTRIBUTED
    outlet = clean_outlet(row["outlet"])
    publisher = clean_outlet(row["publisher"]) if row["publisher"] else ""
    if row["tier"] in ("official", "media") and publisher and publisher != outlet:
        # TRANSLATORS: who printed a value: the original outlet, and the site it was read on
        return say(zh("{outlet}, on {publisher}"), outlet=outlet, publisher=publisher)
    return outlet


# TRANSLATORS: why a value has no printed label to search for
NOT_ON_COPY = zh("not on the stored copy of this page")
# TRANSLATORS: why a value has no printed label, when another page prints it
NOT_ON_COPY_ELSEWHERE = zh("not on the stored copy of this page; the same value is printed on another page we read")


def missing_label(note: str) -> str:
    """Why a value has no printed label, in one phrase (the full working note stays in observations.csv); a
    Words."""
    if re.search(r"value confirmed|values confirmed|same .* figures are printed", note):
        return say(NOT_ON_COPY_ELSEWHERE)
    return say(NOT_ON_COPY)


def _period(row) -> str:
    p = row.get("period")
    if p is None or p != p or p == "":
        for k in ("year", "date", "period_end"):
            v = row.get(k)
            if v is not None and v == v and v != "":
                return str(v)[:10] if k == "period_end" else str(v)
        return ""
    pt = row.get("period_type")
    if isinstance(pt, str) and pt:
        return names.period(str(p), pt)
    return names.note(str(p))


def _labels(df: pd.DataFrame) -> list[str]:
    """The printed label of each row: its observation's label, found by every key the row has."""
    keys = [k for k in ("source_id", "indicator", "region", "period", "basis") if k in df.columns]
    ids = set(df["source_id"].dropna().astype(str))
    o = load_table("observations", where={"source_id": ids})
    out = []
    for _, r in df.iterrows():
        m = o
        for k in keys:
            m = m[m[k].astype(str) == str(r[k])]
        if "value" in df.columns and len(m) > 1 and pd.notna(pd.to_numeric(r["value"], errors="coerce")):
            same = m[pd.to_numeric(m["value"], errors="coerce") == float(r["value"])]
            m = same if len(same) else m
        labels = [x or missing_label(n) for x, n in zip(m["printed_label"], m["label_missing"])]
        labels = list(dict.fromkeys(labels))
        out.append(" | ".join(labels) if len(labels) <= 3 else "")
    return out


def _credit(source_ids: pd.Series) -> tuple[list[str], list[str]]:
    """The outlet (in words) and the address of each source id; blank where a row has none."""
    sids = ["" if s is None or s != s else str(s) for s in source_ids]
    src = load_table("sources", where={"source_id": set(sids) - {""}}).set_index("source_id")
    outlets = [outlet_words(src.loc[s]) if s in src.index else "" for s in sids]
    return outlets, [src.loc[s, "url"] if s in src.index else "" for s in sids]


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """The reader's table for a chart's data frame (see the module's docstring)."""
    if df.empty:
        return df
    df = df.reset_index(drop=True)
    out = pd.DataFrame(index=df.index)
    regions = names.regions()
    indicators = names.indicators()
    observations = "source_id" in df.columns and ("value" in df.columns or "printed_label" in df.columns)
    for col in df.columns:
        v = df[col]
        if col == "region":
            out["entity"] = [regions.get(x, x) for x in v]
        elif col == "indicator":
            out["measure"] = [indicators.get(x, x) for x in v]
        elif col == "period" or (col in ("year", "date") and "period" not in df.columns and observations):
            out["period"] = [_period(r) for _, r in df.iterrows()]
        elif col == "basis":
            out["basis"] = [names.basis(x) if isinstance(x, str) and x else "" for x in v]
        elif col == "qualifier":
            out["qualifier"] = [names.QUALIFIER.get(x, x) if isinstance(x, str) else "" for x in v]
        elif col == "relation":
            out["who speaks"] = [names.relation(x) if isinstance(x, str) and x in names.RELATION else "" for x in v]
        elif col in ("after_article", "after"):
            out["after the article"] = ["yes" if x is True or x == "True" else "no" if x is False else "" for x in v]
        elif col == "section":
            out["section of the article"] = [str(x).capitalize() for x in v]
        elif col in DROP or col.endswith("_id"):
            continue
        elif col.endswith("_source"):  # the source of one part of a computed value (shenzhen_source, stock_source)
            part = regions.get(col[: -len("_source")], col[: -len("_source")].replace("_", " "))
            out[f"{part}: source outlet"], out[f"{part}: address"] = _credit(v)
        else:
            out[RENAME.get(col, col.replace("_", " "))] = v
    if "source_id" in df.columns:
        out["source outlet"], out["address"] = _credit(df["source_id"])
        out["printed label"] = _labels(df)
    if "year" in out.columns and "period" in out.columns and (out["period"] == out["year"].astype(str)).all():
        out = out.drop(columns="year")
    for col in out.columns:
        v = out[col]
        if v.dtype == bool or (v.dtype == object and v.map(lambda x: isinstance(x, bool)).all()):
            out[col] = ["yes" if x else "no" for x in v]  # flags as words
        elif pd.api.types.is_float_dtype(v):
            whole = v.dropna()
            keep = v if col == "value" else v.round(3)  # a value as printed; ratios and shares to 3 decimals
            out[col] = v.astype("Int64") if len(whole) and (whole == whole.round()).all() else keep
        elif col == "kind":
            out[col] = [x.replace("_", " ") if isinstance(x, str) else x for x in v]
    front = [c for c in ("entity", "measure", "period", "value", "unit") if c in out.columns]
    return out[front + [c for c in out.columns if c not in front]]
