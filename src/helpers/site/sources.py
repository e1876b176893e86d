"""The sources page (chapters/sources.ipynb): who speaks, source quality by claim, the coverage map and
every source. The notebook imports this module alone (``from helpers.site import sources as page``)."""

from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
import pandas as pd
from IPython.display import Markdown, display

from .. import names
from ..charts import publish_chart, wrap_cjk
from ..data import load_table
from ..downloads import clean_outlet
from ..gluing import glue
from ..i18n import Words, both, say, zh
from ..outlook import WHO_SHORT
from ..style import new_figure, use_house_style
from ..tables import copy_words, folded, link, markdown_table, readable_date, show_table, sources_summary
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
                "Claim (paraphrased)": c.claim_en,
                "Paragraph": int(c.paragraph),
                "Sources": len(sel),
                "Claimant": int(rel.get("claimant", 0)),
                "National body": int(rel.get("national_official", 0)),
                "Other official": int(rel.get("other_official", 0)),
                "Independent": int(rel.get("independent", 0)),
                "Not stated": int(rel.get("unknown", 0)),
                "Official site": int((sel["tier"] == "official").sum()),
            }
        )
    return pd.DataFrame(rows)


def quality_table() -> None:
    q = quality_by_claim()
    few = int((q["Independent"] == 0).sum())
    summary = (
        f"Source counts for each of the {plural(len(q), 'claim')}; {few} of them rest on no independent source at all"
    )
    display(Markdown(folded(markdown_table(q), summary)))


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


def other_indicators() -> None:
    _, rest = coverage()
    ind = names.indicators()

    def years(r) -> str:
        return ", ".join(f"{FIRST_YEAR}–{EARLY}" if y == EARLY else str(y) for y in r.dropna().index)

    show_table(
        pd.DataFrame(
            {
                "Indicator": [ind[i] for i in rest.index],
                "Values": [int(v) for v in rest.sum(axis=1)],
                "Years with a value": [years(r) for _, r in rest.iterrows()],
            }
        )
    )


def every_source() -> None:
    """Every source, by outlet, folded behind its one-line summary. Unattributed pages are called so."""
    s = _tables()["sources"].sort_values(["outlet", "date_published"])
    t = pd.DataFrame(
        {
            "Title (link to where it was read)": [link(x, u) for x, u in zip(s["title"], s["url"])],
            "Original outlet": [
                "no outlet named" if tier == "unattributed" else clean_outlet(o)
                for o, tier in zip(s["outlet"], s["tier"])
            ],
            "Date": [readable_date(d) if d else "not dated" for d in s["date_published"]],
            "Copy": [copy_words(r) for _, r in s.iterrows()],
            "Who speaks": [WHO_SHORT[x] for x in s["relation"]],
        }
    )
    display(Markdown(folded(markdown_table(t), sources_summary(s["source_id"]))))
