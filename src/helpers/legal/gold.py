"""The gold-awards page (chapters/legal/04-gold-awards.ipynb): Shenzhen's China Patent Gold Awards per
edition, its share of the national golds, and the rankings publications state."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from .. import names as plain
from ..chart_words import edition, edition_long
from ..charts import publish
from ..evidence import countable, observations
from ..gluing import glue
from ..i18n import Words, cat, say, zh
from ..pages import claim_box, verdict_box
from ..style import colour, legend_below, mark_article, new_figure
from ..tables import show_sources, show_table
from ..verdicts import plural
from . import common  # noqa: F401  (importing it sets the house style)
from .common import NO, YES
from .words import as_published, editions, share_word

__all__ = ["claim_box", "verdict_box", "glue_findings", "editions_chart", "share_table", "rankings_table", "sources"]

NOTEBOOK = "chapters/legal/04-gold-awards.ipynb"


@dataclass(frozen=True)
class Golds:
    gold: pd.DataFrame  # gold rows (patent and design), with the edition number in `ed`
    editions: list[int]
    before: list[int]  # editions announced before the article
    after: list[int]
    shenzhen: pd.DataFrame  # edition × class (gold, design_gold)
    national: pd.DataFrame


@cache
def golds() -> Golds:
    aw = observations("patent_award", regions=["shenzhen", "china"])
    gold = aw[aw["basis"].isin(["gold", "design_gold"])].copy()
    gold["ed"] = gold["period"].str.removeprefix("ed").astype(int)
    eds = aw["period"].str.removeprefix("ed").astype(int)
    editions = list(range(int(eds.min()), int(eds.max()) + 1))
    # an edition counts only if it was announced before the article: every source for it is dated before it
    later = sorted(set(gold.loc[gold["after_article"], "ed"]) - set(gold.loc[~gold["after_article"], "ed"]))
    before = [e for e in editions if e not in later and e < (min(later) if later else 99)]
    after = [e for e in editions if e not in before]
    by = gold.groupby(["region", "basis", "ed"])["value_std"].agg(["min", "max", "size"]).reset_index()

    def table_for(region: str) -> pd.DataFrame:
        t = by[by["region"] == region].pivot(index="ed", columns="basis", values="max").reindex(editions)
        return t.reindex(columns=["gold", "design_gold"])

    return Golds(gold, editions, before, after, table_for("shenzhen"), table_for("china"))


def found() -> list[int]:
    """Editions before the article for which Shenzhen's golds were found."""
    g = golds()
    return [e for e in g.shenzhen.dropna(how="all").index if e in g.before]


def ed_list(es) -> str:
    """'15th, 19th, 20th' / '第 15 届、第 19 届、第 20 届'; 'none' / '无'."""
    return editions(es)


def glue_findings() -> None:
    g = golds()
    glue("gold_eds_found", ed_list(found()))
    glue("gold_eds_missing", ed_list([e for e in g.before if e not in found()]))
    glue("gold_eds_after", ed_list(g.after))
    glue("gold_sz_sum", plural(int(g.shenzhen.loc[g.before].fillna(0).sum().sum()), "gold award"))
    glue("gold_first_ed", edition(g.editions[0]))
    glue("gold_last_ed", edition(g.before[-1]))
    sz_own = g.gold[(g.gold["region"] == "shenzhen") & g.gold["ed"].isin(g.before)]
    glue("gold_sz_own", share_word("all" if not sz_own["independent"].any() else "some"))


def editions_title() -> Words:
    """How many golds Shenzhen wins in the editions found (before the article)."""
    g = golds()
    tot = g.shenzhen.loc[found()].sum(axis=1)
    if tot.empty:
        # TRANSLATORS: chart title (then the Chinese name of the chart, which the English chart has always shown)
        return say(zh("No edition's golds for Shenzhen found · 深圳金奖"))
    lo, hi = int(tot.min()), int(tot.max())
    if 1 <= lo and hi <= 9:
        # TRANSLATORS: chart title: Shenzhen wins a few (1 to 9) China Patent Award golds in each edition
        return say(zh("Shenzhen wins a handful of golds in each edition found · 深圳金奖"))
    # TRANSLATORS: chart title: Shenzhen wins {lo} to {hi} golds in each edition
    return say(zh("Shenzhen wins {lo} to {hi} golds in each edition found · 深圳金奖"), lo=lo, hi=hi)


