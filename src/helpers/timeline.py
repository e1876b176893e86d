"""Timelines of dated events (laws, plans, policies, institutions, platforms): what the three timeline charts
share, defined once. Each page chooses its rows, row positions and colours; the marks, the date axis, the
article's line, the alt text and the columns of the download are the same everywhere."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from .evidence import ARTICLE_DATE
from .i18n import Words, say, zh
from .style import mark_article

# one marker per kind of event: eight kinds, eight shapes -> (marker, legend label)
# TRANSLATORS: legend labels of the timeline charts: what happened on a date (a law adopted, a plan published…).
# The English chart has always shown the Chinese word too; the Chinese chart shows it alone.
MARK = {
    "adopted": ("o", zh("Adopted 通过")),
    "published": ("P", zh("Published 发布")),
    "revised": ("D", zh("Revised 修订")),
    "in_force": ("s", zh("In force 施行")),
    "opened": ("^", zh("Opened 揭牌/启用")),
    "established": ("v", zh("Established 成立")),
    "approved": ("*", zh("Approved 获批")),
    "designated": ("X", zh("Designated 入选")),
}
# TRANSLATORS: label of the dashed line at the article's date on the timeline charts
ARTICLE = zh("article 文章")
# the columns of events.csv a timeline's data download keeps
COLUMNS = ["event_id", "name_zh", "name_en", "kind", "event", "date", "date_precision", "paragraph", "source_id"]


def draw(ax, ev: pd.DataFrame, row: dict[str, float], colour_of, size: float) -> None:
    """One mark per event of ``ev`` at its date, on the row ``row[name_zh]``, coloured by ``colour_of(kind)``;
    each kind of event in the legend once."""
    seen = set()
    for _, r in ev.iterrows():
        m, label = MARK[r["event"]]
        ax.scatter(
            r["when"],
            row[r["name_zh"]],
            marker=m,
            s=size,
            color=colour_of(r["kind"]),
            zorder=3,
            label=None if label in seen else label,
        )
        seen.add(label)


def date_axis(ax, step: int, label: str | None = None) -> None:
    """Dates on the x axis, a label every ``step`` years, and the article's line (at its date)."""
    ax.xaxis.set_major_locator(mdates.YearLocator(step))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    if label:
        ax.set_xlabel(label)
    mark_article(ax, x=ARTICLE_DATE, label=ARTICLE)


def alt(ev: pd.DataFrame, n_items: int, things: Words | str, colours: Words | str = "") -> Words:
    """The alt text of a timeline: how many events for how many ``things`` (a Words or zh() constant: 'laws,
    plans, policies and institutions named in the article'), over which years, how many of them before the
    article's date, and what the colours mean."""
    years = ev["when"].dt.year
    before = int((ev["when"] < ARTICLE_DATE).sum())
    span = dict(n=len(ev), n_items=n_items, things=_words(things), first=int(years.min()), last=int(years.max()))
    if before == len(ev):
        # TRANSLATORS: alt text of a timeline chart; {things} is what the {n_items} rows are ("laws, plans, …")
        text = say(
            zh(
                "Timeline of {n} dated events for {n_items} {things}, from {first} to {last}, all before the "
                "article's date, which a dashed line marks"
            ),
            **span,
        )
    else:
        # TRANSLATORS: alt text of a timeline chart; {before} of the {n} events are dated before the article
        text = say(
            zh(
                "Timeline of {n} dated events for {n_items} {things}, from {first} to {last}, {before} of them "
                "before the article's date, which a dashed line marks"
            ),
            before=before,
            **span,
        )
    if colours:
        # TRANSLATORS: an alt text, then what the colours of the chart mean
        return say(zh("{text}; {colours}."), text=text, colours=_words(colours))
    # TRANSLATORS: an alt text, ended with a full stop
    return say(zh("{text}."), text=text)


def _words(text) -> Words:
    """A zh()-marked constant as Words (its catalog translation); Words as they are."""
    return text if isinstance(text, Words) else say(text)
