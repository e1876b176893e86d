"""Timelines of dated events (laws, plans, policies, institutions, platforms): what the three timeline charts
share, defined once. Each page chooses its rows, row positions and colours; the marks, the date axis, the
article's line, the alt text and the columns of the download are the same everywhere."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

from .evidence import ARTICLE_DATE
from .style import mark_article

# one marker per kind of event: eight kinds, eight shapes -> (marker, legend label)
MARK = {
    "adopted": ("o", "Adopted 通过"),
    "published": ("P", "Published 发布"),
    "revised": ("D", "Revised 修订"),
    "in_force": ("s", "In force 施行"),
    "opened": ("^", "Opened 揭牌/启用"),
    "established": ("v", "Established 成立"),
    "approved": ("*", "Approved 获批"),
    "designated": ("X", "Designated 入选"),
}
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
    mark_article(ax, x=ARTICLE_DATE, label="article 文章")


def alt(ev: pd.DataFrame, n_items: int, things: str, colours: str = "") -> str:
    """The alt text of a timeline: how many events for how many ``things``, over which years, how many of them
    before the article's date, and what the colours mean."""
    years = ev["when"].dt.year
    before = int((ev["when"] < ARTICLE_DATE).sum())
    when = "all before" if before == len(ev) else f"{before} of them before"
    text = (
        f"Timeline of {len(ev)} dated events for {n_items} {things}, from {years.min()} to {years.max()}, "
        f"{when} the article's date, which a dashed line marks"
    )
    return f"{text}; {colours}." if colours else f"{text}."
