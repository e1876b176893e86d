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


def show_table(df: pd.DataFrame) -> None:
    display(Markdown(markdown_table(df)))


def link(text: str, url: str) -> str:
    return f"[{text.replace('[', '(').replace(']', ')')}]({url})"


def sources_table(source_ids) -> pd.DataFrame:
    """The source records behind a chart or page, in a reader-facing shape: the original outlet credited,
    its date (marked when after the article), the title linked to where it was read, the kind of copy and
    who is speaking. Source ids stay in the downloadable CSVs, not here."""
    from . import names
    from .evidence import ARTICLE_DATE, latest_possible

    ids = list(dict.fromkeys(source_ids))
    src = load_table("sources", where={"source_id": set(ids)})  # the page depends on these rows only
    sel = src.set_index("source_id").loc[ids].reset_index()

    def when(d: str) -> str:
        if not d:
            return "not dated"
        last = latest_possible(d)
        return d + (" (after the article)" if last > ARTICLE_DATE else "")

    def where(pub: str, out: str) -> str:
        return "" if pub == out else pub

    obs = load_table("observations", where={"source_id": set(ids)})
    from .labels import shown_label

    def printed(sid: str, most: int = 3) -> str:
        rows = obs[obs["source_id"] == sid]
        labels = list(dict.fromkeys(shown_label(r) for _, r in rows.iterrows()))
        if not labels:
            return ""
        more = f" and {len(labels) - most} more (in the data download)" if len(labels) > most else ""
        # in 「」 rather than code spans: a code font would draw the Chinese without the book's CJK font
        return "; ".join(f"「{x}」" if x and not x.startswith("(") else x for x in labels[:most]) + more

    def speaks(sid: str, rel: str) -> str:
        """The page's own voice, and the voices it relays where its figures are someone else's."""
        rows = obs[(obs["source_id"] == sid) & (obs["speaker"] != "") & (obs["speaker"] != rel)]
        relayed = list(dict.fromkeys(rows["speaker"]))
        if not relayed:
            return names.relation(rel)
        return names.relation(rel) + "; relays " + ", ".join(names.relation(r) for r in relayed) + " figures"

    return pd.DataFrame(
        {
            "Outlet": sel["outlet"],
            "Published": [when(d) for d in sel["date_published"]],
            "Title (link to the copy read)": [link(t, u) for t, u in zip(sel["title"], sel["url"])],
            "Read on": [where(p, o) for p, o in zip(sel["publisher"], sel["outlet"])],
            "Kind of copy": [names.tier(t) for t in sel["tier"]],
            "Who speaks": [speaks(s, r) for s, r in zip(sel["source_id"], sel["relation"])],
            "Printed as (search the page for)": [printed(s) for s in sel["source_id"]],
        }
    )


def show_sources(source_ids) -> None:
    show_table(sources_table(source_ids))
