"""Verdict labels and the value-matching rule (written out on the methods page), used by every check.

Scale: confirmed · consistent · differs · cannot be checked · arithmetic only.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

CONFIRMED, CONSISTENT, DIFFERS, UNCHECKABLE, ARITHMETIC = (
    "confirmed", "consistent", "differs", "cannot be checked", "arithmetic only")
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
