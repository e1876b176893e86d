"""Tables for pages: plain Markdown (rendered by MyST with real header cells), no random ids.

Every table is written in each edition (issue 25): column headers are catalog templates (``zh()``-marked
constants, translated with ``helpers.i18n.tr``) and cells are ``helpers.i18n.Words``; ``markdown_table(df,
lang)`` writes edition ``lang`` and ``show_table`` shows the English with the others in the output's metadata.
"""

from __future__ import annotations

import re

import pandas as pd

from .data import load_table
from .i18n import AND, LANGUAGES, LIST_SEP, SOURCE, Words, english_left, say, show_markdown, tr, zh

EDITIONS = (SOURCE, *LANGUAGES)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def per_edition(fn) -> Words:
    """``fn(lang)`` for every edition, as one Words (English ``fn("en")``)."""
    return Words(fn(SOURCE), {lang: fn(lang) for lang in LANGUAGES})


def _in(value, lang: str):
    """``value`` in edition ``lang``: a Words' edition; a plain string this process made as Words (a cell
    pandas stored as a plain str) looked up by its English; anything else as it is."""
    from .i18n import KNOWN

    if lang == SOURCE or not isinstance(value, str):
        return value
    if not isinstance(value, Words) and not re.search(r"[A-Za-z]", value):
        return value  # numbers, years, Chinese: the same in every edition
    if isinstance(value, Words):
        return value.editions.get(lang, str(value))
    return KNOWN.get(value, {}).get(lang, value)


def header(h, lang: str) -> str:
    """A column header in edition ``lang`` (its template's translation; a header with no letters as it is)."""
    h = str(h)
    if lang == SOURCE or not re.search(r"[A-Za-z]", h):
        return h
    return tr(h, lang)


def foreign(text: str, lang: str) -> str:
    """Text from the data that is in English (a published title, an outlet's name, a printed label), marked as
    such in a translated edition (``<span lang="en">``), so screen readers and the check for English left in
    a Chinese page know it is quoted, not ours."""
    if lang == SOURCE or not text or _CJK.search(text) and not english_left(text):
        return text
    if not re.search(r"[A-Za-z]", text):
        return text
    return f'<span lang="en">{text}</span>'


def _cell(v, lang: str = SOURCE) -> str:
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA or v is pd.NaT:
        return ""
    s = str(_in(v, lang))
    return s.replace("|", "\\|").replace("\n", " ")


def markdown_table(df: pd.DataFrame, lang: str = SOURCE) -> str:
    """``df`` as a Markdown table in edition ``lang`` (headers translated, Words cells in that edition)."""
    cols = [header(c, lang) for c in df.columns]
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v, lang) for v in row) + " |")
    return "\n".join(lines)


def markdown_tables(df: pd.DataFrame) -> dict[str, str]:
    """``{"en": …, "zh_CN": …}``: the table in every edition."""
    return {lang: markdown_table(df, lang) for lang in EDITIONS}


FOLD_ROWS = 12  # a table longer than this is folded behind a one-line summary, unless it shows verdicts

# TRANSLATORS: the one-line summary of a folded table: {rows} ("21 rows"), then its first columns
FULL_TABLE = zh("The full table: {rows} ({columns})")


def table_summary(df: pd.DataFrame) -> str:
    """'The full table: 21 rows (year, independent evidence, detail and 3 more columns)' (a Words)."""
    from .verdicts import plural

    def named(lang):
        if lang == SOURCE:
            cols = [str(c).split(" (")[0] for c in df.columns]
            cols = [c if c.isupper() or c[:2].isupper() else c[:1].lower() + c[1:] for c in cols]
        else:
            cols = [re.split(r" \(|（", header(c, lang))[0] for c in df.columns]
        head = tr(LIST_SEP, lang).join(cols[:3])
        if len(cols) <= 3:
            return head
        return tr(AND, lang).format(head=head, last=_in(plural(len(cols) - 3, "more column"), lang))

    return say(FULL_TABLE, rows=plural(len(df), "row"), columns=per_edition(named))


