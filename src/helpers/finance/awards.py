"""The China Patent Award page (chapters/finance/05-patent-awards.ipynb): Shenzhen's awards by edition,
the national totals, and the count the city's own later reports imply for the claim's edition."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import names
from ..chart_words import SEMICOLON, joined
from ..charts import LATER, points, publish
from ..evidence import ARTICLE_DATE, preferred
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, label_axes, mark_article, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import CITY, award_class, award_counts, edition_number, implied_counts, national_edition_totals
from .common import NO_FIGURE, YES, edition, page_rows, relation_words, show_table_editions, word
from .common import editions as edition_list

__all__ = ["claim_box", "verdict_box", "verdict_boxes", "glue_checked"]  # what the page's notebook calls
__all__ += ["chart", "arithmetic_table", "glue_count", "glue_numbers", "sources"]

NOTEBOOK = "chapters/finance/05-patent-awards.ipynb"
PEERS = [(CITY, "o"), ("beijing", "s"), ("zhejiang", "^")]
ANNOUNCED = pd.Timestamp("2022-07-22")  # CNIPA's decision on the claim's edition: where the article sits between

use_house_style()


@cache
def claims() -> dict[str, pd.Series]:
    """The page's count claims by award class ('all', 'gold'), from the ledger."""
    rows = page_rows(NOTEBOOK)
    return {award_class(r): r for _, r in rows[rows["kind"] == "count"].iterrows()}


def stated(basis: str) -> float:
    return float(claims()[basis]["stated_value"])


def ed() -> int:
    return edition_number(claims()["all"]["period"])


@cache
def frames() -> dict[str, pd.DataFrame]:
    allc, gold = award_counts("all"), award_counts("gold")
    imp = implied_counts()
    return {
        "all": allc,
        "sz_all": allc[allc["region"] == CITY],
        "gold": gold,
        "sz_gold": gold[gold["region"] == CITY],
        "implied": imp,
        "sz_implied": imp[imp["region"] == CITY].drop_duplicates(["edition"]),
        "totals": national_edition_totals(),
    }


def edition_totals() -> pd.Series:
    return frames()["totals"].drop_duplicates("edition").set_index("edition")["total"]


def verdict_boxes() -> None:
    """The verdict of each of the page's claims, in the ledger's order."""
    for cid in page_rows(NOTEBOOK)["claim_id"]:
        verdict_box(cid)


def editions(es) -> Words:
    """'the 21st, 22nd and 24th editions'-style list (without 'the'), in Chinese '第 21、22和24 届'."""
    return edition_list(es)


def glue_checked() -> None:
    f = frames()
    sz_all, sz_gold = f["sz_all"], f["sz_gold"]
    glue("aw_editions", editions(set(sz_all["edition"]) | set(sz_gold["edition"])))
    glue("aw_nat_editions", editions(edition_totals().index))
    glue("aw_ed", edition(ed()))
    n23 = int((sz_all["edition"] == ed()).sum() + (sz_gold["edition"] == ed()).sum())
    glue("aw_n_sz23", plural(n23, "figure") if n23 else Words("no figure", plural(0, "figure").editions))


def implied_here() -> float | None:
    """The count the city's own later figures imply for the claim's edition (None if none)."""
    e = frames()["sz_implied"]
    e = e[e["edition"] == ed()]["value"]
    return float(e.iloc[0]) if len(e) else None


def chart_title() -> Words:
    """What the city's own later figures imply against the stated count, in words: computed."""
    implied = implied_here()
    if implied is None:
        # TRANSLATORS: chart title
        return say(zh("No later figure of Shenzhen's implies a count for the edition · 中国专利奖"))
    n = round(implied)
    if n > stated("all"):
        # TRANSLATORS: chart title: Shenzhen's later reports imply more awards in the edition than the article says
        return say(zh("Shenzhen's own later figures point to more than the stated count · 中国专利奖"))
    if n < stated("all"):
        # TRANSLATORS: chart title: Shenzhen's later reports imply fewer awards in the edition than the article says
        return say(zh("Shenzhen's own later figures point to fewer than the stated count · 中国专利奖"))
    # TRANSLATORS: chart title: Shenzhen's later reports imply the count the article says
    return say(zh("Shenzhen's own later figures point to the same as the stated count · 中国专利奖"))


