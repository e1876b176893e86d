"""The securitisation page (chapters/finance/03-securitisation.ipynb): every dated running total for
Shenzhen, Guangdong and the country, the article's four totals against them, and the arithmetic."""

from __future__ import annotations

from functools import cache

import pandas as pd
from matplotlib.ticker import MultipleLocator

from .. import names
from ..chart_words import joined, month_year
from ..charts import LATER, points, publish
from ..evidence import observations
from ..gluing import glue
from ..i18n import Words, in_lang, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import ARTICLE_YEAR_X, colour, mark_article, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import CITY, indicators, ipsec_snapshots
from .common import (
    CHART_COLUMNS,
    YES,
    indicator_names,
    page_rows,
    region_names,
    relation_words,
    show_table_editions,
    word,
    yearfrac,
    yuan,
)

__all__ = ["claim_box", "verdict_box", "verdict_boxes", "glue_checked"]  # what the page's notebook calls
__all__ += ["chart", "totals_table", "glue_numbers", "sources"]

NOTEBOOK = "chapters/finance/03-securitisation.ipynb"
# the two totals the chart shows: (indicator, axis label, divide by, panel title)
PANELS = [
    ("ipsec_products", zh("Products issued (件/单/只)"), 1, zh("Products 产品数量")),
    ("ipsec_issuance", zh("Issuance, billion yuan (十亿元)"), 10, zh("Money raised 发行规模")),
]

use_house_style()


@cache
def claims() -> dict[str, pd.Series]:
    """The page's claims by indicator (one running total each), in the ledger's order."""
    return {indicators(r)[0]: r for _, r in page_rows(NOTEBOOK).iterrows()}


def stated(indicator: str) -> float:
    return float(claims()[indicator]["stated_value"])


@cache
def snapshots() -> dict[str, pd.DataFrame]:
    return {i: ipsec_snapshots(i) for i in claims()}


def all_rows() -> pd.DataFrame:
    return pd.concat(snapshots().values())


def singles() -> pd.DataFrame:
    return observations("ipsec_issuance", basis="single_product")


def shares() -> pd.DataFrame:
    return observations("ipsec_share_national", regions=CITY)


def verdict_boxes() -> None:
    """The verdict of each of the page's claims, in the ledger's order."""
    for c in claims().values():
        verdict_box(c["claim_id"])


def glue_checked() -> None:
    allrows = all_rows()
    sz = allrows[allrows["region"] == CITY]
    glue("ip_n", plural(len(allrows), "dated total"))
    glue("ip_src", plural(int(allrows["source_id"].nunique()), "source"))
    glue("ip_sz_dates", joined(sorted({month_year(d) for d in sz["period_end"]}, key=lambda s: pd.Timestamp(s))))
    glue("ip_sz_indep", plural(int(sz["independent"].sum()), "total"))
    glue("ip_single", plural(len(singles()), "single product"))


def brackets(indicator: str) -> bool:
    """Do Shenzhen's own totals just before and just after the article's date enclose the stated total?"""
    o = snapshots()[indicator]
    o = o[o["region"] == CITY]
    end = claims()[indicator]["period_end"]
    before, after = o[o["period_end"] < end].tail(1), o[o["period_end"] > end].head(1)
    if before.empty or after.empty:
        return False
    return float(before["value_std"].iloc[0]) <= stated(indicator) <= float(after["value_std"].iloc[0])


def chart_title() -> Words:
    """Whether Shenzhen's own totals before and after the article bracket the charted figures: computed."""
    if all(brackets(i) for i, *_ in PANELS):
        # TRANSLATORS: chart title: Shenzhen's own totals published just before and just after the article's
        # date enclose the article's figures
        return say(
            zh("Totals published for Shenzhen before and after bracket the article's figures · 知识产权证券化累计")
        )
    # TRANSLATORS: chart title: the totals published before and after the article do not all enclose its figures
    return say(
        zh(
            "Totals published for Shenzhen before and after do not all bracket the article's figures · 知识产权证券化累计"
        )
    )


def chart() -> None:
    snaps = snapshots()
    fig, axes = new_figure(nrows=2, figsize=(4.9, 8.4))
    for ax, (ind, ylab, div, title) in zip(axes, PANELS):
        o = snaps[ind]
        for reg, mk in [(CITY, "o"), ("guangdong", "s"), ("china", "^")]:
            d = o[o["region"] == reg]
            if d.empty:
                continue
            points(
                ax,
                [yearfrac(t) for t in d["period_end"]],
                d["value_std"] / div,
                d["after_article"],
                colour(reg),
                names.regions()[reg],
                marker=mk,
                hollow=d["qualifier"].isin(["over", "nearly"]),
                later_label=None,
            )
        ax.scatter(
            [ARTICLE_YEAR_X],
            [stated(ind) / div],
            marker="*",
            s=150,
            color=colour("article"),
            zorder=4,
            label=zh("article 文章"),
        )
        mark_article(ax, label="")
        ax.scatter([], [], marker="o", color=LATER, label=zh("after the article 文章发表后"))
        ax.set_xlim(2021.4, 2024.9)
        ax.set_ylim(0, o["value_std"].max() / div * 1.3)
        ax.set_xlabel(zh("Date of the running total 截至日期"))
        ax.set_ylabel(ylab)
        ax.xaxis.set_major_locator(MultipleLocator(1))
        ax.legend(loc="upper left", frameon=True, framealpha=1, edgecolor="none")
        ax.set_title(title)
    fig.suptitle(chart_title())
    products = PANELS[0][0]
    pr = snaps[products]
    pr_sz = pr[pr["region"] == CITY]
    data = pd.concat([snaps[i] for i, *_ in PANELS])[CHART_COLUMNS]
    publish(
        fig,
        "fig-ipsec",
        data,
        caption=zh(
            "Running totals of IP securitisation products (top) and money raised (bottom, billion yuan; printed in "
            "亿元). Shenzhen's totals are the city's own; the Guangdong and national totals count exchange-listed "
            "products by the originator's province, or projects in the issuing cities. The dashed line marks the "
            "article's date. Circles: Shenzhen; squares: Guangdong; triangles: China. Hollow: 'over' or 'nearly' "
            "figures. Grey: after the article."
        ),
        # TRANSLATORS: alt text of a chart; {start} and {end} are months ("March 2021", translated)
        alt=zh(
            "Two scatter panels of running totals by date. Shenzhen's own product count rises from {first} to "
            "{last} between {start} and {end}, with the article's {stated} at its date; national and Guangdong "
            "totals, on other definitions, are shown in their own colours; grey: after the article."
        ),
        first=fmt_num(pr_sz["value_std"].iloc[0]),
        last=fmt_num(pr_sz["value_std"].iloc[-1]),
        start=month_year(pr_sz["period_end"].iloc[0]),
        end=month_year(pr_sz["period_end"].iloc[-1]),
        stated=fmt_num(stated(products)),
    )


