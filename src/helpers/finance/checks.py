"""Checks of the finance section (article paragraphs 12 to 14): the fast track, pledge financing,
securitisation, the enterprise share of patents, the 23rd China Patent Award and the section's firsts.

Every check splits its claim into parts and asks, part by part, what countable evidence shows
(independent, before the article, about the claim's period) and whether the claimant's own publications
give the same; :func:`helpers.verdicts.decide` turns that into the verdict. The evidence tables the pages
show come from the same functions, so page and verdict cannot drift apart.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pandas as pd

from ..checks import check
from ..data import load_table
from ..evidence import countable, events, observations, preferred
from ..i18n import LANGUAGES, Words, both, listing, say, tr, zh
from ..units import convert
from ..verdicts import (
    AGREES,
    CONTRADICTS,
    DERIVED,
    INDIRECT,
    Part,
    Verdict,
    decide,
    implied_interval,
    matches,
    printed_halfwidth,
)

CITY = "shenzhen"

# TRANSLATORS: a qualifier before a running total in a verdict's reason ("nearly 8.5 billion yuan")
QUALIFIED = {"over": zh("over {value}"), "nearly": zh("nearly {value}"), "about": zh("about {value}")}
# TRANSLATORS: between the whole counts a range allows ("85 or 86")
OR = zh(" or ")


# --------------------------------------------------------------------------- shared steps


def indicators(row: pd.Series) -> list[str]:
    """The indicators the ledger names for a claim (``indicators``, ';'-separated), in its order."""
    v = row["indicators"]
    return [i for i in v.split(";") if i] if isinstance(v, str) else []


def stated(row: pd.Series, unit: str) -> float:
    """The article's stated value converted to ``unit``."""
    return convert(float(row["stated_value"]), row["stated_unit"], unit)


def value_part(name: str, o: pd.DataFrame, row: pd.Series, note: str = "") -> Part:
    """One part of a claim: do countable rows of ``o`` (already cut to the claim's indicator, region,
    basis and period) give the stated value, and do the claimant's own rows before the article?"""
    until = row["period_end"]
    if o.empty:
        return Part(name, None, False, note or "no figure for the claim's period")
    value = stated(row, o["unit_std"].iloc[0])
    ok = o["value_std"].apply(lambda v: matches(value, row["qualifier"], v))
    ind = countable(o, until)
    own = (o["relation"] == "claimant") & ~o["after_article"]
    status = None
    if ind.any():
        status = AGREES if (ok & ind).any() else CONTRADICTS
    return Part(name, status, bool((ok & own).any()), note)


def plain_bases(codes) -> list[str]:
    from ..names import basis

    return [basis(c) for c in codes]


def own_figures_reason(o: pd.DataFrame) -> Words:
    """'the only other figure is the claimant's own 58 days (March 2021)' (figures in days)."""
    from ..chart_words import joined, month_year

    own = o[o["relation"] == "claimant"]
    if own.empty:
        return say(zh("no other figure was found"))
    # several copies of one report print the same figure: name each figure once
    bits = list(
        dict.fromkeys(
            # TRANSLATORS: a figure in days and the month it is for ("58 days (March 2021)")
            say(zh("{v} days ({when})"), v=f"{v:g}", when=month_year(d))
            for v, d in zip(own["value_std"], own["period_end"])
        )
    )
    return say(zh("the only other figure is the claimant's own {figures}"), figures=joined(bits))


def bracket_reason(row: pd.Series) -> Words:
    """Shenzhen's own running totals just before and after the article's date, if any."""
    from ..chart_words import SEMICOLON, joined, month_year
    from .common import billion_yuan

    o = ipsec_snapshots(indicators(row)[0])
    o = o[o["region"] == CITY]
    before = o[o["period_end"] < row["period_end"]].tail(1)
    after = o[o["period_end"] > row["period_end"]].head(1)
    money = row["stated_unit"] == "亿元"

    def fmt(r):
        v = r["value_std"] / 10 if money else r["value_std"]  # 亿元 -> billion yuan
        n = f"{v:,.3f}".rstrip("0").rstrip(".")
        value = billion_yuan(n) if money else n
        if r["qualifier"] in QUALIFIED:
            value = say(QUALIFIED[r["qualifier"]], value=value)
        # TRANSLATORS: a running total and the month it is dated ("37 by December 2021")
        return say(zh("{value} by {when}"), value=value, when=month_year(r["period_end"]))

    if before.empty and after.empty:
        return say(zh("no other source gives Shenzhen's total at any date"))
    bits = [fmt(r) for _, r in pd.concat([before, after]).iterrows()]
    # Chinese: the clauses ('截至 2021 年 12 月：37') read better apart than joined with 和
    totals = Words(str(listing(bits)), joined(bits, SEMICOLON).editions)
    return say(zh("no total is dated at the article; the totals published for Shenzhen are {totals}"), totals=totals)


