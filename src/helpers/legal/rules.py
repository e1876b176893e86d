"""The rule-book page (chapters/legal/05-rule-book.ipynb): the laws, plans and institutions the section
names, on a timeline, and the counts of rules against the article's."""

from __future__ import annotations

import re
from functools import cache

import pandas as pd

from .. import timeline
from ..chart_words import NONE, SEMICOLON, joined
from ..charts import publish_chart
from ..data import load_table
from ..evidence import events, observations
from ..gluing import glue
from ..i18n import LANGUAGES, Words, both, say, zh
from ..pages import claim_box, verdict_box
from ..style import colour, legend_below, new_figure
from ..tables import show_sources, show_table
from . import common
from .words import as_published

__all__ = ["claim_box", "verdict_box", "glue_findings", "timeline_chart", "events_table", "sources"]

NOTEBOOK = "chapters/legal/05-rule-book.ipynb"
FIRST_OTHER_SECTION = 15  # events named only from this paragraph on are on the protection section's timeline
RULES = ("law", "plan", "policy")
# TRANSLATORS: the end of the rule-book timeline's alt text: what its colours mean
COLOURS = zh("laws, plans and policies in orange, institutions and designations in blue")  # for the alt text


def in_section(paragraphs) -> bool:
    """Whether an event belongs on this section's timeline: no paragraph given, or one before the next section."""
    ps = [int(p) for p in str(paragraphs).split(";") if p.isdigit()]
    return not ps or min(ps) < FIRST_OTHER_SECTION


@cache
def section_events() -> pd.DataFrame:
    ev = events()
    return ev[[in_section(ps) for ps in ev["paragraph"]]]


def items() -> pd.DataFrame:
    """One row per item named (a law, plan, institution...), however many dated events it has."""
    return section_events().drop_duplicates("name_zh")


@cache
def counts() -> pd.DataFrame:
    return observations(str(common.page_claim(NOTEBOOK)["indicators"]).split(";")[0], regions="shenzhen")


def glue_findings() -> None:
    ev, it = section_events(), items()
    glue("rb_n_items", len(it))
    glue("rb_n_rules", int(it["kind"].isin(RULES).sum()))
    glue("rb_n_events", len(ev))
    glue("rb_n_inst", int(it["kind"].isin(["institution", "designation"]).sum()))
    glue("rb_first", int(ev["when"].dt.year.min()) if len(ev) else 0)
    glue("rb_last", int(ev["when"].dt.year.max()) if len(ev) else 0)
    c = counts()
    glue(
        "rb_counts",
        joined(
            # TRANSLATORS: a count of rules and policies: {value} {unit} ("30 项") and the period it covers
            (
                say(zh("{value} {unit} ({period})"), value=f"{v:g}", unit=u, period=p)
                for v, u, p in zip(c["value"], c["unit"], c["period"])
            ),
            SEMICOLON,
            NONE,
        ),
    )


