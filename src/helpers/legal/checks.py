"""Checks of the legal-foundation section (article paragraphs 5 and 7).

Each check is bound to its claims in the ledger (``data/claims.csv``, column ``check``) and takes the
claim's ledger row: what differs between claims sharing a check (the indicators, the stated value, the
period) is read from the row, so no claim id is typed here."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..chart_words import OR_SEP, SEMICOLON, joined
from ..checks import check
from ..evidence import ahead_year_to_date, compare_cities, countable, observations
from ..i18n import cat, say, zh
from ..units import convert
from ..verdicts import (
    AGREES,
    CLAIMANT_ONLY,
    CONFIRMED,
    CONSISTENT,
    CONTRADICTS,
    DIFFERS,
    DIRECT,
    DOUBTFUL,
    INDIRECT,
    Part,
    Verdict,
    decide,
    matches,
    plural,
)

CITY = "shenzhen"


def streak_years(c: pd.Series) -> list[int]:
    end = int(c["period_end"].year)
    return list(range(end - int(c["stated_value"]) + 1, end + 1))


def stated_streak_cover(streak_indicator: str, until: pd.Timestamp) -> pd.DataFrame:
    """Other publications' "first for N years running" statements, one row per year they cover, with
    whether the statement may count (independent, before the article, not about a later period)."""
    o = observations(streak_indicator, regions=CITY)
    o = o.assign(counts=countable(o, until))
    rows = [
        {
            "year": y,
            "source_id": r["source_id"],
            "counts": bool(r["counts"]),
            "relation": r["relation"],
            "after_article": bool(r["after_article"]),
        }
        for _, r in o.iterrows()
        for y in range(int(r["year"]) - int(r["value_std"]) + 1, int(r["year"]) + 1)
    ]
    return pd.DataFrame(rows, columns=["year", "source_id", "counts", "relation", "after_article"])


def claimant_later_starts(streak_indicator: str) -> pd.DataFrame:
    """The claimant's own exact 'first for N years running' statements (not 'at least N'), before or after
    the article, with the start year each implies. A run that starts in year S says the city was not first
    in S - 1: a claim whose streak includes S - 1 is contradicted there by the claimant's own record."""
    o = observations(streak_indicator, regions=CITY)
    o = o[(o["relation"] == "claimant") & (o["qualifier"] != "at_least")]
    return pd.DataFrame(
        {
            "start": (o["year"] - o["value_std"] + 1).astype(int),
            "year": o["year"].astype(int),
            "years_running": o["value_std"].astype(int),
            "source_id": o["source_id"],
            "after_article": o["after_article"],
        }
    ).reset_index(drop=True)


def city_before_article(indicator: str) -> pd.DataFrame:
    """Shenzhen's observations of ``indicator`` published before the article."""
    o = observations(indicator, regions=CITY)
    return o[~o["after_article"]]


def rank_first(rank_indicator: str, year: int, until: pd.Timestamp) -> tuple[bool, bool]:
    """(an independent source ranks the city first that full year, the claimant's own publications do)."""
    r = observations(rank_indicator, regions=CITY)
    r = r[(r["year"] == year) & (r["period_type"] == "year") & (r["value_std"] == 1)]
    ok = countable(r, until)
    own = (r["relation"] == "claimant") & ~r["after_article"]
    return bool(ok.any()), bool(own.any())