def chart() -> None:
    f = frames()
    allc, sz_all, sz_gold, i_sz = f["all"], f["sz_all"], f["sz_gold"], f["sz_implied"]
    x_article = ed() + (ARTICLE_DATE - ANNOUNCED).days / 365
    fig, (ax1, ax2) = new_figure(nrows=2, figsize=(4.9, 8.4))
    for reg, mk in PEERS:
        d = allc[allc["region"] == reg].drop_duplicates(["edition", "value_std"])
        if len(d):
            points(
                ax1,
                d["edition"],
                d["value_std"],
                d["after_article"],
                colour(reg),
                names.regions()[reg],
                marker=mk,
                later_label=None,
            )
        for _, r in d[d["after_article"] & (d["region"] != CITY)].iterrows():
            ax1.annotate(
                names.regions()[reg],
                (r["edition"], r["value_std"]),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                color="#555555",
            )
    points(
        ax1,
        i_sz["edition"] + 0.12,
        i_sz["value"],
        i_sz["after_article"],
        colour(CITY),
        zh("Shenzhen, worked out from a later report"),
        marker="o",
        hollow=[True] * len(i_sz),
        later_label=None,
    )
    star = dict(marker="*", s=160, color=colour("article"), zorder=4, label=zh("article 文章"))
    ax1.scatter([ed()], [stated("all")], **star)
    ax1.scatter([], [], marker="o", color=LATER, label=zh("published after the article"))
    mark_article(ax1, x=x_article, label="")
    label_axes(ax1, zh("Edition 届"), zh("Awards, all classes (项)"), zh("All awards 全部奖项"))
    ax1.set_ylim(0, allc[allc["region"] != "china"]["value_std"].max() * 1.3)
    ax1.legend(loc="upper left", frameon=True, framealpha=1, edgecolor="none")
    d = sz_gold.drop_duplicates(["edition", "value_std"])
    points(
        ax2,
        d["edition"],
        d["value_std"],
        d["after_article"],
        colour(CITY),
        zh("Shenzhen gold awards 深圳金奖"),
        later_label=None,
    )
    ax2.scatter([ed()], [stated("gold")], **star)
    mark_article(ax2, x=x_article, label="")
    label_axes(ax2, zh("Edition 届"), zh("Patent gold awards (项)"), zh("Patent gold 专利金奖"))
    ax2.set_ylim(0, d["value_std"].max() * 1.6)
    ax2.legend(loc="upper left", frameon=True, framealpha=1, edgecolor="none")
    for ax in (ax1, ax2):
        ax.set_xlim(19.5, 25.5)
        ax.set_xticks(range(20, 26))
    fig.suptitle(chart_title())
    cols = ["region", "period", "period_type", "value", "unit", "value_std", "basis", "note", "source_id"]
    cols += ["relation", "after_article"]
    data = pd.concat([allc[allc["region"] != "china"][cols], sz_gold[cols]])
    publish(
        fig,
        "fig-awards",
        data,
        caption=zh(
            "China Patent Award results by edition. Top: awards of all classes for Shenzhen and the peers found; "
            "hollow circles are counts worked out from a later report's count and percentage change. Bottom: "
            "Shenzhen's patent gold awards. The dashed line marks the article's date, between the 23rd edition "
            "(announced July 2022) and the 24th."
        ),
        alt=zh(
            "Two scatter panels by award edition. Top: Shenzhen's awards, {ed21} in the 21st and {ed22} in the "
            "22nd edition; for the 23rd the article's {stated} is marked, and the city's later figures imply about "
            "{implied}. Bottom: Shenzhen's patent gold awards per edition with the article's {gold} marked. Grey: "
            "published after the article."
        ),
        ed21=fmt_num(sz_all[sz_all["edition"] == 21]["value_std"].iloc[0]),
        ed22=fmt_num(sz_all[sz_all["edition"] == 22]["value_std"].iloc[0]),
        stated=fmt_num(stated("all")),
        implied=fmt_num(round(implied_here())),
        gold=fmt_num(stated("gold")),
    )


