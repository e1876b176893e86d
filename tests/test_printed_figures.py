"""Every claim that states a value shows the figure as the article prints it (``printed_zh`` in the claims
ledger: the Chinese term, figure and qualifier, e.g. 连续18年, 近90%) on its built page, in the claim's own box
(or, on pages that check several claims in one table, in the claim's own row), beside the paraphrase."""

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

BUILD = ROOT / "_build" / "html"
CLAIMS = pd.read_csv(ROOT / "data" / "claims.csv", dtype=str).fillna("")
STATED = CLAIMS[CLAIMS["stated_value"] != ""]


def test_every_stated_value_has_its_printed_label():
    missing = list(STATED[STATED["printed_zh"] == ""]["claim_id"])
    assert not missing, f"claims with a stated value but no printed_zh: {missing}"
    # a label, never a sentence of the article
    long = [
        f"{r.claim_id}: {r.printed_zh}"
        for r in CLAIMS.itertuples()
        if len(r.printed_zh) > 40 or any(p in r.printed_zh for p in "。；！？")
    ]
    assert not long, f"printed_zh must be a short label, not a sentence: {long}"


@pytest.mark.parametrize("claim_id", list(STATED["claim_id"]))
def test_printed_label_is_in_the_claims_box_on_its_page(claim_id):
    c = CLAIMS.set_index("claim_id").loc[claim_id]
    page = BUILD / c["notebook"].replace(".ipynb", ".html")
    if not page.is_file():
        if in_ci():
            pytest.fail(f"{page} is not built: `make test` builds the book first")
        pytest.skip("the book is not built (run `make book`)")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    boxes = [b for b in soup.select("div.claim-box, article tr") if c["claim_en"] in b.get_text(" ", strip=True)]
    assert boxes, f"{claim_id}: no claim box or table row on {page.name} holds the paraphrase"
    box = boxes[0]
    label = box.select_one(".printed-zh")
    assert label is not None, f"{claim_id}: its box on {page.name} does not show the figure as printed"
    assert label.get_text(strip=True) == c["printed_zh"], (
        f"{claim_id}: box shows {label.get_text(strip=True)!r}, the ledger has {c['printed_zh']!r}"
    )
    assert label.get("lang", "").startswith("zh"), f"{claim_id}: the printed label is not marked as Chinese"
