"""What the protection pages share: their claims from the ledger (by the page's notebook), the table and
boxes of their verdicts, and the house style. Imported by the page modules only (the checks must not
import helpers.pages)."""

from __future__ import annotations

import pandas as pd

from .. import pages
from ..checks import verdict_table
from ..data import load_table
from ..gluing import glue
from ..i18n import both, editions_of, say, show_markdown, zh
from ..style import use_house_style
from ..tables import show_sources, show_table

use_house_style()

claim_box = pages.claim_box
verdict_box = pages.verdict_box


def page_claims(notebook: str) -> pd.DataFrame:
    """The ledger rows whose page is ``notebook`` (relative to the repository), in the ledger's order,
    indexed by claim id."""
    c = load_table("claims")
    return c[c["notebook"] == notebook].set_index("claim_id", drop=False)


def glue_section_337() -> None:
    # TRANSLATORS: the US law's section the overseas page puts the disputes beside ("Section 337")
    glue("s337_law", say(zh("Section {n}"), n=337))


def page_verdicts(notebook: str) -> pd.DataFrame:
    """The verdict table of the page's claims."""
    ids = list(page_claims(notebook).index)
    return verdict_table("protection").set_index("claim_id").loc[ids].reset_index()


def claims_table(notebook: str) -> None:
    """The page's claims with their verdicts, as a table (the page column left out: it is this page)."""
    show_table(pages.verdict_summary(page_verdicts(notebook)).drop(columns=["Page"]))


def verdict_boxes(notebook: str) -> None:
    """Each claim of the page in bold with its paragraph, then its verdict."""
    for _, c in page_claims(notebook).iterrows():
        claim = both(c["claim_en"], zh_CN=c["claim_zh"] if isinstance(c["claim_zh"], str) else "")
        # TRANSLATORS: a claim in bold, then the article's paragraph it is in
        show_markdown(editions_of(say(zh("**{claim}** (paragraph {n})"), claim=claim, n=int(c["paragraph"]))))
        verdict_box(c["claim_id"])


def glue_verdicts(notebook: str) -> None:
    """The verdicts this page's tables show, glued for the front page's scorecard test."""
    pages.glue_verdicts(list(page_claims(notebook).index))


def sources(*source_ids) -> None:
    """The sources of the page (each argument a column of source ids), each once."""
    show_sources(pd.concat([pd.Series(list(s), dtype=object) for s in source_ids]).unique())
