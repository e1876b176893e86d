"""One check per claim: the data, the rule, the verdict. Pages, the chapter tables and the README
all call these, so a claim has one verdict everywhere."""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .data import load_table
from .evidence import ahead_year_to_date, claim, first_among_cities, observations
from .units import convert
from .verdicts import CONFIRMED, CONSISTENT, DIFFERS, UNCHECKABLE, Verdict, matches

CHECKS: dict[str, Callable[[], Verdict]] = {}


def check_for(claim_id: str):
    def register(fn):
        CHECKS[claim_id] = fn
        return fn
    return register


def streak_years(c: pd.Series) -> list[int]:
    end = int(c["period_end"].year)
    return list(range(end - int(c["stated_value"]) + 1, end + 1))


def stated_streak_cover(indicator: str, region: str = "shenzhen") -> dict[int, list[str]]:
    """Years that other sources' "first for N years running" statements cover, with their source ids."""
    cover: dict[int, list[str]] = {}
    for _, r in observations(indicator, regions=region).iterrows():
        for y in range(int(r["year"]) - int(r["value_std"]) + 1, int(r["year"]) + 1):
            cover.setdefault(y, []).append(r["source_id"])
    return cover


def streak_evidence(indicator: str, streak_indicator: str, years: list[int]) -> pd.DataFrame:
    rows = []
    stated = stated_streak_cover(streak_indicator)
    for y in years:
        first, why = first_among_cities(indicator, y)
        rows.append({"year": y, "first_by_data": first, "data_detail": why,
                     "ahead_year_to_date": ", ".join(ahead_year_to_date(indicator, y)),
                     "stated_by_other_sources": len(stated.get(y, []))})
    return pd.DataFrame(rows)


def streak_check(ev: pd.DataFrame) -> Verdict:
    contra = ev[ev["first_by_data"] == False]  # noqa: E712
    if len(contra):
        return Verdict(DIFFERS, "independent figures put another city ahead in " + ", ".join(map(str, contra["year"])))
    by_data = ev["first_by_data"] == True  # noqa: E712
    by_any = by_data | (ev["stated_by_other_sources"] > 0) | (ev["ahead_year_to_date"] != "")
    n = len(ev)
    if by_data.all():
        return Verdict(CONFIRMED, f"independent figures show first place in all {n} years of the streak")
    if by_any.all():
        return Verdict(CONSISTENT, f"independent figures show first place in {int(by_data.sum())} of {n} years; "
                                   "the other years rest on year-to-date tables or on streak statements from other publications")
    if by_any.any():
        missing = ev.loc[~by_any, "year"].tolist()
        return Verdict(CONSISTENT, f"first wherever independent evidence exists ({int(by_any.sum())} of {n} years); "
                                   f"nothing covers {_years(missing)}")
    return Verdict(UNCHECKABLE, "no independent figures for any year of the streak")


def _years(ys: list[int]) -> str:
    ys = sorted(ys)
    if not ys:
        return ""
    runs, start = [], ys[0]
    for a, b in zip(ys, ys[1:] + [None]):
        if b != a + 1:
            runs.append(str(start) if start == a else f"{start}–{a}")
            start = b
    return ", ".join(runs)


@check_for("grants-first-4y")
def grants_first_4y() -> Verdict:
    c = claim("grants-first-4y")
    return streak_check(streak_evidence("patent_grants", "grants_streak_years", streak_years(c)))


@check_for("pct-first-18y")
def pct_first_18y() -> Verdict:
    c = claim("pct-first-18y")
    return streak_check(streak_evidence("pct_applications", "pct_streak_years", streak_years(c)))


def density_ratios() -> pd.DataFrame:
    """Shenzhen ÷ national invention patents per 10 000 people, per year-end where both exist."""
    o = observations("invention_per_10k", regions=["shenzhen", "china"], period_types="point")
    g = o.groupby(["year", "region"])["value_std"].agg(["min", "max"]).unstack("region")
    g = g.dropna()
    if g.empty:
        return pd.DataFrame(columns=["year", "shenzhen", "china", "ratio_low", "ratio_high"])
    out = pd.DataFrame({
        "year": g.index.astype(int),
        "shenzhen": g[("max", "shenzhen")].values,
        "china": g[("min", "china")].values,
        "ratio_low": (g[("min", "shenzhen")] / g[("max", "china")]).values,
        "ratio_high": (g[("max", "shenzhen")] / g[("min", "china")]).values,
    })
    return out.reset_index(drop=True)


