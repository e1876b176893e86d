"""The finance part reads what differs between claims from the ledger row: no claim id in its code, and
the generic checks find each claim's own evidence."""

import re
from pathlib import Path

from helpers.data import load_table
from helpers.finance.checks import award_class, claims_lead, first_evidence

FINANCE = Path(__file__).resolve().parents[1] / "src" / "helpers" / "finance"


def rows(check: str):
    cl = load_table("claims")
    return {r["claim_id"]: r for _, r in cl[cl["check"] == check].iterrows()}


def test_no_claim_id_is_typed_in_finance_code():
    ids = set(load_table("claims")["claim_id"])
    for path in FINANCE.glob("*.py"):
        found = {i for i in ids if re.search(rf"[\"']{re.escape(i)}[\"']", path.read_text(encoding="utf-8"))}
        assert not found, f"{path.name} types claim ids {sorted(found)}"


def test_a_first_gets_the_events_of_the_item_its_label_names():
    firsts = rows("finance.first")
    with_events = {cid: list(first_evidence(r)["event_id"]) for cid, r in firsts.items()}
    named = {cid: ev for cid, ev in with_events.items() if ev}
    # only the cluster demonstration zone has dated events; the export base (same paragraph) has none
    assert list(named) == ["first-gd-cluster-zone"]
    assert all(e.startswith("ev-cluster-") for e in named["first-gd-cluster-zone"])


def test_the_award_claims_read_their_class_and_the_totals_their_lead_from_the_printed_label():
    awards = rows("finance.award")
    assert award_class(awards["award-70"]) == "all"
    assert award_class(awards["award-gold-3"]) == "gold"
    totals = rows("finance.ipsec_total")
    assert [cid for cid, r in totals.items() if claims_lead(r)] == ["ipsec-products-46"]
