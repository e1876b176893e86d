"""The front page's scorecard: every claim with its verdict (from :mod:`helpers.checks`, the same checks
the pages run), linked to its page by the page's title."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .checks import verdict_table
from .pages import page_title
from .verdicts import Verdict
from .paths import repo_root
from .reads import note_read

SECTIONS = {"intro": "Introduction", "legal": "Legal foundation", "finance": "Finance",
            "protection": "Protection system", "outlook": "Outlook"}


def toc_files(root: Path | None = None) -> set[str]:
    """Files listed in ``_toc.yml`` (without extension), e.g. 'chapters/legal/01-patent-grants'."""
    root = root or repo_root()
    note_read("file:_toc.yml")
    text = (root / "_toc.yml").read_text(encoding="utf-8")
    return set(re.findall(r"(?:file|root):\s*(\S+)", text))


def has_page(notebook: str, root: Path | None = None) -> bool:
    root = root or repo_root()
    note_read(f"title:{notebook}")
    return bool(notebook) and (root / notebook).is_file() and str(Path(notebook).with_suffix("")) in toc_files(root)


def scorecard() -> pd.DataFrame:
    """verdict_table() with, for each claim, its verdict badge, the page's title and a relative link."""
    vt = verdict_table()
    vt["badge"] = [Verdict(label, "").badge() for label in vt["verdict"]]
    titles = [page_title(p) if has_page(p) else "" for p in vt["page"]]
    vt["title"] = pd.Series(titles, index=vt.index, dtype=object)
    vt["href"] = [str(Path(p).relative_to("chapters")) if t else "" for p, t in zip(vt["page"], titles)]
    return vt


def glue_key(claim_id: str) -> str:
    return claim_id.replace("-", "_")
