"""The sources page (chapters/sources.ipynb): who speaks, source quality by claim, the coverage map and
every source. The notebook imports this module alone (``from helpers.site import sources as page``)."""

from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
import pandas as pd

from .. import names
from ..charts import publish_chart, wrap_cjk
from ..data import load_table
from ..downloads import clean_outlet
from ..gluing import glue
from ..i18n import Words, both, say, zh
from ..outlook import WHO_SHORT
from ..pages import claim_words
from ..style import new_figure, use_house_style
from ..tables import (
    copy_words,
    foreign,
    link,
    per_edition,
    readable_date,
    show_folded,
    show_table,
    sources_summary,
)
from ..verdicts import plural

use_house_style()

RELATIONS = ["claimant", "national_official", "other_official", "independent", "unknown"]
TIERS = ["official", "media", "repost", "unattributed"]
FIRST_YEAR, EARLY, LAST_YEAR = 2004, 2012, 2025  # the map's years; the sparse early ones share one column


@cache
def _tables() -> dict[str, pd.DataFrame]:
    return {k: load_table(k) for k in ("sources", "observations", "claims", "indicators")}


def glue_counts() -> None:
    t = _tables()
    s, o = t["sources"], t["observations"]
    glue("src_n", plural(len(s), "source"))
    glue("src_obs", f"{len(o):,}")
    rel = s["relation"].value_counts()
    for k in RELATIONS:
        glue(f"src_rel_{k}", int(rel.get(k, 0)))
    for k in TIERS:
        glue(f"src_tier_{k}", int((s["tier"] == k).sum()))


def claimed_indicators() -> set[str]:
    return {i for s in _tables()["claims"]["indicators"] for i in s.split(";") if i}


# the source-quality table's column headers
# TRANSLATORS: column header: the claim in our words
H_CLAIM = zh("Claim (paraphrased)")
# TRANSLATORS: column header: the article's paragraph
H_PARAGRAPH = zh("Paragraph")
# TRANSLATORS: column header: a number of sources
H_SOURCES = zh("Sources")
# TRANSLATORS: column header: sources that speak for the claimant
H_CLAIMANT = zh("Claimant")
# TRANSLATORS: column header: sources that speak for a national (or international) body
H_NATIONAL = zh("National body")
# TRANSLATORS: column header: sources that speak for another official body
H_OTHER = zh("Other official")
# TRANSLATORS: column header: independent sources
H_INDEPENDENT = zh("Independent")
# TRANSLATORS: column header: sources that do not say who counted
H_NOT_STATED = zh("Not stated")
# TRANSLATORS: column header: sources read on the publisher's own site
H_OFFICIAL_SITE = zh("Official site")
# TRANSLATORS: the source-quality table's one-line summary; {claims} "33 claims", {few} a number
QUALITY_SUMMARY = zh("Source counts for each of the {claims}; {few} of them rest on no independent source at all")


def quality_by_claim() -> pd.DataFrame:
    """For each claim: the sources of every value of its indicators, counted by who speaks."""
    t = _tables()
    s, o = t["sources"], t["observations"]
    rows = []
    for c in t["claims"].itertuples():
        inds = [i for i in c.indicators.split(";") if i]
        ids = o[o["indicator"].isin(inds)]["source_id"].unique()
        sel = s[s["source_id"].isin(ids)]
        rel = sel["relation"].value_counts()
        rows.append(
            {
                H_CLAIM: claim_words(c.claim_id, c.claim_en),
                H_PARAGRAPH: int(c.paragraph),
                H_SOURCES: len(sel),
                H_CLAIMANT: int(rel.get("claimant", 0)),
                H_NATIONAL: int(rel.get("national_official", 0)),
                H_OTHER: int(rel.get("other_official", 0)),
                H_INDEPENDENT: int(rel.get("independent", 0)),
                H_NOT_STATED: int(rel.get("unknown", 0)),
                H_OFFICIAL_SITE: int((sel["tier"] == "official").sum()),
            }
        )
    q = pd.DataFrame(rows)
    q[H_CLAIM] = pd.Series([r[H_CLAIM] for r in rows], dtype=object)  # keep the Words
    return q


