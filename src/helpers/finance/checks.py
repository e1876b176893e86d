"""Checks of the finance section (article paragraphs 12 to 14): the fast track, pledge financing,
securitisation, the enterprise share of patents, the 23rd China Patent Award and the section's firsts.

Every check splits its claim into parts and asks, part by part, what countable evidence shows
(independent, before the article, about the claim's period) and whether the claimant's own publications
give the same; :func:`helpers.verdicts.decide` turns that into the verdict. The evidence tables the pages
show come from the same functions, so page and verdict cannot drift apart.
"""

from __future__ import annotations

import pandas as pd

from ..checks import check_for
from ..data import load_table
from ..evidence import claim, countable, events, observations, preferred
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
EDITION = "ed23"


# --------------------------------------------------------------------------- shared steps


def stated(claim_id: str, unit: str) -> float:
    """The article's stated value converted to ``unit``."""
    c = claim(claim_id)
    return convert(float(c["stated_value"]), c["stated_unit"], unit)


def value_part(name: str, o: pd.DataFrame, claim_id: str, until: pd.Timestamp, note: str = "") -> Part:
    """One part of a claim: do countable rows of ``o`` (already cut to the claim's indicator, region,
    basis and period) give the stated value, and do the claimant's own rows before the article?"""
    c = claim(claim_id)
    if o.empty:
        return Part(name, None, False, note or "no figure for the claim's period")
    value = stated(claim_id, o["unit_std"].iloc[0])
    ok = o["value_std"].apply(lambda v: matches(value, c["qualifier"], v))
    ind = countable(o, until)
    own = (o["relation"] == "claimant") & ~o["after_article"]
    status = None
    if ind.any():
        status = AGREES if (ok & ind).any() else CONTRADICTS
    return Part(name, status, bool((ok & own).any()), note)


def plain_bases(codes) -> list[str]:
    from ..names import basis

    return [basis(c) for c in codes]


def own_figures_reason(o: pd.DataFrame, unit_en: str) -> str:
    """'the only other figure is the claimant's own 58 days (March 2021)'."""
    own = o[o["relation"] == "claimant"]
    if own.empty:
        return "no other figure was found"
    # several copies of one report print the same figure: name each figure once
    bits = list(dict.fromkeys(f"{v:g} {unit_en} ({d:%B %Y})" for v, d in zip(own["value_std"], own["period_end"])))
    return "the only other figure is the claimant's own " + ", ".join(bits)


def bracket_reason(claim_id: str) -> str:
    """Shenzhen's own running totals just before and after the article's date, if any."""
    c = claim(claim_id)
    o = ipsec_snapshots(IPSEC[claim_id])
    o = o[o["region"] == CITY]
    before = o[o["period_end"] < c["period_end"]].tail(1)
    after = o[o["period_end"] > c["period_end"]].head(1)
    money = IPSEC[claim_id] == "ipsec_issuance"

    def fmt(r):
        v = r["value_std"] / 10 if money else r["value_std"]  # 亿元 -> billion yuan
        q = {"over": "over ", "nearly": "nearly ", "about": "about "}.get(r["qualifier"], "")
        return (
            f"{q}{v:,.3f}".rstrip("0").rstrip(".") + (" billion yuan" if money else "") + f" by {r['period_end']:%B %Y}"
        )

    if before.empty and after.empty:
        return "no other source gives Shenzhen's total at any date"
    bits = [fmt(r) for _, r in pd.concat([before, after]).iterrows()]
    return "no total is dated at the article; the totals published for Shenzhen are " + " and ".join(bits)


# --------------------------------------------------------------------------- 01 fast track


def fast_track() -> dict[str, pd.DataFrame]:
    """The fast track's pre-examination and grant times for Shenzhen, and CNIPA's national average
    examination period for invention patents (full years and points in time)."""
    return {
        "preexam": observations("preexam_days", regions=CITY),
        "grant": observations("fasttrack_grant_days", regions=CITY),
        "national": observations("invention_exam_months", regions="china", period_types=["year", "ytd", "point"]),
    }


@check_for("preexam-10d")
def preexam_10d() -> Verdict:
    c = claim("preexam-10d")
    o = fast_track()["preexam"]
    o = o[o["period_end"] <= c["period_end"]]
    part = value_part(
        "pre-examination time",
        o,
        "preexam-10d",
        c["period_end"],
        "the protection centre's own average, reported by the market regulator",
    )
    return decide([part], reason=own_figures_reason(o, "days") + "; no body outside Shenzhen measures it")


