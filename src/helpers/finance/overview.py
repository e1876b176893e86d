"""The finance overview page (chapters/finance/00-overview.ipynb): the section's verdicts in one table."""

from __future__ import annotations

from functools import cache, partial

from ..checks import verdict_table
from ..data import load_table
from ..gluing import glue
from ..pages import verdict_counts_sentence, verdict_summary
from ..tables import show_table
from ..verdicts import plural

__all__ = ["glue_counts", "summary_table"]

SECTION = "finance"

verdicts = cache(partial(verdict_table, SECTION))  # the section's verdicts, worked out once per run


def glue_counts() -> None:
    vt = verdicts()
    cl = load_table("claims").set_index("claim_id")
    numeric = int(cl.loc[vt["claim_id"], "stated_value"].notna().sum())
    glue("fin_n_claims", plural(len(vt), "claim"))
    glue("fin_counts", verdict_counts_sentence(vt))
    glue("fin_n_numeric", plural(numeric, "claim"))


def summary_table() -> None:
    show_table(verdict_summary(verdicts()))
