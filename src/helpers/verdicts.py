"""The verdict rule, written out on the methods page: the only thing that turns evidence into a verdict.

A check splits its claim into *parts* (the years of a streak, the figures of a claim) and says, for
each part, what the evidence that may count shows: evidence from a body that does not speak for the
claimant (``independent``), about the claim's own period, published before the article. It also says
whether the claimant's own publications give the same (``claimant``), and whether the claimant's own
records *disagree* with the part (``against``: ``"direct"`` where a figure the claimant printed
contradicts it, ``"derived"`` where the disagreement is worked out from its figures, such as a count implied
by a later count and a growth rate). :func:`decide` then applies one rule, in this order:

1. any part contradicted by countable independent evidence: *differs* (strong);
2. every part shown by an independent figure: *confirmed independently* (strong);
3. any part the claimant's own records contradict: *doubtful — the claimant's own records disagree*
   (moderate when a printed figure contradicts, weak when the contradiction is derived). A body's
   agreement with itself is never support, but its own records disagreeing with its claim count against
   the claim, published before or after the article;
4. some parts shown or indirectly supported by independent evidence: *consistent*, with the coverage;
5. no independent evidence, but the claimant's own publications agree: *matches the claimant's own figures*;
6. nothing, but a named public record (``record``: what it is and who publishes it) would settle it:
   *not verified — a public record would settle it*;
7. nothing, and no public record covers it: *cannot be checked — no public record covers it*.

*Arithmetic only* is for figures derived from the article's own numbers (:func:`arithmetic_only`).
The claimant's evidence can never by itself lift a verdict to rule 2 or 4.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

CONFIRMED = "confirmed independently"
CONSISTENT = "consistent"
DOUBTFUL = "doubtful — the claimant's own records disagree"
CLAIMANT_ONLY = "matches the claimant's own figures"
DIFFERS = "differs"
NOT_VERIFIED = "not verified — a public record would settle it"
UNCHECKABLE = "cannot be checked — no public record covers it"
ARITHMETIC = "arithmetic only"
# in the order of the rule (and of every tally and legend)
LABELS = (DIFFERS, CONFIRMED, DOUBTFUL, CONSISTENT, CLAIMANT_ONLY, NOT_VERIFIED, UNCHECKABLE, ARITHMETIC)
SUPPORTING = (CONFIRMED, CONSISTENT)  # verdicts that say independent evidence supports the claim
AGAINST = (DIFFERS, DOUBTFUL)  # verdicts that say some evidence counts against the claim

# one word each, for class names, colours and compact tables; the full label is always shown beside it
SHORT = {
    CONFIRMED: "confirmed",
    CONSISTENT: "consistent",
    DOUBTFUL: "doubtful",
    CLAIMANT_ONLY: "claimant-only",
    DIFFERS: "differs",
    NOT_VERIFIED: "not-verified",
    UNCHECKABLE: "uncheckable",
    ARITHMETIC: "arithmetic",
}

# what countable independent evidence shows for one part of a claim
AGREES, INDIRECT, CONTRADICTS = "agrees", "indirect", "contradicts"
# how the claimant's own records disagree with a part
DIRECT, DERIVED = "direct", "derived"

STRENGTHS = ("strong", "moderate", "weak", "none")

_PLURAL = {"city": "cities", "body": "bodies"}


def plural(n: int, noun: str) -> str:
    """'1 year', '2 years', '3 cities': the count with the noun in the right number (a ``helpers.i18n.Words``:
    glued, it carries its Chinese edition, '18 年')."""
    from .i18n import count_words

    nouns = _PLURAL.get(noun, noun + "s")
    return count_words(n, nouns, f"{n:,} {noun if n == 1 else nouns}")


@dataclass(frozen=True)
class Part:
    """One part of a claim and what the evidence shows for it.

    ``independent``: AGREES (a countable independent figure gives it), INDIRECT (countable independent
    support short of a figure: a ranking statement, a lower bound, a year-to-date table), CONTRADICTS,
    or None (no countable independent evidence). ``claimant``: the claimant's own publications give it.
    ``against``: the claimant's own records disagree with it, DIRECT (a printed figure) or DERIVED (worked
    out from printed figures), or None.
    """

    name: str
    independent: str | None = None
    claimant: bool = False
    note: str = ""
    against: str | None = None

    def __post_init__(self):
        if self.independent not in (AGREES, INDIRECT, CONTRADICTS, None):
            raise ValueError(
                f"part {self.name!r}: independent must be agrees, indirect, contradicts or None, "
                f"not {self.independent!r}"
            )
        if self.against not in (DIRECT, DERIVED, None):
            raise ValueError(f"part {self.name!r}: against must be direct, derived or None, not {self.against!r}")


@dataclass(frozen=True)
class Verdict:
    label: str
    reason: str
    strength: str = "none"
    coverage: str = ""
    total: int = 0
    shown: int = 0  # parts an independent figure shows
    supported: int = 0  # parts with indirect independent support only
    parts: tuple = field(default=(), compare=False)
    record: str = ""  # the public record that would settle the claim, and who publishes it

    def __post_init__(self):
        if self.label not in LABELS:
            raise ValueError(f"unknown verdict label {self.label!r}")
        if self.strength not in STRENGTHS:
            raise ValueError(f"unknown strength {self.strength!r}")

    @property
    def short(self) -> str:
        return SHORT[self.label]

    @property
    def css(self) -> str:
        return "verdict-" + self.short

    def badge(self) -> str:
        return f'<span class="verdict {self.css}">{self.label}</span>'

    def shown_qualifiers(self) -> tuple[str | None, str | None]:
        """(strength, coverage), each only where it adds to the label, else None: the rule every edition's
        wording follows (``qualifiers`` here, ``helpers.i18n.qualifiers``)."""
        strength = self.strength if self.label in (CONSISTENT, DOUBTFUL) else None
        shown = self.total > 1 and self.label not in (NOT_VERIFIED, UNCHECKABLE, ARITHMETIC)
        # (a coverage that does not start with the prefix stays itself: removeprefix would drop its editions)
        cov = self.coverage
        short = getattr(cov, "short", None) or (
            cov.removeprefix(_DOUBT_PREFIX) if cov.startswith(_DOUBT_PREFIX) else cov
        )
        return strength, short if shown else None

    def qualifiers(self) -> str:
        """Strength and coverage, only where they add to the label: '' for a label that already says it
        all (*cannot be checked*), 'weak evidence; independent figures for 2 of 18 years' for *consistent*."""
        strength, coverage = self.shown_qualifiers()
        return "; ".join(b for b in (strength and f"{strength} evidence", coverage) if b)

    def summary(self) -> str:
        """The verdict as one line a person would write: 'consistent (weak evidence; independent figures
        for 2 of 18 years)', 'cannot be checked — no public record covers it'."""
        q = self.qualifiers()
        return f"{self.label} ({q})" if q else self.label

    def sentence(self) -> str:
        """The summary and the reason, as sentences: 'Differs (strong evidence …). Beijing was higher.'"""
        s = self.summary()
        r = self.reason.rstrip(".")
        return f"{s[:1].upper()}{s[1:]}. {r[:1].upper()}{r[1:]}."