def streak_part(
    indicator: str,
    streak_indicator: str,
    rank_indicator: str,
    year: int,
    until: pd.Timestamp,
    later_starts: pd.DataFrame | None = None,
) -> tuple[Part, dict]:
    """What the evidence shows for one year of a "first among cities" streak, and the details shown.
    ``later_starts``: :func:`claimant_later_starts` of the streak, when the caller has it already."""
    o = observations(indicator)
    o = o[o["year"] == year]
    ind = o[countable(o, until)]
    before = o[~o["after_article"]]
    first_ind, why_ind = compare_cities(ind, year)
    # Shenzhen's figure from any source before the article against independent peer figures: a claimant
    # figure below a peer's contradicts the claim by the claimant's own numbers; above, it is the claimant's word
    first_mixed, why_mixed = compare_cities(ind, year, city_rows=before)
    ranked_ind, ranked_own = rank_first(rank_indicator, year, until)
    ytd = ahead_year_to_date(ind, year)
    stated = stated_streak_cover(streak_indicator, until)
    stated = stated[stated["year"] == year]
    n_ind = int(stated["counts"].sum())
    n_own = int(((stated["relation"] == "claimant") & ~stated["after_article"]).sum())
    # the note is the year's "Detail" in the page's table (every edition)
    if first_ind is False or first_mixed is False:
        if first_ind is False:
            status, note = CONTRADICTS, why_ind
        else:
            # TRANSLATORS: after "Beijing higher (CNIPA count)": the city's figure compared is the claimant's own
            status, note = CONTRADICTS, cat(why_mixed, say(zh(", by the claimant's own figure")))
    elif first_ind or ranked_ind:
        # TRANSLATORS: a year of a streak: an independent source ranks Shenzhen first that year
        status, note = AGREES, why_ind if first_ind else say(zh("an independent source ranks it first"))
    elif ytd or n_ind:
        status, note = (
            INDIRECT,
            (
                # TRANSLATORS: a year of a streak: Shenzhen leads an independent year-to-date (年内累计) table
                say(zh("ahead in an independent year-to-date table"))
                if ytd
                # TRANSLATORS: a year of a streak: an independent publication says "first for N years running",
                # and the N years include this one
                else say(zh("an independent publication's streak statement covers it"))
            ),
        )
    else:
        # TRANSLATORS: a year of a streak with no independent evidence
        status, note = None, say(zh("no independent figure or ranking"))
    claimant = bool(first_mixed) or ranked_own or n_own > 0
    later = claimant_later_starts(streak_indicator) if later_starts is None else later_starts
    later = later[later["start"] == year + 1]
    against = DIRECT if len(later) else None
    against_detail = "; ".join(
        f"{r.years_running} years running to {r.year} ({r.source_id}) starts the run in {r.start}"
        for r in later.itertuples()
    )
    detail = {
        "year": year,
        "status": status,
        "note": note,
        "ahead_year_to_date": ytd,
        "independent_statements": n_ind,
        "claimant_statements": n_own,
        "claimant": claimant,
        "claimant_detail": why_mixed if first_mixed else "",
        "against": against_detail,
    }
    return Part(str(year), status, claimant, note, against), detail


def streak_evidence(indicator: str, streak_indicator: str, rank_indicator: str, c: pd.Series):
    """Parts and a table of details for every year a streak claim implies."""
    parts, rows = [], []
    later = claimant_later_starts(streak_indicator)  # once for the streak, not once a year
    for y in streak_years(c):
        p, d = streak_part(indicator, streak_indicator, rank_indicator, y, c["period_end"], later)
        parts.append(p)
        rows.append(d)
    return parts, pd.DataFrame(rows)


def streak_verdict(parts: list[Part], streak_indicator: str = "") -> Verdict:
    v = decide(parts, of="year")
    if v.label == DOUBTFUL and streak_indicator:
        first = min(int(p.name) for p in parts if p.against)
        later = claimant_later_starts(streak_indicator)
        later = later[later["start"] == first + 1]
        said = joined(
            dict.fromkeys(
                # TRANSLATORS: a claimant's statement of a streak: "{n}" ("3 years") running up to {year}
                say(zh("{n} running to {year}"), n=plural(int(r.years_running), "year"), year=int(r.year))
                for r in later.itertuples()
            ),
            SEMICOLON,
        )
        return replace(
            v,
            reason=say(
                # TRANSLATORS: reason of a doubtful streak verdict; {said} lists the claimant's statements
                zh(
                    "the claimant's own statements ({said}) start the run in {start}, "
                    "so by its own count Shenzhen was not first in {first}"
                ),
                said=said,
                start=first + 1,
                first=first,
            ),
        )
    # TRANSLATORS: reasons of a streak verdict ("first among Chinese cities for N years running"), by verdict
    reasons = {
        DIFFERS: zh("independent figures put another city ahead in at least one year of the streak"),
        CONFIRMED: zh("independent figures show first place in every year of the streak"),
        CONSISTENT: zh("independent evidence agrees where it exists but does not show every year"),
        DOUBTFUL: zh("the claimant's own statements start the run later than the claim does"),
        CLAIMANT_ONLY: zh("only Shenzhen's own publications show the streak"),
    }
    return replace(v, reason=say(reasons.get(v.label, zh("no evidence for any year of the streak"))))


