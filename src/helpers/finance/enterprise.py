"""The enterprise-share page (chapters/finance/04-enterprise-share.ipynb): every stated share of patents
owned or filed by enterprises, one computed for Shenzhen from counts and one for the country."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import names
from ..charts import LATER, publish_chart
from ..gluing import glue
from ..i18n import LANGUAGES, Words, tr
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import CITY, enterprise_invention_bound, enterprise_shares, national_enterprise_in_force
from .common import MONTH_RANGE, NO_FIGURE, NONE, joined, page_rows, region_names, word

__all__ = ["claim_box", "verdict_box", "glue_checked", "chart", "glue_bound", "glue_national", "sources"]

NOTEBOOK = "chapters/finance/04-enterprise-share.ipynb"

use_house_style()


@cache
def the_claim() -> pd.Series:
    return page_rows(NOTEBOOK).iloc[0]


def year() -> int:
    return int(the_claim()["period_end"].year)


@cache
def shares() -> pd.DataFrame:
    return enterprise_shares()


@cache
def bound() -> dict | None:
    return enterprise_invention_bound(year())


@cache
def in_force() -> dict | None:
    return national_enterprise_in_force()


def glue_checked() -> None:
    s = shares()
    glue("es_n", plural(len(s), "stated share"))
    glue("es_src", plural(int(s["source_id"].nunique()), "source"))
    glue("es_regions", joined(sorted({region_names()[r] for r in s["region"]})))
    glue("es_year", year())
    sz_years = [str(y) for y in sorted(s[s["region"] == CITY]["year"].unique())]
    glue("es_sz_years", joined(sz_years) if sz_years else word(NONE))


def bars() -> pd.DataFrame:
    """One bar per share: stated ones, then Shenzhen's computed bound and the national computed share."""
    rows = [
        {
            "label": f"{names.regions()[r['region']]} · {r['measure']}, {names.basis(r['basis'])} · "
            f"{names.period(r['period'], r['period_type'])}",
            "v": r["value_std"],
            "region": r["region"],
            "after": bool(r["after_article"]),
            "bound": False,
            "source_id": r["source_id"],
            "relation": r["relation"],
        }
        for _, r in shares().iterrows()
    ]
    b, nf = bound(), in_force()
    if b:
        rows.append(
            {
                "label": f"Shenzhen · invention grants, computed · {b['year']}",
                "v": b["share"],
                "region": CITY,
                "after": False,
                "bound": b["lower_bound"],
                "source_id": ";".join(b["source_ids"]),
                "relation": "claimant",
            }
        )
    if nf:
        rows.append(
            {
                "label": f"China (national) · invention patents in force, computed · end {nf['point'][:4]}",
                "v": nf["share"],
                "region": "china",
                "after": False,
                "bound": False,
                "source_id": ";".join(nf["source_ids"]),
                "relation": "national_official",
            }
        )
    return pd.DataFrame(rows).sort_values("v").reset_index(drop=True)


def chart_title() -> str:
    """Shenzhen's computed share against the national one, by how many percentage points: computed from the
    two shares (the same gap the page glues as ``es_gap``)."""
    gap = round(bound()["share"] - in_force()["share"])
    where = f"{abs(gap)} points {'above' if gap > 0 else 'below'}" if gap else "level with"
    return f"Shenzhen's enterprise share is {where}\nthe national one · 企业专利占比"


def chart() -> None:
    c, b, nf = the_claim(), bound(), in_force()
    t = bars()
    fig, ax = new_figure(figsize=(4.9, 0.62 * len(t) + 1.4))
    for i, r in t.iterrows():
        col = LATER if r["after"] else colour(r["region"])
        ax.barh(
            i,
            r["v"],
            color="none" if r["bound"] else col,
            edgecolor=col,
            hatch="//" if r["bound"] else None,
            height=0.42,
        )
        ax.annotate(
            f"{'≥' if r['bound'] else ''}{r['v']:.1f}%",
            (r["v"], i),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
        )
        ax.annotate(r["label"], (0, i + 0.24), xytext=(1, 0), textcoords="offset points", va="bottom", ha="left")
    ax.axvline(float(c["stated_value"]), color=colour("article"), ls=":", lw=1.2)
    ax.annotate(
        "article: nearly 90% 文章",
        (float(c["stated_value"]), len(t) - 0.2),
        xytext=(-3, 0),
        textcoords="offset points",
        ha="right",
        va="bottom",
    )
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.set_ylim(-0.5, len(t) + 0.3)
    ax.set_xlim(0, 108)
    ax.set_xlabel("Share owned or filed by enterprises (%) 企业占比")
    ax.set_title(chart_title(), loc="left")
    alt = (
        f"Horizontal bar chart of {len(t)} enterprise shares of patents, from {t['v'].min():.0f}% to "
        f"{t['v'].max():.0f}%. Shenzhen's shares are highest; the computed Shenzhen share of invention grants in "
        f"{year()} is at least {b['share']:.1f}%, against a national {nf['share']:.1f}% of invention patents in "
        "force; a dotted line marks the article's 90%."
    )
    data = t.rename(columns={"v": "share_percent"})[
        ["label", "share_percent", "bound", "after", "relation", "source_id"]
    ]
    caption = "Enterprises' share of patent applications, grants or patents in force, as stated by each source or computed from counts. Hatched: a lower bound. Grey: after the article."
    publish_chart(
        fig,
        "fig-enterprise-share",
        caption=caption,
        alt=alt,
        data=data,
        source_ids=[x for sid in t["source_id"] for x in sid.split(";")],
    )


def glue_bound() -> None:
    b = bound()
    glue("es_b_ent", fmt_num(b["enterprise"]))
    glue("es_b_tot", fmt_num(b["total"]))
    glue("es_b_share", f"{b['share']:.1f}%")


def glue_national() -> None:
    s, b, nf = shares(), bound(), in_force()
    nat = s[(s["region"] == "china") & ~s["after_article"]]
    glue("es_nf_share", f"{nf['share']:.1f}%")
    glue("es_gap", f"{b['share'] - nf['share']:.0f}")
    ng = nat[(nat["measure"] == "grants") & (nat["basis"] == "invention")]
    glue("es_nat_inv_grants", f"{ng['value_std'].iloc[0]:.1f}%" if len(ng) else word(NO_FIGURE))
    glue("es_nat_inv_when", period_words(ng["period"].iloc[0], ng["period_type"].iloc[0]) if len(ng) else "")


def period_words(label: str, ptype: str):
    """``helpers.names.period`` ('2018 Jan–Sep') in every edition ('2018 年 1–9 月' for a year to date)."""
    import re

    en = names.period(label, ptype)
    m = re.fullmatch(r"(\d{4})-(\d{2})\.\.\d{4}-(\d{2})", label) if ptype == "ytd" else None
    if isinstance(en, Words) or m is None:
        return en
    y, a, b = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return Words(en, {lang: tr(MONTH_RANGE, lang).format(year=y, first=a, last=b) for lang in LANGUAGES})


def sources() -> None:
    show_sources(list(dict.fromkeys(list(shares()["source_id"]) + bound()["source_ids"] + in_force()["source_ids"])))