def ratio_statements(basis: str = "standard") -> pd.DataFrame:
    """Other publications' own "N times the national average" statements for Shenzhen."""
    o = observations("invention_per_10k_ratio", regions="shenzhen", basis=basis)
    return o[["year", "period", "qualifier", "value_std", "source_id", "note"]].reset_index(drop=True)


@check_for("density-6x")
def density_6x() -> Verdict:
    """Recompute the ratio from both parts for the claim's year; failing that, use other sources' ratios."""
    c = claim("density-6x")
    year = int(c["period_end"].year)
    r = density_ratios()
    row = r[r["year"] == year]
    if not row.empty:
        lo, hi = float(row["ratio_low"].iloc[0]), float(row["ratio_high"].iloc[0])
        ok = [matches(c["stated_value"], c["qualifier"], x) for x in (lo, hi)]
        if all(ok):
            return Verdict(CONFIRMED, f"the ratio recomputed from independent figures for {year} rounds to the stated multiple")
        if any(ok):
            return Verdict(CONSISTENT, f"depending on the source, the {year} ratio does or does not round to the stated multiple")
        return Verdict(DIFFERS, f"the ratio recomputed for {year} does not round to the stated multiple")
    st = ratio_statements()
    st = st[st["year"] == year]
    if st.empty:
        return Verdict(UNCHECKABLE, f"no national figure for the end of {year} and no other source's ratio")
    ok = [matches(c["stated_value"], c["qualifier"], v) for v in st["value_std"]]
    if all(ok):
        return Verdict(CONSISTENT, f"no national figure for {year} was found to recompute the ratio, but another "
                                   "publication's own ratio for that year rounds to the stated multiple")
    return Verdict(DIFFERS, f"another publication's ratio for {year} does not round to the stated multiple")


@check_for("gold-cumulative")
def gold_cumulative() -> Verdict:
    ranks = observations("patent_award_rank", regions="shenzhen")
    cumulative = ranks[ranks["period_type"] == "cumulative"]
    if len(cumulative):
        best = int(cumulative["value_std"].min())
        return (Verdict(CONFIRMED, "a source gives Shenzhen's cumulative rank among the top three")
                if best <= 3 else Verdict(DIFFERS, "a source's cumulative rank is below the top three"))
    top = ranks[ranks["value_std"] <= 3]
    if len(top):
        return Verdict(CONSISTENT, "no cumulative tally was found, but sources rank Shenzhen near the top in "
                                   f"{len(top)} edition(s)")
    return Verdict(UNCHECKABLE, "no cumulative or per-edition ranking was found")


@check_for("regulations-30")
def regulations_30() -> Verdict:
    c = claim("regulations-30")
    o = observations("ip_regulations_count", regions="shenzhen")
    if o.empty:
        return Verdict(UNCHECKABLE, "no source counts Shenzhen's IP rules and policies; the events table lists "
                                    "only those the article names")
    ok = o["value_std"].apply(lambda v: matches(c["stated_value"], c["qualifier"], v))
    return Verdict(CONFIRMED if ok.all() else (CONSISTENT if ok.any() else DIFFERS),
                   "compared with other sources' counts of Shenzhen's IP rules and policies")


def generic_check(claim_id: str) -> Verdict:
    """Same indicator, region and period label: does an independent value match the stated one?"""
    c = claim(claim_id)
    inds = [i for i in c["indicators"].split(";") if i]
    if pd.isna(c["stated_value"]) or not inds:
        return Verdict(UNCHECKABLE, "no rule yet for this claim")
    o = observations(inds[0], regions=c["region"])
    o = o[o["period"] == c["period"]]
    if o.empty:
        return Verdict(UNCHECKABLE, "no independent value for the same period")
    unit = o["unit_std"].iloc[0]
    stated = convert(float(c["stated_value"]), c["stated_unit"], unit)
    ok = [matches(stated, c["qualifier"], v) for v in o["value_std"]]
    if all(ok):
        return Verdict(CONFIRMED, "an independent source gives the same value for the same period")
    return Verdict(CONSISTENT if any(ok) else DIFFERS, "independent values for the same period " +
                   ("partly agree" if any(ok) else "disagree"))


def verdict(claim_id: str) -> Verdict:
    return CHECKS.get(claim_id, lambda: generic_check(claim_id))()


def verdict_table(section: str | None = None) -> pd.DataFrame:
    cl = load_table("claims")
    if section:
        cl = cl[cl["section"] == section]
    rows = []
    for _, c in cl.iterrows():
        v = verdict(c["claim_id"])
        rows.append({"claim_id": c["claim_id"], "paragraph": int(c["paragraph"]), "claim": c["claim_en"],
                     "verdict": v.label, "why": v.reason, "page": c["notebook"]})
    return pd.DataFrame(rows)