# --------------------------------------------------------------------------- 01 fast track


def fast_track() -> dict[str, pd.DataFrame]:
    """The fast track's pre-examination and grant times for Shenzhen, and CNIPA's national average
    examination period for invention patents (full years and points in time)."""
    return {
        "preexam": observations("preexam_days", regions=CITY),
        "grant": observations("fasttrack_grant_days", regions=CITY),
        "national": observations("invention_exam_months", regions="china", period_types=["year", "ytd", "point"]),
    }


@check
def preexam(row: pd.Series) -> Verdict:
    """The fast track's pre-examination time against the centre's own earlier averages."""
    o = observations(indicators(row)[0], regions=CITY)
    o = o[o["period_end"] <= row["period_end"]]
    part = value_part(
        say(zh("pre-examination time")),
        o,
        row,
        "the protection centre's own average, reported by the market regulator",
    )
    return decide([part], reason=say(zh("{own}; no body outside Shenzhen measures it"), own=own_figures_reason(o)))


@check
def fast_track_grant(row: pd.Series) -> Verdict:
    """The fast track's average grant time (all patent types) against the centre's own earlier averages;
    CNIPA's national period measures something else and is named, not compared."""
    o = observations(indicators(row)[0], regions=CITY)
    o = o[(o["basis"] == "standard") & (o["period_end"] <= row["period_end"])]
    part = value_part(
        say(zh("average fast-track grant time")),
        o,
        row,
        "only the centre's own earlier average exists; CNIPA's national period "
        "measures ordinary invention examinations, not the fast track",
    )
    return decide(
        [part],
        reason=say(
            zh(
                "{own}; no body outside Shenzhen measures fast-track grant times, and CNIPA's national period "
                "measures ordinary invention examinations"
            ),
            own=own_figures_reason(o),
        ),
    )


def speed_up(days: float, year: int) -> dict | None:
    """National average invention examination period of ``year`` (the preferred source's) against a
    fast-track time in days: the period in days and the ratio."""
    n = fast_track()["national"]
    n = n[(n["period_type"] == "year") & (n["year"] == year)]
    if n.empty:
        return None
    months = preferred(n)
    d = convert(months, "个月", "天")
    return {"year": year, "months": months, "days": d, "ratio": d / days}


# --------------------------------------------------------------------------- 02 pledge financing

PLEDGE_BASES = ("patent", "patent_trademark", "all_ip", "unspecified")


def pledge_amounts(regions=None) -> pd.DataFrame:
    return observations("ip_pledge_amount", regions=regions)


def pledge_claim_rows(row: pd.Series) -> pd.DataFrame:
    """Shenzhen's patents-only pledge amount for the claim's full year."""
    o = pledge_amounts(CITY)
    return o[(o["basis"] == "patent") & (o["period_type"] == "year") & (o["year"] == row["period_end"].year)]


IMPLIED_FROM = ["from_value", "change", "source_id", "relation", "after_article"]


def implied_from(value: pd.Series, change: pd.Series, source: pd.Series) -> dict:
    """What a value implied by a printed value and its printed percentage change is worked out from, and who
    printed it (``source``: the row whose source is credited)."""
    return {
        "from_value": value["value_std"],
        "change": change["value_std"],
        "source_id": source["source_id"],
        "relation": source["relation"],
        "after_article": bool(source["after_article"]),
    }


