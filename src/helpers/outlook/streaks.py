"""The page "Streaks today" (chapters/outlook/03-streaks-today.ipynb): did Shenzhen stay first among cities in
patent grants and PCT applications after the article? Figures by the claim checks' rule
(:func:`helpers.outlook.first_by_figures`), statements as statements, the claimant's own marked as such."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..charts import publish
from ..evidence import claim
from ..gluing import glue
from ..i18n import Words, listing, say, zh
from ..protection.bilingual import commas, known
from ..protection.bilingual import show_table as show_table_editions
from ..protection.checks import CLAUSES, joined_pairs
from ..style import colour, label_axes, mark_article, new_figure, use_house_style, year_axis
from ..tables import show_sources
from . import WHO_SHORT, first_by_figures, rank_statements, streak_statements

use_house_style()
YEARS = [2022, 2023, 2024]
MEASURES = [  # (figures indicator, rank statements, streak statements, label, glue key letter)
    # TRANSLATORS: a measure of the streaks page (a table cell)
    ("patent_grants", "grants_city_rank", "grants_streak_years", zh("Patent grants"), "g"),
    # TRANSLATORS: a measure of the streaks page (a table cell)
    ("pct_applications", "pct_city_rank", "pct_streak_years", zh("PCT applications"), "p"),
]
# TRANSLATORS: what a year's figures show about Shenzhen's place among cities (a table cell, before the reason)
FIGURES = {True: zh("first"), False: zh("not first"), None: zh("no comparison")}


def who(rows: pd.DataFrame):
    return commas(say(w) for w in sorted({WHO_SHORT[x] for x in rows["relation"]}))


@cache
def year_rows() -> tuple[pd.DataFrame, tuple[str, ...]]:
    """One row per measure and later year: what the figures show and what sources state; and the source ids
    of both."""
    rows, used = [], []
    for ind, rank_ind, streak_ind, label, _k in MEASURES:
        ranks, streaks = rank_statements(rank_ind), streak_statements(streak_ind, since=YEARS[0])
        for y in YEARS:
            ok, why, ids = first_by_figures(ind, y)
            r, s = ranks[ranks["year"] == y], streaks[streaks["year"] == y]
            used += [*ids, *r["source_id"], *s["source_id"]]
            # TRANSLATORS: a ranking statement and who made it ("ranked first by claimant")
            said = [say(zh("ranked first by {who}"), who=who(r))] if len(r) else []
            if len(s):
                # TRANSLATORS: a stated streak ("7 years running")
                runs = commas(say(zh("{n} years running"), n=int(v)) for v in sorted(s["value_std"].unique()))
                said.append(say(zh("{what} ({who})"), what=runs, who=who(s)))
            rows.append(
                {
                    "Measure": label,
                    "Year": y,
                    # TRANSLATORS: what the figures show, then why ("first: ahead of …")
                    "Figures": say(zh("{result}: {why}"), result=say(FIGURES[ok]), why=known(why)),
                    "Statements": joined_pairs(said, CLAUSES) if said else say(zh("none found")),
                    "_ok": ok,
                    "_said": bool(len(r) or len(s)),
                    "_indep_said": bool(r["independent"].any() or s["independent"].any()),
                }
            )
    return pd.DataFrame(rows), tuple(used)


@cache
def pct_streak() -> pd.DataFrame:
    return streak_statements("pct_streak_years", since=2021)


def latest_pct() -> tuple[int, int]:
    """The latest year the claimant's PCT streak count is stated for, and the count."""
    ps = pct_streak()
    last = ps[ps["year"] == ps["year"].max()]
    return int(last["year"].iloc[0]), int(last["value_std"].iloc[0])


def years_text(years):
    return commas(int(y) for y in years)


def figures_sentence(t: pd.DataFrame):
    """What the figures of one measure show over the later years, as a sentence."""
    first, not_first = t[t["_ok"] == True]["Year"], t[t["_ok"] == False]["Year"]  # noqa: E712 (None is a third value)
    if not len(first) and not len(not_first):
        return say(
            zh(
                "No later year has full-year figures for Shenzhen and Beijing on the same basis, so the figures "
                "settle nothing."
            )
        )
    parts = [say(zh("put Shenzhen first in {years}"), years=years_text(first))] if len(first) else []
    parts += [say(zh("put a peer ahead in {years}"), years=years_text(not_first))] if len(not_first) else []
    # TRANSLATORS: {what}: "put Shenzhen first in 2022, 2023 and put a peer ahead in 2024"
    return say(zh("Figures on one basis, Beijing among the peers, {what}."), what=joined_pairs(parts))


