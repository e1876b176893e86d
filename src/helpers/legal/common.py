"""What the legal pages share: the house style (set when a page module is imported), each page's claim
from the ledger, and the streak pages' year-by-year evidence, counts and table (patent grants and PCT
applications use one streak check and one presentation of it)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import names as plain
from ..chart_words import joined
from ..data import load_table
from ..evidence import claim, observations, region_names
from ..i18n import say, zh
from ..style import use_house_style
from ..tables import show_table
from ..verdicts import AGREES, CONTRADICTS, INDIRECT
from .checks import CITY, claim_streak_evidence, streak_indicators, streak_years

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


STATUS_TEXT = {
    # TRANSLATORS: a year of a streak, in the year-by-year table
    AGREES: zh("shown by an independent figure or ranking"),
    # TRANSLATORS: a year of a streak, in the year-by-year table
    INDIRECT: zh("indirect independent support"),
    # TRANSLATORS: a year of a streak, in the year-by-year table
    CONTRADICTS: zh("contradicted by independent figures"),
    # TRANSLATORS: a year of a streak, in the year-by-year table
    None: zh("no independent evidence"),
}

# the year-by-year table's column headers
YEAR = zh("Year")
# TRANSLATORS: column: what independent evidence shows for the year
STATUS = zh("Independent evidence")
# TRANSLATORS: column: the detail of that evidence
DETAIL = zh("Detail")
# TRANSLATORS: column: the year-to-date (年内累计) tables of a source independent of Shenzhen in which Shenzhen leads
YTD = zh("Independent year-to-date tables where Shenzhen leads")
# TRANSLATORS: column: how many statements by independent publications ("first for N years running") cover the year
STATEMENTS = zh("Independent streak statements")
# TRANSLATORS: column: whether Shenzhen's own statements or figures say it was first that year ("yes" or empty)
CLAIMANT = zh("Claimant's own statements or figures")
# TRANSLATORS: a table cell: yes
YES = zh("yes")
# TRANSLATORS: a table cell: no
NO = zh("no")


def streak_table(detail: pd.DataFrame) -> pd.DataFrame:
    """The year-by-year evidence of a streak, in plain words for a page (cells in every edition)."""
    return pd.DataFrame(
        {
            YEAR: detail["year"],
            STATUS: [say(STATUS_TEXT[s if isinstance(s, str) else None]) for s in detail["status"]],
            DETAIL: detail["note"],
            YTD: [joined(plain.period(p, "ytd") for p in ps) for ps in detail["ahead_year_to_date"]],
            STATEMENTS: detail["independent_statements"],
            CLAIMANT: [say(YES) if c else "" for c in detail["claimant"]],
        }
    )


def implied_starts(streak_indicator: str) -> pd.DataFrame:
    """Start years implied by streak statements ('first for N years running' in year Y starts in Y-N+1)."""
    o = observations(streak_indicator, regions=CITY)
    return pd.DataFrame(
        {
            "year": o["year"].astype(int),
            "years_running": o["value_std"].astype(int),
            "start": (o["year"] - o["value_std"] + 1).astype(int),
            "source_id": o["source_id"],
            "relation": o["relation"],
            "after_article": o["after_article"],
        }
    )