def streak_indicators(c: pd.Series) -> tuple[str, str, str]:
    """(the yearly figure, the "first for N years running" statements, the city rank) of a streak claim,
    from its ledger row's ``indicators``: the one ending ``_streak_years``, the one ending ``_city_rank``,
    and the first other one (the headline figure; the ledger lists it before any second view)."""
    inds = [i for i in str(c["indicators"]).split(";") if i]
    streak = next(i for i in inds if i.endswith("_streak_years"))
    rank = next(i for i in inds if i.endswith("_city_rank"))
    value = next(i for i in inds if i not in (streak, rank))
    return value, streak, rank


def claim_streak_evidence(c: pd.Series):
    """:func:`streak_evidence` of a streak claim's ledger row."""
    return streak_evidence(*streak_indicators(c), c)


@check
def streak_first(c: pd.Series) -> Verdict:
    """First among Chinese cities for the stated number of years running, up to the claim's period."""
    parts, _ = claim_streak_evidence(c)
    return streak_verdict(parts, streak_indicators(c)[1])


# ----------------------------------------------------------------------------- density


def year_end(o: pd.DataFrame) -> pd.DataFrame:
    """Rows dated 31 December (a year-end stock), not a mid-year or month-end figure."""
    return o[(o["period_end"].dt.month == 12) & (o["period_end"].dt.day == 31)]


def national_density_from_parts() -> pd.DataFrame:
    """National invention patents per 10,000 people recomputed from a year-end stock of invention patents in
    force (per definition of the stock: all owners, or domestic owners only) and the NBS year-end
    population, both from independent sources, set beside the published figure of that year."""
    stock = year_end(observations("invention_in_force", regions="china", period_types="point"))
    pop = observations("population", regions="china")
    pop = pop[pop["independent"] & (pop["period_type"].isin(["point", "year"]))]
    pub = year_end(observations("invention_per_10k", regions="china", period_types="point"))
    rows = []
    for _, s in stock[stock["independent"]].iterrows():
        for _, q in pop[pop["year"] == s["year"]].iterrows():
            persons = convert(q["value_std"], q["unit_std"], "人")
            published = pub[pub["year"] == s["year"]]["value_std"]
            rows.append(
                {
                    "year": int(s["year"]),
                    "stock_basis": s["basis"],
                    "stock": s["value_std"],
                    "population": persons,
                    "computed": s["value_std"] / persons * 1e4,
                    "published": float(published.iloc[0]) if len(published) else float("nan"),
                    "after_article": bool(s["after_article"] or q["after_article"]),
                    "stock_source": s["source_id"],
                    "population_source": q["source_id"],
                }
            )
    columns = "year stock_basis stock population computed published after_article stock_source population_source"
    out = pd.DataFrame(rows, columns=columns.split())
    # one row per distinct pair of values (several copies of one release print the same numbers)
    return (
        out.drop_duplicates(["year", "stock_basis", "stock", "population"])
        .sort_values(["year", "stock_basis"])
        .reset_index(drop=True)
    )


def reproduction(parts: pd.DataFrame) -> pd.DataFrame:
    """Per stock definition: in how many years with a published figure the recomputed density rounds to it."""
    if parts.empty:
        return pd.DataFrame(columns=["stock_basis", "years", "matches", "missed"])
    both = parts[~parts["after_article"].astype(bool)].dropna(subset=["published"])
    both = both.assign(match=[abs(round(c, 1) - p) < 0.051 for c, p in zip(both["computed"], both["published"])])
    g = both.groupby("stock_basis").agg(
        years=("year", "nunique"),
        matches=("match", "sum"),
        missed=("year", lambda y: ", ".join(str(v) for v in sorted(set(y[~both.loc[y.index, "match"]])))),
    )
    return g.reset_index().sort_values("matches", ascending=False)


def reproducing_basis(parts: pd.DataFrame) -> str | None:
    """The stock definition whose recomputed density rounds to the published figure in the most years (at
    least three, and more than half of the years compared); None if none does."""
    r = reproduction(parts)
    r = r[(r["matches"] >= 3) & (2 * r["matches"] > r["years"])]
    return None if r.empty else str(r["stock_basis"].iloc[0])


