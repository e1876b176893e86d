"""One check per claim: the data, the rule, the verdict. Pages, the chapter tables, the front page's
scorecard and the README all call :func:`verdict`, so a claim has one verdict everywhere.

Each chapter keeps its checks in its own module (``legal``, and the later chapters beside it), each
registering its functions with :func:`check_for`. Every check returns a verdict made by
:func:`helpers.verdicts.decide` (or :func:`helpers.verdicts.arithmetic_only`): the rule on the methods page.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..data import load_table
from ..verdicts import Part, Verdict, decide, with_record

CHECKS: dict[str, Callable[[], Verdict]] = {}


def check_for(claim_id: str):
    def register(fn):
        if claim_id in CHECKS:
            raise ValueError(f"two checks registered for claim {claim_id!r}")
        CHECKS[claim_id] = fn
        return fn

    return register


def no_check(claim_id: str) -> Verdict:
    """A claim whose chapter has not been built: nothing has been checked, and the verdict says so."""
    return decide([Part("the claim")], reason="not yet checked: its chapter has not been built")


def verdict(claim_id: str) -> Verdict:
    """The claim's verdict, with the public record that would settle it (``settling_record`` in the claims
    ledger) where one is named: a claim with no evidence and such a record is *not verified*, not
    *cannot be checked*."""
    cl = load_table("claims").set_index("claim_id")
    if claim_id not in cl.index:
        raise KeyError(f"no claim {claim_id!r} in data/claims.csv")
    v = CHECKS.get(claim_id, lambda: no_check(claim_id))()
    return with_record(v, cl.at[claim_id, "settling_record"])


def verdict_table(section: str | None = None) -> pd.DataFrame:
    """Every claim (of one section) with its verdict, strength, coverage, reason and page, in the article's
    order (by paragraph; claims of one paragraph in the ledger's order)."""
    cl = load_table("claims")
    if section:
        cl = cl[cl["section"] == section]
    rows = []
    for _, c in cl.iterrows():
        v = verdict(c["claim_id"])
        rows.append(
            {
                "claim_id": c["claim_id"],
                "section": c["section"],
                "paragraph": int(c["paragraph"]),
                "claim": c["claim_en"],
                "printed_zh": c["printed_zh"] if isinstance(c["printed_zh"], str) else "",
                "verdict": v.label,
                "strength": v.strength,
                "coverage": v.coverage,
                "why": v.reason,
                "summary": v.summary(),
                "qualifiers": v.qualifiers(),
                "record": v.record,
                "page": c["notebook"],
                "checked": c["claim_id"] in CHECKS,
            }
        )
    return pd.DataFrame(rows).sort_values("paragraph", kind="stable").reset_index(drop=True)


from . import finance, legal, protection  # noqa: E402,F401  (registers the chapters' checks)
