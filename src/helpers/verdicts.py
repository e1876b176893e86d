"""Verdict rules, written once (the methods page prints them) and applied by every page.

Scale: confirmed · consistent · differs · cannot be checked · arithmetic only.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

CONFIRMED, CONSISTENT, DIFFERS, UNCHECKABLE, ARITHMETIC = (
    "confirmed", "consistent", "differs", "cannot be checked", "arithmetic only")
ORDER = [CONFIRMED, CONSISTENT, DIFFERS, UNCHECKABLE, ARITHMETIC]

RULES = {
    CONFIRMED: "An independent source gives the same value, within the rounding the article uses "
               "(or, for a streak or rank, independent statements cover every year the claim implies).",
    CONSISTENT: "Independent data agrees where it exists but does not cover the whole claim "
                "(some years missing, a neighbouring date, or a different but compatible basis).",
    DIFFERS: "Independent data for the same thing, period and basis contradicts the claim.",
    UNCHECKABLE: "No independent source was found; the page says what would settle it.",
    ARITHMETIC: "The figure is derived from the article's own numbers; only the arithmetic can be checked.",
}


@dataclass(frozen=True)
class Verdict:
    label: str
    reason: str

    def badge(self) -> str:
        css = "verdict-" + self.label.replace(" ", "-")
        return f'<span class="verdict {css}">{self.label}</span>'


def rounding_halfwidth(stated: float) -> float:
    """Half a unit of the last significant digit the article prints (114 -> 0.5; 100.46 -> 0.005;
    6 -> 0.5; 30 -> 5, since a round 30 is taken to mean 'to the nearest ten')."""
    d = Decimal(repr(float(stated))).normalize()
    exp = d.as_tuple().exponent
    return 0.5 * float(Decimal(10) ** exp)


def matches(stated: float, qualifier: str, observed: float) -> bool:
    """Does ``observed`` agree with a stated value and its qualifier (about, over, nearly, under)?"""
    q = qualifier or ""
    if q == "over":
        return observed > stated
    if q == "at_least":
        return observed >= stated
    if q == "under":
        return observed <= stated
    if q == "nearly":  # close to but not above, within one rounding unit
        return stated - 2 * rounding_halfwidth(stated) <= observed <= stated
    return abs(observed - stated) <= rounding_halfwidth(stated) + 1e-9


def streak_verdict(claimed_years: list[int], first_in: dict[int, bool | None]) -> Verdict:
    """Verdict for "first for N years running": ``first_in`` maps a year to True (independent data
    shows first), False (shows not first) or None/missing (no data)."""
    covered = [y for y in claimed_years if first_in.get(y) is not None]
    contra = [y for y in covered if first_in[y] is False]
    if contra:
        return Verdict(DIFFERS, f"independent data show another city ahead in {', '.join(map(str, contra))}")
    if not covered:
        return Verdict(UNCHECKABLE, "no independent data for any year of the streak")
    if len(covered) == len(claimed_years):
        return Verdict(CONFIRMED, "independent data show first place in every year of the streak")
    missing = [y for y in claimed_years if y not in covered]
    return Verdict(CONSISTENT, f"first in every covered year; no independent data for {', '.join(map(str, missing))}")
