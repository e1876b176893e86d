"""The pledge-financing page (chapters/finance/02-pledge-financing.ipynb): Shenzhen's and the country's
pledge amounts, each basis on its own, the other cities' figures for the claim's year, and the arithmetic."""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from .. import names
from ..chart_words import NONE, joined, yi_billion
from ..charts import LATER, line_with_gaps, points, publish
from ..evidence import observations, one_per_period, preferred
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, label_axes, mark_article, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import CITY, implied_previous_year, pledge_amounts, pledge_claim_rows, pledge_peers
from .common import (
    CHART_COLUMNS,
    NO_FIGURE,
    basis_words,
    billion_yuan,
    page_rows,
    region_names,
    relation_words,
    row_about,
    show_table_editions,
    word,
    yi,
    yuan,
)

__all__ = ["claim_box", "verdict_box", "glue_checked", "chart", "peers_table", "glue_numbers", "sources"]

NOTEBOOK = "chapters/finance/02-pledge-financing.ipynb"
MARK = {"patent": "o", "patent_trademark": "s", "all_ip": "^", "unspecified": "D"}

use_house_style()


@cache
def amount_claim() -> pd.Series:
    return row_about(page_rows(NOTEBOOK), "ip_pledge_amount")


def year() -> int:
    return int(amount_claim()["period_end"].year)


@cache
def frames() -> dict[str, pd.DataFrame]:
    sz = pledge_amounts(CITY)
    nat = pledge_amounts("china")
    return {
        "sz": sz,
        "nat": nat,
        "nat_full": nat[nat["period_type"] == "year"],
        "peers": pledge_peers(year()),
        "implied": implied_previous_year(sz, observations("ip_pledge_change", regions=CITY)),
    }


def glue_checked() -> None:
    f = frames()
    sz, nat, peers = f["sz"], f["nat"], f["peers"]
    glue("pl_year", year())
    glue("pl_sz_n", plural(len(sz), "figure"))
    glue("pl_sz_src", plural(int(sz["source_id"].nunique()), "source"))
    glue("pl_sz_years", joined(str(y) for y in sorted(sz[sz["period_type"] == "year"]["year"].unique())))
    glue("pl_nat_n", plural(len(nat), "figure"))
    others = sorted(region_names()[r] for r in set(peers["region"]) - {CITY})
    glue("pl_peer_cities", joined(others) if others else word(NONE))
    glue("pl_sz_indep", plural(int(sz["independent"].sum()), "figure"))


def chart_title() -> Words:
    """Whether a source gives Shenzhen's total on the claim's basis for the claim's year, and whether the
    national totals keep one basis: computed from the data."""
    have = not pledge_claim_rows(amount_claim()).empty
    if have:
        # TRANSLATORS: first half of a chart title; {year} is a year
        sz = say(zh("A source gives Shenzhen's {year} patent pledge total"), year=year())
    else:
        # TRANSLATORS: first half of a chart title; {year} is a year
        sz = say(zh("No source gives Shenzhen's {year} patent pledge total"), year=year())
    if frames()["nat_full"]["basis"].nunique() > 1:
        # TRANSLATORS: chart title; {sz} is "No source gives Shenzhen's 2021 patent pledge total" (translated)
        return say(zh("{sz}; national totals change basis · 质押融资"), sz=sz)
    # TRANSLATORS: chart title; {sz} is "No source gives Shenzhen's 2021 patent pledge total" (translated)
    return say(zh("{sz}; national totals keep one basis · 质押融资"), sz=sz)