@check_for("grant-55d")
def grant_55d() -> Verdict:
    c = claim("grant-55d")
    o = fast_track()["grant"]
    o = o[(o["basis"] == "standard") & (o["period_end"] <= c["period_end"])]
    part = value_part(
        "average fast-track grant time",
        o,
        "grant-55d",
        c["period_end"],
        "only the centre's own earlier average exists; CNIPA's national period "
        "measures ordinary invention examinations, not the fast track",
    )
    return decide(
        [part],
        reason=own_figures_reason(o, "days") + "; no body outside Shenzhen measures "
        "fast-track grant times, and CNIPA's national period measures ordinary invention examinations",
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


def pledge_claim_rows() -> pd.DataFrame:
    """Shenzhen's patents-only pledge amount for the claim's full year."""
    c = claim("pledge-114")
    o = pledge_amounts(CITY)
    return o[(o["basis"] == "patent") & (o["period_type"] == "year") & (o["year"] == c["period_end"].year)]


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
                    "from_value": a["value_std"],
                    "change": x["value_std"],
                    "source_id": a["source_id"],
                    "relation": a["relation"],
                    "after_article": bool(a["after_article"]),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "year",
            "basis",
            "value_std",
            "from_year",
            "from_value",
            "change",
            "source_id",
            "relation",
            "after_article",
        ],
    )


@check_for("pledge-114")
def pledge_114() -> Verdict:
    c = claim("pledge-114")
    part = value_part(
        "2021 patent pledge amount",
        pledge_claim_rows(),
        "pledge-114",
        c["period_end"],
        "no full-year 2021 figure for Shenzhen on a patents-only basis",
    )
    imp = implied_previous_year(
        observations("ip_pledge_amount", regions=CITY), observations("ip_pledge_change", regions=CITY)
    )
    imp = imp[imp["year"] == c["period_end"].year]
    why = "no source gives Shenzhen's full-year 2021 patent pledge amount"
    if len(imp):
        r = imp.iloc[0]
        why += (
            f"; a later summary's 2022 total and growth rate imply about {r['value_std'] / 10:,.1f} "
            f"billion yuan for 2021, on a basis it does not state"
        )
    return decide([part], reason=why)


def pledge_peers(year: int) -> pd.DataFrame:
    """Every city's full-year pledge amount for ``year``, any basis (the basis is shown, never mixed)."""
    o = pledge_amounts()
    r = load_table("regions")
    cities = set(r.loc[r["level"] == "city", "region"])
    return o[o["region"].isin(cities) & (o["period_type"] == "year") & (o["year"] == year)]


@check_for("pledge-rank-2")
def pledge_rank_2() -> Verdict:
    """A rank statement for the year, or a full comparison on the claim's basis (patents only), counts."""
    c = claim("pledge-rank-2")
    year = int(c["period_end"].year)
    r = observations("ip_pledge_rank", regions=CITY)
    r = r[(r["year"] == year) & (r["period_type"] == "year") & r["basis"].isin(["patent", "unspecified"])]
    peers = pledge_peers(year)
    same_basis = peers[peers["basis"] == "patent"]
    note = (
        "no ranking for the year, and no city's figure for the year on the patents-only basis"
        if same_basis.empty
        else ""
    )
    part = value_part("national rank in 2021", r, "pledge-rank-2", c["period_end"], note)
    others = sorted(set(plain_bases(peers[peers["region"] != CITY]["basis"])))
    why = "no ranking of cities for 2021 was found"
    why += (
        ", and the other cities' 2021 figures found are on other bases (" + ", ".join(others) + ")"
        if others
        else ", and no other city's 2021 figure was found"
    )
    return decide([part], reason=why)


# --------------------------------------------------------------------------- 03 securitisation

IPSEC = {
    "ipsec-products-46": "ipsec_products",
    "ipsec-issuance": "ipsec_issuance",
    "ipsec-pledged-ip": "ipsec_pledged_ip",
    "ipsec-firms": "ipsec_firms",
}


def ipsec_snapshots(indicator: str) -> pd.DataFrame:
    """Cumulative totals (every dated snapshot) for Shenzhen, Guangdong and the nation; single products
    and district products are left out (they are parts, not totals)."""
    o = observations(indicator, regions=[CITY, "guangdong", "china"], basis="standard")
    return o[o["period_type"] == "cumulative"].sort_values("period_end").reset_index(drop=True)


