"""The Outlook overview page (chapters/outlook/00-overview.ipynb): the chapter's findings in brief."""

from __future__ import annotations

from ..data import load_table
from ..gluing import glue
from ..i18n import say, zh
from ..protection.bilingual import commas
from . import first_by_figures, plan_targets, plural, streak_statements

LATER_YEARS = (2022, 2023, 2024)


def glue_findings() -> None:
    """The numbers of the "In brief" list: targets reached, years Shenzhen is first in grants by the
    figures, the claimant's latest PCT streak count; and how many claims the closing paragraph makes."""
    claims = load_table("claims")
    n = int((claims["section"] == "outlook").sum())
    glue("o_n_claims", say(zh("no quantitative claim")) if n == 0 else plural(n, "quantitative claim"))
    have = plan_targets().query("status != 'no later value found'")
    glue("o_targets", plural(len(have), "plan target"))
    glue("o_reached", int((have["status"] == "target reached").sum()))
    ps = streak_statements("pct_streak_years", since=2022)
    last = ps[ps["year"] == ps["year"].max()]
    glue("o_pct_year", int(last["year"].iloc[0]))
    glue("o_pct_n", int(last["value_std"].iloc[0]))
    years = [y for y in LATER_YEARS if first_by_figures("patent_grants", y)[0]]
    glue("o_grants_years", commas(years))