def chart() -> None:
    f = frames()
    sz, nat, nat_full, imp = f["sz"], f["nat"], f["nat_full"], f["implied"]
    c = amount_claim()
    fig, (ax1, ax2) = new_figure(nrows=2, figsize=(4.9, 8.4))
    # Shenzhen, one marker per basis; part-year totals hollow
    for b, d in sz.groupby("basis"):
        d = d[d["period_type"].isin(["year", "ytd"])]
        x = d["year"] + np.where(d["period_type"] == "ytd", -0.25, 0)
        points(
            ax1,
            x,
            d["value_std"] / 10,
            d["after_article"],
            colour("shenzhen"),
            names.basis(b),
            marker=MARK[b],
            hollow=d["period_type"] == "ytd",
        )
    for _, r in imp.iterrows():
        ax1.scatter(
            [r["year"] + 0.2],
            [r["value_std"] / 10],
            marker=MARK[r["basis"]],
            s=40,
            facecolors="none",
            edgecolors=LATER,
            linewidths=1.4,
            linestyle=":",
            zorder=3,
            label=zh("implied by a later growth rate"),
        )
    ax1.scatter(
        [year()],
        [float(c["stated_value"]) / 10],
        marker="*",
        s=150,
        color=colour("article"),
        zorder=4,
        label=zh("article: patents only 文章"),
    )
    mark_article(ax1, label=zh("article 文章"), axis="year")
    ax1.set_xlim(2017.5, 2024.5)
    ax1.set_ylim(0, sz["value_std"].max() / 10 * 1.3)
    label_axes(ax1, zh("Year 年"), zh("Billion yuan (十亿元)"), zh("Shenzhen 深圳"), legend="upper left")
    # national, one line per basis, joined only across consecutive years
    for b, d in nat_full.groupby("basis"):
        y = one_per_period(d).rename(columns={"value_std": "v", "after_article": "after"})[["v", "after"]].reset_index()
        col = colour("china") if b == "patent_trademark" else colour("beijing")
        line_with_gaps(ax2, y["year"][~y["after"]], y["v"][~y["after"]] / 10, color=col, lw=1.2)
        points(ax2, y["year"], y["v"] / 10, y["after"], col, names.basis(b), marker=MARK[b])
    mark_article(ax2, label=zh("article 文章"), axis="year")
    ax2.set_xlim(2014.5, 2023.5)
    ax2.set_ylim(0, nat_full["value_std"].max() / 10 * 1.3)
    label_axes(ax2, zh("Year 年"), zh("Billion yuan (十亿元)"), zh("China 全国"), legend="upper left")
    fig.suptitle(chart_title())
    nat21 = nat_full[nat_full["year"] == year()]
    cols = [c for c in CHART_COLUMNS if c != "indicator"]
    data = pd.concat([sz[cols], nat[cols]])
    publish(
        fig,
        "fig-pledge",
        data,
        caption=zh(
            "IP pledge financing, Shenzhen (top) and China (bottom), in billion yuan (values are printed in 亿元, "
            "100 million yuan). Markers show the basis: circle patents only, square patents and trademarks, "
            "diamond basis not stated; hollow markers are part-year totals or a figure implied by a later growth "
            "rate; grey: after the article."
        ),
        # TRANSLATORS: alt text of a chart; {stated} and {national} are amounts already in 亿元 in Chinese
        # (the English shows billions): write "{stated} 亿元"
        alt=zh(
            "Two scatter panels in billion yuan. Top: Shenzhen's pledge amounts by basis; there is no sourced "
            "figure for {year}, where the article's {stated} billion is marked. Bottom: national totals, patents "
            "only up to {patent_until} and patents plus trademarks from {pt_from}, reaching {national} billion "
            "in {year}; later values grey."
        ),
        year=year(),
        stated=yi_billion(float(c["stated_value"])),
        patent_until=int(nat_full[nat_full["basis"] == "patent"]["year"].max()),
        pt_from=int(nat_full[nat_full["basis"] == "patent_trademark"]["year"].min()),
        national=yi_billion(preferred(nat21)),
    )


def peers_table() -> None:
    t = frames()["peers"].sort_values("value_std", ascending=False)
    show_table_editions(
        {
            # TRANSLATORS: table header: a city
            zh("City"): [region_names()[r] for r in t["region"]],
            # TRANSLATORS: table header; the Chinese cells are in 亿元, so say 亿元 here
            zh("Amount, billion yuan"): [yi(fmt_num(v / 10, 2), 10**9) for v in t["value_std"]],
            # TRANSLATORS: table header: the basis (what a figure counts)
            zh("Basis"): [basis_words(b) for b in t["basis"]],
            # TRANSLATORS: table header: who publishes the figure (the claimant, an official body, …)
            zh("Who speaks"): [relation_words(r) for r in t["relation"]],
        }
    )


def national(y: int) -> float:
    """The preferred national patents-and-trademarks total for year ``y``."""
    nat_full = frames()["nat_full"]
    return preferred(nat_full[(nat_full["year"] == y) & (nat_full["basis"] == "patent_trademark")])


def glue_numbers() -> None:
    f = frames()
    sz, imp = f["sz"], f["implied"]
    stated = float(amount_claim()["stated_value"])
    pt21 = national(year())
    glue("pl_share_bound", f"{stated / pt21 * 100:.1f}%")
    glue("pl_nat_pt21", yuan(fmt_num(pt21 / 10, 1), 10**9))  # billion yuan; Chinese in 亿元, with its unit
    prev = sz[(sz["basis"] == "patent") & (sz["period_type"] == "year") & (sz["year"] == year() - 1)]
    glue("pl_sz_prev", yuan(fmt_num(prev["value_std"].iloc[0] / 10, 2), 10**9) if len(prev) else word(NO_FIGURE))
    growth = f"{(stated / prev['value_std'].iloc[0] - 1) * 100:.0f}%" if len(prev) else None
    # TRANSLATORS: a growth rate that cannot be worked out (no figure for the year before)
    glue("pl_sz_growth", growth or say(zh("not computable")))
    glue("pl_nat_growth", f"{(pt21 / national(year() - 1) - 1) * 100:.0f}%")
    r = imp[imp["year"] == year()]
    glue("pl_implied", yuan(fmt_num(r["value_std"].iloc[0] / 10, 1), 10**9) if len(r) else word(NONE))
    glue(
        "pl_implied_from",
        # TRANSLATORS: a later total, its year and its growth ("19.48 billion yuan in 2022, up 63.95%")
        say(
            zh("{amount} in {year}, up {change}%"),
            amount=billion_yuan(fmt_num(r["from_value"].iloc[0] / 10, 2)),
            year=int(r["from_year"].iloc[0]),
            change=fmt_num(r["change"].iloc[0]),
        )
        if len(r)
        else "",
    )


def sources() -> None:
    f = frames()
    show_sources(pd.concat([f["sz"]["source_id"], f["nat"]["source_id"], f["peers"]["source_id"]]).unique())