def glue_findings(pct_claim: str) -> None:
    """The numbers of "What we found"; ``pct_claim``: the article's PCT streak claim, whose stated length the
    later statements are counted back against."""
    glue("s_years", listing(YEARS))
    table, _ = year_rows()
    for _m, _i, _r, label, k in MEASURES:
        t = table[table["Measure"] == label]
        glue(f"s_{k}_fig_first", years_text(t[t["_ok"] == True]["Year"]))  # noqa: E712
        glue(f"s_{k}_figures", figures_sentence(t))
        glue(f"s_{k}_stated", years_text(t[t["_said"]]["Year"]))
        glue(f"s_{k}_nothing", years_text(t[t["_ok"].isna() & ~t["_said"]]["Year"]))
        glue(f"s_{k}_indep", say(zh("none of them")) if not t["_indep_said"].any() else say(zh("some of them")))
    year, n = latest_pct()
    glue("s_claim_year", int(pd.Timestamp(claim(pct_claim)["period_end"]).year))
    glue("s_pct_last_year", year)
    glue("s_pct_last_n", n)
    starts = sorted(pct_streak()["implied_start"].unique())
    glue("s_pct_starts", ", ".join(map(str, starts)))
    glue(
        "s_pct_same_start",
        say(zh("all point to the same first year"))
        if len(starts) == 1
        else say(zh("they point to different first years")),
    )
    glue("s_pct_article_n", int(claim(pct_claim)["stated_value"]))


# TRANSLATORS: column headers of the table of later years
YEAR_COLUMNS = (zh("Measure"), zh("Year"), zh("Figures"), zh("Statements"))


def year_table() -> None:
    t = year_rows()[0][["Measure", "Year", "Figures", "Statements"]].copy()
    t["Measure"] = [say(m) for m in t["Measure"]]
    t.columns = list(YEAR_COLUMNS)
    show_table_editions(t)


@cache
def grants_streak() -> pd.DataFrame:
    return streak_statements("grants_streak_years", since=2015)


def streaks_title() -> Words:
    year, n = latest_pct()
    # TRANSLATORS: chart title: the claimant's count of years running first in PCT applications reached {n} in
    # {year} (the English chart has always ended with the Chinese name of the chart)
    return say(zh("The claimant's PCT streak count reached {n} years in {year} · 连续第一"), n=n, year=year)


def streaks_chart(*article_claims: str) -> None:
    """Stated streak lengths by the year described, with the article's own (``article_claims``) as stars."""
    ps, gs = pct_streak(), grants_streak()
    year, n = latest_pct()
    fig, ax = new_figure()
    for d, c, lab in [
        # TRANSLATORS: chart legend: streak lengths publications state
        (ps, colour("shenzhen"), zh("PCT applications: years running first (stated)")),
        (gs, "#8C6D31", zh("Patent grants: years running first (stated)")),
    ]:
        before, after = d[~d["after_article"]], d[d["after_article"]]
        ax.scatter(before["year"] + 0.5, before["value_std"], color=c, s=36, label=lab, zorder=3)
        ax.scatter(
            after["year"] + 0.5, after["value_std"], facecolors="white", edgecolors=c, s=40, linewidths=1.4, zorder=3
        )
        if len(d):  # one more year per year from the first year the statements imply
            s0 = int(d["implied_start"].mode().iloc[0])
            xs = range(s0, 2025)
            ax.plot([x + 0.5 for x in xs], [x - s0 + 1 for x in xs], color=c, linewidth=0.8, linestyle=":", zorder=2)
    stars = [float(claim(c)["stated_value"]) for c in article_claims]
    claim_year = int(pd.Timestamp(claim(article_claims[0])["period_end"]).year)  # the year the streaks end
    ax.scatter(
        [claim_year + 0.5] * len(stars),
        stars,
        marker="*",
        s=160,
        color="#000000",
        zorder=4,
        # TRANSLATORS: chart legend: the streak lengths the article states (black stars)
        label=zh("the article's stated streak"),
    )
    mark_article(ax)
    year_axis(ax, 2015, 2024, spans=True)
    # TRANSLATORS: axis labels of the streaks chart
    label_axes(ax, zh("Year the statement is about"), zh("Years running first (年)"), streaks_title(), legend=1)
    data = pd.concat([ps, gs])[
        ["indicator", "region", "period", "value", "unit", "relation", "after_article", "note", "source_id"]
    ]
    publish(
        fig,
        "fig-streaks-today",
        data,
        # TRANSLATORS: caption of the streaks chart
        caption=zh(
            "Stated streaks of first places, by the year described. Filled: published before the article; hollow: "
            "after it; dotted: one more year per year from the first year the statements imply."
        ),
        # TRANSLATORS: alt text of the streaks chart
        alt=zh(
            "Dot chart of stated streak lengths by the year they describe: PCT statements climb one year per year "
            "along a dotted line from the same first year, up to {n} years in {year}; grant statements are few; "
            "black stars mark the article's values for {claim_year}; a dashed line marks the article's date."
        ),
        n=n,
        year=year,
        claim_year=claim_year,
    )


def sources() -> None:
    _, used = year_rows()
    show_sources(pd.Series([*used, *pct_streak()["source_id"]]).unique())