_DOUBT_PREFIX = "the claimant's own records disagree "


def _names(parts):
    from .i18n import listing

    return listing(p.name for p in parts)


def decide(parts, of: str = "part", reason: str | None = None, record: str = "") -> Verdict:
    """Apply the verdict rule to the parts of a claim. ``of`` names one part ('year', 'figure');
    ``record`` names the public record that would settle the claim and who publishes it ('' if none).
    The coverage phrase is written in every edition (``helpers.i18n.say``); so should ``reason`` be."""
    from .i18n import cat, say, zh

    parts = tuple(parts)
    if not parts:
        raise ValueError("a claim has at least one part to check")
    n = len(parts)
    contra = [p for p in parts if p.independent == CONTRADICTS]
    shown = [p for p in parts if p.independent == AGREES]
    indirect = [p for p in parts if p.independent == INDIRECT]
    against = [p for p in parts if p.against and p.independent != AGREES]
    claimant = [p for p in parts if p.claimant and p.independent is None and not p.against]
    whole = n == 1
    kw = dict(total=n, shown=len(shown), supported=len(indirect), parts=parts, record=record)
    total = plural(n, of)

    def some(which, named: bool = True):  # '2 of 5 years: 2019, 2020'
        if named:
            # TRANSLATORS: coverage: {k} parts of {total} ("5 years"), then which ones
            return say(zh("{k} of {total}: {names}"), k=len(which), total=total, names=_names(which))
        # TRANSLATORS: coverage: {k} parts of {total} ("5 years")
        return say(zh("{k} of {total}"), k=len(which), total=total)

    if contra:
        what = say(zh("the claim")) if whole else some(contra)
        cov = say(zh("independent evidence contradicts {what}"), what=what)
        return Verdict(DIFFERS, reason or cov, "strong", cov, **kw)
    if len(shown) == n:
        if whole:
            cov = say(zh("an independent source shows the whole claim"))
        else:
            cov = say(zh("independent figures for all {total}"), total=total)
        return Verdict(CONFIRMED, reason or cov, "strong", cov, **kw)
    if against:
        strength = "moderate" if any(p.against == DIRECT for p in against) else "weak"
        if whole:
            cov = say(zh("the whole claim"))
        else:
            short = say(zh("for {some}"), some=some(against))
            # TRANSLATORS: coverage of a doubtful verdict; {short} is "for 2 of 5 years: …"
            cov = say(zh("the claimant's own records disagree {short}"), short=short)
            cov.short = short  # what the verdict shows after its label, which already says the first half
        return Verdict(DOUBTFUL, reason or cov, strength, cov, **kw)
    if shown or indirect:
        if whole:
            cov = say(zh("indirect independent support only (no independent figure)"))
        else:
            if shown:
                bits = [say(zh("independent figures for {k} of {total}"), k=len(shown), total=total)]
                if indirect:
                    bits.append(say(zh(", indirect independent support for {k} more"), k=len(indirect)))
            else:
                bits = [
                    say(
                        zh("no independent figure; indirect independent support for {k} of {total}"),
                        k=len(indirect),
                        total=total,
                    )
                ]
            rest = n - len(shown) - len(indirect)
            if rest:
                bits.append(say(zh(", nothing independent for {k}"), k=rest))
            cov = cat(*bits)
        strength = "moderate" if 2 * len(shown) >= n and shown else "weak"
        return Verdict(CONSISTENT, reason or cov, strength, cov, **kw)
    if claimant:
        what = say(zh("it")) if whole else some(claimant, named=False)
        cov = say(zh("only the claimant's own publications give {what}"), what=what)
        return Verdict(CLAIMANT_ONLY, reason or cov, "weak", cov, **kw)
    if record:
        cov = settled_by(record)
        return Verdict(NOT_VERIFIED, reason or cov, "none", cov, **kw)
    cov = say(zh("no evidence found"))  # the verdict words already say that no public record covers it
    return Verdict(UNCHECKABLE, reason or cov, "none", cov, **kw)


