"""The page "Plans and outcomes" (chapters/outlook/02-plans-and-outcomes.ipynb): every plan target whose
period ends after the article, set against its starting value and the latest value found."""

from __future__ import annotations

import textwrap
from functools import cache

import pandas as pd

from ..chart_words import joined
from ..charts import SOURCES_SEP, publish_chart, wrap_cjk
from ..data import load_table
from ..evidence import region_names
from ..gluing import glue
from ..i18n import Words, both, cat, say, zh
from ..pages import fmt_num
from ..protection.bilingual import commas
from ..protection.bilingual import show_table as show_table_editions
from ..protection.checks import CLAUSES, joined_pairs
from ..style import colour, legend_below, new_figure, region_labels, use_house_style
from ..tables import show_sources
from . import WHO_SHORT, plan_targets, plural

use_house_style()
NAMES = region_names()
NO_LATER = "no later value found"
CAP = 2.0  # bars stop at 200% of the way
OTHER_SOURCES = ["density-echinagov-szplan-2022-01", "density-gmrb-2024-03"]  # cited under "Targets we could not find"


@cache
def targets() -> pd.DataFrame:
    """:func:`helpers.outlook.plan_targets` with each indicator's English name."""
    p = plan_targets()
    ind = load_table("indicators").set_index("indicator")
    return p.assign(
        name=[ind.at[i, "name_en"] for i in p["indicator"]],
        name_words=[both(ind.at[i, "name_en"], zh_CN=ind.at[i, "name_zh"]) for i in p["indicator"]],
    )


ZH_NAMES = dict(zip(load_table("regions")["region"], load_table("regions")["name_zh"]))


def where(region: str):
    """A region's name in each edition ('China (national) 全国' / '全国')."""
    return both(NAMES[region], zh_CN=ZH_NAMES[region])


def with_later() -> pd.DataFrame:
    p = targets()
    return p[p["status"] != NO_LATER]


def count(status: str, p: pd.DataFrame | None = None) -> int:
    p = with_later() if p is None else p
    return int((p["status"] == status).sum())


def glue_findings() -> None:
    have = with_later()
    glue("p_n_targets", plural(len(targets()), "target"))
    glue("p_n_with", len(have))
    glue("p_n_reached", count("target reached"))
    glue("p_n_behind", count("behind pace"))
    glue("p_n_ahead", count("ahead of pace"))
    glue("p_n_missing", plural(count(NO_LATER, targets()), "target"))
    behind = have[have["status"] == "behind pace"]
    items = [
        # TRANSLATORS: a plan target behind pace: its indicator, where, and the year it is for
        say(zh("{name} ({where}, {year})"), name=r.name_words, where=where(r.region), year=r.target_year)
        for r in behind.itertuples()
    ]
    glue("p_behind_list", joined_pairs(items, CLAUSES) if items else say(zh("none")))


def progress_title() -> Words:
    """The chart's finding, counted from the targets drawn."""
    return say(
        # TRANSLATORS: chart title, on two lines: {k} of the {n} plan targets that have a later value are reached
        zh("{k} of {n} targets with a later value are\nalready reached · 规划目标进度"),
        k=count("target reached"),
        n=len(with_later()),
    )


def percent(share: float) -> str:
    return f"{share * 100 + 0.0:.0f}%"


def target_name(indicator: str, width: int = 56) -> Words:
    """An indicator's name on the progress chart, wrapped to ``width`` columns: indicators.csv ``name_en`` and,
    in Chinese, ``name_zh`` (broken between characters, ``charts.wrap_cjk``)."""
    i = load_table("indicators").set_index("indicator")
    return both(textwrap.fill(i.loc[indicator, "name_en"], width), zh_CN=wrap_cjk(i.loc[indicator, "name_zh"], width))


def bar_label(r) -> Words:
    """The label above a target's bar: the indicator, then where and by when ('Shenzhen 深圳 · target 2025')."""
    # TRANSLATORS: in the progress chart, under an indicator's name: the region and the year of the plan target
    where = say(zh("{where} · target {year}"), where=region_labels()[r.region], year=r.target_year)
    return cat(target_name(r.indicator), "\n", where)