def ipsec_value_part(claim_id: str) -> Part:
    c = claim(claim_id)
    o = ipsec_snapshots(IPSEC[claim_id])
    o = o[(o["region"] == CITY) & (o["period_end"] == c["period_end"])]
    return value_part(
        "the running total at the article's date",
        o,
        claim_id,
        c["period_end"],
        "no total dated at the article; the claimant's own totals before and after bracket it",
    )


def ipsec_lead_part(until: pd.Timestamp) -> Part:
    """'Leads the country': a countable first place for Shenzhen, or for its province (indirect)."""
    r = observations("ipsec_rank", regions=[CITY, "guangdong"])
    r = r[(r["value_std"] == 1) & (r["period_end"] <= until)]
    ok = countable(r, until)
    if (ok & (r["region"] == CITY)).any():
        return Part("first in the country", AGREES, False, "an independent source ranks Shenzhen first")
    if ok.any():
        return Part(
            "first in the country",
            INDIRECT,
            False,
            "an independent count ranks Guangdong, Shenzhen's province, first among provinces",
        )
    return Part("first in the country", None, False, "no independent ranking")


@check_for("ipsec-products-46")
def ipsec_products_46() -> Verdict:
    c = claim("ipsec-products-46")
    lead = ipsec_lead_part(c["period_end"])
    why = bracket_reason("ipsec-products-46")
    if lead.independent == INDIRECT:
        why = "an independent count of exchange-listed products ranks Guangdong, Shenzhen's province, first; " + why
    return decide([ipsec_value_part("ipsec-products-46"), lead], reason=why)


@check_for("ipsec-issuance")
def ipsec_issuance() -> Verdict:
    return decide([ipsec_value_part("ipsec-issuance")], reason=bracket_reason("ipsec-issuance"))


@check_for("ipsec-pledged-ip")
def ipsec_pledged_ip() -> Verdict:
    return decide([ipsec_value_part("ipsec-pledged-ip")], reason=bracket_reason("ipsec-pledged-ip"))


@check_for("ipsec-firms")
def ipsec_firms() -> Verdict:
    return decide([ipsec_value_part("ipsec-firms")], reason=bracket_reason("ipsec-firms"))


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


@check_for("enterprise-90pct")
def enterprise_90pct() -> Verdict:
    c = claim("enterprise-90pct")
    year = int(c["period_end"].year)
    s = enterprise_shares()
    s = s[(s["region"] == CITY) & (s["period_type"] == "year") & (s["year"] == year) & (s["basis"] == "all_types")]
    apps = value_part(
        "applications", s[s["measure"] == "applications"], "enterprise-90pct", c["period_end"], "no figure for the year"
    )
    grants = value_part(
        "grants", s[s["measure"] == "grants"], "enterprise-90pct", c["period_end"], "no figure for the year"
    )
    b = enterprise_invention_bound(year)
    if grants.independent is None and b is not None:
        fits = b["share"] <= float(c["stated_value"]) + 1e-9 or b["lower_bound"]
        near = matches(float(c["stated_value"]), c["qualifier"], b["share"])
        grants = Part(
            "grants",
            INDIRECT if b["counts"] and fits else None,
            grants.claimant or (b["claimant_before"] and near),
            "invention grants only: the city's own counts give a lower bound close to the stated share",
        )
    why = f"no source gives Shenzhen's enterprise shares of applications or grants for {year}"
    if b is not None:
        why += (
            f"; the city's own counts put enterprises at {'no less than ' if b['lower_bound'] else ''}"
            f"{b['share']:.1f}% of its invention grants, one kind of patent only"
        )
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
                    "from_value": s["value_std"],
                    "change": x["value_std"],
                    "source_id": x["source_id"],
                    "relation": x["relation"],
                    "after_article": bool(x["after_article"]),
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "region",
            "edition",
            "value",
            "low",
            "high",
            "from_edition",
            "from_value",
            "change",
            "source_id",
            "relation",
            "after_article",
        ],
    )


def award_part(claim_id: str, basis: str) -> Part:
    c = claim(claim_id)
    o = observations("patent_award", regions=CITY, basis=basis)
    o = o[o["period"] == c["period"]]
    return value_part(
        f"{basis} count in the 23rd edition",
        o,
        claim_id,
        c["period_end"],
        "no published count of Shenzhen's 23rd-edition awards was found",
    )


