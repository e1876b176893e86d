"""One check per claim: the data, the rule, the verdict. Pages, the chapter tables, the front page's
scorecard and the README all call :func:`verdict`, so a claim has one verdict everywhere.

Each chapter keeps its checks in its own module, registering each function with :func:`check`. The claims
ledger binds a claim to its check once (column ``check``, ``part.function``); the check receives the claim's
ledger row, so no claim id is typed in check code. Every check returns a verdict made by
:func:`helpers.verdicts.decide` (or :func:`helpers.verdicts.arithmetic_only`): the rule on the methods page.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..data import load_table
from ..verdicts import Verdict, with_record

BY_NAME: dict[str, Callable[[pd.Series], Verdict]] = {}  # by "part.function", as the ledger's `check` names it


def check(fn: Callable[[pd.Series], Verdict]) -> Callable[[pd.Series], Verdict]:
    """Register ``fn`` (a function of the claim's ledger row) as the check named ``part.function``, where
    part is the last package of its module's name but one (``helpers.legal.checks`` → ``legal``)."""
    parts = fn.__module__.split(".")
    part = parts[-2] if parts[-1] == "checks" else parts[-1]
    name = f"{part}.{fn.__name__}"
    if name in BY_NAME:
        raise ValueError(f"two checks registered as {name!r}")
    BY_NAME[name] = fn
    return fn


def verdict(claim_id: str) -> Verdict:
    """The claim's verdict, with the public record that would settle it (``settling_record`` in the claims
    ledger) where one is named: a claim with no evidence and such a record is *not verified*, not
    *cannot be checked*."""
    cl = load_table("claims").set_index("claim_id")
    if claim_id not in cl.index:
        raise KeyError(f"no claim {claim_id!r} in data/claims.csv")
    row = cl.loc[claim_id].copy()
    row["claim_id"] = claim_id
    name = row["check"]
    if name not in BY_NAME:
        raise KeyError(f"data/claims.csv names check {name!r} for {claim_id!r}, but no @check function has that name")
    v = BY_NAME[name](row)
    record = cl.at[claim_id, "settling_record"]
    if isinstance(record, str) and record:
        from ..i18n import both

        record = both(record, zh_CN=cl.at[claim_id, "settling_record_zh"])
    return with_record(v, record)


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
                "checked": c["check"] in BY_NAME,
            }
        )
    return pd.DataFrame(rows).sort_values("paragraph", kind="stable").reset_index(drop=True)


from ..finance import checks as _finance  # noqa: E402,F401  (registers the chapters' checks)
from ..legal import checks as _legal  # noqa: E402,F401
from ..protection import checks as _protection  # noqa: E402,F401