def progress_chart() -> None:
    h = with_later().sort_values("progress").reset_index(drop=True)
    fig, ax = new_figure(figsize=(4.9, 7.2))
    labels = [bar_label(r) for r in h.itertuples()]
    cols = [colour("shenzhen") if r == "shenzhen" else colour("china") for r in h["region"]]
    ax.barh(range(len(h)), [min(p, CAP) * 100 for p in h["progress"]], color=cols, height=0.36, zorder=2)
    ax.scatter(
        [e * 100 for e in h["elapsed"]],
        range(len(h)),
        marker="|",
        s=150,
        color="#000000",
        zorder=3,
        # TRANSLATORS: chart legend: a tick on each bar where the value would be at the latest value's date, had it
        # moved from the start to the target at an even pace
        label=zh("straight-line pace at the latest value's date"),
    )
    # TRANSLATORS: chart legend: the vertical line at 100 % of the way
    ax.axvline(100, color="#8C6D31", linewidth=1.4, linestyle="-", label=zh("target (100%)"), zorder=1)
    x0 = min(0, h["progress"].min() * 100) - 5
    for i, r in h.iterrows():
        # the value after the bar's end, or after the pace tick where that is further right
        # TRANSLATORS: after a bar cut at 200 %: the share it stands for, and that the bar is cut
        shown = say(zh("{share} (capped)"), share=percent(r.progress)) if r.progress > CAP else percent(r.progress)
        ax.text(max(min(r.progress, CAP), r.elapsed) * 100 + 4, i, shown, va="center")
        ax.text(
            x0 + 1,
            i + 0.24,
            labels[i],
            va="bottom",
            ha="left",
            zorder=4,
            bbox=dict(facecolor="white", edgecolor="none", pad=1),
        )  # the target's name above its bar
    ax.set_yticks([])
    ax.set_ylim(-0.5, len(h) - 0.05)
    ax.set_xlim(x0, 245)
    # TRANSLATORS: x-axis label, on two lines
    ax.set_xlabel(zh("Share of the way from the starting\nvalue to the target (%)"))
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    ax.set_title(progress_title())
    legend_below(ax, ncol=1)
    items = [
        say(
            # TRANSLATORS: in the progress chart's alt text: one target, where, and the share of the way covered
            zh("{name}, {where}, {share}"),
            name=target_name(r.indicator, 10**6),
            where=region_labels()[r.region],
            share=percent(r.progress),
        )
        for r in h.itertuples()
    ]
    alt = say(
        # TRANSLATORS: alt text of the progress chart; {items} lists the targets
        zh(
            "Horizontal bar chart of progress towards each plan target, as a percentage of the way from the starting "
            "value to the target: {items}. A vertical line marks 100%; a tick on each bar marks the straight-line "
            "pace."
        ),
        items=joined(items, SOURCES_SEP),
    )
    data = h[
        ["indicator", "region", "basis", "start", "start_end", "latest", "latest_end", "target", "target_year"]
        + ["progress", "elapsed", "status"]
    ]
    caption = say(
        # TRANSLATORS: caption of the progress chart
        zh(
            "Progress towards plan targets whose period ends after the article. Bars: share of the way covered by "
            "the latest value (capped at 200%); ticks: the share of time elapsed."
        )
    )
    publish_chart(fig, "fig-plan-progress", caption=caption, alt=alt, data=data, source_ids=source_ids(h))


def source_ids(p: pd.DataFrame) -> list[str]:
    return [s for col in ["start_sources", "latest_sources", "target_sources"] for ss in p[col] for s in ss]


def day(ts) -> str:
    return "" if ts is None or pd.isna(ts) else ts.strftime("%Y-%m-%d")


def missing(v) -> bool:
    return v is None or pd.isna(v)


# TRANSLATORS: column headers of the table of plan targets
PLAN_COLUMNS = (
    zh("Indicator"),
    zh("Where"),
    zh("Start"),
    zh("Target"),
    zh("Latest"),
    zh("Progress"),
    zh("Status"),
    zh("Latest from"),
)


def target_table() -> None:
    units = load_table("indicators").set_index("indicator")["unit"]
    rows = []
    none = say(zh("none found"))
    for r in targets().sort_values(["region", "target_year", "name"]).itertuples():
        if missing(r.start):
            start = none
        elif r.start_is_plan_year:
            start = say(zh("{value} ({date})"), value=fmt_num(r.start), date=day(r.start_end))
        else:
            # TRANSLATORS: a starting value that is the earliest found, not the plan's starting year's
            start = say(zh("{value} ({date}, earliest found)"), value=fmt_num(r.start), date=day(r.start_end))
        target = (
            # TRANSLATORS: a plan target: a ceiling by the end of a year
            say(zh("under {value} by end of {year}"), value=fmt_num(r.target), year=r.target_year)
            if r.qualifier == "under"
            # TRANSLATORS: a plan target: a value by the end of a year
            else say(zh("{value} by end of {year}"), value=fmt_num(r.target), year=r.target_year)
        )
        rows.append(
            {
                PLAN_COLUMNS[0]: say(zh("{indicator} ({unit})"), indicator=r.name_words, unit=units[r.indicator]),
                PLAN_COLUMNS[1]: where(r.region),
                PLAN_COLUMNS[2]: start,
                PLAN_COLUMNS[3]: target,
                PLAN_COLUMNS[4]: none
                if missing(r.latest)
                else say(zh("{value} ({date})"), value=fmt_num(r.latest), date=day(r.latest_end)),
                PLAN_COLUMNS[5]: "" if missing(r.progress) else percent(r.progress),
                PLAN_COLUMNS[6]: say(r.status),
                PLAN_COLUMNS[7]: commas(say(WHO_SHORT[x]) for x in r.latest_relations) if r.latest_relations else "",
            }
        )
    show_table_editions(pd.DataFrame(rows))


def glue_missing() -> None:
    sz = targets()[targets()["region"] == "shenzhen"]
    glue(
        "p_sz_note",
        say(zh("the only Shenzhen target found comes from the city's science and technology plan, not its IP plan"))
        if len(sz) == 1
        else say(zh("{n} Shenzhen targets were found"), n=len(sz)),
    )
    years = (
        load_table("observations")
        .query(
            "indicator == 'ip_pledge_amount' and region == 'china' and basis == 'patent_trademark' and period_type == 'year'"
        )["period_end"]
        .dt.year
    )
    glue("p_pledge_first", int(years.min()))
    glue("p_pledge_last", int(years.max()))


def sources() -> None:
    show_sources(pd.Series(source_ids(targets()) + OTHER_SOURCES).unique())
