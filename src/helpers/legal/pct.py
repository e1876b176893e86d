"""The PCT page (chapters/legal/02-pct.ipynb): the long streak, which of its years independent evidence
covers, Shenzhen against the highest other city, and the national bases."""

from __future__ import annotations

from functools import cache

import pandas as pd
from matplotlib.patches import Rectangle

from .. import names as plain
from ..chart_words import NONE, SEMICOLON, joined
from ..charts import publish, publish_chart
from ..downloads import observation_columns
from ..evidence import cities, observations, per_year
from ..gluing import glue
from ..i18n import Words, cat, say, zh
from ..pages import claim_box, verdict_box
from ..style import (
    auto_label,
    beside_point,
    colour,
    hollow,
    label_axes,
    mark_article,
    new_figure,
    region_labels,
    year_axis,
)
from ..tables import show_sources
from ..verdicts import AGREES, plural
from . import common
from .checks import streak_indicators
from .words import multiple_range

__all__ = [
    "claim_box",
    "verdict_box",
    "glue_findings",
    "coverage_chart",
    "cities_chart",
    "year_table",
    "bases_chart",
    "glue_shares",
    "sources",
]

NOTEBOOK = "chapters/legal/02-pct.ipynb"


def years() -> list[int]:
    return common.streak(NOTEBOOK)[0]


def evidence() -> pd.DataFrame:
    return common.streak(NOTEBOOK)[1]


def indicators() -> tuple[str, str, str]:
    """(the yearly figure, the streak statements, the city rank) of the page's claim."""
    return streak_indicators(common.page_claim(NOTEBOOK))


@cache
def applications() -> pd.DataFrame:
    return observations(indicators()[0])


@cache
def city_rows() -> pd.DataFrame:
    p = applications()
    return p[p["region"].isin(["shenzhen", *cities("shenzhen")])]


@cache
def national() -> pd.DataFrame:
    p = applications()
    return p[p["region"] == "china"]


def shenzhen_full() -> pd.DataFrame:
    sz = city_rows()[city_rows()["region"] == "shenzhen"]
    return sz[sz["period_type"] == "year"]


def glue_findings() -> None:
    ys = years()
    n = common.streak_counts(evidence())
    glue("p_first", ys[0])
    glue("p_last", ys[-1])
    glue("p_n", plural(len(ys), "year"))
    glue("p_n_fig", n["shown"])
    glue("p_n_ytd", n["ytd"])
    glue("p_n_stmt_only", n["statements_only"])
    glue("p_n_claimant_only", n["claimant_only"])
    glue("p_n_none", n["none"])
    glue("p_n_obs", len(city_rows()))
    glue("p_n_src", int(city_rows()["source_id"].nunique()))


def coverage_title(ev: pd.DataFrame) -> Words:
    """How many years of the streak independent evidence covers at all, and how many by figures."""
    n, covered, figs = len(ev), int(ev["status"].notna().sum()), int((ev["status"] == AGREES).sum())
    if not covered:
        # TRANSLATORS: chart title (the English chart has always ended with the Chinese name of the chart)
        return say(zh("No independent evidence for any year · 证据覆盖"))
    # TRANSLATORS: chart title: of the {n} years of the streak, {covered} have independent evidence, {figs} of
    # them an independent figure
    return say(
        zh("Independent evidence covers {covered} of the {n} years, {figs} by figures · 证据覆盖"),
        covered=covered,
        n=n,
        figs=figs,
    )


def coverage_chart() -> None:
    ev, ys = evidence(), years()
    fig, ax = new_figure(figsize=(4.9, 3.6))
    rows = [
        # TRANSLATORS: row labels of the PCT evidence-coverage chart (the English chart has always shown the
        # Chinese under the English; the Chinese chart shows the Chinese alone)
        (zh("Independent figure or ranking\n独立数据或排名"), ev["status"] == AGREES, colour("shenzhen")),
        (zh("Independent year-to-date table\n独立累计月报"), ev["ahead_year_to_date"].map(bool), "#F0B27A"),
        (zh("Independent streak statement\n独立来源的连续表述"), ev["independent_statements"] > 0, "#9DB4C0"),
        (zh("Claimant's own statement only\n仅深圳自述"), ev["status"].isna() & ev["claimant"], "#D5D5D5"),
    ]
    for i, (_, mask, col) in enumerate(rows):
        for y, m in zip(ev["year"], mask):
            ax.add_patch(
                Rectangle((y - 0.45, i - 0.4), 0.9, 0.8, facecolor=col if m else "#FFFFFF", edgecolor="#DDDDDD", lw=0.6)
            )
    ax.set_xlim(ys[0] - 0.6, ys[-1] + 0.6)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_yticks(range(len(rows)), [r[0] for r in rows])
    ax.invert_yaxis()
    ax.set_xticks(ys[::4])
    ax.grid(False)
    ax.set_title(coverage_title(ev))
    covered = joined(ev.loc[ev["status"] == AGREES, "year"], empty=NONE)
    data = ev.assign(status=ev["status"].fillna("none"), ahead_year_to_date=ev["ahead_year_to_date"].map(";".join))
    cr = city_rows()
    src = cr[cr["year"].isin(ys)]["source_id"].tolist() + observations(indicators()[1])["source_id"].tolist()
    publish(
        fig,
        "fig-pct-coverage",
        data,
        # TRANSLATORS: caption of the PCT evidence-coverage chart
        caption=zh(
            "Evidence for each year of the claimed streak. A filled cell means the year is covered by that kind of "
            "evidence; blank cells are gaps."
        ),
        # TRANSLATORS: alt text of the PCT evidence-coverage chart; {covered} a list of years
        alt=zh(
            "Coverage strip for the years {first} to {last}: the first row fills the years shown by an independent "
            "figure or ranking ({covered}); the second, years with an independent year-to-date table; the third, "
            "years covered by an independent publication's streak statement; the fourth, years resting only on "
            "Shenzhen's own statements."
        ),
        first=ys[0],
        last=ys[-1],
        covered=covered,
        source_ids=src,
    )