def totals_table() -> None:
    t = all_rows().sort_values(["indicator", "period_end", "region"])
    ind_names = indicator_names()
    qualifiers = {q: Words(w, {"zh_CN": QUALIFIER_ZH[q]}) for q, w in names.QUALIFIER.items()}
    show_table_editions(
        {
            # TRANSLATORS: table header: what is measured
            zh("Measure"): [ind_names[i] for i in t["indicator"]],
            # TRANSLATORS: table header: the region
            zh("Where"): [region_names()[r] for r in t["region"]],
            # TRANSLATORS: table header: the date of a running total
            zh("As of"): [f"{d:%Y-%m-%d}" for d in t["period_end"]],
            # TRANSLATORS: table header: the value with the unit the source prints
            zh("Value as printed"): [
                cat_value(qualifiers[q or ""], fmt_num(v), u) for q, v, u in zip(t["qualifier"], t["value"], t["unit"])
            ],
            # TRANSLATORS: table header: what the source's total counts (our note, in English from the data)
            zh("What is counted"): [english(n) for n in t["note"]],
            zh("Who speaks"): [relation_words(r) for r in t["relation"]],
            # TRANSLATORS: table header: whether the figure was published after the article
            zh("After the article"): [word(YES) if a else "" for a in t["after_article"]],
        }
    )


# the article's qualifiers as Chinese prints them (超, 近, 约 …), before a figure in a table
QUALIFIER_ZH = {"": "", "about": "约", "over": "超过", "nearly": "近", "under": "不到", "at_least": "至少"}


def cat_value(q, v: str, unit: str):
    """'more than 1,500 家' (helpers.names.QUALIFIER), in Chinese '超过 1,500 家'."""
    en = f"{q} {v} {unit}".strip()
    return Words(en, {lang: f"{in_lang(q, lang)} {v} {unit}".strip() for lang in q.editions})


def english(text: str) -> str:
    """A note from the data, in English in every edition (no Chinese column): marked as English for the
    Chinese edition's reader and screen reader."""
    if not text:
        return text
    return Words(text, {"zh_CN": f'<span lang="en">{text}</span>'})


def shenzhen_total(indicator: str, when: pd.Timestamp) -> float:
    o = snapshots()[indicator]
    return o[(o["region"] == CITY) & (o["period_end"] == when)]["value_std"].iloc[0]


def glue_numbers() -> None:
    products, money = stated("ipsec_products"), stated("ipsec_issuance")
    items, firms = stated("ipsec_pledged_ip"), stated("ipsec_firms")
    # million yuan; the Chinese value carries its own unit (亿元 or 万元)
    glue("ip_avg_issue", yuan(fmt_num(money / products * 100, 0), 10**6))  # 亿元 -> million yuan
    glue("ip_per_firm", yuan(fmt_num(money * 1e8 / firms / 1e6, 1), 10**6))
    glue("ip_items_per_firm", fmt_num(items / firms, 1))
    glue("ip_items_per_product", fmt_num(items / products, 0))
    glue("ip_firms_per_product", fmt_num(firms / products, 0))
    allrows = all_rows()
    nat = allrows[(allrows["region"] == "china") & (allrows["period_end"] == pd.Timestamp("2021-12-31"))]
    n_amt = nat[nat["indicator"] == "ipsec_issuance"]["value_std"].iloc[0]
    n_firms = nat[nat["indicator"] == "ipsec_firms"]["value_std"].iloc[0]
    glue("ip_nat_per_firm", yuan(fmt_num(n_amt * 1e8 / n_firms / 1e6, 1), 10**6))
    sh = shares()
    cnt = sh[sh["basis"] == "count"].iloc[0]
    amt = sh[sh["basis"] == "amount"].iloc[0]
    szc = shenzhen_total("ipsec_products", cnt["period_end"])
    sza = shenzhen_total("ipsec_issuance", amt["period_end"])
    glue("ip_share_cnt", fmt_num(cnt["value_std"]))
    glue("ip_share_amt", fmt_num(amt["value_std"]))
    glue("ip_impl_nat_cnt", fmt_num(round(szc / cnt["value_std"] * 100)))
    glue("ip_impl_nat_amt", yuan(fmt_num(sza / amt["value_std"] * 100 / 10, 1), 10**9))  # billion yuan
    glue("ip_share_when", month_year(cnt["period_end"]))


def sources() -> None:
    show_sources(pd.concat([all_rows()["source_id"], singles()["source_id"], shares()["source_id"]]).unique())
