"""The corrections page (chapters/corrections.ipynb): every correction to the data, from
data/corrections.csv. The notebook imports this module alone (``from helpers.site import corrections as page``)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..data import load_table
from ..gluing import glue
from ..tables import show_table
from ..verdicts import plural


@cache
def _corrections() -> pd.DataFrame:
    return load_table("corrections").sort_values(["date", "commit"])


def glue_counts() -> None:
    c = _corrections()
    glue("c_n", plural(len(c), "correction"))
    glue("c_files", plural(c["file"].nunique(), "file"))
    glue("c_last", c["date"].max().strftime("%Y-%m-%d"))


def corrections_table() -> None:
    c = _corrections()
    show_table(
        pd.DataFrame(
            {
                "Date": c["date"].dt.strftime("%Y-%m-%d"),
                "File": c["file"],
                "What changed": c["change"],
                "Why": c["reason"],
                "Commit": c["commit"],
            }
        )
    )