def settled_by(record):
    """Coverage of a claim nothing settles but a named public record would."""
    from .i18n import say, zh

    return say(zh("no evidence found; {record} would settle it"), record=record)


def arithmetic_only(reason: str) -> Verdict:
    from .i18n import say, zh

    return Verdict(ARITHMETIC, reason, "none", say(zh("derived from the article's own figures")))


# --------------------------------------------------------------------------- matching stated values


def printed_halfwidth(stated: float) -> float:
    """Half a unit of the last digit the article prints, every printed digit counting: 114 -> 0.5,
    100.46 -> 0.005, 70 -> 0.5 (a count of 70 means 70), 1475 -> 0.5."""
    d = Decimal(repr(float(stated)))
    if d == d.to_integral_value():
        return 0.5
    return 0.5 * float(Decimal(10) ** d.normalize().as_tuple().exponent)


def round_halfwidth(stated: float) -> float:
    """Half a unit of the last non-zero digit, for a round figure the article qualifies ('about 6',
    'nearly 30', 'nearly 90%'): 6 -> 0.5, 30 -> 5, 90 -> 5, 100 -> 50, 2.5 -> 0.05."""
    d = Decimal(repr(float(stated))).normalize()
    return 0.5 * float(Decimal(10) ** d.as_tuple().exponent)


def matches(stated: float, qualifier: str, observed: float) -> bool:
    """Does ``observed`` agree with a stated value and its qualifier? The rules, on the methods page:

    - no qualifier: ``observed`` rounds to the figure as printed (every printed digit counts: 70 means
      69.5 to 70.5, never 65 to 75);
    - *about* (约): within half a unit of the stated figure's last non-zero digit (about 6: 5.5 to 6.5);
    - *nearly* (近, 接近): at or below the figure and within that same half unit (nearly 30: 25 to 30;
      nearly 90%: 85% to 90%);
    - *more than* (超, 逾): above; *at least*: at or above; *under* (以内, 不到): at or below.
    """
    q = qualifier or ""
    if q == "over":
        return observed > stated
    if q == "at_least":
        return observed >= stated
    if q == "under":
        return observed <= stated
    if q == "nearly":
        return stated - round_halfwidth(stated) - 1e-9 <= observed <= stated + 1e-9
    if q == "about":
        return abs(observed - stated) <= round_halfwidth(stated) + 1e-9
    if q:
        raise ValueError(f"unknown qualifier {qualifier!r}")
    return abs(observed - stated) <= printed_halfwidth(stated) + 1e-9


def implied_interval(
    value: float, value_halfwidth: float, change_pct: float, change_halfwidth: float
) -> tuple[float, float]:
    """The range of an earlier figure implied by a later one and its percentage change, each as printed
    (so each within half a unit of its last printed digit): earlier = later / (1 + change/100)."""
    lo_v, hi_v = value - value_halfwidth, value + value_halfwidth
    lo_c, hi_c = change_pct - change_halfwidth, change_pct + change_halfwidth
    return lo_v / (1 + hi_c / 100), hi_v / (1 + lo_c / 100)


def with_record(v: Verdict, record: str) -> Verdict:
    """The verdict with the public record that would settle its claim (``record``: what it is and who
    publishes it). Where nothing was found (*cannot be checked*), a named record makes it *not verified*."""
    if not record or v.record:
        return v
    if v.label == UNCHECKABLE:
        return replace(v, label=NOT_VERIFIED, record=record, coverage=settled_by(record))
    return replace(v, record=record)


# one colour per verdict, for charts (the badges' colours are in assets/static/book.css): green where
# independent evidence supports, amber where only the claimant speaks or its records disagree, red where
# independent evidence contradicts, grey where nothing settles the claim
COLOURS = {
    CONFIRMED: "#1B7F3B",
    CONSISTENT: "#6DBE7D",
    DOUBTFUL: "#C06A00",
    CLAIMANT_ONLY: "#F0B64A",
    DIFFERS: "#C62828",
    NOT_VERIFIED: "#8C8C8C",
    UNCHECKABLE: "#C4C4C4",
    ARITHMETIC: "#5E5E5E",
}


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (a '#RRGGBB' colour)."""
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 else "white"