def implied_previous_year(amount: pd.DataFrame, change: pd.DataFrame) -> pd.DataFrame:
    """Previous-year amounts implied by a source's own amount and its stated percentage change
    (same source, same basis, same year): amount / (1 + change)."""
    rows = []
    for _, a in amount.iterrows():
        ch = change[
            (change["source_id"] == a["source_id"]) & (change["basis"] == a["basis"]) & (change["year"] == a["year"])
        ]
        for _, x in ch.iterrows():
            rows.append(
                {
                    "year": int(a["year"]) - 1,
                    "basis": a["basis"],
                    "value_std": a["value_std"] / (1 + x["value_std"] / 100),
                    "from_year": int(a["year"]),
                    **implied_from(a, x, a),
                }
            )
    return pd.DataFrame(rows, columns=["year", "basis", "value_std", "from_year", *IMPLIED_FROM])


@check
def pledge_amount(row: pd.Series) -> Verdict:
    from .common import billion_yuan

    year = int(row["period_end"].year)
    part = value_part(
        say(zh("{year} patent pledge amount"), year=year),
        pledge_claim_rows(row),
        row,
        f"no full-year {year} figure for Shenzhen on a patents-only basis",
    )
    imp = implied_previous_year(
        observations("ip_pledge_amount", regions=CITY), observations("ip_pledge_change", regions=CITY)
    )
    imp = imp[imp["year"] == row["period_end"].year]
    why = say(zh("no source gives Shenzhen's full-year {year} patent pledge amount"), year=year)
    if len(imp):
        r = imp.iloc[0]
        why = say(
            zh(
                "{why}; a later summary's {from_year} total and growth rate imply about {amount} for {year}, "
                "on a basis it does not state"
            ),
            why=why,
            from_year=int(r["from_year"]),
            amount=billion_yuan(f"{r['value_std'] / 10:,.1f}"),
            year=int(r["year"]),
        )
    return decide([part], reason=why)


def pledge_peers(year: int) -> pd.DataFrame:
    """Every city's full-year pledge amount for ``year``, any basis (the basis is shown, never mixed)."""
    o = pledge_amounts()
    r = load_table("regions")
    cities = set(r.loc[r["level"] == "city", "region"])
    return o[o["region"].isin(cities) & (o["period_type"] == "year") & (o["year"] == year)]


@check
def pledge_rank(row: pd.Series) -> Verdict:
    """A rank statement for the year, or a full comparison on the claim's basis (patents only), counts."""
    year = int(row["period_end"].year)
    r = observations("ip_pledge_rank", regions=CITY)
    r = r[(r["year"] == year) & (r["period_type"] == "year") & r["basis"].isin(["patent", "unspecified"])]
    peers = pledge_peers(year)
    same_basis = peers[peers["basis"] == "patent"]
    note = (
        "no ranking for the year, and no city's figure for the year on the patents-only basis"
        if same_basis.empty
        else ""
    )
    from ..chart_words import joined
    from .common import basis_words

    part = value_part(say(zh("national rank in {year}"), year=year), r, row, note)
    others = sorted(set(basis_words(b) for b in peers[peers["region"] != CITY]["basis"]))
    if others:
        why = say(
            zh(
                "no ranking of cities for {year} was found, and the other cities' {year} figures found are on "
                "other bases ({bases})"
            ),
            year=year,
            bases=joined(others),
        )
    else:
        why = say(
            zh("no ranking of cities for {year} was found, and no other city's {year} figure was found"), year=year
        )
    return decide([part], reason=why)


# --------------------------------------------------------------------------- 03 securitisation

# words in the printed label that add a claim to lead the country to a running total (领跑全国)
LEAD_WORDS = ("领跑", "领先")


def ipsec_snapshots(indicator: str) -> pd.DataFrame:
    """Cumulative totals (every dated snapshot) for Shenzhen, Guangdong and the nation; single products
    and district products are left out (they are parts, not totals)."""
    o = observations(indicator, regions=[CITY, "guangdong", "china"], basis="standard")
    return o[o["period_type"] == "cumulative"].sort_values("period_end").reset_index(drop=True)


def ipsec_value_part(row: pd.Series) -> Part:
    o = ipsec_snapshots(indicators(row)[0])
    o = o[(o["region"] == CITY) & (o["period_end"] == row["period_end"])]
    return value_part(
        say(zh("the running total at the article's date")),
        o,
        row,
        "no total dated at the article; the claimant's own totals before and after bracket it",
    )