@check_for("award-70")
def award_70() -> Verdict:
    p = award_part("award-70", "all")
    why = "no published count of Shenzhen's 23rd-edition awards was found"
    imp = implied_counts()
    imp = imp[imp["region"] == CITY]
    ed23 = imp[(imp["edition"] == 23) & (imp["relation"] == "claimant")]
    stated_n = float(claim("award-70")["stated_value"])
    # the claimant's own later figures disagree when the stated count lies outside every range they allow
    against = DERIVED if len(ed23) and not ((ed23["low"] <= stated_n) & (stated_n <= ed23["high"])).any() else None
    if len(ed23):
        r = ed23.iloc[0]
        counts = [n for n in range(int(r["low"]), int(r["high"]) + 2) if r["low"] <= n <= r["high"]]
        implied = " or ".join(str(n) for n in counts) if counts else f"{r['low']:.1f} to {r['high']:.1f}"
        why += (
            f"; the city's own later figures ({r['from_value']:.0f} awards in the 24th edition, "
            f"{r['change']:g}% more than the 23rd) imply {implied} awards in the 23rd"
        )
    own21 = observations("patent_award", regions=CITY, basis="all")
    own21 = own21[own21["period"] == "ed21"]
    if len(own21) and (own21["value_std"] == stated_n).any():
        why += ", while the stated number is the one it reported for the 21st edition"
    return decide([Part("23rd-edition count", p.independent, p.claimant, p.note, against)], reason=why)


@check_for("award-gold-3")
def award_gold_3() -> Verdict:
    p = award_part("award-gold-3", "gold")
    return decide(
        [Part("23rd-edition gold awards", p.independent, p.claimant, p.note)],
        reason="no published count of Shenzhen's 23rd-edition gold awards was found; "
        "CNIPA's list of winners by region would settle it",
    )


@check_for("award-rank")
def award_rank() -> Verdict:
    c = claim("award-rank")
    r = observations("patent_award_rank", regions=CITY)
    r = r[r["period"] == c["period"]]
    ok = countable(r, c["period_end"])
    own = (r["relation"] == "claimant") & ~r["after_article"]
    top = r["value_std"] <= 3
    status = (AGREES if (ok & top).any() else CONTRADICTS) if ok.any() else None
    return decide(
        [
            Part(
                "rank in the 23rd edition",
                status,
                bool((own & top).any()),
                "no ranking of the 23rd edition by region was found",
            )
        ],
        reason="no ranking of regions in the 23rd edition was found, and no other region's "
        "23rd-edition count to compare with",
    )


# --------------------------------------------------------------------------- 06 firsts and services

# the dated events that bear on each first (ids in data/events.csv); none of them states the first itself
FIRST_EVENTS = {
    "first-gd-allip-subsidy": [],
    "first-ip-finance-assoc": [],
    "first-online-pledge-insurance": [],
    "first-ipsec-model": [],
    "first-gd-cluster-zone": ["ev-cluster-experiment", "ev-cluster-demo-start", "ev-cluster-demo-accept"],
    "first-batch-export-base": [],
}


def first_evidence(claim_id: str) -> pd.DataFrame:
    ev = events()
    return ev[ev["event_id"].isin(FIRST_EVENTS[claim_id])].sort_values("when")


def first_wordings(claim_id: str) -> pd.DataFrame:
    """Other publications' own wording of a first (data/wordings.csv), with who speaks and when."""
    w = load_table("wordings", where={"claim_id": claim_id})
    src = load_table("sources", where={"source_id": set(w["source_id"])}).set_index("source_id")
    w["relation"] = [src.at[s, "relation"] for s in w["source_id"]]
    w["outlet"] = [src.at[s, "outlet"] for s in w["source_id"]]
    w["date_published"] = [src.at[s, "date_published"] for s in w["source_id"]]
    return w


def _first_check(claim_id: str) -> Verdict:
    ev = first_evidence(claim_id)
    note = (
        "dated events show the item existed before the article, but no source says it came first"
        if len(ev)
        else "no source found that dates the item or says it came first"
    )
    w = first_wordings(claim_id)
    same = w[(w["relation"] == "claimant") & (w["differs"] == "")]
    other = w[w["differs"] != ""]
    if len(other):
        r = other.iloc[0]
        note = (
            f"no independent source says it came first; the claimant's own earlier report ({r['outlet']}, "
            f"{r['date_published']}) words it differently: {r['differs']}"
        )
    return decide([Part("the first", None, bool(len(same)), note)], reason=note)


for _cid in FIRST_EVENTS:
    check_for(_cid)(lambda _c=_cid: _first_check(_c))


def service_events() -> pd.DataFrame:
    """Events of the section's service platforms and designations (article paragraphs 12 and 13)."""
    ev = events()
    para = ev["paragraph"].astype("string").fillna("")
    return ev[para.str.split(";").apply(lambda ps: bool({"12", "13"} & set(ps)))].sort_values("when")
