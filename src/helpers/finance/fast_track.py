"""The fast-track page (chapters/finance/01-fast-track.ipynb): the protection centre's pre-examination and
grant times against its own earlier averages and CNIPA's national invention examination period."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from ..chart_words import NONE, SEMICOLON, joined, month_year
from ..charts import line_with_gaps, points, publish
from ..evidence import one_per_period
from ..gluing import glue
from ..i18n import Words, listing, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import ARTICLE_YEAR_X, colour, label_axes, mark_article, new_figure, use_house_style
from ..tables import show_sources
from ..units import convert
from ..verdicts import plural
from .checks import fast_track, speed_up
from .common import CHART_COLUMNS, page_rows, row_about, sizes, word, yearfrac

__all__ = ["claim_box", "verdict_box", "glue_checked", "chart", "glue_own", "glue_speed_up", "sources"]

NOTEBOOK = "chapters/finance/01-fast-track.ipynb"

use_house_style()


@cache
def claims() -> tuple[pd.Series, pd.Series]:
    """The page's two claims: pre-examination time, grant time."""
    rows = page_rows(NOTEBOOK)
    return row_about(rows, "preexam_days"), row_about(rows, "fasttrack_grant_days")


@cache
def frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    ft = fast_track()
    return ft["preexam"], ft["grant"], ft["national"]


def full_years() -> pd.DataFrame:
    nat = frames()[2]
    return nat[nat["period_type"] == "year"]


def by_year() -> pd.DataFrame:
    """One national value per full year (the preferred source's), with ``v`` and ``after``."""
    return one_per_period(full_years()).rename(columns={"value_std": "v", "after_article": "after"})[["v", "after"]]


def glue_checked() -> None:
    pre, grant, nat = frames()
    glue("ft_n_own", len(pre) + len(grant))
    dates = {month_year(d) for d in pd.concat([pre["period_end"], grant["period_end"]])}
    glue("ft_own_date", joined(sorted(dates)))  # in the English order (alphabetical)
    full = full_years()
    glue("ft_nat_years", f"{int(full['year'].min())}–{int(full['year'].max())}")
    glue("ft_nat_n", len(nat))
    glue("ft_nat_src", int(nat["source_id"].nunique()))
    n_ind = int(pre["independent"].sum() + grant["independent"].sum())
    glue("ft_n_indep", plural(n_ind, "figure") if n_ind else Words("none", plural(0, "figure").editions))


# how long a wait reads (``common.sizes``), in every edition
SIZE_WORDS = {
    # TRANSLATORS: how long a wait takes, in a chart title ("Fast-track times are days and weeks")
    "days": zh("days"),
    # TRANSLATORS: how long a wait takes, in a chart title
    "weeks": zh("weeks"),
    # TRANSLATORS: how long a wait takes, in a chart title
    "months": zh("months"),
    # TRANSLATORS: how long a wait takes, in a chart title ("the national invention average is over a year")
    "over a year": zh("over a year"),
}


def size_words(days: float) -> Words:
    return say(SIZE_WORDS[sizes(days)])


def chart_title() -> Words:
    """How long the fast track's stated times and the last national full year before the article take, in
    words: computed, so a new figure that changes the picture changes the title."""
    c_pre, c_grant = claims()
    fast = list(dict.fromkeys(sizes(float(c["stated_value"])) for c in sorted((c_pre, c_grant), key=stated)))
    yr = by_year()
    last = convert(float(yr[~yr["after"]]["v"].iloc[-1]), "个月", "天")
    return say(
        # TRANSLATORS: chart title; {fast} is one or two of "days", "weeks", "months" (joined by "and"), {last}
        # one of them or "over a year". Keep the line breaks (\n) where the lines would be too long
        zh("Fast-track times are {fast};\nthe national invention average is\n{last} · 审查周期"),
        fast=listing(say(SIZE_WORDS[f]) for f in fast),
        last=size_words(last),
    )


def stated(c: pd.Series) -> float:
    return float(c["stated_value"])