def ipsec_lead_part(until: pd.Timestamp) -> Part:
    """'Leads the country': a countable first place for Shenzhen, or for its province (indirect)."""
    r = observations("ipsec_rank", regions=[CITY, "guangdong"])
    r = r[(r["value_std"] == 1) & (r["period_end"] <= until)]
    ok = countable(r, until)
    first = say(zh("first in the country"))
    if (ok & (r["region"] == CITY)).any():
        return Part(first, AGREES, False, "an independent source ranks Shenzhen first")
    if ok.any():
        return Part(
            first,
            INDIRECT,
            False,
            "an independent count ranks Guangdong, Shenzhen's province, first among provinces",
        )
    return Part(first, None, False, "no independent ranking")


def claims_lead(row: pd.Series) -> bool:
    """Does the printed label add 'leads the country' to the figure?"""
    printed = row["printed_zh"] if isinstance(row["printed_zh"], str) else ""
    return any(w in printed for w in LEAD_WORDS)


@check
def ipsec_total(row: pd.Series) -> Verdict:
    """A securitisation running total at the article's date (the indicator is the ledger's), and the lead
    over the country where the printed label claims one."""
    parts = [ipsec_value_part(row)]
    why = bracket_reason(row)
    if claims_lead(row):
        lead = ipsec_lead_part(row["period_end"])
        parts.append(lead)
        if lead.independent == INDIRECT:
            why = say(
                zh(
                    "an independent count of exchange-listed products ranks Guangdong, Shenzhen's province, "
                    "first; {why}"
                ),
                why=why,
            )
    return decide(parts, reason=why)


# --------------------------------------------------------------------------- 04 enterprise share


def enterprise_shares() -> pd.DataFrame:
    """Stated enterprise shares of applications and grants, every region, with a ``measure`` column."""
    a = observations("enterprise_share_applications").assign(measure="applications")
    g = observations("enterprise_share_grants").assign(measure="grants")
    return pd.concat([a, g], ignore_index=True)


def enterprise_invention_bound(year: int) -> dict | None:
    """Shenzhen's enterprise share of invention grants implied by the enterprise count and the city's
    total for the same year (an 'over N' count gives a lower bound). Figures published before the article
    are used where they exist."""
    e = observations("enterprise_invention_grants", regions=CITY)
    e = e[(e["period_type"] == "year") & (e["year"] == year)]
    t = observations("invention_grants", regions=CITY, basis="standard")
    t = t[(t["period_type"] == "year") & (t["year"] == year)]
    if e.empty or t.empty:
        return None
    e = e[~e["after_article"]] if (~e["after_article"]).any() else e
    t = t[~t["after_article"]] if (~t["after_article"]).any() else t
    rows = pd.concat([e, t])
    return {
        "year": year,
        "share": float(e["value_std"].min() / t["value_std"].max() * 100),
        "lower_bound": bool(e["qualifier"].isin(["over", "at_least"]).any()),
        "enterprise": float(e["value_std"].min()),
        "total": float(t["value_std"].max()),
        "source_ids": list(dict.fromkeys(rows["source_id"])),
        "claimant_before": bool(((rows["relation"] == "claimant") & ~rows["after_article"]).all()),
        "counts": bool(countable(rows).all()),
    }


def national_enterprise_in_force(point: str = "2021-12-31") -> dict | None:
    """Domestic enterprises' share of domestic invention patents in force at a year end (CNIPA)."""
    e = observations("enterprise_invention_in_force", regions="china", basis="domestic")
    t = observations("invention_in_force", regions="china", basis="domestic")
    e, t = e[e["period"] == point], t[t["period"] == point]
    if e.empty or t.empty:
        return None
    return {
        "point": point,
        "share": float(e["value_std"].iloc[0] / t["value_std"].iloc[0] * 100),
        "source_ids": list(dict.fromkeys(pd.concat([e, t])["source_id"])),
    }


