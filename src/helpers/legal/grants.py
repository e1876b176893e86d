"""The patent-grants page (chapters/legal/01-patent-grants.ipynb): Shenzhen against its peers, year by year."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..charts import publish_chart
from ..downloads import observation_columns
from ..evidence import observations, per_year
from ..gluing import glue
from ..i18n import say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, label_axes, mark_article, new_figure
from ..tables import show_sources
from ..verdicts import plural
from . import common
from .checks import streak_indicators
from .words import years as year_list

__all__ = [
    "claim_box",
    "verdict_box",
    "conflict",
    "glue_conflict",
    "glue_findings",
    "cities_chart",
    "year_table",
    "invention_chart",
    "glue_growth",
    "sources",
]

NOTEBOOK = "chapters/legal/01-patent-grants.ipynb"
PEERS = ["shenzhen", "beijing", "shanghai", "guangzhou", "suzhou", "hangzhou"]
SPAN = range(2015, 2025)


def years() -> list[int]:
    return common.streak(NOTEBOOK)[0]


@cache
def grants() -> pd.DataFrame:
    """Yearly and year-to-date grants (all types, standard basis) of Shenzhen and its peers."""
    g = observations(streak_indicators(common.page_claim(NOTEBOOK))[0], regions=PEERS)
    return g[g["basis"] == "standard"]


@cache
def inventions() -> pd.DataFrame:
    return observations("invention_grants", regions=PEERS)


@cache
def starts() -> pd.DataFrame:
    """Start years implied by streak statements made before the article."""
    s = common.implied_starts(common.streak_indicator(NOTEBOOK))
    return s[~s["after_article"]]


def shenzhen_years(independent_only: bool = False) -> list[int]:
    g = grants()
    sz = g[(g["region"] == "shenzhen") & (g["period_type"] == "year")]
    if independent_only:
        sz = sz[sz["independent"]]
    return sorted(int(y) for y in sz["year"].unique())


def conflict() -> str:
    """A sentence on a source that dates the start of the run differently from the claim ('' if none)."""
    ys = years()
    article_start = int(ys[0])
    others = sorted(set(int(s) for s in starts()["start"]) - {article_start})
    if not others:
        return ""
    return say(
        # TRANSLATORS: {others} is a year (or years) a publication gives as the first in which Shenzhen granted
        # more patents than Beijing; {n} is "3 years"
        zh(
            "A conflict between sources: the claim implies the run began in {start}, but a publication relaying "
            "Shenzhen's own figures says {others} was the first year Shenzhen overtook Beijing, which would make "
            "the run {n} long by {last}. No independent figure for Beijing in {start} was found to settle it."
        ),
        start=article_start,
        others=year_list(others),
        n=plural(int(ys[-1]) - min(others) + 1, "year"),
        last=int(ys[-1]),
    )


def glue_conflict() -> None:
    glue("g_conflict", conflict() or say(zh("No source dates the start of the run differently.")))


def glue_findings() -> None:
    ys = years()
    n = common.streak_counts(common.streak(NOTEBOOK)[1])
    glue("g_first_year", int(ys[0]))
    glue("g_last_year", int(ys[-1]))
    glue("g_n_years", plural(len(ys), "year"))
    glue("g_n_shown", n["shown"])
    glue("g_n_indirect", n["indirect"])
    glue("g_n_claimant_only", n["claimant_only"])
    g = grants()
    glue("g_n_obs", len(g))
    glue("g_n_src", int(g["source_id"].nunique()))
    glue("g_sz_years", year_list(shenzhen_years(), empty=None))
    glue("g_sz_ind_years", year_list(shenzhen_years(independent_only=True)))


def share(some: list, of) -> str:
    """'all 5 years', '3 of the 5 years' or 'none of the 5 years'."""
    n = len(of)
    if len(some) == n:
        return f"all {plural(n, 'year')}" if n > 1 else "the one year"
    return f"{len(some) or 'none'} of the {plural(n, 'year')}"


def cities_lead() -> tuple[list[int], list[int]]:
    """The years with full-year totals for Shenzhen and at least one peer, and those in which Shenzhen's is
    above every peer's."""
    full = grants()[grants()["period_type"] == "year"]
    by = per_year(full, by=["year", "region"]).unstack()
    peers = by.drop(columns="shenzhen")
    both = [int(y) for y in by.index if pd.notna(by.at[y, "shenzhen"]) and peers.loc[y].notna().any()]
    return both, [y for y in both if by.at[y, "shenzhen"] > peers.loc[y].max()]


def cities_title() -> str:
    """Whether Shenzhen's full-year total is above every peer's in each year where both are known, and
    whose totals they are."""
    both, lead = cities_lead()
    own = not shenzhen_years(independent_only=True)
    who = "Shenzhen's own totals" if own else "Shenzhen's totals"
    if both and len(lead) == len(both):
        how = "lead every year"
    elif lead:
        how = f"lead in {len(lead)} of {plural(len(both), 'year')}"
    else:
        how = "never lead"
    return f"{who} {how}" + ("; no independent Shenzhen total" if own else "") + " · 专利授权量"