def chart() -> None:
    pre, grant, nat = frames()
    c_pre, c_grant = claims()
    fig, ax = new_figure(figsize=(4.9, 7.2))
    yr = by_year().reset_index()
    days = [convert(v, "个月", "天") for v in yr["v"]]
    before = ~yr["after"]
    line_with_gaps(ax, yr["year"][before], np.array(days)[before], color=colour("china"), lw=1.2, zorder=2)
    points(
        ax,
        yr["year"],
        days,
        yr["after"],
        colour("china"),
        zh("national invention examination\nperiod (CNIPA) 全国发明专利审查周期"),
    )
    part = nat[nat["period_type"] != "year"]
    points(
        ax,
        [yearfrac(t) for t in part["period_end"]],
        [convert(v, "个月", "天") for v in part["value_std"]],
        part["after_article"],
        colour("china"),
        zh("national, part year or\npoint in time"),
        hollow=[True] * len(part),
    )
    series = [
        (
            grant[grant["basis"] == "standard"],
            colour("shenzhen"),
            zh("fast-track grant, all patent\ntypes 快速预审授权周期"),
            "o",
        ),
        (
            grant[grant["basis"] == "invention"],
            colour("shenzhen"),
            zh("fast-track grant, invention\npatents 发明专利"),
            "D",
        ),
        (pre, colour("guangzhou"), zh("pre-examination 预审周期"), "s"),
    ]
    for frame, col, lab, mk in series:
        points(
            ax,
            [yearfrac(t) for t in frame["period_end"]],
            frame["value_std"],
            frame["after_article"],
            col,
            lab,
            marker=mk,
            hollow=frame["qualifier"] == "about",
        )
    star = dict(marker="*", s=140, color=colour("article"), zorder=4)
    ax.scatter([ARTICLE_YEAR_X], [stated(c_grant)], label=zh("article's figures 文章数字"), **star)
    ax.scatter([ARTICLE_YEAR_X], [stated(c_pre)], **star)
    mark_article(ax, side="left")
    ax.set_yscale("log")
    ax.set_yticks([1, 3, 10, 30, 100, 300, 1000], ["1", "3", "10", "30", "100", "300", "1,000"])
    ax.set_ylim(1.5, 4000)
    ax.set_xlim(2015.5, 2025.5)
    label_axes(ax, zh("Year 年"), zh("Days, log scale (天)"), chart_title(), legend=1)
    g_all = grant[grant["basis"] == "standard"]["value_std"].iloc[0]
    data = pd.concat([nat[CHART_COLUMNS], grant[CHART_COLUMNS], pre[CHART_COLUMNS]])
    publish(
        fig,
        "fig-fast-track",
        data,
        caption=zh(
            "Fast-track pre-examination and grant times reported for the China (Shenzhen) IP protection centre, "
            "against CNIPA's national average examination period for invention patents (converted from months to "
            "days). Stars: the article's figures, at its date. Grey: published after the article. Outlined "
            "diamond: an approximate figure."
        ),
        alt=zh(
            "Scatter chart on a log scale of days. CNIPA's national invention examination period falls from "
            "{first} days in {first_year} to {last} in {last_year}; the protection centre's own March 2021 "
            "figures are {grant} days to grant and {pre} days of pre-examination; the article's {c_grant} and "
            "{c_pre} days are marked at its date; values published after the article are grey."
        ),
        first=fmt_num(round(days[0])),
        first_year=int(yr["year"].iloc[0]),
        last=fmt_num(round(days[-1])),
        last_year=int(yr["year"].iloc[-1]),
        grant=fmt_num(g_all),
        pre=fmt_num(pre["value_std"].iloc[0]),
        c_grant=fmt_num(c_grant["stated_value"]),
        c_pre=fmt_num(c_pre["stated_value"]),
    )


def glue_own() -> None:
    pre, grant, _ = frames()
    g_all = grant[grant["basis"] == "standard"].iloc[0]
    g_inv = grant[grant["basis"] == "invention"].iloc[0]
    glue("ft_own_grant", fmt_num(g_all["value_std"]))
    glue("ft_own_pre", fmt_num(pre["value_std"].iloc[0]))
    glue("ft_own_inv", fmt_num(g_inv["value"]))
    glue("ft_own_when", month_year(g_all["period_end"]))


def glue_speed_up() -> None:
    _, grant, _ = frames()
    c_pre, c_grant = claims()
    full = full_years()
    g_inv = grant[grant["basis"] == "invention"].iloc[0]
    year = int(full[~full["after_article"]]["year"].max())
    s = speed_up(stated(c_grant), year)
    glue("ft_su_year", year)
    glue("ft_su_months", fmt_num(s["months"]))
    glue("ft_su_days", fmt_num(round(s["days"])))
    glue("ft_su_ratio", fmt_num(s["ratio"], 0))
    inv_days = float(g_inv["value_std"])
    glue("ft_inv_days", fmt_num(round(inv_days)))
    glue("ft_inv_ratio", fmt_num(speed_up(inv_days, year)["ratio"], 0))
    later = by_year()
    later = later[later["after"]]
    # TRANSLATORS: a later national examination period: the year and its months ("2022: 16.5 months")
    bits = [say(zh("{year}: {months} months"), year=int(y), months=fmt_num(v)) for y, v in later["v"].items()]
    glue("ft_later", joined(bits, SEMICOLON) if bits else word(NONE))
    glue("ft_pre_share", f"{stated(c_pre) / stated(c_grant) * 100:.0f}%")


def sources() -> None:
    pre, grant, nat = frames()
    show_sources(pd.concat([pre["source_id"], grant["source_id"], nat["source_id"]]).unique())