@check
def enterprise_share(row: pd.Series) -> Verdict:
    year = int(row["period_end"].year)
    s = enterprise_shares()
    s = s[(s["region"] == CITY) & (s["period_type"] == "year") & (s["year"] == year) & (s["basis"] == "all_types")]
    # TRANSLATORS: parts of the enterprise-share claim: the share of patent applications, of patent grants
    apps = value_part(say(zh("applications")), s[s["measure"] == "applications"], row, "no figure for the year")
    grants = value_part(say(zh("grants")), s[s["measure"] == "grants"], row, "no figure for the year")
    b = enterprise_invention_bound(year)
    if grants.independent is None and b is not None:
        fits = b["share"] <= float(row["stated_value"]) + 1e-9 or b["lower_bound"]
        near = matches(float(row["stated_value"]), row["qualifier"], b["share"])
        grants = Part(
            grants.name,
            INDIRECT if b["counts"] and fits else None,
            grants.claimant or (b["claimant_before"] and near),
            "invention grants only: the city's own counts give a lower bound close to the stated share",
        )
    why = say(zh("no source gives Shenzhen's enterprise shares of applications or grants for {year}"), year=year)
    if b is not None:
        if b["lower_bound"]:
            template = zh(
                "{why}; the city's own counts put enterprises at no less than {share}% of its invention grants, "
                "one kind of patent only"
            )
        else:
            template = zh(
                "{why}; the city's own counts put enterprises at {share}% of its invention grants, one kind of "
                "patent only"
            )
        why = say(template, why=why, share=f"{b['share']:.1f}")
    return decide([apps, grants], reason=why)


# --------------------------------------------------------------------------- 05 patent awards


def award_counts(basis: str = "all") -> pd.DataFrame:
    """China Patent Award counts by edition and class for every region (``basis`` 'all' is every class)."""
    o = observations("patent_award", basis=basis)
    o["edition"] = o["period"].str.removeprefix("ed").astype(int)
    return o


def national_edition_totals() -> pd.DataFrame:
    """Each edition's national total of all six classes, from sources that print every class (sums
    taken within one source); and editions whose total a source prints directly."""
    o = observations("patent_award", regions="china")
    o["edition"] = o["period"].str.removeprefix("ed").astype(int)
    classes = {"gold", "silver", "excellence", "design_gold", "design_silver", "design_excellence"}
    rows = []
    for (ed, sid), t in o.groupby(["edition", "source_id"]):
        if classes <= set(t["basis"]):
            t = t.drop_duplicates("basis")
            rows.append(
                {
                    "edition": ed,
                    "total": float(t[t["basis"].isin(classes)]["value_std"].sum()),
                    "how": "sum of the six classes",
                    "source_id": sid,
                }
            )
        if "all" in set(t["basis"]):
            rows.append(
                {
                    "edition": ed,
                    "total": float(t[t["basis"] == "all"]["value_std"].iloc[0]),
                    "how": "printed total",
                    "source_id": sid,
                }
            )
    return pd.DataFrame(rows, columns=["edition", "total", "how", "source_id"])


def implied_counts() -> pd.DataFrame:
    """A region's count for the edition before one whose count and percentage change a source prints:
    count / (1 + change), with the range (``low``, ``high``) the two printed figures allow, each within half
    a unit of its last printed digit. Shown as arithmetic on the sources' own figures, never as a source's
    value."""
    a = award_counts("all")
    ch = observations("patent_award_change", basis="all")
    rows = []
    for _, x in ch.iterrows():
        same = a[(a["source_id"] == x["source_id"]) & (a["region"] == x["region"]) & (a["period"] == x["period"])]
        for _, s in same.iterrows():
            ed = int(s["edition"]) - 1
            lo, hi = implied_interval(
                s["value_std"], printed_halfwidth(s["value_std"]), x["value_std"], printed_halfwidth(x["value_std"])
            )
            rows.append(
                {
                    "region": s["region"],
                    "edition": ed,
                    "value": s["value_std"] / (1 + x["value_std"] / 100),
                    "low": lo,
                    "high": hi,
                    "from_edition": int(s["edition"]),
                    **implied_from(s, x, x),
                }
            )
    return pd.DataFrame(rows, columns=["region", "edition", "value", "low", "high", "from_edition", *IMPLIED_FROM])


# award classes as the article prints them, the design classes first (their names contain the others')
AWARD_CLASSES_ZH = (
    ("外观设计金奖", "design_gold"),
    ("外观设计银奖", "design_silver"),
    ("外观设计优秀奖", "design_excellence"),
    ("金奖", "gold"),
    ("银奖", "silver"),
    ("优秀奖", "excellence"),
)


