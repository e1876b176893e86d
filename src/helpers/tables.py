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
    """The source records behind a chart or page, in a reader-facing shape (links included)."""
    src = load_table("sources")
    ids = list(dict.fromkeys(source_ids))
    sel = src.set_index("source_id").loc[ids].reset_index()
    return pd.DataFrame({
        "Source": [link(t, u) for t, u in zip(sel["title"], sel["url"])],
        "Publisher / outlet": [p if p == o else f"{p} (from {o})" for p, o in zip(sel["publisher"], sel["outlet"])],
        "Published": sel["date_published"],
        "Accessed": sel["date_accessed"].dt.strftime("%Y-%m-%d"),
        "Tier": sel["tier"],
        "id": sel["source_id"],
    })


def show_sources(source_ids) -> None:
    show_table(sources_table(source_ids))