def cities_chart() -> None:
    g, ys, names = grants(), years(), common.names()
    fig, ax = new_figure()
    ax.axvspan(min(ys) - 0.5, max(ys) + 0.5, color="#F3E6DA", zorder=0, label="years the claim covers")
    for city in PEERS:
        d = g[g["region"] == city]
        full, ytd = d[d["period_type"] == "year"], d[d["period_type"] == "ytd"]
        if full.empty and ytd.empty:
            continue
        yearly = per_year(full).reindex(SPAN)
        ax.plot(yearly.index, yearly.values / 1e4, color=colour(city), marker="o", label=names[city])
        own = full[~full["independent"]]
        ax.scatter(
            own["year"], own["value_std"] / 1e4, color="white", edgecolors=colour(city), marker="D", s=22, zorder=4
        )
        if len(ytd):
            ax.scatter(ytd["year"], ytd["value_std"] / 1e4, facecolors="none", edgecolors=colour(city), s=40, zorder=3)
    mark_article(ax, axis="year")
    ax.set_xlim(SPAN[0] - 0.5, SPAN[-1] + 0.5)
    label_axes(ax, "Year 年", "Patents granted, 10,000s (万件)", cities_title(), legend=2)
    both, lead = cities_lead()
    whose = "Shenzhen's own publications" if not shenzhen_years(independent_only=True) else "several sources"
    alt = (
        f"Line chart of yearly patent grants in ten-thousands for Shenzhen and peer cities, {SPAN[0]} to "
        f"{SPAN[-1]}. Shenzhen's total is above every peer's in {share(lead, both)} "
        f"where both are known ({', '.join(map(str, lead)) or 'none'}); its yearly totals come from {whose} "
        "(white diamonds: the claimant's own); hollow circles mark year-to-date totals; a dashed line marks the "
        "article's date; gaps are years with no source."
    )
    cols = ["region", "period", "period_type", "qualifier", "value", "unit", "value_std", "basis", "relation", "note"]
    data = g[[*cols, "source_id"]]
    caption = "Patent grants per year (all types), Shenzhen and peer cities. Lines join one printed value per year (the preferred source, see Methods); white diamonds are figures from the claimant's own publications; hollow circles are year-to-date totals; the shaded band marks the years the claim covers; the dashed line is the article's date."
    publish_chart(fig, "fig-grants-cities", caption=caption, alt=alt, data=data)


def year_table() -> None:
    common.year_table(NOTEBOOK)


def beijing_ahead() -> list[int]:
    """Years in which Beijing granted more invention patents than Shenzhen, where both are known."""
    inv = inventions()
    both = per_year(inv[inv["period_type"] == "year"], by=["year", "region"]).unstack()
    return [
        int(y)
        for y in both.index
        if {"shenzhen", "beijing"} <= set(both.loc[y].dropna().index)
        and both.loc[y, "beijing"] > both.loc[y, "shenzhen"]
    ]


def invention_years() -> int:
    """How many years have full-year invention grants for both Shenzhen and Beijing."""
    inv = inventions()
    both = per_year(inv[inv["period_type"] == "year"], by=["year", "region"]).unstack()
    return int(both.reindex(columns=["shenzhen", "beijing"]).notna().all(axis=1).sum())


def invention_title(lead: list[int]) -> str:
    n = invention_years()
    if n and len(lead) == n:
        how = "Beijing stays ahead"
    elif lead:
        how = f"Beijing is ahead in {len(lead)} of {plural(n, 'year')}"
    else:
        how = "Shenzhen is not behind Beijing"
    return f"In invention grants {how} · 发明专利授权量"


def invention_chart() -> None:
    inv, names = inventions(), common.names()
    fig, ax = new_figure()
    for city in PEERS:
        d = inv[(inv["region"] == city) & (inv["period_type"] == "year")]
        if d.empty:
            continue
        yearly = per_year(d).reindex(SPAN)
        ax.plot(yearly.index, yearly.values / 1e4, color=colour(city), marker="o", label=names[city])
        ax.scatter(d["year"], d["value_std"] / 1e4, color=colour(city), s=14, zorder=3)
    mark_article(ax, axis="year")
    ax.set_xlim(SPAN[0] - 0.5, SPAN[-1] + 0.5)
    lead = beijing_ahead()
    label_axes(ax, "Year 年", "Invention patents granted, 10,000s (万件)", invention_title(lead), legend=2)
    glue("inv_bj_ahead", year_list(lead))
    alt = (
        "Line chart of yearly invention patent grants in ten-thousands for Shenzhen and peer cities; "
        f"Beijing's figure is above Shenzhen's in {share(lead, range(invention_years()))} where both "
        f"exist ({', '.join(map(str, lead)) or 'none'})."
    )
    data = observation_columns(inv)
    caption = "Invention patent grants per year, Shenzhen and peer cities."
    publish_chart(fig, "fig-grants-invention", caption=caption, alt=alt, data=data)


def glue_growth() -> None:
    """Shenzhen's change between its first and last full years found, and its highest year."""
    g = grants()
    szs = per_year(g[(g["period_type"] == "year")], by=["region", "year"]).loc["shenzhen"]
    a, b = int(szs.index.min()), int(szs.index.max())
    glue("g_sz_first", a)
    glue("g_sz_last", b)
    glue("g_sz_growth", f"{(szs.loc[b] / szs.loc[a] - 1) * 100:.0f}%")
    glue("g_sz_peak_year", int(szs.idxmax()))
    glue("g_sz_peak", fmt_num(round(szs.max())))


def sources() -> None:
    show_sources(pd.concat([grants()["source_id"], inventions()["source_id"], starts()["source_id"]]).unique())
