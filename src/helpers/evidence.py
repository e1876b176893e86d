"""Selecting and comparing observations: the small named steps every page uses."""
from __future__ import annotations

import pandas as pd

from .data import load_table
from .units import convert


def claim(claim_id: str) -> pd.Series:
    c = load_table("claims").set_index("claim_id")
    if claim_id not in c.index:
        raise KeyError(f"no claim {claim_id!r} in data/claims.csv")
    return c.loc[claim_id]


def observations(indicator: str, *, regions=None, basis=None, period_types=None) -> pd.DataFrame:
    """Observations of one indicator with ``value_std`` in the indicator's canonical unit and ``year``."""
    o = load_table("observations")
    o = o[o["indicator"] == indicator].copy()
    if regions is not None:
        o = o[o["region"].isin([regions] if isinstance(regions, str) else regions)]
    if basis is not None:
        o = o[o["basis"].isin([basis] if isinstance(basis, str) else basis)]
    if period_types is not None:
        o = o[o["period_type"].isin([period_types] if isinstance(period_types, str) else period_types)]
    unit = load_table("indicators").set_index("indicator").loc[indicator, "unit"]
    o["value_std"] = [convert(v, u, unit) for v, u in zip(o["value"], o["unit"])]
    o["unit_std"] = unit
    o["year"] = o["period_end"].dt.year
    return o.reset_index(drop=True)


def region_names() -> dict[str, str]:
    r = load_table("regions")
    return {k: f"{en} {zh}" for k, en, zh in zip(r["region"], r["name_en"], r["name_zh"])}


def cities(exclude: str = "") -> list[str]:
    r = load_table("regions")
    return [c for c in r.loc[r["level"] == "city", "region"] if c != exclude]


def ahead_year_to_date(indicator: str, year: int, city: str = "shenzhen") -> list[str]:
    """Year-to-date tables of ``year`` (same source, same months) in which ``city`` is above every other city."""
    o = observations(indicator)
    o = o[(o["year"] == year) & (o["period_type"] == "ytd") & o["region"].isin([city, *cities(city)])]
    out = []
    for (period, src), t in o.groupby(["period", "source_id"]):
        mine, others = t[t["region"] == city]["value_std"], t[t["region"] != city]["value_std"]
        if len(mine) and len(others) and mine.max() > others.max():
            out.append(period)
    return sorted(set(out))


def first_among_cities(indicator: str, year: int, city: str = "shenzhen", peers=None,
                       must_include: tuple[str, ...] = ("beijing",)) -> tuple[bool | None, str]:
    """Is ``city`` first in ``year``? True/False from values or rank statements; None if no evidence.

    - Values are compared only within one basis (a CNIPA count is never set against a WIPO one).
      A year-to-date figure of ``city`` counts as a lower bound for its full year. First if its lower
      bound exceeds every peer's highest full-year figure (at least one peer present); not first if some
      peer's lowest full-year figure exceeds the city's highest.
    - Being ahead counts only if the peers compared include ``must_include`` (Beijing, runner-up in every
      national table we hold); being ahead of smaller cities alone proves nothing.
    - Rank statements (``<indicator-family>_city_rank``) with value 1 for that year count as first.
    """
    peers = cities(city) if peers is None else peers
    o = observations(indicator)
    o = o[o["year"] == year]
    verdicts = []
    for basis, ob in o.groupby("basis"):
        if basis in ("wipo", "domestic", "cnipa_total"):
            continue  # national-level bases: no city rows
        mine = ob[ob["region"] == city]
        mine_full = mine[mine["period_type"] == "year"]["value_std"]
        mine_low = mine[mine["period_type"].isin(["year", "ytd"])]["value_std"]
        theirs = ob[ob["region"].isin(peers) & (ob["period_type"] == "year")]
        if not len(theirs):
            continue
        low_peer = theirs.groupby("region")["value_std"].min()
        if len(mine_full) and (low_peer > mine_full.max()).any():
            verdicts.append((False, ", ".join(low_peer[low_peer > mine_full.max()].index) + f" higher ({basis})"))
        elif (len(mine_low) and mine_low.max() > theirs["value_std"].max()
              and set(must_include) <= set(theirs["region"])):
            verdicts.append((True, "ahead of " + ", ".join(sorted(theirs["region"].unique())) + f" ({basis})"))
    if any(v is False for v, _ in verdicts):
        return next((v, why) for v, why in verdicts if v is False)
    if verdicts:
        return verdicts[0]
    rank_ind = {"patent_grants": "grants_city_rank", "pct_applications": "pct_city_rank"}.get(indicator)
    if rank_ind:
        r = observations(rank_ind, regions=city)
        r = r[(r["year"] == year) & (r["period_type"] == "year")]
        if len(r) and (r["value_std"] == 1).any():
            return True, "a source ranks it first"
    return None, "no data"


def events() -> pd.DataFrame:
    """The events table with ``when``, a timestamp for plotting: the day where known, else the first of
    the month, else the middle of the year (``date_precision`` says which)."""
    ev = load_table("events")
    fill = {"day": "", "month": "-01", "year": "-07-01"}
    ev["when"] = pd.to_datetime([d + fill[p] for d, p in zip(ev["date"], ev["date_precision"])])
    return ev