def award_class(row: pd.Series) -> str:
    """The award class a claim counts, read from its printed label ('专利金奖3项' -> 'gold'); 'all' if the
    label names no class."""
    printed = row["printed_zh"] if isinstance(row["printed_zh"], str) else ""
    return next((code for zh, code in AWARD_CLASSES_ZH if zh in printed), "all")


def award_count_part(row: pd.Series, basis: str, note: str) -> Part:
    o = observations(indicators(row)[0], regions=CITY, basis=basis)
    o = o[o["period"] == row["period"]]
    return value_part(f"{basis} count", o, row, note)


@check
def award(row: pd.Series) -> Verdict:
    """China Patent Award claims: a count of one class (or all) in the claim's edition, or (``kind`` rank)
    a place near the top."""
    return award_rank(row) if row["kind"] == "rank" else award_count(row)


def award_count(row: pd.Series) -> Verdict:
    from ..chart_words import edition as nth
    from .common import edition

    basis = award_class(row)
    ed = edition(edition_number(row["period"]), hyphen=True)
    if basis == "all":
        why = say(zh("no published count of Shenzhen's {edition} awards was found"), edition=ed)
    else:
        class_zh = {code: name for name, code in AWARD_CLASSES_ZH}[basis]
        kind = both(plain_bases([basis])[0].removesuffix(" award"), zh_CN=class_zh)
        # TRANSLATORS: {kind} is an award class ("gold"), in Chinese as the award prints it (金奖)
        why = say(zh("no published count of Shenzhen's {edition} {kind} awards was found"), edition=ed, kind=kind)
    p = award_count_part(row, basis, why)
    imp = implied_counts()
    imp = imp[(imp["region"] == CITY) & (imp["relation"] == "claimant")] if basis == "all" else imp.iloc[0:0]
    here = imp[imp["edition"] == edition_number(row["period"])]
    stated_n = float(row["stated_value"])
    # the claimant's own later figures disagree when the stated count lies outside every range they allow
    against = DERIVED if len(here) and not ((here["low"] <= stated_n) & (stated_n <= here["high"])).any() else None
    if len(here):
        r = here.iloc[0]
        counts = [n for n in range(int(r["low"]), int(r["high"]) + 2) if r["low"] <= n <= r["high"]]
        if counts:
            implied = Words(
                OR.join(map(str, counts)), {lang: tr(OR, lang).join(map(str, counts)) for lang in LANGUAGES}
            )
        else:
            implied = say(zh("{low} to {high}"), low=f"{r['low']:.1f}", high=f"{r['high']:.1f}")
        why = say(
            zh(
                "{why}; the city's own later figures ({n} awards in the {edition}, {change}% more than the {nth}) "
                "imply {implied} awards in the {nth}"
            ),
            why=why,
            n=f"{r['from_value']:.0f}",
            edition=edition(int(r["from_edition"])),
            change=f"{r['change']:g}",
            nth=nth(edition_number(row["period"])),
            implied=implied,
        )
    if against:
        # where the later figures disagree, say whether the stated count is one the claimant gave for an
        # earlier edition (a count carried over)
        own = observations(indicators(row)[0], regions=CITY, basis=basis)
        earlier = own["period"].map(edition_number) < edition_number(row["period"])
        echo = own[earlier & (own["value_std"] == stated_n)].sort_values("period_end")
        if len(echo):
            why = say(
                zh("{why}, while the stated number is the one it reported for the {edition}"),
                why=why,
                edition=edition(edition_number(echo["period"].iloc[-1])),
            )
    part = Part(say(zh("{edition} count"), edition=ed), p.independent, p.claimant, p.note, against)
    return decide([part], reason=why)


def edition_number(period: str) -> int:
    return int(period.removeprefix("ed"))


def ordinal_of(period: str) -> str:
    """'ed23' -> '23rd'."""
    from ..names import ordinal

    return ordinal(edition_number(period))


