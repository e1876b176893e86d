"""What the legal pages share: the house style (set when a page module is imported), each page's claim
from the ledger, and the streak pages' year-by-year evidence, counts and table (patent grants and PCT
applications use one streak check and one presentation of it)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..data import load_table
from ..evidence import claim, region_names
from ..style import use_house_style
from ..tables import show_table
from ..verdicts import AGREES, INDIRECT
from .checks import claim_streak_evidence, streak_indicators, streak_table, streak_years

use_house_style()


@cache
def names() -> dict[str, str]:
    """Region key → 'Shenzhen 深圳', for legends and labels."""
    return region_names()


@cache
def page_claim(notebook: str) -> pd.Series:
    """The ledger row of the claim whose page is ``notebook`` (its path from the repository root)."""
    cl = load_table("claims")
    ids = cl.loc[cl["notebook"] == notebook, "claim_id"]
    if len(ids) != 1:
        raise KeyError(f"data/claims.csv has {len(ids)} claims for {notebook}, expected one")
    row = claim(ids.iloc[0]).copy()
    row["claim_id"] = ids.iloc[0]
    return row


@cache
def streak(notebook: str) -> tuple[list[int], pd.DataFrame]:
    """The years a page's streak claim implies, and the evidence for each (one row a year)."""
    c = page_claim(notebook)
    _, ev = claim_streak_evidence(c)
    return streak_years(c), ev


def streak_indicator(notebook: str) -> str:
    """The "first for N years running" indicator of the page's streak claim."""
    return streak_indicators(page_claim(notebook))[1]


def streak_counts(ev: pd.DataFrame) -> dict[str, int]:
    """How many years of a streak each kind of evidence carries (the kinds a page's findings list)."""
    ytd = ev["ahead_year_to_date"].map(bool)
    none = ev["status"].isna()
    return {
        "shown": int((ev["status"] == AGREES).sum()),
        "indirect": int((ev["status"] == INDIRECT).sum()),
        "ytd": int(((ev["status"] == INDIRECT) & ytd).sum()),
        "statements_only": int(((ev["status"] == INDIRECT) & ~ytd).sum()),
        "claimant_only": int((none & ev["claimant"]).sum()),
        "none": int((none & ~ev["claimant"]).sum()),
    }


def year_table(notebook: str) -> None:
    """The year-by-year table of a streak page."""
    show_table(streak_table(streak(notebook)[1]))