def show_table(df: pd.DataFrame, summary: str | None = None) -> None:
    """A table; a long one (more than ``FOLD_ROWS`` rows) folded behind ``summary`` (computed when not given)
    so that a page stays short on a phone. Tables of verdicts stay open: they are the findings. Shown in
    every edition (headers from the catalog, cells that are Words in their edition)."""
    texts = markdown_tables(df)
    if len(df) > FOLD_ROWS and 'class="verdict' not in texts[SOURCE]:
        summary = summary or table_summary(df)
        texts = {lang: folded(md, str(_in(summary, lang))) for lang, md in texts.items()}
    show_markdown(texts)


def link(text: str, url: str) -> str:
    return f"[{text.replace('[', '(').replace(']', ')')}]({url})"


def readable_date(d: str) -> str:
    """A date as precise as its source gives it, in words: '2019', 'June 2023', '24 April 2024' (a Words:
    Chinese '2019 年', '2023 年 6 月', '2024 年 4 月 24 日')."""
    from .names import date_words

    t = pd.Timestamp(d) if d else None
    if t is None:
        return ""
    zh_ = date_words(d[:10])
    if len(d) == 4:
        en = d
    elif len(d) == 7:
        en = t.strftime("%B %Y")
    else:
        en = f"{t.day} {t.strftime('%B %Y')}"
    return Words(en, zh_.editions if isinstance(zh_, Words) else dict.fromkeys(LANGUAGES, en))


# TRANSLATORS: the kind of copy a source is, and the site it was read on ("official site, read on gov.cn")
READ_ON = zh("{kind}, read on {site}")


def copy_words(r) -> str:
    """The kind of copy, with the site read where that is a publisher in its own right (an official site or a
    named outlet), never a mirror's domain."""
    from . import names
    from .downloads import clean_outlet

    kind = names.tier(r["tier"])
    pub = clean_outlet(r["publisher"]) if r["publisher"] else ""
    if r["tier"] in ("official", "media") and pub and pub != clean_outlet(r["outlet"]):
        return per_edition(lambda lang: tr(READ_ON, lang).format(kind=_in(kind, lang), site=outlet_name(pub, lang)))
    return kind


def outlet_name(outlet: str, lang: str) -> str:
    """An outlet's name as edition ``lang`` shows it: a bilingual name ('国家知识产权局 / CNIPA') by its
    Chinese half in Chinese, an English name marked as English."""
    if lang == SOURCE:
        return outlet
    halves = [h.strip() for h in outlet.split(" / ")]
    chinese = [h for h in halves if _CJK.search(h)]
    return chinese[0] if chinese and not english_left(chinese[0]) else foreign(outlet, lang)


# the source lists' column headers
# TRANSLATORS: column header: the original outlet that published a source
H_OUTLET = zh("Outlet")
# TRANSLATORS: column header: when a source was published
H_PUBLISHED = zh("Published")
# TRANSLATORS: column header: a source's title, linked to the copy we read
H_TITLE = zh("Title (link to the copy read)")
# TRANSLATORS: column header: what kind of copy a source is (official site, named outlet, repost)
H_COPY = zh("Copy")
# TRANSLATORS: column header: whose figures a source gives (the claimant, a national body, …)
H_SPEAKS = zh("Who speaks")
# TRANSLATORS: column header: the labels as the source prints them, to search its page for
H_PRINTED = zh("Printed as (search the page for)")

NOT_DATED = zh("not dated")
# TRANSLATORS: a source's date, when it is later than the article's
AFTER_ARTICLE = zh("{date} (after the article)")
UNATTRIBUTED_PAGE = zh("An unattributed web page")
# TRANSLATORS: more labels than a source list shows ({n} is a number)
MORE_LABELS = zh(" and {n} more (in the data download)")
# TRANSLATORS: values a page no longer shows: {count} ("2 other values"), then why
OTHER_VALUES = zh("{count}: {why}")
# TRANSLATORS: a source that relays others' figures: {own} who speaks on it, {others} whose figures it relays
RELAYS = zh("{own}; relays {others} figures")
# TRANSLATORS: the separator between the printed labels of a source ("「…」; 「…」")
LABEL_SEP = zh("; ")


