"""The verdict rule, written out on the methods page: the only thing that turns evidence into a verdict.

A check splits its claim into *parts* (the years of a streak, the figures of a claim) and says, for
each part, what the evidence that may count shows: evidence from a body that does not speak for the
claimant (``independent``), about the claim's own period, published before the article. It also says
whether the claimant's own publications give the same. :func:`decide` then applies one rule:

1. any part contradicted by countable independent evidence: *differs*;
2. every part shown by an independent figure: *confirmed independently*;
3. some parts shown or indirectly supported by independent evidence: *consistent*, with the coverage;
4. no independent evidence, but the claimant's own publications agree: *matches the claimant's own figures*;
5. nothing: *cannot be checked*.

*Arithmetic only* is for figures derived from the article's own numbers (:func:`arithmetic_only`).
The claimant's evidence can never by itself lift a verdict above rule 4.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

CONFIRMED = "confirmed independently"
CONSISTENT = "consistent"
CLAIMANT_ONLY = "matches the claimant's own figures"
DIFFERS = "differs"
UNCHECKABLE = "cannot be checked"
ARITHMETIC = "arithmetic only"
LABELS = (CONFIRMED, CONSISTENT, CLAIMANT_ONLY, DIFFERS, UNCHECKABLE, ARITHMETIC)
SUPPORTING = (CONFIRMED, CONSISTENT)   # verdicts that say independent evidence supports the claim

# what countable independent evidence shows for one part of a claim
AGREES, INDIRECT, CONTRADICTS = "agrees", "indirect", "contradicts"

STRENGTHS = ("strong", "moderate", "weak", "none")

_PLURAL = {"city": "cities", "body": "bodies"}


def plural(n: int, noun: str) -> str:
    """'1 year', '2 years', '3 cities': the count with the noun in the right number."""
    word = noun if n == 1 else _PLURAL.get(noun, noun + "s")
    return f"{n:,} {word}"


@dataclass(frozen=True)
class Part:
    """One part of a claim and what the evidence shows for it.

    ``independent``: AGREES (a countable independent figure gives it), INDIRECT (countable independent
    support short of a figure: a ranking statement, a lower bound, a year-to-date table), CONTRADICTS,
    or None (no countable independent evidence). ``claimant``: the claimant's own publications give it.
    """
    name: str
    independent: str | None = None
    claimant: bool = False
    note: str = ""

    def __post_init__(self):
        if self.independent not in (AGREES, INDIRECT, CONTRADICTS, None):
            raise ValueError(f"part {self.name!r}: independent must be agrees, indirect, contradicts or None, "
                             f"not {self.independent!r}")


@dataclass(frozen=True)
class Verdict:
    label: str
    reason: str
    strength: str = "none"
    coverage: str = ""
    total: int = 0
    shown: int = 0        # parts an independent figure shows
    supported: int = 0    # parts with indirect independent support only
    parts: tuple = field(default=(), compare=False)

    def __post_init__(self):
        if self.label not in LABELS:
            raise ValueError(f"unknown verdict label {self.label!r}")
        if self.strength not in STRENGTHS:
            raise ValueError(f"unknown strength {self.strength!r}")

    @property
    def css(self) -> str:
        return "verdict-" + {CLAIMANT_ONLY: "claimant-only"}.get(self.label, self.label.replace(" ", "-"))

    def badge(self) -> str:
        return f'<span class="verdict {self.css}">{self.label}</span>'

    def summary(self) -> str:
        """'confirmed independently · strong · independent figures for all 4 years'."""
        return " · ".join(x for x in (self.label, f"{self.strength} evidence" if self.strength != "none"
                                      else "no independent evidence", self.coverage) if x)


def _names(parts) -> str:
    names = [p.name for p in parts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def decide(parts, of: str = "part", reason: str | None = None) -> Verdict:
    """Apply the verdict rule to the parts of a claim. ``of`` names one part ('year', 'figure')."""
    parts = tuple(parts)
    if not parts:
        raise ValueError("a claim has at least one part to check")
    n = len(parts)
    contra = [p for p in parts if p.independent == CONTRADICTS]
    shown = [p for p in parts if p.independent == AGREES]
    indirect = [p for p in parts if p.independent == INDIRECT]
    claimant = [p for p in parts if p.claimant and p.independent is None]
    whole = n == 1
    kw = dict(total=n, shown=len(shown), supported=len(indirect), parts=parts)
    if contra:
        cov = ("independent evidence contradicts the claim" if whole else
               f"independent evidence contradicts {len(contra)} of {plural(n, of)} ({_names(contra)})")
        return Verdict(DIFFERS, reason or cov, "strong", cov, **kw)
    if len(shown) == n:
        cov = "an independent source shows the whole claim" if whole else f"independent figures for all {plural(n, of)}"
        return Verdict(CONFIRMED, reason or cov, "strong", cov, **kw)
    if shown or indirect:
        if whole:
            cov = "indirect independent support only (no independent figure)"
        else:
            if shown:
                cov = f"independent figures for {len(shown)} of {plural(n, of)}"
                if indirect:
                    cov += f", indirect independent support for {len(indirect)} more"
            else:
                cov = f"no independent figure; indirect independent support for {len(indirect)} of {plural(n, of)}"
            rest = n - len(shown) - len(indirect)
            if rest:
                cov += f", nothing independent for {rest}"
        strength = "moderate" if 2 * len(shown) >= n and shown else "weak"
        return Verdict(CONSISTENT, reason or cov, strength, cov, **kw)
    if claimant:
        cov = ("only the claimant's own publications give it" if whole else
               f"no independent evidence; the claimant's own publications give {len(claimant)} of {plural(n, of)}")
        return Verdict(CLAIMANT_ONLY, reason or cov, "weak", cov, **kw)
    cov = "no independent evidence" if whole else f"no independent evidence for any of the {plural(n, of)}"
    return Verdict(UNCHECKABLE, reason or cov, "none", cov, **kw)


def arithmetic_only(reason: str) -> Verdict:
    return Verdict(ARITHMETIC, reason, "none", "derived from the article's own figures")


# --------------------------------------------------------------------------- matching stated values

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
