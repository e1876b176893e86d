"""The protection section's overview page (chapters/protection/00-overview.ipynb): its verdicts, and its
firsts and national designations judged by one rule."""

from __future__ import annotations

import pandas as pd

from .. import names
from ..checks import verdict, verdict_table
from ..data import load_table
from ..gluing import glue
from ..pages import verdict_counts_sentence, verdict_summary
from ..tables import show_table
from ..verdicts import NOT_VERIFIED, UNCHECKABLE, Verdict, plural
from .checks import DESIGNATIONS, designation_evidence, designation_verdict, review_basis, review_rows
from .common import glue_section_337  # noqa: F401  (what the notebook calls)

SECTION = "protection"


def glue_verdict_counts() -> None:
    vt = verdict_table(SECTION)
    glue("pt_n_claims", plural(len(vt), "quantitative claim"))
    glue("pt_counts", verdict_counts_sentence(vt))
    glue("pt_n_unchecked", plural(int(vt["verdict"].isin([NOT_VERIFIED, UNCHECKABLE]).sum()), "claim"))


def verdicts_table() -> None:
    show_table(verdict_summary(verdict_table(SECTION)))


def _row(says: str, evidence: str, date: str, v: Verdict) -> dict[str, str]:
    return {
        "The article says": says,
        "Evidence found": evidence,
        "Date": date,
        "Verdict": v.badge(),
        "Strength": v.strength,
        "Coverage": v.coverage,
        "Why": v.reason,
    }


def first_places() -> list[dict[str, str]]:
    """The section's claims of a first place, with every review result found for their review."""
    cl = load_table("claims")
    rows = []
    for _, c in cl[(cl["section"] == SECTION) & (cl["kind"] == "rank")].iterrows():
        rr = review_rows(review_basis(c))
        found = "; ".join(
            f"{r['what']} ({names.relation(r['relation'])}{', after the article' if r['after_article'] else ''})"
            for _, r in rr.iterrows()
        )
        rows.append(_row(c["claim_en"], found or "nothing found", "review of 2021", verdict(c["claim_id"])))
    return rows


def designations() -> list[dict[str, str]]:
    """The national platforms and pilots the section names, with their dated records."""
    rows = []
    for zh, en, key in DESIGNATIONS:
        e = designation_evidence(key)
        found = "; ".join(
            f"{r['event'].replace('_', ' ')}: {r['outlet']} ({names.relation(r['relation'])})" for _, r in e.iterrows()
        )
        date = ", ".join(sorted(set(e["date"]))) or "none found"
        rows.append(_row(f"{en} ({zh})", found or "no dated record found", date, designation_verdict(key)))
    return rows


def firsts_table() -> None:
    show_table(pd.DataFrame(first_places() + designations()))
