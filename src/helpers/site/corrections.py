"""The corrections page (chapters/corrections.ipynb): every correction to the data, from
data/corrections.csv. The notebook imports this module alone (``from helpers.site import corrections as page``)."""

from __future__ import annotations

from functools import cache

import pandas as pd

from ..data import load_table
from ..gluing import glue
from ..i18n import both, zh
from ..names import date_words
from ..tables import show_table
from ..verdicts import plural

# the corrections table's column headers
# TRANSLATORS: column header
H_DATE = zh("Date")
# TRANSLATORS: column header: the data file corrected
H_FILE = zh("File")
# TRANSLATORS: column header: what a correction changed
H_CHANGED = zh("What changed")
# TRANSLATORS: column header: why it was changed
H_WHY = zh("Why")
# TRANSLATORS: column header: the git commit that made the change
H_COMMIT = zh("Commit")


@cache
def _corrections() -> pd.DataFrame:
    return load_table("corrections").sort_values(["date", "commit"])


def glue_counts() -> None:
    c = _corrections()
    glue("c_n", plural(len(c), "correction"))
    glue("c_files", plural(c["file"].nunique(), "file"))
    glue("c_last", date_words(c["date"].max().strftime("%Y-%m-%d")))


def _zh(c: pd.DataFrame, col: str) -> list:
    """A column of English words from the data with its Chinese (``<col>_zh``) where the file has one."""
    zh_col = c[f"{col}_zh"] if f"{col}_zh" in c.columns else [""] * len(c)
    return [both(en, zh_CN=z) if isinstance(z, str) and z else en for en, z in zip(c[col], zh_col)]


def corrections_table() -> None:
    c = _corrections()
    show_table(
        pd.DataFrame(
            {
                H_DATE: c["date"].dt.strftime("%Y-%m-%d").to_numpy(),
                H_FILE: c["file"].to_numpy(),
                H_CHANGED: pd.Series(_zh(c, "change"), dtype=object).to_numpy(),
                H_WHY: pd.Series(_zh(c, "reason"), dtype=object).to_numpy(),
                H_COMMIT: c["commit"].to_numpy(),
            }
        )
    )