def density_ratios() -> pd.DataFrame:
    """Shenzhen ÷ national invention patents per 10,000 people, per year end, from figures before the
    article. The national side is the published figure or, for a year with none, the figure recomputed from
    its parts on the definition that reproduces the published series."""
    o = year_end(observations("invention_per_10k", regions=[CITY, "china"], period_types="point"))
    o = o[~o["after_article"]]
    nat = o[o["region"] == "china"][["year", "value_std", "independent", "source_id"]].assign(china_kind="published")
    parts = national_density_from_parts()
    basis = reproducing_basis(parts)
    if basis:
        rec = parts[(parts["stock_basis"] == basis) & ~parts["after_article"] & ~parts["year"].isin(nat["year"])]
        nat = pd.concat(
            [
                nat,
                pd.DataFrame(
                    {
                        "year": rec["year"],
                        "value_std": rec["computed"],
                        "independent": True,
                        "source_id": rec["stock_source"] + "+" + rec["population_source"],
                        "china_kind": "recomputed from its parts",
                    }
                ),
            ],
            ignore_index=True,
        )
    rows = []
    for _, a in o[o["region"] == CITY].iterrows():
        for _, b in nat[nat["year"] == a["year"]].iterrows():
            rows.append(
                {
                    "year": int(a["year"]),
                    "shenzhen": a["value_std"],
                    "china": b["value_std"],
                    "ratio": a["value_std"] / b["value_std"],
                    "china_kind": b["china_kind"],
                    "shenzhen_independent": bool(a["independent"]),
                    "china_independent": bool(b["independent"]),
                    "shenzhen_source": a["source_id"],
                    "china_source": b["source_id"],
                }
            )
    columns = "year shenzhen china ratio china_kind shenzhen_independent china_independent shenzhen_source china_source"
    out = pd.DataFrame(rows, columns=columns.split())
    return out.drop_duplicates(
        ["year", "shenzhen", "china", "china_kind", "shenzhen_independent", "china_independent"]
    ).reset_index(drop=True)


def ratio_statements(basis: str = "standard") -> pd.DataFrame:
    """Other publications' own "N times the national average" statements for Shenzhen."""
    o = observations("invention_per_10k_ratio", regions=CITY, basis=basis)
    return o[
        ["year", "period", "qualifier", "value_std", "source_id", "relation", "independent", "after_article", "note"]
    ].reset_index(drop=True)


@check
def ratio_to_national(c: pd.Series) -> Verdict:
    """Recompute the ratio for the claim's year from both parts; failing that, other sources' ratios."""
    year = int(c["period_end"].year)
    r = density_ratios()
    r = r[r["year"] == year]
    both_ind = r[r["shenzhen_independent"] & r["china_independent"]]
    ok = [matches(c["stated_value"], c["qualifier"], x) for x in both_ind["ratio"]]
    st = ratio_statements()
    st = st[(st["year"] == year) & ~st["after_article"]]
    st_ind = st[st["independent"]]
    own = [
        matches(c["stated_value"], c["qualifier"], x)
        for x in list(r[~(r["shenzhen_independent"] & r["china_independent"])]["ratio"])
        + list(st[~st["independent"]]["value_std"])
    ]
    if len(ok):
        status = AGREES if all(ok) else CONTRADICTS if not any(ok) else INDIRECT
        # TRANSLATORS: the ratio of invention patents per 10,000 people, Shenzhen to the nation
        note = say(zh("recomputed from independent figures for {year}"), year=year)
    elif len(st_ind):
        okst = [matches(c["stated_value"], c["qualifier"], x) for x in st_ind["value_std"]]
        # TRANSLATORS: the multiple "N times the national average" as an independent publication states it
        status, note = (INDIRECT if all(okst) else CONTRADICTS), say(zh("an independent publication's own ratio"))
    else:
        status, note = None, say(zh("no independent figure for Shenzhen at the end of {year}"), year=year)
    # TRANSLATORS: the part of a claim checked: the year-end it is about
    part = Part(say(zh("the end of {year}"), year=year), status, any(own), note)
    mine = r[~(r["shenzhen_independent"] & r["china_independent"])]
    if status is None and any(own) and len(mine):
        ratios = joined((f"{x:.2f}" for x in sorted(set(mine["ratio"].round(2)))), OR_SEP)
        reason = say(
            # TRANSLATORS: reason of a density-ratio verdict; {national} is "the national figure (published)" or
            # "… (recomputed from its parts)"; {ratios} "5.85 or 5.86"
            zh(
                "only Shenzhen's own publications give its density for the end of {year}; set against the "
                "{national} the ratio is {ratios}, which rounds to the stated multiple"
            ),
            year=year,
            national=say(NATIONAL_KIND[mine["china_kind"].iloc[0]]),
            ratios=ratios,
        )
    elif status is None and any(own):
        reason = say(
            zh(
                "only Shenzhen's own publications give its density and its ratio for {year}; its own stated "
                "ratio rounds to the stated multiple"
            ),
            year=year,
        )
    elif status is None:
        reason = say(zh("no figures for {year} give the ratio"), year=year)
    else:
        reason = note
    return decide([part], reason=reason)