def quoted_label(label: str, lang: str) -> str:
    """A printed label in 「」 (the source's own words; an English one marked as English in other editions)."""
    return f"「{foreign(label, lang)}」"


def sources_table(source_ids) -> pd.DataFrame:
    """The source records behind a chart or page, in a reader-facing shape: the original outlet credited
    (an unattributed page called one, never by a mirror's or spam site's domain), its date (marked when after
    the article), the title linked to where it was read, the kind of copy and who is speaking, and the label
    to search the page for. Source ids stay in the raw package on the data page. Headers are catalog
    templates and cells Words (``markdown_table(df, lang)`` writes each edition)."""
    from . import names
    from .downloads import clean_outlet, missing_label
    from .evidence import ARTICLE_DATE, latest_possible
    from .verdicts import plural

    ids = list(dict.fromkeys(source_ids))
    src = load_table("sources", where={"source_id": set(ids)})  # the page depends on these rows only
    sel = src.set_index("source_id").loc[ids].reset_index()

    def when(d: str) -> str:
        if not d:
            return say(NOT_DATED)
        last = latest_possible(d)
        return say(AFTER_ARTICLE, date=readable_date(d)) if last > ARTICLE_DATE else readable_date(d)

    def outlet(r) -> str:
        if r["tier"] == "unattributed":
            return say(UNATTRIBUTED_PAGE)
        name = clean_outlet(r["outlet"])
        return per_edition(lambda lang: outlet_name(name, lang))

    def title(t: str, u: str) -> str:
        return per_edition(lambda lang: foreign(link(t, u), lang) if foreign(t, lang) != t else link(t, u))

    obs = load_table("observations", where={"source_id": set(ids)})

    def printed(sid: str, most: int = 3) -> str:
        """The labels to search the page for; the values the stored copy no longer shows, said once."""
        rows = obs[obs["source_id"] == sid]
        labels = list(dict.fromkeys(x for x in rows["printed_label"] if x))
        missing = [n for x, n in zip(rows["printed_label"], rows["label_missing"]) if not x]
        phrase = missing_label(" ".join(missing)) if missing else ""

        def one(lang):
            more = tr(MORE_LABELS, lang).format(n=len(labels) - most) if len(labels) > most else ""
            # in 「」 rather than code spans: a code font would draw the Chinese without the book's CJK font
            shown = tr(LABEL_SEP, lang).join(quoted_label(x, lang) for x in labels[:most]) + more
            if missing:
                why = _in(phrase, lang)
                if labels:
                    why = tr(OTHER_VALUES, lang).format(count=_in(plural(len(missing), "other value"), lang), why=why)
                shown = f"{shown}{tr(LABEL_SEP, lang)}{why}" if shown else why
            return shown

        return per_edition(one)

    def speaks(sid: str, rel: str) -> str:
        """The page's own voice, and the voices it relays where its figures are someone else's."""
        rows = obs[(obs["source_id"] == sid) & (obs["speaker"] != "") & (obs["speaker"] != rel)]
        relayed = list(dict.fromkeys(rows["speaker"]))
        if not relayed:
            return names.relation(rel)
        return per_edition(
            lambda lang: tr(RELAYS, lang).format(
                own=_in(names.relation(rel), lang),
                others=tr(LIST_SEP, lang).join(_in(names.relation(r), lang) for r in relayed),
            )
        )

    def col(values):
        return pd.Series(values, dtype=object)

    return pd.DataFrame(
        {
            H_OUTLET: col([outlet(r) for _, r in sel.iterrows()]),
            H_PUBLISHED: col([when(d) for d in sel["date_published"]]),
            H_TITLE: col([title(t, u) for t, u in zip(sel["title"], sel["url"])]),
            H_COPY: col([copy_words(r) for _, r in sel.iterrows()]),
            H_SPEAKS: col([speaks(s, r) for s, r in zip(sel["source_id"], sel["relation"])]),
            H_PRINTED: col([printed(s) for s in sel["source_id"]]),
        }
    )


