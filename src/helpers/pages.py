"""Page furniture shared by every chapter page: the claim box, the verdict box, number formatting."""
from __future__ import annotations

import pandas as pd
from IPython.display import Markdown, display

from .checks import verdict
from .evidence import claim
from .gluing import glue

QUALIFIER_EN = {"about": "about ", "over": "more than ", "nearly": "nearly ", "under": "under ",
                "at_least": "at least "}


def fmt_num(v: float, digits: int | None = None) -> str:
    """Thousands separators; integers without decimals; otherwise ``digits`` decimals (default: as needed)."""
    v = float(v)
    if digits is None:
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:,.2f}".rstrip("0").rstrip(".")
    return f"{v:,.{digits}f}"


def stated_text(claim_id: str) -> str:
    c = claim(claim_id)
    if pd.isna(c["stated_value"]):
        return "a qualitative standing (no number)"
    return f"{QUALIFIER_EN.get(c['qualifier'], '')}{fmt_num(c['stated_value'])} {c['stated_unit']}"


def claim_box(claim_id: str) -> None:
    """Show the claim as the article makes it (paraphrased, with paragraph and stated value) and glue its parts."""
    c = claim(claim_id)
    key = claim_id.replace("-", "_")
    glue(f"{key}_stated", stated_text(claim_id))
    glue(f"{key}_paragraph", int(c["paragraph"]))
    display(Markdown(
        f":::{{admonition}} The claim (article paragraph {int(c['paragraph'])})\n:class: note\n\n"
        f"{c['claim_en']}\n\nStated value: **{stated_text(claim_id)}** · period: {c['period']} · "
        f"kind of claim: {c['kind']} · claim id `{claim_id}`\n:::"))


def verdict_box(claim_id: str) -> None:
    v = verdict(claim_id)
    key = claim_id.replace("-", "_")
    glue(f"{key}_verdict", v.label)
    glue(f"{key}_why", v.reason)
    display(Markdown(f"**Verdict for `{claim_id}`:** {v.badge()} — {v.reason}."))


def bullet_list(items) -> None:
    display(Markdown("\n".join(f"- {i}" for i in items)))
