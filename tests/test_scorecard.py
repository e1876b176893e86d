"""The front page's scorecard and the claims' pages agree: every claim has a page, a verdict, and the
verdict glued on its page (``<key>_verdict``, key = claim id with '-' replaced by '_') is the one the
scorecard shows. Read from the committed, executed notebooks (their glue outputs), which nbval in turn
proves equal to a fresh run."""

import pandas as pd
import pytest
from conftest import ROOT

from book_site.claimreview import glued  # the same reader the ClaimReview data uses
from helpers.checks import verdict
from helpers.frontpage import glue_key, has_page, toc_files

CLAIMS = pd.read_csv(ROOT / "data" / "claims.csv", dtype=str).fillna("")
INDEX = ROOT / "chapters" / "index.ipynb"


def section_built(section: str) -> bool:
    """A section counts as built once any of its pages is in _toc.yml (chapters are merged one by one)."""
    return any(f.startswith(f"chapters/{section}/") for f in toc_files(ROOT))


def test_front_page_is_in_the_toc_as_root():
    assert INDEX.is_file() and "chapters/index" in toc_files(ROOT)


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_claim_has_page_verdict_and_the_same_verdict_everywhere(claim_id):
    c = CLAIMS.set_index("claim_id").loc[claim_id]
    v = verdict(claim_id)
    assert v.label, f"{claim_id}: no verdict"
    board = glued(INDEX)
    key = glue_key(claim_id)
    assert board.get(f"scorecard_{key}_verdict") == v.label, (
        f"{claim_id}: the committed front page shows {board.get(f'scorecard_{key}_verdict')!r}, the check gives {v.label!r}"
    )
    if not section_built(c["section"]):
        pytest.skip(f"section {c['section']!r} has no page in _toc.yml yet")
    assert c["notebook"], f"{claim_id}: claims.csv names no page"
    assert has_page(c["notebook"]), f"{claim_id}: {c['notebook']} is missing or not in _toc.yml"
    page = glued(ROOT / c["notebook"])
    assert f"{key}_verdict" in page, f"{claim_id}: {c['notebook']} glues no {key}_verdict"
    assert page[f"{key}_verdict"] == v.label, (
        f"{claim_id}: its page shows {page[f'{key}_verdict']!r}, the scorecard {v.label!r}"
    )