def award_rank(row: pd.Series) -> Verdict:
    from .common import edition

    n = edition_number(row["period"])
    ed, hyph = edition(n), edition(n, hyphen=True)
    r = observations("patent_award_rank", regions=CITY)
    r = r[r["period"] == row["period"]]
    ok = countable(r, row["period_end"])
    own = (r["relation"] == "claimant") & ~r["after_article"]
    top = r["value_std"] <= 3
    status = (AGREES if (ok & top).any() else CONTRADICTS) if ok.any() else None
    name = say(zh("rank in the {edition}"), edition=ed)
    note = say(zh("no ranking of the {edition} by region was found"), edition=ed)
    return decide(
        [Part(name, status, bool((own & top).any()), note)],
        reason=say(
            zh(
                "no ranking of regions in the {edition} was found, and no other region's {edition_h} count to compare with"
            ),
            edition=ed,
            edition_h=hyph,
        ),
    )


# --------------------------------------------------------------------------- 06 firsts and services

# an event bears on a first when its item's name (without the district in brackets) shares at least this
# share of its characters, in one run, with the label the article prints, among events of the claim's
# paragraph; none of the events states the first itself
SAME_ITEM = 0.6


def item_name(name_zh: str) -> str:
    """'国家知识产权服务业集聚发展示范区（福田）' -> '国家知识产权服务业集聚发展示范区'."""
    return re.sub(r"[（(][^）)]*[）)]$", "", name_zh).strip()


def names_item(printed: str, name_zh: str) -> bool:
    """Does the printed label name the event's item: one run of shared characters covering at least
    :data:`SAME_ITEM` of the item's name?"""
    item = item_name(name_zh)
    if not item or not printed:
        return False
    m = SequenceMatcher(None, printed, item, autojunk=False).find_longest_match(0, len(printed), 0, len(item))
    return m.size >= SAME_ITEM * len(item)


def first_evidence(row: pd.Series) -> pd.DataFrame:
    """The dated events of the item a first is about: events of the claim's paragraph whose item the printed
    label names (:func:`names_item`)."""
    ev = events()
    printed = row["printed_zh"] if isinstance(row["printed_zh"], str) else ""
    para = str(int(row["paragraph"]))
    same_para = ev["paragraph"].astype("string").fillna("").str.split(";").apply(lambda ps: para in ps)
    named = ev["name_zh"].apply(lambda n: names_item(printed, n))
    return ev[same_para & named].sort_values("when")


def first_wordings(row: pd.Series) -> pd.DataFrame:
    """Other publications' own wording of a first (data/wordings.csv), with who speaks and when."""
    w = load_table("wordings", where={"claim_id": row["claim_id"]})
    src = load_table("sources", where={"source_id": set(w["source_id"])}).set_index("source_id")
    w["relation"] = [src.at[s, "relation"] for s in w["source_id"]]
    w["outlet"] = [src.at[s, "outlet"] for s in w["source_id"]]
    w["date_published"] = [src.at[s, "date_published"] for s in w["source_id"]]
    return w


@check
def first(row: pd.Series) -> Verdict:
    """A qualitative first: dated events of the item, and the claimant's own earlier wording of it."""
    ev = first_evidence(row)
    from .common import day

    note = (
        say(zh("dated events show the item existed before the article, but no source says it came first"))
        if len(ev)
        else say(zh("no source found that dates the item or says it came first"))
    )
    w = first_wordings(row)
    same = w[(w["relation"] == "claimant") & (w["differs"] == "")]
    other = w[w["differs"] != ""]
    if len(other):
        r = other.iloc[0]
        note = say(
            zh(
                "no independent source says it came first; the claimant's own earlier report ({outlet}, {date}) "
                "words it differently: {differs}"
            ),
            outlet=r["outlet"],
            date=day(r["date_published"]),
            differs=both(r["differs"], zh_CN=r["differs_zh"]),
        )
    # TRANSLATORS: the one part of a claim to be first
    return decide([Part(say(zh("the first")), None, bool(len(same)), note)], reason=note)


def service_events() -> pd.DataFrame:
    """Events of the section's service platforms and designations (article paragraphs 12 and 13)."""
    ev = events()
    para = ev["paragraph"].astype("string").fillna("")
    return ev[para.str.split(";").apply(lambda ps: bool({"12", "13"} & set(ps)))].sort_values("when")
