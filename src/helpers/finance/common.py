"""What the finance pages share: the page's claims from the ledger, dates on a year axis, the columns a
chart's data download keeps, how long a wait reads in words."""

from __future__ import annotations

import pandas as pd

from ..data import load_table
from ..downloads import OBSERVATION_COLUMNS

CHART_COLUMNS = OBSERVATION_COLUMNS  # the columns of the observations a chart's data download keeps


def page_rows(notebook: str) -> pd.DataFrame:
    """The ledger rows of the claims a page checks (its ``notebook`` column), in the ledger's order."""
    cl = load_table("claims")
    return cl[cl["notebook"] == notebook].reset_index(drop=True)


def row_about(rows: pd.DataFrame, indicator: str) -> pd.Series:
    """The one claim among ``rows`` whose first indicator is ``indicator``."""
    first = rows["indicators"].fillna("").str.split(";").str[0]
    found = rows[first == indicator]
    if len(found) != 1:
        raise LookupError(f"{len(found)} claims on the page are about {indicator!r}; expected one")
    return found.iloc[0]


def yearfrac(ts: pd.Timestamp) -> float:
    """A date as a position on a year axis (2021-07-02 -> about 2021.5)."""
    return ts.year + (ts.day_of_year - 1) / 365


def sizes(days: float) -> str:
    """How long a wait reads in plain words: 'days', 'weeks', 'months', 'over a year'."""
    if days < 14:
        return "days"
    if days < 90:
        return "weeks"
    if days < 365:
        return "months"
    return "over a year"