# the national side of the ratio, as the reason names it (``density_ratios``' column china_kind)
NATIONAL_KIND = {
    # TRANSLATORS: the national invention-patent density as published (by CNIPA or the statistics bulletin)
    "published": zh("national figure (published)"),
    # TRANSLATORS: the national density recomputed here from a stock of patents and the population
    "recomputed from its parts": zh("national figure (recomputed from its parts)"),
}


# ----------------------------------------------------------------------------- gold awards


@check
def cumulative_rank(c: pd.Series) -> Verdict:
    """Among the highest cumulatively: an independent cumulative ranking, else per-edition rankings."""
    ranks = city_before_article("patent_award_rank")
    ok = countable(ranks, c["period_end"])
    cum = ranks[ranks["period_type"] == "cumulative"]
    top = ranks[ranks["value_std"] <= 3]
    status = None
    if len(cum[ok.loc[cum.index]]):
        best = int(cum[ok.loc[cum.index]]["value_std"].min())
        status = AGREES if best <= 3 else CONTRADICTS
    elif len(top[ok.loc[top.index]]):
        status = INDIRECT
    n_own = int(((ranks["relation"] == "claimant") & (ranks["value_std"] <= 3)).sum())
    own = n_own > 0
    # TRANSLATORS: the part of a claim checked: Shenzhen's cumulative standing in China Patent Gold Awards
    part = Part(say(zh("the cumulative standing")), status, own)
    if status is None and own:
        reason = say(
            # TRANSLATORS: {n} is "4 statements"
            zh(
                "no cumulative tally was found; only the claimant's own publications rank Shenzhen near the "
                "top, in {n} made before the article"
            ),
            n=plural(n_own, "statement"),
        )
    else:
        # TRANSLATORS: reasons of the verdict on "cumulative gold awards near the top nationally"
        reason = say(
            {
                AGREES: zh("an independent source ranks Shenzhen's cumulative tally near the top"),
                CONTRADICTS: zh("an independent cumulative ranking puts Shenzhen below the top three"),
                INDIRECT: zh("independent sources rank Shenzhen near the top in single editions, not cumulatively"),
                None: zh("no cumulative or per-edition ranking was found"),
            }[status]
        )
    return decide([part], reason=reason)


# ----------------------------------------------------------------------------- rule book


@check
def count_of_documents(c: pd.Series) -> Verdict:
    """A count of documents against independent counts of the claim's indicator, before the article."""
    o = city_before_article(str(c["indicators"]).split(";")[0])
    ind = o[countable(o, c["period_end"])]
    agree = [matches(c["stated_value"], c["qualifier"], v) for v in ind["value_std"]]
    own = [matches(c["stated_value"], c["qualifier"], v) for v in o[~o["independent"]]["value_std"]]
    status = (
        AGREES if agree and all(agree) else CONTRADICTS if agree and not any(agree) else INDIRECT if agree else None
    )
    # TRANSLATORS: the part of a claim checked: the count the article states (of rules and policies)
    part = Part(say(zh("the count")), status, any(own))
    reason = (
        say(
            zh("no source counts Shenzhen's IP rules and policies; the events table lists only those the article names")
        )
        if status is None and not own
        else None
    )
    return decide([part], reason=reason)
