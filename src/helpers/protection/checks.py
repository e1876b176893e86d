"""Checks of the protection section (article paragraphs 17 to 20).

Three kinds of claim:

- *counters* (paragraph 19): running totals of the overseas-dispute work and of the fast pre-examination
  plus PPH route, "as of" the article. A figure counts if it gives the same running total (within the
  article's "more than") and was published before the article; a later total is shown but never counts.
  One check, :func:`running_total`, for all of them: the ledger row gives the indicator and the figure.
- *review results* (paragraph 20): a first place, or a top grade three years running, in an official
  performance review of 2021. Each year is one part; a ranking or grade for that year, or a later or
  earlier "N years running" statement that covers it, is the evidence. One check, :func:`review_result`:
  the review is the one the article's printed words name (:func:`review_basis`), the years come from the
  row's period and stated value.
- *designations* (paragraph 17): the national platforms and pilots the section lists, for the firsts
  table; not ledger claims, but judged by the same rule.

Every verdict is made by :func:`helpers.verdicts.decide`. The ledger's ``check`` column binds each claim
to its check; no claim id is typed here, and nothing here imports helpers.pages (which imports the checks).
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..checks import check
from ..data import load_table
from ..evidence import ARTICLE_DATE, latest_possible, observations
from ..units import convert, dimension
from ..verdicts import AGREES, CONTRADICTS, DERIVED, DIRECT, INDIRECT, Part, Verdict, decide, matches, plural

CITY = "shenzhen"


class Review(NamedTuple):
    zh: str  # the review's name as the article prints it (the claim's ``printed_zh`` contains it)
    graded: bool  # its top result is a grade (excellent), not a place


# the reviews of paragraph 20, by their basis code in performance_rank / _rating / _streak_years
REVIEWS = {
    "fast_protection": Review("快速协同保护", graded=False),
    "overseas_guidance": Review("海外纠纷应对指导", graded=False),
    "admin_protection": Review("行政保护", graded=True),
    "gd_city_protection": Review("广东省", graded=True),
}


def review_basis(row: pd.Series) -> str:
    """The review a ledger row is about: the one whose name the article's printed words contain."""
    found = [b for b, r in REVIEWS.items() if r.zh in str(row["printed_zh"])]
    if len(found) != 1:
        raise ValueError(
            f"claim {row.get('claim_id', row.name)!r}: its printed words name {len(found)} of the known reviews, not one"
        )
    return found[0]


def when(row) -> str:
    """'May 2024' / 'March 2021' / 'the end of 2022': when a running total was struck."""
    end = row["period_end"]
    if end.month == 12 and end.day == 31:
        return f"the end of {end.year}"
    return end.strftime("%B %Y")


NOUNS = {"件": "case", "件组": "group", "家": "firm"}  # what the counters count, by their unit


def running_total_text(value: float, unit: str) -> str:
    """A running total in words: '1,419 firms', '500 cases', 'US$48 million', 'US$2.1 billion'."""
    if dimension(unit) == "usd":
        usd = convert(value, unit, "美元")
        scale, word = (1e9, "billion") if usd >= 1e9 else (1e6, "million")
        return f"US${usd / scale:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return plural(int(value), NOUNS.get(unit, unit))


# --------------------------------------------------------------------------- counters (paragraph 19)


def counter_evidence(c: pd.Series) -> pd.DataFrame:
    """Every running total found for a counter claim's indicator (Shenzhen; ``c`` its ledger row), with
    ``same``: it gives the article's figure (within its qualifier) in the article's unit."""
    o = observations(c["indicators"], regions=CITY)
    if not len(o):
        return o.assign(same=pd.Series(dtype=bool))
    stated = convert(float(c["stated_value"]), c["stated_unit"], o["unit_std"].iloc[0])
    o["same"] = [matches(stated, c["qualifier"], v) for v in o["value_std"]]
    return o


def counter_part(c: pd.Series) -> tuple[Part, str]:
    o = counter_evidence(c)
    if not len(o):
        return Part("the figure"), "no other publication gives this running total"
    before = o[~o["after_article"]]
    ind = before[before["independent"]]
    own = before[before["relation"] == "claimant"]
    status = AGREES if ind["same"].any() else (CONTRADICTS if len(ind) else None)
    claimant = bool(own["same"].any())
    later = o[o["after_article"]]
    if status is AGREES:
        why = "an independent publication gives the same running total before the article"
    elif status is CONTRADICTS:
        why = "an independent running total published before the article does not match"
    elif claimant:
        why = "only the claimant's own publications give this running total"
    elif len(later):
        r = later.sort_values("period_end").iloc[-1]
        speaker = {
            "claimant": "the claimant's own",
            "unknown": "from a page that names no outlet and relays Shenzhen's own account",
        }.get(r["relation"], "an independent one")
        why = (
            f"nobody but the article gives the total at its date; the only other figure found is {speaker}: "
            f"{running_total_text(r['value'], r['unit'])} by {when(r)}, after the article"
        )
    else:
        why = "no other publication gives this running total"
    return Part("the figure", status, claimant, why), why