def quality_table() -> None:
    q = quality_by_claim()
    few = int((q["Independent"] == 0).sum())
    show_folded(q, say(QUALITY_SUMMARY, claims=plural(len(q), "claim"), few=few))


@cache
def coverage() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values held per indicator (rows, most first) and year the period ends (columns): the indicators the
    claims rest on, and the others."""
    o = _tables()["observations"].copy()
    o["year"] = o["period_end"].dt.year
    o = o[(o["year"] >= FIRST_YEAR) & (o["year"] <= LAST_YEAR)]
    o["col"] = o["year"].where(o["year"] > EARLY, EARLY)
    cols = list(range(EARLY, LAST_YEAR + 1))
    tab = o.pivot_table(index="indicator", columns="col", values="value", aggfunc="count").reindex(columns=cols)
    tab = tab.loc[tab.sum(axis=1).sort_values(ascending=False).index]
    claimed = claimed_indicators()
    return tab[tab.index.isin(claimed)], tab[~tab.index.isin(claimed)]


def busiest_year() -> int:
    o = _tables()["observations"]
    y = o["period_end"].dt.year
    return int(y[(y >= FIRST_YEAR) & (y <= LAST_YEAR)].value_counts().idxmax())


def indicator_label(indicator: str) -> Words:
    """An indicator's name as the coverage map's row label: long names on two lines (indicators.csv ``name_en``,
    and ``name_zh`` broken between characters)."""
    i = load_table("indicators").set_index("indicator")
    en = textwrap.fill(names.indicators()[indicator], 36, break_on_hyphens=False)
    return both(en, zh_CN=wrap_cjk(i.loc[indicator, "name_zh"], 36))


def coverage_chart() -> None:
    tab, _ = coverage()
    cols = list(tab.columns)
    labels = [indicator_label(i) for i in tab.index]  # long names on two lines
    heights = np.array([1.5 + lab.count("\n") for lab in labels])
    edges = np.concatenate([[0], np.cumsum(heights)])
    fig, ax = new_figure(figsize=(5.0, 0.17 * edges[-1] + 2.2))
    m = np.ma.masked_invalid(tab.values.astype(float))
    im = ax.pcolormesh(np.arange(len(cols) + 1) - 0.5, edges, m, cmap="Oranges", edgecolors="none", antialiased=False)
    ax.set_ylim(edges[-1], 0)
    ax.set_yticks((edges[:-1] + edges[1:]) / 2, labels)
    ticks = list(range(0, len(cols), 3))
    ax.set_xticks(ticks, [f"{FIRST_YEAR}\n–{EARLY % 100:02d}" if t == 0 else str(cols[t]) for t in ticks])
    # TRANSLATORS: x-axis label of the coverage map
    ax.set_xlabel(zh("Year the period ends"))
    ax.grid(False)
    cb = fig.colorbar(im, ax=ax, location="bottom", fraction=0.02, pad=0.01, aspect=30, shrink=0.6)
    # TRANSLATORS: label of the coverage map's colour scale: how many values a cell holds
    cb.set_label(zh("Values held"))
    busy = busiest_year()
    title = say(
        # TRANSLATORS: title of the coverage map; {busy} is the year with the most values
        zh("Indicators the claims rest on: most values cluster around the article's years; {busy} is the best covered"),
        busy=busy,
    )
    ax.set_title(title, fontsize=10, wrap=True)
    alt = say(
        # TRANSLATORS: alt text of the coverage map
        zh(
            "Heat map of the number of sourced values per indicator the claims rest on (rows, {n} indicators) and "
            "year (columns, {first} to {early} together, then each year to {last}); darker cells hold more values, "
            "blank cells are gaps; {busy} holds the most values."
        ),
        n=len(tab),
        first=FIRST_YEAR,
        early=EARLY,
        last=LAST_YEAR,
        busy=busy,
    )
    # the download: one row per indicator and year, the years as values, not column names
    data = (
        tab.rename(columns={EARLY: f"{FIRST_YEAR}-{EARLY}"})
        .rename_axis(columns="years")
        .stack()
        .dropna()
        .astype(int)
        .rename("values_held")
        .reset_index()
    )
    caption = say(
        # TRANSLATORS: caption of the coverage map
        zh("Sourced values per indicator and year ({first} to {early} in one column). Blank: no value."),
        first=FIRST_YEAR,
        early=EARLY,
    )
    publish_chart(
        fig, "fig-coverage", caption=caption, alt=alt, data=data, source_ids=_tables()["observations"]["source_id"]
    )


# TRANSLATORS: column header
H_INDICATOR = zh("Indicator")
# TRANSLATORS: column header: a number of values
H_VALUES = zh("Values")
# TRANSLATORS: column header: the years for which the data holds a value
H_YEARS = zh("Years with a value")


def other_indicators() -> None:
    _, rest = coverage()
    ind = names.indicators()

    def years(r) -> str:
        return ", ".join(f"{FIRST_YEAR}–{EARLY}" if y == EARLY else str(y) for y in r.dropna().index)

    show_table(
        pd.DataFrame(
            {
                H_INDICATOR: pd.Series([ind[i] for i in rest.index], dtype=object),
                H_VALUES: [int(v) for v in rest.sum(axis=1)],
                H_YEARS: [years(r) for _, r in rest.iterrows()],
            }
        )
    )


# every source's column headers
# TRANSLATORS: column header: a source's title, linked to where we read it
H_TITLE = zh("Title (link to where it was read)")
# TRANSLATORS: column header: the outlet that first published a source
H_ORIGINAL = zh("Original outlet")
# TRANSLATORS: column header
H_DATE = zh("Date")
# TRANSLATORS: column header: what kind of copy (official site, named outlet, repost)
H_COPY = zh("Copy")
# TRANSLATORS: column header: whose figures a source gives
H_WHO = zh("Who speaks")
NO_OUTLET = zh("no outlet named")
NOT_DATED = zh("not dated")
# who speaks, short (the words of helpers.outlook.WHO_SHORT, in every edition)
WHO_WORDS = {
    # TRANSLATORS: who speaks (short, a table cell): the claimant
    "claimant": zh("claimant"),
    # TRANSLATORS: who speaks (short): a national or international official body
    "national_official": zh("national body"),
    # TRANSLATORS: who speaks (short): another city's, province's or country's official body
    "other_official": zh("other official body"),
    "independent": zh("independent"),
    # TRANSLATORS: who speaks (short): the source does not say who counted
    "unknown": zh("not stated"),
}


def who_short(relation: str) -> str:
    """``helpers.outlook.WHO_SHORT`` (the English) with its Chinese."""
    en = WHO_SHORT[relation]
    return say(WHO_WORDS[relation]) if en == WHO_WORDS[relation] else en


def every_source() -> None:
    """Every source, by outlet, folded behind its one-line summary. Unattributed pages are called so."""
    from ..tables import outlet_name

    s = _tables()["sources"].sort_values(["outlet", "date_published"])

    def title(x, u):
        return per_edition(lambda lang: foreign(link(x, u), lang) if foreign(x, lang) != x else link(x, u))

    def outlet(o, tier):
        if tier == "unattributed":
            return say(NO_OUTLET)
        name = clean_outlet(o)
        return per_edition(lambda lang: outlet_name(name, lang))

    def col(values):
        return pd.Series(values, dtype=object)

    t = pd.DataFrame(
        {
            H_TITLE: col([title(x, u) for x, u in zip(s["title"], s["url"])]),
            H_ORIGINAL: col([outlet(o, tier) for o, tier in zip(s["outlet"], s["tier"])]),
            H_DATE: col([readable_date(d) if d else say(NOT_DATED) for d in s["date_published"]]),
            H_COPY: col([copy_words(r) for _, r in s.iterrows()]),
            H_WHO: col([who_short(x) for x in s["relation"]]),
        }
    )
    show_folded(t, sources_summary(s["source_id"]))