def highest_other() -> pd.DataFrame:
    """For each year, the highest full-year figure of any other city in the sources."""
    oth = city_rows()[city_rows()["region"] != "shenzhen"]
    return oth[oth["period_type"] == "year"].sort_values("value_std").groupby("year").tail(1)


def ratios() -> list[float]:
    """Shenzhen ÷ the highest other city, for each year where full-year figures of both exist."""
    full_sz, nxt = shenzhen_full(), highest_other()
    return [
        full_sz[full_sz["year"] == y]["value_std"].max() / nxt[nxt["year"] == y]["value_std"].iloc[0]
        for y in sorted(set(full_sz["year"]) & set(nxt["year"]))
    ]


def cities_title(rs: list[float]) -> Words:
    if not rs:
        # TRANSLATORS: chart title (then the Chinese name of the figure, which the English chart has always shown)
        return say(zh("No year has full-year figures for Shenzhen and another city · PCT申请量"))
    if min(rs) > 1:
        # TRANSLATORS: chart title; {lo} and {hi} are multiples ("1.4", "9.4")
        return say(
            zh("Wherever both are known, Shenzhen files {lo} to {hi} times the highest other city · PCT申请量"),
            lo=f"{min(rs):.1f}",
            hi=f"{max(rs):.1f}",
        )
    # TRANSLATORS: chart title
    return say(zh("Shenzhen does not file more than the highest other city in every year known · PCT申请量"))


def cities_chart() -> None:
    names = region_labels()
    fig, ax = new_figure()
    cr = city_rows()
    sz = cr[cr["region"] == "shenzhen"]
    oth = cr[cr["region"] != "shenzhen"]
    full_sz, ytd_sz = sz[sz["period_type"] == "year"], sz[sz["period_type"] == "ytd"]
    sc = colour("shenzhen")
    ax.scatter(
        full_sz["year"], full_sz["value_std"] / 1e3, color=sc, s=30, zorder=3, label=zh("Shenzhen, full year 深圳全年")
    )
    ax.scatter(
        ytd_sz["year"],
        ytd_sz["value_std"] / 1e3,
        facecolors="none",
        edgecolors=sc,
        s=40,
        zorder=3,
        label=zh("Shenzhen, year to date 深圳累计"),
    )
    nxt = highest_other()
    ax.scatter(
        nxt["year"],
        nxt["value_std"] / 1e3,
        marker="s",
        color=colour("beijing"),
        s=26,
        zorder=3,
        # TRANSLATORS: chart legend: the other city with the highest full-year PCT figure in each year
        label=zh("Highest other city found, full year"),
    )
    prev = None
    for _, r in nxt.sort_values("year").iterrows():
        if r["region"] != prev:  # name each run of years once: one label per year would overlap on a phone
            where = beside_point(r["year"], r["value_std"] / 1e3)
            auto_label(ax, names[r["region"]], where, fontsize=10, color="#333333")
        prev = r["region"]
    nyt = oth[oth["period_type"] == "ytd"].sort_values("value_std").groupby("period").tail(1)
    # TRANSLATORS: chart legend: the other city with the highest year-to-date PCT figure in each table
    ytd_label = zh("Highest other city found, year to date")
    ax.scatter(nyt["year"], nyt["value_std"] / 1e3, label=ytd_label, **hollow(colour("beijing"), 30))
    year_axis(ax, 2004, 2024)
    mark_article(ax, axis="year")
    rs = ratios()
    label_axes(ax, zh("Year 年"), zh("PCT applications, thousands (千件)"), cities_title(rs), legend=1)
    glue("p_ratio_range", multiple_range(min(rs), max(rs), sign="") if rs else say(zh("not computable")))
    alt = (
        say(
            # TRANSLATORS: alt text of the PCT cities chart; {lo} to {hi} times ("1.4", "9.4")
            zh(
                "Scatter chart of PCT applications in thousands: Shenzhen's full-year and year-to-date figures and "
                "the highest other city found in the same kind of table; where full years of both exist Shenzhen "
                "is {lo} to {hi} times that city."
            ),
            lo=f"{min(rs):.1f}",
            hi=f"{max(rs):.1f}",
        )
        if rs
        else say(
            # TRANSLATORS: alt text of the PCT cities chart when no year has full-year figures of both
            zh(
                "Scatter chart of PCT applications in thousands: Shenzhen's full-year and year-to-date figures and "
                "the highest other city found in the same kind of table; no year has full-year figures of both."
            )
        )
    )
    data = observation_columns(cr)
    caption = say(
        # TRANSLATORS: caption of the PCT cities chart
        zh(
            "PCT applications: Shenzhen (orange) and the highest other city found (blue) per year. Filled markers "
            "are full years; hollow markers are year-to-date totals."
        )
    )
    publish_chart(fig, "fig-pct-cities", caption=caption, alt=alt, data=data)


