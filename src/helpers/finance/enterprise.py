"""The enterprise-share page (chapters/finance/04-enterprise-share.ipynb): every stated share of patents
owned or filed by enterprises, one computed for Shenzhen from counts and one for the country."""

from __future__ import annotations

from functools import cache

import pandas as pd

from .. import names
from ..chart_words import NONE, joined
from ..charts import LATER, publish_chart
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import claim_box, fmt_num, verdict_box
from ..style import colour, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import CITY, enterprise_invention_bound, enterprise_shares, national_enterprise_in_force
from .common import NO_FIGURE, page_rows, region_names, word

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


# what a stated share is a share of (the ``measure`` of ``checks.enterprise_shares``), in every edition
MEASURES = {
    # TRANSLATORS: a bar's label: the share is of patent applications
    "applications": zh("applications"),
    # TRANSLATORS: a bar's label: the share is of patent grants
    "grants": zh("grants"),
}


def bars() -> pd.DataFrame:
    """One bar per share: stated ones, then Shenzhen's computed bound and the national computed share."""
    rows = [
        {
            # TRANSLATORS: a bar's label: region · applications/grants, basis · period
            "label": say(
                zh("{region} · {measure}, {basis} · {period}"),
                region=names.regions()[r["region"]],
                measure=say(MEASURES[r["measure"]]),
                basis=names.basis(r["basis"]),
                period=names.period(r["period"], r["period_type"]),
            ),
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
                # TRANSLATORS: a bar's label: a share worked out by us from counts; {year} is a year
                "label": say(zh("Shenzhen · invention grants, computed · {year}"), year=b["year"]),
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
                # TRANSLATORS: a bar's label: a share worked out by us from counts; "end {year}": at the end of
                # the year
                "label": say(
                    zh("China (national) · invention patents in force, computed · end {year}"), year=nf["point"][:4]
                ),
                "v": nf["share"],
                "region": "china",
                "after": False,
                "bound": False,
                "source_id": ";".join(nf["source_ids"]),
                "relation": "national_official",
            }
        )
    return pd.DataFrame(rows).sort_values("v").reset_index(drop=True)


def chart_title() -> Words:
    """Shenzhen's computed share against the national one, by how many percentage points: computed from the
    two shares (the same gap the page glues as ``es_gap``)."""
    gap = round(bound()["share"] - in_force()["share"])
    if gap > 0:
        # TRANSLATORS: chart title; {n} is a number of percentage points. Keep the line break (\n)
        return say(zh("Shenzhen's enterprise share is {n} points above\nthe national one · 企业专利占比"), n=abs(gap))
    if gap < 0:
        # TRANSLATORS: chart title; {n} is a number of percentage points. Keep the line break (\n)
        return say(zh("Shenzhen's enterprise share is {n} points below\nthe national one · 企业专利占比"), n=abs(gap))
    # TRANSLATORS: chart title. Keep the line break (\n)
    return say(zh("Shenzhen's enterprise share is level with\nthe national one · 企业专利占比"))


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
        zh("article: nearly 90% 文章"),
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
    ax.set_xlabel(zh("Share owned or filed by enterprises (%) 企业占比"))
    ax.set_title(chart_title(), loc="left")
    alt = say(
        zh(
            "Horizontal bar chart of {n} enterprise shares of patents, from {low:.0f}% to {high:.0f}%. Shenzhen's "
            "shares are highest; the computed Shenzhen share of invention grants in {year} is at least "
            "{share:.1f}%, against a national {national:.1f}% of invention patents in force; a dotted line marks "
            "the article's 90%."
        ),
        n=len(t),
        low=t["v"].min(),
        high=t["v"].max(),
        year=year(),
        share=b["share"],
        national=nf["share"],
    )
    data = t.rename(columns={"v": "share_percent"})[
        ["label", "share_percent", "bound", "after", "relation", "source_id"]
    ]
    caption = say(
        zh(
            "Enterprises' share of patent applications, grants or patents in force, as stated by each source or "
            "computed from counts. Hatched: a lower bound. Grey: after the article."
        )
    )
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
    glue("es_nat_inv_when", names.period(ng["period"].iloc[0], ng["period_type"].iloc[0]) if len(ng) else "")


def sources() -> None:
    show_sources(list(dict.fromkeys(list(shares()["source_id"]) + bound()["source_ids"] + in_force()["source_ids"])))
