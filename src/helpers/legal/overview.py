"""The section's overview page (chapters/legal/00-overview.ipynb): the verdicts of its claims."""

from __future__ import annotations

from functools import cache, partial

from ..checks import verdict_table
from ..gluing import glue
from ..pages import verdict_counts_sentence, verdict_summary
from ..tables import show_table
from ..verdicts import plural
from . import common  # noqa: F401  (importing it sets the house style)

__all__ = ["glue_findings", "verdicts_table"]

SECTION = "legal"

verdicts = cache(partial(verdict_table, SECTION))  # the section's verdicts, worked out once per run


def glue_findings() -> None:
    vt = verdicts()
    glue("legal_n_claims", plural(len(vt), "quantitative claim"))
    glue("legal_counts", verdict_counts_sentence(vt))


def verdicts_table() -> None:
    show_table(verdict_summary(verdicts()))
