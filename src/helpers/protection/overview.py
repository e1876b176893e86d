"""The protection section's overview page (chapters/protection/00-overview.ipynb): its verdicts, and its
firsts and national designations judged by one rule."""

from __future__ import annotations

import pandas as pd

from .. import names
from ..checks import verdict, verdict_table
from ..data import load_table
from ..gluing import glue
from ..i18n import both, say, zh
from ..pages import verdict_counts_sentence, verdict_summary
from ..tables import show_table
from ..verdicts import NOT_VERIFIED, UNCHECKABLE, Verdict, plural
from .bilingual import commas, known, outlet, strength, verdict_badge
from .bilingual import show_table as show_table_editions
from .checks import (
    CLAUSES,
    DESIGNATIONS,
    designation_evidence,
    designation_verdict,
    joined_pairs,
    review_basis,
    review_rows,
)
from .common import glue_section_337  # noqa: F401  (what the notebook calls)

SECTION = "protection"


def glue_verdict_counts() -> None:
    vt = verdict_table(SECTION)
    glue("pt_n_claims", plural(len(vt), "quantitative claim"))
    glue("pt_counts", verdict_counts_sentence(vt))
    glue("pt_n_unchecked", plural(int(vt["verdict"].isin([NOT_VERIFIED, UNCHECKABLE]).sum()), "claim"))


def verdicts_table() -> None:
    show_table(verdict_summary(verdict_table(SECTION)))


# TRANSLATORS: column headers of the table of the section's first places and designations
FIRSTS_COLUMNS = (
    zh("The article says"),
    zh("Evidence found"),
    zh("Date"),
    zh("Verdict"),
    zh("Strength"),
    zh("Coverage"),
    zh("Why"),
)


def _row(says, evidence, date, v: Verdict) -> dict:
    return dict(zip(FIRSTS_COLUMNS, (says, evidence, date, verdict_badge(v), strength(v), v.coverage, v.reason)))


def _said(what, relation: str, after: bool = False, outlet_name=None):
    """'first in 2023 (claimant (Shenzhen), after the article)', or with an outlet before the parenthesis."""
    who = known(names.relation(relation))
    if after:
        who = say(zh("{who}, after the article"), who=who)
    if outlet_name is None:
        return say(zh("{what} ({who})"), what=what, who=who)
    # TRANSLATORS: an event of a designation, the outlet that records it and who that is ("designated: China Daily (…)")
    return say(zh("{what}: {outlet} ({who})"), what=what, outlet=outlet(outlet_name), who=who)


def first_places() -> list[dict[str, str]]:
    """The section's claims of a first place, with every review result found for their review."""
    cl = load_table("claims")
    rows = []
    for _, c in cl[(cl["section"] == SECTION) & (cl["kind"] == "rank")].iterrows():
        rr = review_rows(review_basis(c))
        found = [_said(r["what"], r["relation"], bool(r["after_article"])) for _, r in rr.iterrows()]
        claim = both(c["claim_en"], zh_CN=c["claim_zh"] if isinstance(c["claim_zh"], str) else "")
        rows.append(
            _row(
                claim,
                joined_pairs(found, CLAUSES) if found else say(zh("nothing found")),
                # TRANSLATORS: the date of a review result: the review of a year
                say(zh("review of {year}"), year=2021),
                verdict(c["claim_id"]),
            )
        )
    return rows


def designations() -> list[dict[str, str]]:
    """The national platforms and pilots the section names, with their dated records."""
    rows = []
    for name_zh, en, key in DESIGNATIONS:
        e = designation_evidence(key)
        found = [_said(_event(r["event"]), r["relation"], outlet_name=r["outlet"]) for _, r in e.iterrows()]
        date = commas(sorted(set(e["date"])), none=zh("none found"))
        says = both(f"{en} ({name_zh})", zh_CN=name_zh)
        found = joined_pairs(found, CLAUSES) if found else say(zh("no dated record found"))
        rows.append(_row(says, found, date, designation_verdict(key)))
    return rows


# what happened to a platform or pilot, as the events table records it (its ``event`` codes)
EVENT_WORDS = {
    # TRANSLATORS: an event of a national platform or pilot (a table cell)
    "designated": zh("designated"),
    "established": zh("established"),
    "opened": zh("opened"),
    "approved": zh("approved"),
}


def _event(code: str):
    return say(EVENT_WORDS[code]) if code in EVENT_WORDS else code.replace("_", " ")


def firsts_table() -> None:
    show_table_editions(pd.DataFrame(first_places() + designations()))