def wrap(n: str, width: int = 10) -> str:
    """Break a long name into balanced lines of at most ``width`` characters, before its closing bracketed
    part (or the bracket after its first few characters) if it has one; never cut."""
    cut = n.rfind("（") if n.endswith("）") else n.find("（")
    head, tail = (n[:cut], n[cut:]) if cut >= 4 else (n, "")
    parts = []
    for t, w in ((head, width), (tail, width + 4)):
        if t:
            k = -(-len(t) // w)
            step = -(-len(t) // k)
            parts += [t[i : i + step] for i in range(0, len(t), step)]
    return "\n".join(parts)


def row_positions(labels: list[str]) -> tuple[list[float], list[int]]:
    """y positions of rows as tall as their labels (one unit is one text line), and each label's lines."""
    lines = [lab.count("\n") + 1 for lab in labels]
    ypos, y0 = [], 0.0
    for i, k in enumerate(lines):
        if i:
            y0 += (lines[i - 1] + k) / 2 + 0.3
        ypos.append(y0)
    return ypos, lines


def since_year(ev: pd.DataFrame) -> int:
    """The latest year from which on more than half of the items named date (each by its first dated event)."""
    years = ev.groupby("name_zh")["when"].min().dt.year
    return int(max(y for y in set(years) if 2 * (years >= y).sum() > len(years)))


def timeline_title(ev: pd.DataFrame) -> Words:
    if ev.empty:
        # TRANSLATORS: chart title (the English chart has always shown the Chinese name of the chart under it)
        return say(zh("No dated events\n法规政策与机构时间线"))
    # TRANSLATORS: chart title: most of the laws, plans and institutions named date from {year} on (line breaks
    # as you like: the Chinese chart wraps the title itself if it has none)
    return say(zh("Most of the rule book dates\nfrom {year} onwards\n法规政策与机构时间线"), year=since_year(ev))


def timeline_chart() -> None:
    ev = section_events()
    order = items().sort_values("when")["name_zh"].tolist()
    labels = [wrap(n) for n in order]
    ypos, lines = row_positions(labels)
    fig, ax = new_figure(figsize=(4.9, max(3.6, 0.15 * (ypos[-1] + 2) + 2.4)))
    rule_or_not = lambda kind: colour("shenzhen") if kind in RULES else colour("beijing")  # noqa: E731
    timeline.draw(ax, ev, dict(zip(order, ypos)), rule_or_not, 42)
    ax.set_yticks(ypos, [both(lab, zh_CN=lab) for lab in labels])  # Chinese names: alike in every edition
    ax.set_ylim(ypos[-1] + lines[-1] / 2 + 0.4, -lines[0] / 2 - 0.4)
    ax.grid(axis="y")
    timeline.date_axis(ax, 5)
    ax.set_title(timeline_title(ev))
    legend_below(ax, ncol=2)
    # TRANSLATORS: what the rows of the rule-book timeline are, in its alt text
    things = zh("laws, plans, policies and institutions named in the article")
    alt = timeline.alt(ev, len(order), things, COLOURS)
    caption = say(
        # TRANSLATORS: caption of the rule-book timeline
        zh(
            "Laws, plans, policies (orange) and institutions, pilots and designations (blue) named in the section, "
            "by date of each dated event."
        )
    )
    publish_chart(fig, "fig-rule-book", caption=caption, alt=alt, data=ev[timeline.COLUMNS])


# what each kind of item (events.csv kind) is; the English table shows the code itself
KIND = {
    # TRANSLATORS: a kind of item in the rule book's table of events (a law or regulation)
    "law": zh("law"),
    # TRANSLATORS: a kind of item in the rule book's table of events (a plan)
    "plan": zh("plan"),
    # TRANSLATORS: a kind of item in the rule book's table of events (a policy document)
    "policy": zh("policy"),
    # TRANSLATORS: a kind of item in the rule book's table of events (a court, office, centre)
    "institution": zh("institution"),
    # TRANSLATORS: a kind of item in the rule book's table of events (a pilot or a title the city was given)
    "designation": zh("designation"),
}


def event_words(event: str) -> Words:
    """The event as the timeline's legend names it ('Adopted 通过'), and its Chinese half in the Chinese edition."""
    label = timeline.MARK[event][1]
    zh_half = re.search(r"[\u4e00-\u9fff].*$", label)
    return Words(label, dict.fromkeys(LANGUAGES, zh_half.group(0) if zh_half else label))


def outlet_words(outlet: str):
    """An outlet's name as published: marked as English in the other editions where it has no Chinese."""
    outlet = "" if pd.isna(outlet) else str(outlet)
    return outlet if re.search(r"[\u4e00-\u9fff]", outlet) or not outlet else as_published(outlet)


def events_table() -> None:
    outlet = load_table("sources").set_index("source_id")["outlet"]
    cols = ["date", "name_zh", "name_en", "kind", "event", "paragraph", "source_id"]
    t = section_events().sort_values("when")[cols].copy()
    t["paragraph"] = t["paragraph"].astype("string").fillna("")
    show_table(
        pd.DataFrame(
            {
                # TRANSLATORS: column: the date of the event (as precise as its source)
                zh("Date"): t["date"],
                # TRANSLATORS: column: the item's name (in Chinese)
                zh("Name"): t["name_zh"],
                # TRANSLATORS: column: the item's name in English (as the data gives it)
                zh("In English"): [as_published(n) for n in t["name_en"]],
                # TRANSLATORS: column: what kind of item it is (law, plan, policy, institution, designation)
                zh("Kind"): [say(KIND[k]) if k in KIND else k for k in t["kind"]],
                # TRANSLATORS: column: what happened (adopted, in force, revised, opened…)
                zh("Event"): [event_words(e) for e in t["event"]],
                # TRANSLATORS: column: the article's paragraph that names the item
                zh("Article paragraph"): t["paragraph"],
                # TRANSLATORS: column: the outlet of the source that dates the event
                zh("Source (outlet)"): [outlet_words(o) for o in t["source_id"].map(outlet)],
            }
        )
    )


def sources() -> None:
    show_sources(pd.concat([section_events()["source_id"], counts()["source_id"]]).unique())