def arithmetic_table() -> None:
    imp_t = frames()["implied"].drop_duplicates(["edition", "from_value", "change"])
    show_table_editions(
        {
            # TRANSLATORS: table header: what a report of the city's gives (an edition's count and its growth)
            zh("Report gives"): [
                # TRANSLATORS: a table cell ("24th edition: 98 awards, up 14%")
                say(
                    zh("{edition}: {n} awards, up {change}%"),
                    edition=edition(int(r["from_edition"])),
                    n=fmt_num(r["from_value"]),
                    change=fmt_num(r["change"]),
                )
                for _, r in imp_t.iterrows()
            ],
            # TRANSLATORS: table header: the previous edition's count worked out from the report's figures
            zh("Previous edition worked out"): [
                say(
                    zh("{edition}: {n} ÷ {factor} ≈ {value}"),
                    edition=edition(int(r["edition"])),
                    n=fmt_num(r["from_value"]),
                    factor=fmt_num(1 + r["change"] / 100, 2),
                    value=f"{r['value']:.1f}",
                )
                for _, r in imp_t.iterrows()
            ],
            zh("Who speaks"): [relation_words(r) for r in imp_t["relation"]],
            zh("After the article"): [word(YES) if a else "" for a in imp_t["after_article"]],
        }
    )


def glue_count() -> None:
    f = frames()
    sz_all, i_sz = f["sz_all"], f["sz_implied"]
    e21 = sz_all[sz_all["edition"] == ed() - 2]["value_std"]
    glue("aw_own21", fmt_num(e21.iloc[0]) if len(e21) else word(NO_FIGURE))
    implied = implied_here()  # every copy derives it from the same printed figures
    glue("aw_impl23", fmt_num(round(implied)) if implied is not None else word(NO_FIGURE))
    i21 = i_sz[i_sz["edition"] == ed() - 2]["value"]
    glue("aw_impl21", fmt_num(round(i21.iloc[0])) if len(i21) else word(NO_FIGURE))  # a count: whole awards
    glue("aw_stated", fmt_num(stated("all")))


def glue_numbers() -> None:
    f = frames()
    allc, sz_all, gold = f["all"], f["sz_all"], f["gold"]
    tot = edition_totals()
    t23 = tot.get(ed())
    glue("aw_nat23", fmt_num(t23))
    glue("aw_share_stated", f"{stated('all') / t23 * 100:.1f}%")
    glue("aw_share_impl", f"{round(implied_here()) / t23 * 100:.1f}%")
    ng = preferred(gold[(gold["region"] == "china") & (gold["edition"] == ed())])
    glue("aw_gold_nat", fmt_num(ng))
    glue("aw_gold_share", f"{stated('gold') / ng * 100:.0f}%")
    shares = [
        (e, preferred(sz_all[sz_all["edition"] == e]) / tot[e] * 100)
        for e in tot.index
        if (sz_all["edition"] == e).any()
    ]
    # TRANSLATORS: an edition and Shenzhen's share of its awards ("22nd edition: 10.1%")
    bits = [say(zh("{edition}: {share}%"), edition=edition(int(e)), share=f"{s:.1f}") for e, s in shares]
    glue("aw_other_shares", joined(bits, SEMICOLON))
    bj = allc[allc["region"] == "beijing"]
    glue(
        "aw_bj",
        # TRANSLATORS: a region's count of awards in an edition ("152 in the 24th edition")
        say(
            zh("{n} in the {edition}"),
            n=fmt_num(bj["value_std"].iloc[0]),
            edition=edition(edition_number(bj["period"].iloc[0])),
        )
        if len(bj)
        else word(NO_FIGURE),
    )


def sources() -> None:
    f = frames()
    gold = f["gold"]
    ids = [f["all"]["source_id"], f["sz_gold"]["source_id"], gold[gold["region"] == "china"]["source_id"]]
    ids += [f["implied"]["source_id"], f["totals"]["source_id"]]
    show_sources(pd.concat(ids).unique())