@check
def running_total(c: pd.Series) -> Verdict:
    """A running total 'as of' the article (the row's indicator, stated value, unit and qualifier)."""
    part, why = counter_part(c)
    return decide([part], of="figure", reason=why)


# --------------------------------------------------------------------------- reviews (paragraph 20)


def review_rows(basis: str) -> pd.DataFrame:
    """Ranks, grades and 'N years running' statements found for one review (Shenzhen), one row per
    statement with the years it covers and whether it may count (independent, before the article)."""
    rows = []
    for ind in ("performance_rank", "performance_rating", "performance_streak_years"):
        o = observations(ind, regions=CITY, basis=basis)
        for _, r in o.iterrows():
            y = int(r["year"])
            top_word = "graded excellent" if REVIEWS[basis].graded else "first"
            if ind == "performance_streak_years":
                n = int(r["value_std"])
                least = "at least " if r["qualifier"] == "at_least" else ""
                years, what = list(range(y - n + 1, y + 1)), f"{top_word} {least}{plural(n, 'year')} running to {y}"
                top = True
            elif ind == "performance_rank":
                years, top = [y], int(r["value_std"]) == 1
                what = f"first in {y}" if top else f"ranked {int(r['value_std'])} in {y}"
            else:
                years, top, what = [y], True, f"graded excellent in {y}"
            rows.append(
                {
                    "kind": ind,
                    "years": years,
                    "at_least": r["qualifier"] == "at_least",
                    "top": top,
                    "what": what,
                    "note": r["note"],
                    "source_id": r["source_id"],
                    "outlet": r["outlet"],
                    "relation": r["relation"],
                    "after_article": bool(r["after_article"]),
                    "counts": bool(r["independent"] and not r["after_article"]),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "kind",
            "years",
            "at_least",
            "top",
            "what",
            "note",
            "source_id",
            "outlet",
            "relation",
            "after_article",
            "counts",
        ],
    )


def implied_start(c: pd.Series) -> int:
    """The first year of the claim's streak (a single-year claim: its year); ``c``: its ledger row."""
    end = int(c["period_end"].year)
    return end - int(c["stated_value"]) + 1 if c["kind"] == "streak" else end


def claimant_run_starts(c: pd.Series) -> list[tuple[int, str]]:
    """Start years of the claimant's own exact 'N years running' statements for the claim's review (not
    'at least N'), before or after the article, with their words. A run that starts in year S says the top
    result was not had in S - 1."""
    rows = review_rows(review_basis(c))
    st = rows[(rows["kind"] == "performance_streak_years") & ~rows["at_least"] & (rows["relation"] == "claimant")]
    return [(min(ys), what) for ys, what in zip(st["years"], st["what"])]


def review_parts(c: pd.Series) -> list[Part]:
    """One part per year of the claim. The claimant's own run that starts the year after a claimed year
    disagrees with that year: directly where the claim is the same run of grades, derived where the claim
    is a first place and the run is of grades (a city ranked first would have been graded excellent)."""
    rows = review_rows(review_basis(c))
    starts = [s for s, _ in claimant_run_starts(c)]
    how = DIRECT if c["kind"] == "streak" else DERIVED
    parts = []
    for y in range(implied_start(c), int(c["period_end"].year) + 1):
        cover = rows[[y in ys for ys in rows["years"]]] if len(rows) else rows
        ok = cover[cover["counts"]]
        own = cover[(cover["relation"] == "claimant") & ~cover["after_article"]]
        # a grade or rank for the year itself is a figure; a streak statement covering it, indirect
        exact = ok[ok["kind"] != "performance_streak_years"]
        if (exact["top"] == False).any():  # noqa: E712 (pandas)
            status, note = CONTRADICTS, "an independent source gives a lower result"
        elif len(exact) and (c["kind"] != "streak" or (exact["kind"] == "performance_rating").any()):
            status, note = AGREES, "an independent source gives the result"
        elif len(ok):
            status, note = INDIRECT, "an independent statement covers the year"
        else:
            status, note = None, "nothing independent for the year"
        parts.append(Part(str(y), status, bool(own["top"].any()), note, how if y + 1 in starts else None))
    return parts


