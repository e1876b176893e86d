"""The density page (chapters/legal/03-density.ipynb): invention patents per 10,000 people, Shenzhen's
multiple of the national figure recomputed from its parts, and the population base behind it."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..chart_words import NONE, joined
from ..charts import publish, publish_chart
from ..evidence import observations, per_year
from ..gluing import glue
from ..i18n import LIST_SEP, Words, cat, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import auto_label, colour, label_axes, mark_article, new_figure, region_labels, year_axis
from ..tables import show_sources, show_table
from ..verdicts import plural, round_halfwidth
from . import common
from .checks import density_ratios, national_density_from_parts, ratio_statements, reproducing_basis, reproduction
from .words import multiple_range, share_word, times
from .words import years as year_list

__all__ = [
    "claim_box",
    "verdict_box",
    "glue_findings",
    "levels_chart",
    "ratio_chart",
    "census_table",
    "parts_table",
    "glue_high_value",
    "sources",
]

NOTEBOOK = "chapters/legal/03-density.ipynb"
REGIONS = ["shenzhen", "beijing", "shanghai", "china"]
CENSUS_YEAR = 2020  # the 2020 census changed the population base


def year() -> int:
    return int(common.page_claim(NOTEBOOK)["period_end"].year)


def band() -> tuple[float, float]:
    """What the stated multiple covers: anything that rounds to it."""
    v = common.page_claim(NOTEBOOK)["stated_value"]
    return v - round_halfwidth(v), v + round_halfwidth(v)


@cache
def levels() -> pd.DataFrame:
    return observations("invention_per_10k", regions=REGIONS, period_types="point")


@cache
def ratios() -> pd.DataFrame:
    return density_ratios()


def ratio_range() -> pd.DataFrame:
    """Per year end, the lowest and highest recomputed ratio."""
    return ratios().groupby("year")["ratio"].agg(["min", "max"]).reset_index()


@cache
def statements() -> pd.DataFrame:
    return ratio_statements()


@cache
def parts() -> pd.DataFrame:
    return national_density_from_parts()


def national_last() -> int:
    nat = levels()[levels()["region"] == "china"]
    return int(nat[~nat["after_article"]]["year"].max())


def parts_sentence() -> str:
    p, best = parts(), reproducing_basis(parts())
    if not best:
        return say(
            zh("No definition of the stock reproduces the published figures, so no national figure is recomputed.")
        )
    row = reproduction(p)[reproduction(p)["stock_basis"] == best].iloc[0]
    y = year()
    foreign = sorted(set(p[(p["stock_basis"] == "standard") & (p["year"] == y)]["computed"].round(1)))
    return cat(
        say(
            # TRANSLATORS: {owners} is "domestic owners" or "all owners" (of invention patents in force); {k} of {n}
            # ("4 years") the recomputed national density rounds to the published one
            zh(
                "Dividing the stock of invention patents held by {owners} by the NBS year-end population reproduces "
                "the published figure in {k} of {n} before the article"
            ),
            owners=say(OWNERS[best == "domestic"]),
            k=int(row["matches"]),
            n=plural(int(row["years"]), "year"),
        ),
        # TRANSLATORS: the years in which the recomputed figure does not round to the published one
        say(zh(" (not in {missed})"), missed=year_list(str(row["missed"]).split(", "))) if row["missed"] else "",
        say(
            # TRANSLATORS: {values} national densities (件/万人) counting foreign-owned invention patents too
            zh(
                "; counting foreign-owned patents too gives {values} for {year}, far from any published series. "
                "For years with no published figure, the book uses this recomputed national figure."
            ),
            values=joined(f"{v:.1f}" for v in foreign),
            year=y,
        ),
    )


OWNERS = {
    # TRANSLATORS: "the stock of invention patents held by domestic owners"
    True: zh("domestic owners"),
    # TRANSLATORS: "the stock of invention patents held by all owners" (domestic and foreign)
    False: zh("all owners"),
}


def year_multiple(y: int, ratio) -> str:
    """'2013 (14.7× to 14.8×)' / '2013 年（14.7× 至 14.8×）'."""
    # TRANSLATORS: a year (end) and Shenzhen's multiple of the national figure that year ("5.9×")
    return say(zh("{year} ({ratio})"), year=int(y), ratio=ratio)


def glue_findings() -> None:
    y, r, ry = year(), ratios(), ratio_range()
    glue("dn_census_year", CENSUS_YEAR)
    glue("dn_nat_last", national_last())
    glue("dn_year", y)
    glue(
        "dn_ratio_years",
        joined(
            year_multiple(yr, times(a) if abs(a - b) < 0.05 else multiple_range(a, b))
            for yr, a, b in zip(ry["year"], ry["min"], ry["max"])
        ),
    )
    glue(
        "dn_nat_sentence",
        (
            say(zh("Both parts exist for the end of {year}, so the ratio for that year is recomputed above."), year=y)
            if y in set(r["year"])
            else say(
                # TRANSLATORS: {last} the last year of the national density series; {year} the claim's year
                zh(
                    "The national series of this indicator ends in {last} in the sources we found before the "
                    "article: from the 14th five-year plan on, official releases report high-value invention "
                    "patents per ten thousand people instead. So the ratio for {year} cannot be recomputed from "
                    "published densities here."
                ),
                last=national_last(),
                year=y,
            )
        ),
    )
    glue("dn_sz_own", share_word("all" if not r["shenzhen_independent"].any() else "some"))
    st = statements()
    st_year = st[(st["year"] == y) & ~st["after_article"]]
    glue(
        "dn_stated_other",
        joined(
            (
                # TRANSLATORS: a multiple ("5.7×") a publication states, which is Shenzhen's own statement
                say(zh("{value} (Shenzhen's own statement)"), value=times(v, "g"))
                if rel == "claimant"
                else times(v, "g")
                for v, rel in zip(st_year["value_std"], st_year["relation"])
            ),
            LIST_SEP,
            NONE,
        ),
    )
    lo, hi = band()
    glue("dn_band", multiple_range(lo, hi, "g"))
    glue("dn_parts_n", len(parts()))
    glue("dn_parts_sentence", parts_sentence())


# TRANSLATORS: chart title parts: how far Shenzhen's invention patents per 10,000 people are above the
# national level ("Shenzhen far above the national level")
LEVEL_WORDS = {"far above": zh("far above"), "above": zh("above"), "not always above": zh("not always above")}
# TRANSLATORS: chart title parts: where Beijing's invention patents per 10,000 people stand against Shenzhen's
BEIJING_WORDS = {
    "Beijing higher still": zh("Beijing higher still"),
    "Beijing higher in some years": zh("Beijing higher in some years"),
    "Beijing lower": zh("Beijing lower"),
}


def levels_title() -> Words:
    """How far Shenzhen is above the national level, and where Beijing stands, in every year end known."""
    by = per_year(levels(), by=["year", "region"]).unstack()
    sz_nat = (by["shenzhen"] / by["china"]).dropna()
    bj_sz = (by["beijing"] - by["shenzhen"]).dropna()
    above = (
        "far above"
        if len(sz_nat) and sz_nat.min() >= 2
        else "above"
        if len(sz_nat) and sz_nat.min() > 1
        else "not always above"
    )
    beijing = (
        "Beijing higher still"
        if len(bj_sz) and (bj_sz > 0).all()
        else "Beijing higher in some years"
        if (bj_sz > 0).any()
        else "Beijing lower"
    )
    # TRANSLATORS: chart title; {above} is e.g. "far above", {beijing} e.g. "Beijing higher still" (the English
    # chart has always ended with the Chinese name of the figure)
    return say(
        zh("Shenzhen {above} the national level; {beijing} · 每万人口发明专利拥有量"),
        above=say(LEVEL_WORDS[above]),
        beijing=say(BEIJING_WORDS[beijing]),
    )


def levels_chart() -> None:
    d, names = levels(), region_labels()
    fig, ax = new_figure()
    for reg in REGIONS:
        x = d[d["region"] == reg]
        if x.empty:
            continue
        s = per_year(x)
        # the census changed the population base: the two segments are never joined by one line
        segments = (
            s[s.index < CENSUS_YEAR].reindex(range(2015, CENSUS_YEAR)),
            s[s.index >= CENSUS_YEAR].reindex(range(CENSUS_YEAR, 2026)),
        )
        for k, seg in enumerate(segments):
            ax.plot(seg.index, seg.values, color=colour(reg), marker="o", label=names[reg] if k == 0 else None)
    cut = CENSUS_YEAR - 0.5
    ax.axvline(cut, color="#888888", ls=":", lw=1)
    year_axis(ax, 2015, 2025)
    mark_article(ax, axis="year_end")
    # beside the dotted line, wherever it covers no data: low right or left, then higher up
    auto_label(
        ax,
        # TRANSLATORS: label of the census break on the density chart (the English has always had the Chinese)
        zh("2020 census:\nnew population base\n七普人口口径"),
        [
            ((cut, 0.02), (4, 2), "left", "bottom"),
            ((cut, 0.02), (-4, 2), "right", "bottom"),
            ((cut, 0.75), (-4, 0), "right", "center"),
            ((cut, 0.75), (4, 0), "left", "center"),
            ((cut, 0.98), (4, -2), "left", "top"),
            ((cut, 0.98), (-4, -2), "right", "top"),
        ],
        xycoords=("data", "axes fraction"),
        color="#555555",
    )
    # TRANSLATORS: axis labels of the density chart
    label_axes(ax, zh("Year end 年末"), zh("Invention patents per 10,000 people (件/万人)"), levels_title(), legend=2)
    data = d[["region", "period", "value", "unit", "basis", "relation", "note", "source_id"]]
    publish(
        fig,
        "fig-density-levels",
        data,
        # TRANSLATORS: caption of the density levels chart
        caption=zh(
            "Invention patents in force per 10,000 residents, at year end. Gaps are years with no source; lines "
            "break at the dotted line, where population figures switch to the census base; the dashed line is the "
            "article's date."
        ),
        # TRANSLATORS: alt text of the density levels chart
        alt=zh(
            "Line chart of invention patents per 10,000 people at year end for Shenzhen, Beijing, Shanghai and "
            "China; national values before the article run to {last}; each series is broken between {before} and "
            "{census}, where the census changed the population base; gaps are years without a source."
        ),
        last=national_last(),
        before=CENSUS_YEAR - 1,
        census=CENSUS_YEAR,
    )


def ratio_title(ry: pd.DataFrame) -> Words:
    first, last = ry["min"].iloc[0], ry["min"].iloc[-1]
    values = dict(a=f"{first:.0f}", b=f"{last:.1f}", y0=int(ry["year"].iloc[0]), y1=int(ry["year"].iloc[-1]))
    if last < first:
        # TRANSLATORS: chart title: the recomputed multiple (Shenzhen ÷ national) fell from {a}× in year {y0} to
        # {b}× in year {y1} (the English chart has always ended with the Chinese name of the chart)
        return say(zh("The recomputed multiple fell from {a}× ({y0}) to {b}× ({y1}) · 深圳与全国之比"), **values)
    if last > first:
        # TRANSLATORS: chart title, as above, the multiple rose
        return say(zh("The recomputed multiple rose from {a}× ({y0}) to {b}× ({y1}) · 深圳与全国之比"), **values)
    # TRANSLATORS: chart title, as above, the multiple stayed the same
    return say(zh("The recomputed multiple stayed from {a}× ({y0}) to {b}× ({y1}) · 深圳与全国之比"), **values)


def ratio_chart() -> None:
    ry, lo, hi = ratio_range(), *band()
    fig, ax = new_figure()
    ax.axhspan(lo, hi, color="#F3E6DA", zorder=0, label=zh("article: about 6× (rounds to 6)"))
    ax.plot(ry["year"], ry["min"], color=colour("shenzhen"), marker="o", label=zh("recomputed: Shenzhen ÷ national"))
    st = statements()
    s0 = st[~st["after_article"]]
    ax.scatter(
        s0["year"],
        s0["value_std"],
        marker="D",
        facecolors="none",
        edgecolors="#333333",
        s=45,
        zorder=3,
        # TRANSLATORS: chart legend: multiples stated by publications before the article
        label=zh("stated by publications (before the article)"),
    )
    ax.set_xlim(2014.5, 2022.5)
    ax.set_ylim(0, max(12, float(s0["value_std"].max()) + 1))
    ax.set_xticks(range(2015, 2023))
    label_axes(ax, zh("Year end 年末"), zh("Shenzhen ÷ national (倍)"), ratio_title(ry), legend=1)
    alt = say(
        # TRANSLATORS: alt text of the density ratio chart; {recomputed} and {stated} are lists "2015: 7.3, …"
        zh(
            "Chart of the ratio of Shenzhen's to the national invention patents per 10,000 people: recomputed "
            "values {recomputed}; stated multiples {stated}; a band marks {lo} to {hi}."
        ),
        recomputed=joined((f"{int(y)}: {v:.1f}" for y, v in zip(ry["year"], ry["min"])), empty=NONE),
        stated=joined((f"{int(y)}: {v:g}" for y, v in zip(s0["year"], s0["value_std"])), empty=NONE),
        lo=f"{lo:g}",
        hi=f"{hi:g}",
    )
    data = pd.concat(
        [ratios().assign(kind="recomputed"), s0.rename(columns={"value_std": "ratio"}).assign(kind="stated")],
        ignore_index=True,
    )
    caption = say(
        # TRANSLATORS: caption of the density ratio chart
        zh(
            "Shenzhen's invention patents per 10,000 people as a multiple of the national figure: recomputed where "
            "both parts exist, and as publications state it."
        )
    )
    publish_chart(
        fig,
        "fig-density-ratio",
        caption=caption,
        alt=alt,
        data=data,
        source_ids=s0["source_id"].tolist() + levels()["source_id"].tolist(),
    )


@cache
def population() -> pd.DataFrame:
    return observations("population", regions="shenzhen")


@cache
def stock() -> pd.DataFrame:
    return observations("invention_in_force", regions="shenzhen")


def census_table() -> None:
    """One stock of patents (end of the year before the census) over the two population bases."""
    pop, st = population(), stock()
    s19 = st[st["year"] == CENSUS_YEAR - 1]["value_std"].iloc[0]
    pre = pop[(pop["year"] == CENSUS_YEAR - 1)]["value_std"].iloc[0]
    cen = pop[pop["period"] == f"{CENSUS_YEAR}-11-01"]["value_std"].iloc[0]
    t = pd.DataFrame(
        {
            # TRANSLATORS: column: which population figure the density is computed on
            zh("Population base"): [
                # TRANSLATORS: a population base: Shenzhen's 2019 statistics bulletin, before the 2020 census
                say(zh("2019 statistics bulletin (before the census)")),
                # TRANSLATORS: a population base: the 2020 (seventh) national census
                say(zh("2020 census (七普)")),
            ],
            zh("Population (万人)"): [fmt_num(pre), fmt_num(cen)],
            zh("Invention patents in force, end-2019 (件)"): [fmt_num(s19)] * 2,
            zh("Per 10,000 people"): [f"{s19 / pre:.1f}", f"{s19 / cen:.1f}"],
        }
    )
    glue("dn_drop", f"{(1 - pre / cen) * 100:.0f}%")
    show_table(t)


def parts_table() -> None:
    p = parts()
    if not len(p):
        return
    p2 = p[~p["after_article"]]
    basis = {
        # TRANSLATORS: a definition of the stock of invention patents in force
        "domestic": say(zh("domestic owners only")),
        # TRANSLATORS: a definition of the stock of invention patents in force
        "standard": say(zh("all owners, incl. foreign")),
    }
    t = pd.DataFrame(
        {
            # TRANSLATORS: column: the year end of the figures
            zh("Year end"): p2["year"],
            # TRANSLATORS: column: which owners' invention patents the stock counts
            zh("Stock basis"): p2["stock_basis"].map(basis),
            # TRANSLATORS: column: the stock of invention patents in force
            zh("Stock (件)"): p2["stock"].map(fmt_num),
            zh("Population (人)"): p2["population"].map(fmt_num),
            # TRANSLATORS: column: the national density recomputed here from the stock and the population
            zh("Computed (件/万人)"): p2["computed"].map(lambda v: f"{v:.1f}"),
            # TRANSLATORS: column: the national density as published
            zh("Published (件/万人)"): p2["published"].map(lambda v: "" if pd.isna(v) else f"{v:g}"),
        }
    )
    show_table(t)


@cache
def high_value() -> pd.DataFrame:
    return observations("high_value_invention_per_10k", regions=["shenzhen", "china"], period_types="point")


def glue_high_value() -> None:
    both = per_year(high_value(), by=["year", "region"]).unstack().dropna()
    glue(
        "hv_years",
        joined((year_multiple(y, times(row["shenzhen"] / row["china"])) for y, row in both.iterrows()), LIST_SEP, NONE),
    )


def sources() -> None:
    show_sources(
        pd.concat(
            [
                levels()["source_id"],
                statements()["source_id"],
                population()["source_id"],
                stock()["source_id"],
                high_value()["source_id"],
            ]
        ).unique()
    )