def year_table() -> None:
    common.year_table(NOTEBOOK)


BASES = {
    # TRANSLATORS: chart legend: the three national PCT counts (the English chart has always shown the Chinese)
    "cnipa": (zh("CNIPA, domestic applicants 国家知识产权局受理(国内)"), "o", "china"),
    "cnipa_total": (zh("CNIPA, all received 国家知识产权局受理(合计)"), "s", "#8C8C8C"),
    "wipo": (zh("WIPO, by origin 世界知识产权组织(来源国)"), "^", "beijing"),
}


def bases_chart() -> None:
    nat = national()
    fig, ax = new_figure()
    for basis, (label, m, col) in BASES.items():
        d = nat[(nat["basis"] == basis) & (nat["period_type"] == "year")]
        s = per_year(d).reindex(range(2004, 2025))
        ax.plot(s.index, s.values / 1e3, marker=m, color=col if col.startswith("#") else colour(col), label=label)
    year_axis(ax, 2004, 2024)
    mark_article(ax, axis="year")
    label_axes(
        ax,
        zh("Year 年"),
        zh("PCT applications, thousands (千件)"),
        # TRANSLATORS: chart title
        zh("Three national counts, three bases · 全国PCT申请量口径"),
        legend=1,
    )
    data = nat[["period", "period_type", "value", "unit", "basis", "note", "source_id"]]
    publish(
        fig,
        "fig-pct-bases",
        data,
        # TRANSLATORS: caption of the national PCT bases chart
        caption=zh(
            "China's PCT applications on three bases. The lines must not be compared with each other; each is "
            "drawn only where a source gives it."
        ),
        # TRANSLATORS: alt text of the national PCT bases chart
        alt=zh(
            "Line chart of China's PCT applications per year on three bases: CNIPA domestic, CNIPA total received "
            "and WIPO by origin; gaps are years with no source."
        ),
    )


@cache
def stated_shares() -> pd.DataFrame:
    return observations("pct_share_national", regions="shenzhen")


def glue_shares() -> None:
    """Shenzhen's share of CNIPA's domestic total, recomputed, and the shares other publications state."""
    nat = national()
    dom = per_year(nat[(nat["basis"] == "cnipa") & (nat["period_type"] == "year")])
    full_sz = shenzhen_full()
    share = [
        (int(r["year"]), r["value_std"] / dom[r["year"]] * 100)
        for _, r in full_sz[full_sz["basis"] == "cnipa"].iterrows()
        if r["year"] in dom.index
    ]
    stated = stated_shares()
    glue(
        "p_share_calc",
        joined(
            # TRANSLATORS: Shenzhen's share of the national PCT applications in a year, recomputed ("47%")
            (say(zh("{year} (full year): {share}"), year=y, share=f"{v:.0f}%") for y, v in sorted(set(share))),
            SEMICOLON,
            empty=NONE,
        ),
    )
    glue(
        "p_share_stated",
        joined(
            (
                cat(
                    # TRANSLATORS: a share a publication states: {period} ("2013"), {ptype} ("full year"), {share}
                    # ("48.1%"), {basis}: the national total it is a share of ("WIPO count", "basis not stated")
                    say(
                        zh("{period} ({ptype}): {share} against {basis}"),
                        period=plain.period(per, pt),
                        ptype=plain.period_type(pt),
                        share=f"{v:g}%",
                        basis=plain.basis(b),
                    ),
                    # TRANSLATORS: after a stated share: it is Shenzhen's own statement
                    say(zh(", Shenzhen's own statement")) if rel == "claimant" else "",
                )
                for per, pt, v, b, rel in zip(
                    stated["period"], stated["period_type"], stated["value_std"], stated["basis"], stated["relation"]
                )
            ),
            SEMICOLON,
        ),
    )


def sources() -> None:
    _, streak_ind, rank_ind = indicators()
    show_sources(
        pd.concat(
            [
                city_rows()["source_id"],
                national()["source_id"],
                observations(streak_ind)["source_id"],
                observations(rank_ind)["source_id"],
                stated_shares()["source_id"],
            ]
        ).unique()
    )