def later_start(c: pd.Series) -> tuple[int | None, str, bool]:
    """The start year a later 'N years running' statement implies for the claim's review, its words, and
    whether it is only a lower bound ('at least N years')."""
    rows = review_rows(review_basis(c))
    st = rows[rows["kind"] == "performance_streak_years"]
    if not len(st):
        return None, "", False
    r = st.iloc[-1]
    return min(r["years"]), r["what"], bool(r["at_least"])


def _review_reason(c: pd.Series, parts: list[Part]) -> str:
    start = implied_start(c)
    own = [p.name for p in parts if p.claimant]
    s, what, at_least = later_start(c)
    end = int(c["period_end"].year)
    bits = []
    if own:
        bits.append("only the claimant's own earlier reports support it, for " + " and ".join(own))
    else:
        bits.append(
            f"no publication other than the article gives the result for {end}"
            if c["kind"] != "streak"
            else "no publication other than the article gives these years"
        )
    against = [p.name for p in parts if p.against]
    if against:
        years = " and ".join(against)
        result = (
            f"Shenzhen did not have the top grade in {years}"
            if c["kind"] == "streak"
            else f"Shenzhen was not graded excellent in {years}, which a city ranked first that year would have been"
        )
        return f"the claimant's own later statement ({what}) starts the run in {s}, so by its own count {result}" + (
            "; " + bits[0] if own else ""
        )
    if s is not None:
        if c["kind"] == "streak" and s != start:
            bits.append(f"a later claimant statement ({what}) puts the start in {s}, not {start}")
        elif s > end and at_least:
            bits.append(f"a later claimant statement ({what}) is after the article and says nothing of {end}")
        elif s > end:
            bits.append(f"a later claimant statement ({what}) puts the start of the run after {end}")
        else:
            bits.append(f"a later claimant statement ({what}) is after the article and does not count")
    return "; ".join(bits)


@check
def review_result(c: pd.Series) -> Verdict:
    """A first place or a top-grade run in an official review (which review: :func:`review_basis`; the
    years: the row's period and, for a streak, its stated value)."""
    parts = review_parts(c)
    return decide(parts, of="year", reason=_review_reason(c, parts))


# --------------------------------------------------------------------------- designations (paragraph 17)

# the platforms and pilots the section names: (name in the article, English, event name_zh or None)
DESIGNATIONS = [
    ("中国（深圳）知识产权保护中心", "China (Shenzhen) IP protection centre, a national-level platform", None),
    (
        "国家海外知识产权纠纷应对指导中心深圳分中心",
        "Shenzhen branch of the national overseas dispute guidance centre",
        "国家海外知识产权纠纷应对指导中心深圳分中心",
    ),
    (
        "专利侵权纠纷检验鉴定体系建设试点",
        "Pilot for inspection and appraisal in patent infringement disputes",
        "知识产权侵权纠纷检验鉴定技术支撑体系建设试点",
    ),
    ("行政裁决示范建设试点", "Pilot of model administrative adjudication of patent disputes", None),
]


def designation_evidence(name_zh: str | None) -> pd.DataFrame:
    """The events table's dated records of one platform or pilot, with who speaks and whether the record
    was published before the article (an undated copy cannot be shown to be)."""
    ev = load_table("events")
    src = load_table("sources").set_index("source_id")
    e = ev[ev["name_zh"] == name_zh].copy() if name_zh else ev.iloc[0:0].copy()
    e["relation"] = [src.at[s, "relation"] for s in e["source_id"]]
    e["outlet"] = [src.at[s, "outlet"] for s in e["source_id"]]
    last = [latest_possible(src.at[s, "date_published"]) for s in e["source_id"]]
    e["before_article"] = [d is not None and d <= ARTICLE_DATE for d in last]
    return e


def designation_verdict(name_zh: str | None) -> Verdict:
    e = designation_evidence(name_zh)
    ind = e[e["relation"].isin(("national_official", "other_official", "independent")) & e["before_article"]]
    own = e[(e["relation"] == "claimant") & e["before_article"]]
    part = Part("the designation", AGREES if len(ind) else None, bool(len(own)))
    if len(ind):
        why = f"{ind['outlet'].iloc[0]} dates it ({ind['date'].iloc[0]}) before the article"
    elif len(own):
        why = f"only the claimant's own record dates it ({own['date'].iloc[0]})"
    elif len(e):
        why = (
            f"only a copy that cannot be shown to precede the article records it "
            f"({e['date'].iloc[0]}, {e['outlet'].iloc[0]})"
        )
    else:
        why = "no dated record of it was found"
    return decide([part], of="designation", reason=why)