def editions_chart() -> None:
    g = golds()
    fig, ax = new_figure()
    x = np.arange(len(g.editions))
    pg, dg = g.shenzhen["gold"].to_numpy(dtype=float), g.shenzhen["design_gold"].to_numpy(dtype=float)
    late = [e in g.after for e in g.editions]
    pcol = [("#BBBBBB" if v else colour("shenzhen")) for v in late]
    dcol = [("#DDDDDD" if v else "#F0B27A") for v in late]
    ax.bar(x, np.nan_to_num(pg), color=pcol, label=zh("Patent gold 专利金奖"))
    ax.bar(x, np.nan_to_num(dg), bottom=np.nan_to_num(pg), color=dcol, label=zh("Design gold 外观设计金奖"))
    missing = [i for i in range(len(g.editions)) if np.isnan(pg[i]) and np.isnan(dg[i])]
    if missing:  # a gap is shown, not filled: a grey cross on the axis
        ax.scatter(
            missing,
            [0] * len(missing),
            marker="x",
            color="#777777",
            s=40,
            zorder=4,
            clip_on=False,
            label=zh("no source 无数据"),
        )
    if g.after:
        at = g.editions.index(g.after[0]) - 0.5
        # TRANSLATORS: label of the article's line on the gold-awards chart (two lines)
        mark_article(ax, x=at, label=zh("article published\n(later editions greyed)"), side="left")
    ax.set_xticks(x, [str(e) for e in g.editions])
    # TRANSLATORS: axis labels of the gold-awards chart
    ax.set_ylabel(zh("Gold awards won by Shenzhen entities (项)"))
    ax.set_xlabel(zh("China Patent Award edition (第N届)"))
    ax.set_title(editions_title())
    legend_below(ax, ncol=2)
    ax.yaxis.get_major_locator().set_params(integer=True)
    data = g.gold[["region", "period", "basis", "value", "unit", "relation", "after_article", "note", "source_id"]]
    publish(
        fig,
        "fig-gold-awards",
        data,
        # TRANSLATORS: caption of the gold-awards chart
        caption=zh(
            "Gold awards won by Shenzhen entities per edition of the China Patent Award (patent and design golds "
            "stacked). Editions with no source are marked; editions announced after the article are grey and do "
            "not count."
        ),
        # TRANSLATORS: alt text of the gold-awards chart; {found} and {after} are lists of editions ("22nd, 23rd")
        alt=zh(
            "Stacked bar chart of gold awards won by Shenzhen entities per China Patent Award edition, patent gold "
            "and design gold; the {found} editions before the article have data; editions after the article "
            "({after}) are greyed after a dashed line; the others are marked as having no source."
        ),
        found=editions(found()),
        after=editions(g.after),
    )


def share_range(share: pd.Series) -> str:
    """The words for Shenzhen's share of the national golds over the editions before the article."""
    pre = share[[e in golds().before for e in share.index]]
    # TRANSLATORS: the end of "Shenzhen's share of the national golds …" (a glued value: the sentence is in the
    # page's catalog)
    if not len(pre):
        return say(zh("cannot be computed"))
    lo, hi = (f"{v:.0f}%" for v in (pre.min(), pre.max()))
    if lo != hi:
        # TRANSLATORS: "Shenzhen's share of the national golds ranges from 9% to 15%"
        return say(zh("ranges from {lo} to {hi}"), lo=lo, hi=hi)
    if len(pre) == 1:
        # TRANSLATORS: "Shenzhen's share of the national golds is 12% (one edition)"
        return say(zh("is {share} (one edition)"), share=lo)
    # TRANSLATORS: "Shenzhen's share of the national golds is 12% in each of 3 editions"
    return say(zh("is {share} in each of {n}"), share=lo, n=plural(len(pre), "edition"))


def share_table() -> None:
    g = golds()
    tot_sz = g.shenzhen.sum(axis=1, min_count=2)
    tot_nat = g.national.sum(axis=1, min_count=2)
    share = (tot_sz / tot_nat * 100).dropna()
    t = pd.DataFrame(
        {
            # TRANSLATORS: column: an edition of the China Patent Award
            zh("Edition"): [
                # TRANSLATORS: after an award edition announced after the article ("24th edition")
                cat(edition_long(e), say(zh(" (after the article)")) if e in g.after else "")
                for e in share.index
            ],
            # TRANSLATORS: column: gold awards (patent gold and design gold) won by Shenzhen entities
            zh("Shenzhen golds (patent + design)"): [int(v) for v in tot_sz[share.index]],
            # TRANSLATORS: column: gold awards (patent gold and design gold) given nationally
            zh("National golds (patent + design)"): [int(v) for v in tot_nat[share.index]],
            # TRANSLATORS: column: Shenzhen's share of the national golds
            zh("Shenzhen share"): [f"{v:.0f}%" for v in share],
        }
    )
    glue("gold_share_range", share_range(share))
    show_table(t)


@cache
def rankings() -> pd.DataFrame:
    return observations("patent_award_rank", regions="shenzhen")


def rankings_table() -> None:
    rk = rankings()
    show_table(
        pd.DataFrame(
            {
                # TRANSLATORS: column: the period a ranking is about (a year, an award edition)
                zh("Period"): [plain.period(p, t) for p, t in zip(rk["period"], rk["period_type"])],
                # TRANSLATORS: column: Shenzhen's rank among cities
                zh("Rank"): rk["value"].astype(int),
                # TRANSLATORS: column: which award classes are ranked (gold, all awards…)
                zh("Classes"): rk["basis"].map(plain.basis),
                # TRANSLATORS: column: what the source ranks, as transcribed from it (stays in English)
                zh("What the source ranks"): [as_published(plain.note(n)) for n in rk["note"]],
                # TRANSLATORS: column: the outlet that published the ranking
                zh("Outlet"): [o if re.search(r"[\u4e00-\u9fff]", o) else as_published(o) for o in rk["outlet"]],
                # TRANSLATORS: column: who speaks (the claimant, a national official, an independent source)
                zh("Who speaks"): rk["relation"].map(plain.relation),
                # TRANSLATORS: column: whether the ranking may count toward the verdict ("yes" or "no")
                zh("Counts toward the verdict"): [say(YES) if ok else say(NO) for ok in countable(rk)],
            }
        )
    )


def sources() -> None:
    show_sources(pd.concat([golds().gold["source_id"], rankings()["source_id"]]).unique())
