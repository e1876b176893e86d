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

from ..chart_words import MONTHS, month_year, when  # noqa: F401  (month_year: what the pages import from here)
from ..checks import check
from ..data import load_table
from ..evidence import ARTICLE_DATE, latest_possible, observations
from ..i18n import AND, Words, say, zh
from ..units import convert, dimension
from ..verdicts import AGREES, CONTRADICTS, DERIVED, DIRECT, INDIRECT, Part, Verdict, decide, matches, plural
from .bilingual import outlet

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


def day_month_year(t) -> Words:
    """'8 April 2020' / '2020 年 4 月 8 日'."""
    t = pd.Timestamp(t)
    # TRANSLATORS: a date ("8 April 2020"); {month} is the month as translated above
    return say(zh("{day} {month} {year}"), day=t.day, month=say(MONTHS[t.month - 1]), year=t.year)


def joined_pairs(items, sep: str = AND) -> Words:
    """'2019 and 2020' (each pair joined by ``sep``, a template with {head} and {last}), in each edition."""
    items = list(items)
    w = items[0]
    for x in items[1:]:
        w = say(sep, head=w, last=x)
    return w


NOUNS = {"件": "case", "件组": "group", "家": "firm"}  # what the counters count, by their unit


def _digits(v: float) -> str:
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def usd_text(usd: float, scale: str) -> Words:
    """An amount of US dollars in words, in the English ``scale`` ('thousand', 'million', 'billion'):
    'US$70 thousand' / '7 万美元', 'US$48 million' / '4800 万美元', 'US$2.1 billion' / '21 亿美元'."""
    div = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    zh_div = 1e8 if scale == "billion" else 1e4  # Chinese counts in 万 (10^4) and 亿 (10^8)
    n = Words(_digits(usd / div), {"zh_CN": _digits(usd / zh_div).replace(",", "")})
    templates = {
        # TRANSLATORS: {n} is already in ten-thousands of US dollars in Chinese (US$70 thousand -> 7 万美元)
        "thousand": zh("US${n} thousand"),
        # TRANSLATORS: {n} is already in ten-thousands of US dollars in Chinese (US$48 million -> 4800 万美元)
        "million": zh("US${n} million"),
        # TRANSLATORS: {n} is already in hundred-millions of US dollars in Chinese (US$2.1 billion -> 21 亿美元)
        "billion": zh("US${n} billion"),
    }
    return say(templates[scale], n=n)


def running_total_text(value: float, unit: str) -> Words:
    """A running total in words: '1,419 firms', '500 cases', 'US$48 million', 'US$2.1 billion'."""
    if dimension(unit) == "usd":
        usd = convert(value, unit, "美元")
        return usd_text(usd, "billion" if usd >= 1e9 else "million")
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


def counter_part(c: pd.Series) -> tuple[Part, Words]:
    # TRANSLATORS: the one part of a counter claim: its figure
    figure = say(zh("the figure"))
    o = counter_evidence(c)
    nothing = say(zh("no other publication gives this running total"))
    if not len(o):
        return Part(figure), nothing
    before = o[~o["after_article"]]
    ind = before[before["independent"]]
    own = before[before["relation"] == "claimant"]
    status = AGREES if ind["same"].any() else (CONTRADICTS if len(ind) else None)
    claimant = bool(own["same"].any())
    later = o[o["after_article"]]
    if status is AGREES:
        why = say(zh("an independent publication gives the same running total before the article"))
    elif status is CONTRADICTS:
        why = say(zh("an independent running total published before the article does not match"))
    elif claimant:
        why = say(zh("only the claimant's own publications give this running total"))
    elif len(later):
        r = later.sort_values("period_end").iloc[-1]
        speaker = {
            # TRANSLATORS: who gives the only later figure: "… the only other figure found is the claimant's own"
            "claimant": say(zh("the claimant's own")),
            "unknown": say(zh("from a page that names no outlet and relays Shenzhen's own account")),
        }.get(r["relation"]) or say(zh("an independent one"))
        why = say(
            # TRANSLATORS: {speaker}: whose figure it is; {total}: "1,419 firms"; {when}: "May 2024"
            zh(
                "nobody but the article gives the total at its date; the only other figure found is {speaker}: "
                "{total} by {when}, after the article"
            ),
            speaker=speaker,
            total=running_total_text(r["value"], r["unit"]),
            when=when(r),
        )
    else:
        why = nothing
    return Part(figure, status, claimant, why), why


@check
def running_total(c: pd.Series) -> Verdict:
    """A running total 'as of' the article (the row's indicator, stated value, unit and qualifier)."""
    part, why = counter_part(c)
    return decide([part], of="figure", reason=why)


# --------------------------------------------------------------------------- reviews (paragraph 20)


