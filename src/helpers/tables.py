"""Tables for pages: plain Markdown (rendered by MyST with real header cells), no random ids."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown, display

from .data import load_table


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA or v is pd.NaT:
        return ""
    s = str(v)
    return s.replace("|", "\\|").replace("\n", " ")


def markdown_table(df: pd.DataFrame) -> str:
    cols = [str(c) for c in df.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines)


FOLD_ROWS = 12  # a table longer than this is folded behind a one-line summary, unless it shows verdicts


def table_summary(df: pd.DataFrame) -> str:
    """'The full table: 21 rows (year, independent evidence, detail and 3 more columns)'."""
    from .verdicts import plural

    cols = [str(c).split(" (")[0] for c in df.columns]
    cols = [c if c.isupper() or c[:2].isupper() else c[:1].lower() + c[1:] for c in cols]
    named = ", ".join(cols[:3]) + (f" and {plural(len(cols) - 3, 'more column')}" if len(cols) > 3 else "")
    return f"The full table: {plural(len(df), 'row')} ({named})"


def show_table(df: pd.DataFrame, summary: str | None = None) -> None:
    """A table; a long one (more than ``FOLD_ROWS`` rows) folded behind ``summary`` (computed when not given)
    so that a page stays short on a phone. Tables of verdicts stay open: they are the findings."""
    md = markdown_table(df)
    if len(df) > FOLD_ROWS and 'class="verdict' not in md:
        md = folded(md, summary or table_summary(df))
    display(Markdown(md))


def link(text: str, url: str) -> str:
    return f"[{text.replace('[', '(').replace(']', ')')}]({url})"


def readable_date(d: str) -> str:
    """A date as precise as its source gives it, in words: '2019', 'June 2023', '24 April 2024'."""
    t = pd.Timestamp(d) if d else None
    if t is None:
        return ""
    if len(d) == 4:
        return d
    if len(d) == 7:
        return t.strftime("%B %Y")
    return f"{t.day} {t.strftime('%B %Y')}"


def copy_words(r) -> str:
    """The kind of copy, with the site read where that is a publisher in its own right (an official site or a
    named outlet), never a mirror's domain."""
    from . import names
    from .downloads import clean_outlet

    kind = names.tier(r["tier"])
    pub = clean_outlet(r["publisher"]) if r["publisher"] else ""
    if r["tier"] in ("official", "media") and pub and pub != clean_outlet(r["outlet"]):
        return f"{kind}, read on {pub}"
    return kind


def sources_table(source_ids) -> pd.DataFrame:
    """The source records behind a chart or page, in a reader-facing shape: the original outlet credited
    (an unattributed page called one, never by a mirror's or spam site's domain), its date (marked when after
    the article), the title linked to where it was read, the kind of copy and who is speaking, and the label
    to search the page for. Source ids stay in the raw package on the data page."""
    from . import names
    from .downloads import clean_outlet, missing_label
    from .evidence import ARTICLE_DATE, latest_possible
    from .verdicts import plural

    ids = list(dict.fromkeys(source_ids))
    src = load_table("sources", where={"source_id": set(ids)})  # the page depends on these rows only
    sel = src.set_index("source_id").loc[ids].reset_index()

    def when(d: str) -> str:
        if not d:
            return "not dated"
        last = latest_possible(d)
        return readable_date(d) + (" (after the article)" if last > ARTICLE_DATE else "")

    def outlet(r) -> str:
        return "An unattributed web page" if r["tier"] == "unattributed" else clean_outlet(r["outlet"])

    obs = load_table("observations", where={"source_id": set(ids)})

    def printed(sid: str, most: int = 3) -> str:
        """The labels to search the page for; the values the stored copy no longer shows, said once."""
        rows = obs[obs["source_id"] == sid]
        labels = list(dict.fromkeys(x for x in rows["printed_label"] if x))
        missing = [n for x, n in zip(rows["printed_label"], rows["label_missing"]) if not x]
        more = f" and {len(labels) - most} more (in the data download)" if len(labels) > most else ""
        # in 「」 rather than code spans: a code font would draw the Chinese without the book's CJK font
        shown = "; ".join(f"「{x}」" for x in labels[:most]) + more
        if missing:
            phrase = missing_label(" ".join(missing))
            if labels:
                phrase = f"{plural(len(missing), 'other value')}: {phrase}"
            shown = f"{shown}; {phrase}" if shown else phrase
        return shown

    def speaks(sid: str, rel: str) -> str:
        """The page's own voice, and the voices it relays where its figures are someone else's."""
        rows = obs[(obs["source_id"] == sid) & (obs["speaker"] != "") & (obs["speaker"] != rel)]
        relayed = list(dict.fromkeys(rows["speaker"]))
        if not relayed:
            return names.relation(rel)
        return names.relation(rel) + "; relays " + ", ".join(names.relation(r) for r in relayed) + " figures"

    return pd.DataFrame(
        {
            "Outlet": [outlet(r) for _, r in sel.iterrows()],
            "Published": [when(d) for d in sel["date_published"]],
            "Title (link to the copy read)": [link(t, u) for t, u in zip(sel["title"], sel["url"])],
            "Copy": [copy_words(r) for _, r in sel.iterrows()],
            "Who speaks": [speaks(s, r) for s, r in zip(sel["source_id"], sel["relation"])],
            "Printed as (search the page for)": [printed(s) for s in sel["source_id"]],
        }
    )


# who speaks, as the one-line summary of a source list counts them
SPEAKERS = {
    "independent": "independent",
    "claimant": "the claimant's own",
    "national_official": "national or international official",
    "other_official": "other official",
    "unknown": "with no speaker stated",
}
OPEN_UP_TO = 3  # a list this short stays open


def sources_summary(source_ids) -> str:
    """'23 sources: 5 independent, 18 the claimant's own; 4 published after the article' (computed)."""
    from .evidence import ARTICLE_DATE, latest_possible
    from .verdicts import plural

    ids = list(dict.fromkeys(source_ids))
    src = load_table("sources", where={"source_id": set(ids)}).set_index("source_id").loc[ids]
    counts = src["relation"].value_counts()
    who = [f"{int(counts[k])} {w}" for k, w in SPEAKERS.items() if k in counts]
    later = sum(1 for d in src["date_published"] if d and latest_possible(d) > ARTICLE_DATE)
    text = plural(len(ids), "source")
    if len(who) > 1:
        text += ": " + ", ".join(who)
    elif who:
        text += f", all {SPEAKERS[counts.index[0]]}" if len(ids) > 1 else f" ({SPEAKERS[counts.index[0]]})"
    if later:
        text += f"; {later} published after the article"
    return text


def sources_block(source_ids) -> str:
    """The source list as Markdown: behind a one-line summary that opens on a tap or the keyboard (an HTML
    ``<details>``: no script needed; printed open, see book.css) when it is longer than ``OPEN_UP_TO``."""
    ids = list(dict.fromkeys(source_ids))
    table = markdown_table(sources_table(ids))
    if len(ids) <= OPEN_UP_TO:
        return table
    return f'<details class="sources-fold">\n<summary>{sources_summary(ids)}</summary>\n\n{table}\n\n</details>'


def show_sources(source_ids) -> None:
    display(Markdown(sources_block(source_ids)))


def folded(markdown: str, summary: str) -> str:
    """Any long block (a table) behind a one-line summary that opens on a tap (see ``sources_block``)."""
    return f'<details class="sources-fold">\n<summary>{summary}</summary>\n\n{markdown}\n\n</details>'
