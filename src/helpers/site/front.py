"""The front page (chapters/index.ipynb): findings first, the scorecard, the verdict chart, the sections.

The notebook imports this module alone (``from helpers.site import front as page``) and calls one function per
cell; the computing is in :mod:`helpers.frontpage` (findings, scorecard) and here (the chart)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..charts import SOURCES_SEP, publish_chart
from ..data import load_table
from ..frontpage import SECTIONS, findings_blocks, glue_key, scorecard, scorecard_blocks, sections_lists
from ..gluing import glue
from ..i18n import LANGUAGES, LIST_SEP, Words, both, in_lang, say, show_markdown, tr, zh
from ..outlook import plan_targets, streak_statements
from ..style import legend_below, new_figure, use_house_style
from ..verdicts import COLOURS, LABELS, plural, text_colour

use_house_style()


@cache
def _scorecard() -> pd.DataFrame:
    return scorecard()


# TRANSLATORS: the front page: plan targets reached after the article ({k} a number, {targets} "7 plan targets")
TARGETS_REACHED = zh("{k} of {targets}")
# TRANSLATORS: the front page: the claimant's count of its PCT streak ({years} "21 years") in a year
STREAK_IN = zh("{years} in {year}")


def glue_findings() -> None:
    """Each claim's verdict as the scorecard shows it, the number of claims, and the after-the-article facts."""
    sc = _scorecard()
    for r in sc.itertuples():
        glue(f"scorecard_{glue_key(r.claim_id)}_verdict", verdict_words(r.verdict))
    glue("f_n_claims", plural(len(sc), "quantitative claim"))
    targets = plan_targets()
    have = targets[targets["status"] != "no later value found"]
    reached = int((have["status"] == "target reached").sum())
    glue("f_targets", say(TARGETS_REACHED, k=reached, targets=plural(len(have), "plan target")))
    streak = streak_statements("pct_streak_years", since=2022)
    last = streak[streak["year"] == streak["year"].max()]
    years = plural(int(last["value_std"].iloc[0]), "year")
    glue("f_pct", say(STREAK_IN, years=years, year=int(last["year"].iloc[0])))


def findings() -> None:
    show_markdown(findings_blocks(_scorecard()))


def scorecard_table() -> None:
    show_markdown(scorecard_blocks(_scorecard()))


def sections() -> None:
    show_markdown(sections_lists(_scorecard()))


def verdict_tally(sc: pd.DataFrame) -> pd.DataFrame:
    """Claims by section (rows, in the article's order) and verdict (columns, in the scale's order)."""
    order = [s for s in SECTIONS if s in set(sc["section"])]
    labels = [lab for lab in LABELS if lab in set(sc["verdict"])]
    return sc.groupby(["section", "verdict"]).size().unstack(fill_value=0).reindex(index=order, columns=labels)


# TRANSLATORS: the article's sections, as the verdict chart labels its bars (helpers.frontpage.SECTIONS)
SECTION_NAMES = (zh("Introduction"), zh("Legal foundation"), zh("Finance"), zh("Protection system"), zh("Outlook"))


def section_words(section: str) -> Words:
    """A section of the article as the verdict chart names it (``SECTIONS``), in every edition."""
    if SECTIONS[section] not in SECTION_NAMES:
        raise KeyError(f"section {section!r} ({SECTIONS[section]!r}) has no chart words: add it to SECTION_NAMES")
    return say(SECTIONS[section])


def verdict_words(label: str, broken: bool = False) -> Words:
    """A verdict's label in every edition (the verdict words of helpers.po); ``broken``: on two lines after its
    dash, as the chart's legend and title show it."""
    if not broken:
        return say(label)
    return both(label.replace(" — ", " —\n"), **{lang: tr(label, lang).replace("——", "——\n") for lang in LANGUAGES})


def verdict_title(sc: pd.DataFrame) -> Words:
    counts = sc["verdict"].value_counts()
    top = counts.idxmax()
    return say(
        # TRANSLATORS: title of the verdict chart: the verdict most claims got, on the line after the colon
        zh("Most common verdict ({k} of {n} claims):\n{verdict} · 核查结论"),
        k=int(counts.max()),
        n=len(sc),
        verdict=verdict_words(top, broken=True),
    )


def evidence_source_ids() -> list[str]:
    """The source of every value the checks weigh: the observations of the indicators the claims name."""
    obs, cl = load_table("observations"), load_table("claims")
    inds = {i for x in cl["indicators"] for i in x.split(";") if i}
    return list(obs[obs["indicator"].isin(inds)]["source_id"])


def verdict_chart() -> None:
    """Stacked bars: verdicts by section of the article. Its download: one row per section and verdict."""
    sc = _scorecard()
    tab = verdict_tally(sc).fillna(0).astype(int)
    fig, ax = new_figure(figsize=(4.9, 0.55 * len(tab) + 1.6))
    left = pd.Series(0, index=tab.index)
    ys = [section_words(s) for s in tab.index]
    for lab in tab.columns:
        ax.barh(
            ys,
            tab[lab],
            left=left,
            color=COLOURS.get(lab, "#4D4D4D"),
            label=verdict_words(lab, broken=True),
            height=0.6,
        )
        for i, (s, v) in enumerate(tab[lab].items()):
            if v:
                ax.text(left[s] + v / 2, i, str(int(v)), ha="center", va="center", color=text_colour(COLOURS[lab]))
        left += tab[lab]
    ax.invert_yaxis()
    # TRANSLATORS: x-axis label of the verdict chart
    ax.set_xlabel(zh("Claims (number)"))
    ax.grid(axis="x", color="#DDDDDD")
    ax.grid(axis="y", visible=False)
    ax.set_title(verdict_title(sc))
    # the house legend under the axes (a figure legend "outside lower center" was anchored to the figure's box,
    # which the tight crop enlarges to take in the source line: it was drawn over the source line)
    legend_below(ax, ncol=1)
    counts = {
        # TRANSLATORS: in the verdict chart's alt text: how many claims got a verdict ("3 differs")
        s: [say(zh("{n} {verdict}"), n=int(v), verdict=verdict_words(lab)) for lab, v in tab.loc[s].items() if v]
        for s in tab.index
    }
    items = [
        # TRANSLATORS: in the verdict chart's alt text: a section, then its verdict counts
        say(zh("{section}: {counts}"), section=section_words(s), counts=joined(c, ", ", LIST_SEP))
        for s, c in counts.items()
    ]
    alt = say(
        # TRANSLATORS: alt text of the verdict chart; {items} lists each section's verdict counts
        zh("Stacked bar chart of verdicts by section of the article: {items}."),
        items=joined(items, "; ", SOURCES_SEP),
    )
    data = (
        tab.rename(index=SECTIONS)
        .rename_axis(index="section of the article", columns="verdict")
        .stack()
        .rename("claims")
        .reset_index()
    )
    data = data[data["claims"] > 0]
    # TRANSLATORS: caption of the verdict chart
    caption = say(zh("Verdicts by section of the article (number of claims)."))
    publish_chart(fig, "fig-verdicts-by-section", caption=caption, alt=alt, data=data, source_ids=evidence_source_ids())


def joined(items, sep: str, template: str) -> Words:
    """Words joined by ``sep`` in English and by the catalog's ``template`` separator in each other edition."""
    return Words(
        sep.join(items), {lang: tr(template, lang).join(in_lang(i, lang) for i in items) for lang in LANGUAGES}
    )
