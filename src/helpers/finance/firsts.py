"""The firsts-and-services page (chapters/finance/06-firsts-and-services.ipynb): the section's claims to
precedence with the dated evidence found, and the service platforms it names on a timeline."""

from __future__ import annotations

import textwrap
from functools import cache

import pandas as pd

from .. import names, timeline
from ..chart_words import same
from ..charts import publish_chart
from ..checks import verdict
from ..data import load_table
from ..evidence import ARTICLE_DATE
from ..gluing import glue
from ..i18n import Words, say, zh
from ..pages import claim_box, glue_verdicts, verdict_box
from ..style import colour, legend_below, new_figure, use_house_style
from ..tables import show_sources, show_table
from ..verdicts import plural
from .checks import first_evidence, service_events
from .common import page_rows

__all__ = [
    "claim_box",
    "verdict_box",
    "glue_checked",
    "firsts_table",
    "glue_platforms",
    "chart",
    "sources",
    "glue_page_verdicts",
]

NOTEBOOK = "chapters/finance/06-firsts-and-services.ipynb"

use_house_style()


@cache
def firsts() -> pd.DataFrame:
    """The page's claims to precedence: the ledger rows this page checks with the generic first check."""
    rows = page_rows(NOTEBOOK)
    return rows[rows["check"] == "finance.first"].reset_index(drop=True)


@cache
def evidence() -> list[pd.DataFrame]:
    """The dated events found for each first, in the order of :func:`firsts`."""
    return [first_evidence(r) for _, r in firsts().iterrows()]


def glue_checked() -> None:
    ev = evidence()
    glue("fs_n", plural(len(firsts()), "first"))
    glue("fs_n_ev", plural(int(sum(len(e) for e in ev)), "dated event"))
    glue("fs_n_with", plural(int(sum(1 for e in ev if len(e))), "first"))


def evidence_text(ev: pd.DataFrame) -> str:
    if ev.empty:
        return "nothing found"
    src = load_table("sources").set_index("source_id")
    return "; ".join(
        f"{r['name_en']}: {r['event'].replace('_', ' ')} {r['date']} ({src.at[r['source_id'], 'outlet']}, "
        f"{names.relation(src.at[r['source_id'], 'relation'])})"
        for _, r in ev.iterrows()
    )


def firsts_table() -> None:
    cl = firsts()
    vs = [verdict(c) for c in cl["claim_id"]]
    show_table(
        pd.DataFrame(
            {
                "Paragraph": cl["paragraph"].astype(int).values,
                "Claim (paraphrased)": cl["claim_en"].values,
                "Dated evidence found": [evidence_text(e) for e in evidence()],
                "Verdict": [v.badge() for v in vs],
                "Strength": [v.strength for v in vs],
                "Coverage": [v.coverage for v in vs],
                "Why": [v.reason for v in vs],
            }
        )
    )


@cache
def platforms() -> pd.DataFrame:
    return service_events()


def glue_platforms() -> None:
    ev = platforms()
    glue("fs_plat_n", plural(len(ev), "dated event"))
    glue("fs_plat_items", plural(int(ev["name_zh"].nunique()), "item"))
    glue("fs_plat_first", int(ev["when"].dt.year.min()))
    glue("fs_plat_last", int(ev["when"].dt.year.max()))


def chart_title() -> Words:
    """Whether every dated platform event precedes the article: computed from the dates."""
    ev = platforms()
    before = ev.drop_duplicates("name_zh")["when"] < ARTICLE_DATE
    if before.all():
        # TRANSLATORS: chart title (a timeline)
        return say(zh("Every dated service platform predates the article · 服务平台时间线"))
    # TRANSLATORS: chart title (a timeline); {all} is "12 dated service platforms" (translated)
    return say(
        zh("{n} of {all} predate the article · 服务平台时间线"),
        n=int(before.sum()),
        all=plural(len(before), "dated service platform"),
    )


def wrap(name: str) -> str:
    return "\n".join(textwrap.wrap(name.replace(" ", ""), 10))


def chart() -> None:
    ev = platforms()
    order = ev.drop_duplicates("name_zh").sort_values("when")["name_zh"].tolist()
    fig, ax = new_figure(figsize=(4.9, 0.55 * len(order) + 1.8))
    timeline.draw(ax, ev, {n: i for i, n in enumerate(order)}, lambda kind: colour("shenzhen"), 70)
    ax.set_yticks(range(len(order)), [same(wrap(n)) for n in order])  # Chinese names: alike in every edition
    ax.set_ylim(len(order) - 0.4, -0.8)
    timeline.date_axis(ax, 4, zh("Date 日期"))
    ax.set_title(chart_title(), loc="left")
    legend_below(ax, ncol=2)
    # TRANSLATORS: what a timeline shows, in its alt text ("Timeline of 14 dated events for 9 service platforms
    # and designations named in the section")
    alt = timeline.alt(ev, len(order), say(zh("service platforms and designations named in the section")))
    caption = say(
        zh(
            "Dated events of the service platforms and designations the section names. The dashed line marks the "
            "article's date."
        )
    )
    publish_chart(fig, "fig-platforms", caption=caption, alt=alt, data=ev[timeline.COLUMNS])


def sources() -> None:
    show_sources(pd.concat([platforms()["source_id"]] + [e["source_id"] for e in evidence()]).unique())


def glue_page_verdicts() -> None:
    """The verdicts the firsts table shows, glued for the front page's scorecard test."""
    glue_verdicts(list(firsts()["claim_id"]))
