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
    from .evidence import latest_possible, ARTICLE_DATE
    from . import names
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
    return pd.DataFrame({
        "Outlet": sel["outlet"],
        "Published": [when(d) for d in sel["date_published"]],
        "Title (link to the copy read)": [link(t, u) for t, u in zip(sel["title"], sel["url"])],
        "Read on": [where(p, o) for p, o in zip(sel["publisher"], sel["outlet"])],
        "Kind of copy": [names.tier(t) for t in sel["tier"]],
        "Who speaks": [names.relation(r) for r in sel["relation"]],
    })


def show_sources(source_ids) -> None:
    show_table(sources_table(source_ids))
