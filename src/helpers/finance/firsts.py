"""The firsts-and-services page (chapters/finance/06-firsts-and-services.ipynb): the section's claims to
precedence with the dated evidence found, and the service platforms it names on a timeline."""

from __future__ import annotations

import textwrap
from functools import cache

import pandas as pd

from .. import timeline
from ..chart_words import SEMICOLON, joined, same
from ..charts import publish_chart
from ..checks import verdict
from ..data import load_table
from ..evidence import ARTICLE_DATE
from ..gluing import glue
from ..i18n import LANGUAGES, Words, badge, both, say, tr, zh
from ..pages import claim_box, glue_verdicts, verdict_box
from ..style import colour, legend_below, new_figure, use_house_style
from ..tables import show_sources
from ..verdicts import plural
from .checks import first_evidence, service_events
from .common import page_rows, relation_words, show_table_editions

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


# what happened to an item on a date (events.csv ``event``), in every edition
EVENT_WORDS = {
    # TRANSLATORS: an event of a law, plan, platform or designation, before its date ("approved 2013-09")
    "adopted": zh("adopted"),
    "approved": zh("approved"),
    "designated": zh("designated"),
    "established": zh("established"),
    "in_force": zh("in force"),
    "opened": zh("opened"),
    "published": zh("published"),
    "revised": zh("revised"),
}


def evidence_text(ev: pd.DataFrame) -> Words:
    """The dated events found for a first: item, what happened, when, where it is printed and who speaks."""
    from .common import day

    if ev.empty:
        # TRANSLATORS: a table cell: no dated event was found for the item
        return say(zh("nothing found"))
    src = load_table("sources").set_index("source_id")

    def event(code: str) -> Words:
        en = code.replace("_", " ")
        return Words(en, {lang: tr(EVENT_WORDS[code], lang) for lang in LANGUAGES}) if code in EVENT_WORDS else en

    bits = [
        # TRANSLATORS: one dated event: the item, what happened on the date, and the source's outlet and speaker
        say(
            zh("{item}: {event} {date} ({outlet}, {speaker})"),
            item=both(r["name_en"], zh_CN=r["name_zh"]),
            event=event(r["event"]),
            date=day(r["date"]),
            outlet=src.at[r["source_id"], "outlet"],
            speaker=relation_words(src.at[r["source_id"], "relation"]),
        )
        for _, r in ev.iterrows()
    ]
    return joined(bits, SEMICOLON)


def firsts_table() -> None:
    cl = firsts()
    vs = [verdict(c) for c in cl["claim_id"]]
    badges = [Words(v.badge(), {lang: badge(v.label, v.css, lang) for lang in LANGUAGES}) for v in vs]
    strengths = [Words(v.strength, {lang: tr(v.strength, lang) for lang in LANGUAGES}) for v in vs]
    show_table_editions(
        {
            # TRANSLATORS: table header: the article's paragraph
            zh("Paragraph"): cl["paragraph"].astype(int).tolist(),
            # TRANSLATORS: table header: the claim in our words
            zh("Claim (paraphrased)"): [both(e, zh_CN=z) for e, z in zip(cl["claim_en"], cl["claim_zh"])],
            # TRANSLATORS: table header: the dated events found for the item
            zh("Dated evidence found"): [evidence_text(e) for e in evidence()],
            # TRANSLATORS: table header
            zh("Verdict"): badges,
            # TRANSLATORS: table header: strength of the evidence
            zh("Strength"): strengths,
            # TRANSLATORS: table header: how much of the claim the evidence covers
            zh("Coverage"): [v.coverage for v in vs],
            # TRANSLATORS: table header: the reason for the verdict
            zh("Why"): [v.reason for v in vs],
        }
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