# who speaks, as the one-line summary of a source list counts them
SPEAKERS = {
    # TRANSLATORS: sources counted by who speaks ("5 independent"): an independent source
    "independent": zh("independent"),
    # TRANSLATORS: sources counted by who speaks ("18 the claimant's own")
    "claimant": zh("the claimant's own"),
    "national_official": zh("national or international official"),
    "other_official": zh("other official"),
    "unknown": zh("with no speaker stated"),
}
OPEN_UP_TO = 3  # a list this short stays open

# TRANSLATORS: sources counted by who speaks: {n} a number, {who} the kind ("independent")
WHO_COUNT = zh("{n} {who}")
# TRANSLATORS: a source list's summary: {count} ("23 sources"), then by who speaks ("5 independent, …")
SUMMARY_BY_WHO = zh("{count}: {who}")
# TRANSLATORS: a source list's summary when every source has one kind of speaker
SUMMARY_ALL = zh("{count}, all {who}")
# TRANSLATORS: a source list's summary with one source ("1 source (independent)")
SUMMARY_ONE = zh("{count} ({who})")
# TRANSLATORS: after a source list's summary: how many sources came after the article
SUMMARY_LATER = zh("{summary}; {n} published after the article")


def sources_summary(source_ids) -> str:
    """'23 sources: 5 independent, 18 the claimant's own; 4 published after the article' (computed; a
    Words)."""
    from .evidence import ARTICLE_DATE, latest_possible
    from .verdicts import plural

    ids = list(dict.fromkeys(source_ids))
    src = load_table("sources", where={"source_id": set(ids)}).set_index("source_id").loc[ids]
    counts = src["relation"].value_counts()
    kinds = [k for k in SPEAKERS if k in counts]
    later = sum(1 for d in src["date_published"] if d and latest_possible(d) > ARTICLE_DATE)
    count = plural(len(ids), "source")

    def one(lang):
        text = str(_in(count, lang))
        if len(kinds) > 1:
            who = tr(LIST_SEP, lang).join(
                tr(WHO_COUNT, lang).format(n=int(counts[k]), who=tr(SPEAKERS[k], lang)) for k in kinds
            )
            text = tr(SUMMARY_BY_WHO, lang).format(count=text, who=who)
        elif kinds:
            who = tr(SPEAKERS[counts.index[0]], lang)
            text = tr(SUMMARY_ALL if len(ids) > 1 else SUMMARY_ONE, lang).format(count=text, who=who)
        if later:
            text = tr(SUMMARY_LATER, lang).format(summary=text, n=later)
        return text

    return per_edition(one)


def sources_blocks(source_ids) -> dict[str, str]:
    """``sources_block`` in every edition: ``{"en": …, "zh_CN": …}``."""
    ids = list(dict.fromkeys(source_ids))
    tables = markdown_tables(sources_table(ids))
    if len(ids) <= OPEN_UP_TO:
        return tables
    summary = sources_summary(ids)
    return {lang: folded(md, str(_in(summary, lang))) for lang, md in tables.items()}


def sources_block(source_ids, lang: str = SOURCE) -> str:
    """The source list as Markdown: behind a one-line summary that opens on a tap or the keyboard (an HTML
    ``<details>``: no script needed; printed open, see book.css) when it is longer than ``OPEN_UP_TO``."""
    return sources_blocks(source_ids)[lang]


def show_sources(source_ids) -> None:
    show_markdown(sources_blocks(source_ids))


def folded(markdown: str, summary: str) -> str:
    """Any long block (a table) behind a one-line summary that opens on a tap (see ``sources_block``)."""
    return f'<details class="sources-fold">\n<summary>{summary}</summary>\n\n{markdown}\n\n</details>'


def show_folded(df: pd.DataFrame, summary) -> None:
    """A table folded behind ``summary`` (a Words), in every edition."""
    show_markdown({lang: folded(markdown_table(df, lang), str(_in(summary, lang))) for lang in EDITIONS})