# what a 'N years running' statement says, by (graded, at least): {n} is "4 years", {year} the last year
STREAK_WHAT = {
    # TRANSLATORS: a review result: the top grade N years running, up to a year ("graded excellent 4 years running to 2023")
    (True, False): zh("graded excellent {n} running to {year}"),
    # TRANSLATORS: a review result: the top grade at least N years running, up to a year
    (True, True): zh("graded excellent at least {n} running to {year}"),
    # TRANSLATORS: a review result: first place N years running, up to a year ("first 2 years running to 2023")
    (False, False): zh("first {n} running to {year}"),
    # TRANSLATORS: a review result: first place at least N years running, up to a year
    (False, True): zh("first at least {n} running to {year}"),
}


def review_rows(basis: str) -> pd.DataFrame:
    """Ranks, grades and 'N years running' statements found for one review (Shenzhen), one row per
    statement with the years it covers and whether it may count (independent, before the article)."""
    rows = []
    for ind in ("performance_rank", "performance_rating", "performance_streak_years"):
        o = observations(ind, regions=CITY, basis=basis)
        for _, r in o.iterrows():
            y = int(r["year"])
            graded = REVIEWS[basis].graded
            if ind == "performance_streak_years":
                n = int(r["value_std"])
                least = r["qualifier"] == "at_least"
                years, top = list(range(y - n + 1, y + 1)), True
                what = say(STREAK_WHAT[graded, least], n=plural(n, "year"), year=y)
            elif ind == "performance_rank":
                years, top = [y], int(r["value_std"]) == 1
                what = (
                    say(zh("first in {year}"), year=y)
                    if top
                    # TRANSLATORS: a review result: a place other than first ({rank}: 2, 3 …)
                    else say(zh("ranked {rank} in {year}"), rank=int(r["value_std"]), year=y)
                )
            else:
                years, top, what = [y], True, say(zh("graded excellent in {year}"), year=y)
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


# TRANSLATORS: joins two clauses of a verdict's reason ("…; …")
CLAUSES = zh("{head}; {last}")


def _review_reason(c: pd.Series, parts: list[Part]) -> Words:
    start = implied_start(c)
    own = [p.name for p in parts if p.claimant]
    s, what, at_least = later_start(c)
    end = int(c["period_end"].year)
    bits = []
    if own:
        bits.append(say(zh("only the claimant's own earlier reports support it, for {years}"), years=joined_pairs(own)))
    else:
        bits.append(
            say(zh("no publication other than the article gives the result for {year}"), year=end)
            if c["kind"] != "streak"
            else say(zh("no publication other than the article gives these years"))
        )
    against = [p.name for p in parts if p.against]
    if against:
        years = joined_pairs(against)
        result = (
            say(zh("Shenzhen did not have the top grade in {years}"), years=years)
            if c["kind"] == "streak"
            else say(
                zh("Shenzhen was not graded excellent in {years}, which a city ranked first that year would have been"),
                years=years,
            )
        )
        why = say(
            # TRANSLATORS: {what}: the statement ("graded excellent 4 years running to 2023"); {start}: a year;
            # {result}: what follows from it ("Shenzhen did not have the top grade in 2019")
            zh("the claimant's own later statement ({what}) starts the run in {start}, so by its own count {result}"),
            what=what,
            start=s,
            result=result,
        )
        return joined_pairs([why, bits[0]], CLAUSES) if own else why
    if s is not None:
        if c["kind"] == "streak" and s != start:
            bits.append(
                say(
                    zh("a later claimant statement ({what}) puts the start in {start}, not {claimed}"),
                    what=what,
                    start=s,
                    claimed=start,
                )
            )
        elif s > end and at_least:
            bits.append(
                say(
                    zh("a later claimant statement ({what}) is after the article and says nothing of {year}"),
                    what=what,
                    year=end,
                )
            )
        elif s > end:
            bits.append(
                say(
                    zh("a later claimant statement ({what}) puts the start of the run after {year}"),
                    what=what,
                    year=end,
                )
            )
        else:
            bits.append(
                say(zh("a later claimant statement ({what}) is after the article and does not count"), what=what)
            )
    return joined_pairs(bits, CLAUSES)


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
    # TRANSLATORS: the one part of a designation claim: the designation itself
    part = Part(say(zh("the designation")), AGREES if len(ind) else None, bool(len(own)))
    if len(ind):
        # TRANSLATORS: {outlet}: an outlet's name as published (kept in its language); {date}: 2020-04-08
        why = say(
            zh("{outlet} dates it ({date}) before the article"),
            outlet=outlet(ind["outlet"].iloc[0]),
            date=ind["date"].iloc[0],
        )
    elif len(own):
        why = say(zh("only the claimant's own record dates it ({date})"), date=own["date"].iloc[0])
    elif len(e):
        why = say(
            zh("only a copy that cannot be shown to precede the article records it ({date}, {outlet})"),
            date=e["date"].iloc[0],
            outlet=outlet(e["outlet"].iloc[0]),
        )
    else:
        why = say(zh("no dated record of it was found"))
    return decide([part], of="designation", reason=why)
