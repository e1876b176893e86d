"""Computed text of the protection and outlook pages in every edition (issue 25): tables whose headers are
catalog templates and whose cells are ``helpers.i18n.Words``, lists of years, an outlet's name, a verdict's
cells. The English output is exactly what ``helpers.tables.show_table`` shows (it is built with the same
functions); the translated editions go into the output's metadata (``i18n.show_markdown``).

A cell may also be a plain string made by a shared helper (``names.basis``, ``names.relation``): its edition
is looked up with ``i18n.edition_of`` (the Words made in this process, or the catalog), English if unknown.
"""

from __future__ import annotations

import re

import pandas as pd

from .. import tables
from ..i18n import LANGUAGES, LIST_SEP, SOURCE, Words, badge, edition_of, in_lang, listing, say, show_markdown, tr, zh
from ..verdicts import Verdict, plural


def ed(value, lang: str):
    """``value`` in edition ``lang``: a ``Words``' own edition, else the edition known for its text
    (``i18n.edition_of``), else the value itself."""
    if lang == SOURCE or value is None or not isinstance(value, str):
        return value
    if isinstance(value, Words):
        return in_lang(value, lang)
    return edition_of(value, lang) or value


def known(value) -> Words:
    """A value (a ``Words``, or a plain string a shared helper made) as ``Words``, its editions looked up."""
    if isinstance(value, Words):
        return value
    return Words(str(value), {lang: str(ed(value, lang)) for lang in LANGUAGES})


def commas(items, none: str | None = None) -> Words:
    """'2019, 2020, 2021' (no 'and', as the English prose has it) in each edition; ``none`` (a template,
    call with ``zh("none")``) when there are no items."""
    items = list(items)
    if not items:
        return say(none or zh("none"))
    return Words(
        ", ".join(str(i) for i in items),
        {lang: tr(LIST_SEP, lang).join(str(ed(i, lang)) for i in items) for lang in LANGUAGES},
    )


def outlet(name: str) -> Words:
    """An outlet's name as published: the same in every edition, marked as English in a translated one where
    it has Latin words (it is not ours to translate; ``i18n.english_left`` skips it)."""
    marked = f'<span lang="en">{name}</span>' if re.search(r"[A-Za-z]{2,}", str(name)) else str(name)
    return Words(str(name), dict.fromkeys(LANGUAGES, marked))


def as_published(text) -> Words:
    """Text from the data in English with no Chinese column (an observation's note, an English name): shown
    as it is, marked as English in a translated edition."""
    if text is None or (isinstance(text, float) and pd.isna(text)) or not str(text).strip():
        return Words("", dict.fromkeys(LANGUAGES, ""))
    return outlet(str(text))


def verdict_badge(v: Verdict) -> Words:
    """The verdict's badge (its label in each edition's words)."""
    return Words(v.badge(), {lang: badge(v.label, v.css, lang) for lang in LANGUAGES})


def strength(v: Verdict) -> Words:
    """The verdict's strength word ('strong', 'none') in each edition."""
    if v.strength == "none":
        # TRANSLATORS: strength of evidence where there is none (a table cell)
        return say(zh("none"))
    return Words(v.strength, {lang: tr(v.strength, lang) for lang in LANGUAGES})


def _summary(df: pd.DataFrame, lang: str) -> str:
    """The folded table's one-line summary: the English one is ``tables.table_summary``'s."""
    if lang == SOURCE:
        return tables.table_summary(df)
    cols = [str(ed(tr(str(c), lang), lang)) for c in df.columns]
    named = listing([*cols[:3], plural(len(cols) - 3, "more column")] if len(cols) > 3 else cols)
    # TRANSLATORS: the summary of a folded table: {rows} is "21 rows", {named} its first columns
    return say(zh("The full table: {rows} ({named})"), rows=plural(len(df), "row"), named=named).editions[lang]


def table_texts(df: pd.DataFrame) -> dict[str, str]:
    """The table (columns: catalog templates; cells: Words or plain values) as Markdown in every edition,
    folded like ``tables.show_table`` folds it."""
    out = {}
    for lang in (SOURCE, *LANGUAGES):
        t = df.copy()
        t.columns = [tr(str(c), lang) for c in df.columns]
        for c in t.columns:
            t[c] = [ed(v, lang) for v in t[c]]
        md = tables.markdown_table(t)
        if len(df) > tables.FOLD_ROWS and 'class="verdict' not in md:
            md = tables.folded(md, _summary(df, lang))
        out[lang] = md
    return out


def show_table(df: pd.DataFrame) -> None:
    """``tables.show_table`` in every edition: the English is the same Markdown."""
    show_markdown(table_texts(df))
