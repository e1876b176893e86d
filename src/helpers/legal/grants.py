"""The patent-grants page (chapters/legal/01-patent-grants.ipynb): Shenzhen against its peers, year by year."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..chart_words import NONE, joined
from ..charts import publish
from ..downloads import observation_columns
from ..evidence import observations, per_year
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, label_axes, mark_article, new_figure, region_labels
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


def share(some: list, of) -> Words:
    """'all 5 years', '3 of the 5 years' or 'none of the 5 years' (in each edition)."""
    n = len(of)
    if len(some) == n:
        # TRANSLATORS: in a chart's alt text: "above every peer's in all 5 years" ({years} is "5 years")
        return say(zh("all {years}"), years=plural(n, "year")) if n > 1 else say(zh("the one year"))
    if not some:
        # TRANSLATORS: in a chart's alt text: "in none of the 5 years" ({years} is "5 years")
        return say(zh("none of the {years}"), years=plural(n, "year"))
    # TRANSLATORS: in a chart's alt text: "in 3 of the 5 years" ({years} is "5 years")
    return say(zh("{k} of the {years}"), k=len(some), years=plural(n, "year"))


def cities_lead() -> tuple[list[int], list[int]]:
    """The years with full-year totals for Shenzhen and at least one peer, and those in which Shenzhen's is
    above every peer's."""
    full = grants()[grants()["period_type"] == "year"]
    by = per_year(full, by=["year", "region"]).unstack()
    peers = by.drop(columns="shenzhen")
    both = [int(y) for y in by.index if pd.notna(by.at[y, "shenzhen"]) and peers.loc[y].notna().any()]
    return both, [y for y in both if by.at[y, "shenzhen"] > peers.loc[y].max()]


def cities_title() -> Words:
    """Whether Shenzhen's full-year total is above every peer's in each year where both are known, and
    whose totals they are."""
    both, lead = cities_lead()
    own = not shenzhen_years(independent_only=True)
    # TRANSLATORS: start of a chart title: whose yearly patent-grant totals the chart shows
    who = say(zh("Shenzhen's own totals")) if own else say(zh("Shenzhen's totals"))
    if both and len(lead) == len(both):
        # TRANSLATORS: a chart title: {who} ("Shenzhen's totals") are above every peer city's in every year
        how = say(zh("{who} lead every year"), who=who)
    elif lead:
        # TRANSLATORS: a chart title: {who} lead in {k} of {n} ("5 years")
        how = say(zh("{who} lead in {k} of {n}"), who=who, k=len(lead), n=plural(len(both), "year"))
    else:
        # TRANSLATORS: a chart title: {who} are never above every peer city's
        how = say(zh("{who} never lead"), who=who)
    if own:
        # TRANSLATORS: a chart title, then that no independent source gives a Shenzhen total; the English chart
        # has always ended its title with the Chinese name of the figure
        return say(zh("{how}; no independent Shenzhen total · 专利授权量"), how=how)
    # TRANSLATORS: a chart title, then the Chinese name of the figure (the Chinese chart needs it once)
    return say(zh("{how} · 专利授权量"), how=how)


def cities_chart() -> None:
    g, ys, names = grants(), years(), region_labels()
    fig, ax = new_figure()
    # TRANSLATORS: chart legend: the shaded band of the years the checked claim covers
    ax.axvspan(min(ys) - 0.5, max(ys) + 0.5, color="#F3E6DA", zorder=0, label=zh("years the claim covers"))
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
    # TRANSLATORS: chart axis labels (the English chart has always shown the Chinese unit too)
    label_axes(ax, zh("Year 年"), zh("Patents granted, 10,000s (万件)"), cities_title(), legend=2)
    both, lead = cities_lead()
    # TRANSLATORS: in a chart's alt text: "its yearly totals come from Shenzhen's own publications"
    whose = (
        say(zh("Shenzhen's own publications"))
        if not shenzhen_years(independent_only=True)
        else say(zh("several sources"))
    )
    cols = ["region", "period", "period_type", "qualifier", "value", "unit", "value_std", "basis", "relation", "note"]
    data = g[[*cols, "source_id"]]
    publish(
        fig,
        "fig-grants-cities",
        data,
        # TRANSLATORS: caption of the patent-grants chart
        caption=zh(
            "Patent grants per year (all types), Shenzhen and peer cities. Lines join one printed value per year "
            "(the preferred source, see Methods); white diamonds are figures from the claimant's own publications; "
            "hollow circles are year-to-date totals; the shaded band marks the years the claim covers; the dashed "
            "line is the article's date."
        ),
        # TRANSLATORS: alt text of the patent-grants chart; {share} is e.g. "all 5 years", {years} a list of years
        alt=zh(
            "Line chart of yearly patent grants in ten-thousands for Shenzhen and peer cities, {first} to {last}. "
            "Shenzhen's total is above every peer's in {share} where both are known ({years}); its yearly totals "
            "come from {whose} (white diamonds: the claimant's own); hollow circles mark year-to-date totals; a "
            "dashed line marks the article's date; gaps are years with no source."
        ),
        first=SPAN[0],
        last=SPAN[-1],
        share=share(lead, both),
        years=joined(lead, empty=NONE),
        whose=whose,
    )


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


def invention_title(lead: list[int]) -> Words:
    n = invention_years()
    if n and len(lead) == n:
        # TRANSLATORS: chart title (then the Chinese name of the figure, which the English chart has always shown)
        return say(zh("In invention grants Beijing stays ahead · 发明专利授权量"))
    if lead:
        # TRANSLATORS: chart title; {k} of {n} ("5 years")
        return say(
            zh("In invention grants Beijing is ahead in {k} of {n} · 发明专利授权量"), k=len(lead), n=plural(n, "year")
        )
    # TRANSLATORS: chart title
    return say(zh("In invention grants Shenzhen is not behind Beijing · 发明专利授权量"))


def invention_chart() -> None:
    inv, names = inventions(), region_labels()
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
    label_axes(ax, zh("Year 年"), zh("Invention patents granted, 10,000s (万件)"), invention_title(lead), legend=2)
    glue("inv_bj_ahead", year_list(lead))
    data = observation_columns(inv)
    publish(
        fig,
        "fig-grants-invention",
        data,
        # TRANSLATORS: caption of the invention-grants chart
        caption=zh("Invention patent grants per year, Shenzhen and peer cities."),
        # TRANSLATORS: alt text of the invention-grants chart; {share} e.g. "3 of the 5 years", {years} a list
        alt=zh(
            "Line chart of yearly invention patent grants in ten-thousands for Shenzhen and peer cities; Beijing's "
            "figure is above Shenzhen's in {share} where both exist ({years})."
        ),
        share=share(lead, range(invention_years())),
        years=joined(lead, empty=NONE),
    )


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
