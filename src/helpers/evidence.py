"""Selecting and comparing observations: the small named steps every page uses."""

from __future__ import annotations

import pandas as pd

from . import names as plain
from .data import load_table
from .i18n import LANGUAGES, Words, in_lang, say, zh
from .units import convert


def claim(claim_id: str) -> pd.Series:
    c = load_table("claims").set_index("claim_id")
    if claim_id not in c.index:
        raise KeyError(f"no claim {claim_id!r} in data/claims.csv")
    return c.loc[claim_id]


ARTICLE = {
    "outlet": "中国质量报 (China Quality News)",
    "date": "2022-09-30",
    "title": "深圳市市场监管局推动知识产权工作高质量发展纪实",
}
ARTICLE_DATE = pd.Timestamp(ARTICLE["date"])  # the article's date, typed once (above)

INDEPENDENT = ("national_official", "other_official", "independent")


def latest_possible(date_published: str) -> pd.Timestamp | None:
    """The latest day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can mean; None if empty."""
    if not date_published:
        return None
    p = pd.Period(date_published, freq={4: "Y", 7: "M", 10: "D"}[len(date_published)])
    return p.end_time.normalize()


def after_article(
    date_published: str, period_end: pd.Timestamp, period_type: str = "", source_latest_end: pd.Timestamp | None = None
) -> bool:
    """Is this evidence later than the article (never support)? True when it covers a period ending after
    2022-09-30, when it may have been published after it (a bare '2022' may be December), or when it is
    undated and either covers the article's year or later, or comes from a source that covers any period
    after the article elsewhere (``source_latest_end``: an undated yearbook with a 2023 column was printed
    after the article, so none of its figures can be shown to precede it). An award edition is dated by
    its calendar year, so only its publication date decides."""
    if period_end > ARTICLE_DATE and period_type != "edition":
        return True
    last = latest_possible(date_published)
    if last is None:
        return period_end.year >= ARTICLE_DATE.year or (
            source_latest_end is not None and source_latest_end > ARTICLE_DATE
        )
    return last > ARTICLE_DATE


def speaker_relation(o: pd.DataFrame, sources: pd.DataFrame) -> list[str]:
    """Who speaks for each observation of ``o``: the ``speaker`` the row records where the page relays
    another voice (a national site relaying Shenzhen's announcement speaks for the claimant; a newspaper
    reporting WIPO's count speaks for WIPO), else the relation of the source that prints it (``sources``
    indexed by source id)."""
    return [sp or sources.at[s, "relation"] for sp, s in zip(o["speaker"], o["source_id"])]


def latest_end_by_source(source_ids) -> dict[str, pd.Timestamp]:
    """The end of the latest period each of ``source_ids`` covers, over its observations (not plan targets
    or award editions) and its dated events."""
    ids = set(source_ids)
    if not ids:
        return {}
    o = load_table("observations", where={"source_id": ids})
    o = o[
        ~o["period_type"].isin(["edition", "target"])
    ]  # a plan's target year or an edition's calendar year is not coverage
    ends = o.groupby("source_id")["period_end"].max().to_dict()
    ev = events(where={"source_id": ids})
    for sid, w in ev.groupby("source_id")["when"].max().items():
        ends[sid] = max(ends.get(sid, w), w)
    return ends


def observations(indicator: str, *, regions=None, basis=None, period_types=None) -> pd.DataFrame:
    """Observations of one indicator with ``value_std`` in the indicator's canonical unit, ``year``, and
    who speaks and when: ``relation``, ``tier``, ``outlet``, ``date_published``, ``independent`` (the
    source does not speak for the claimant) and ``after_article`` (see :func:`after_article`)."""
    o = load_table("observations", where={"indicator": indicator})
    o = o[o["indicator"] == indicator].copy()
    if regions is not None:
        o = o[o["region"].isin([regions] if isinstance(regions, str) else regions)]
    if basis is not None:
        o = o[o["basis"].isin([basis] if isinstance(basis, str) else basis)]
    if period_types is not None:
        o = o[o["period_type"].isin([period_types] if isinstance(period_types, str) else period_types)]
    unit = load_table("indicators", where={"indicator": indicator}).set_index("indicator").loc[indicator, "unit"]
    o["value_std"] = [convert(v, u, unit) for v, u in zip(o["value"], o["unit"])]
    o["unit_std"] = unit
    o["year"] = o["period_end"].dt.year
    src = load_table("sources", where={"source_id": set(o["source_id"])}).set_index("source_id")
    for col in ("tier", "outlet", "date_published"):
        o[col] = [src.at[s, col] for s in o["source_id"]]
    o["relation"] = speaker_relation(o, src)
    o["independent"] = o["relation"].isin(INDEPENDENT).astype(bool)
    ends = latest_end_by_source(set(o.loc[o["date_published"] == "", "source_id"]))
    o["after_article"] = pd.Series(
        [
            after_article(d, e, t, ends.get(s))
            for d, e, t, s in zip(o["date_published"], o["period_end"], o["period_type"], o["source_id"])
        ],
        index=o.index,
        dtype=bool,
    )
    return o.reset_index(drop=True)


def countable(o: pd.DataFrame, until: pd.Timestamp | None = None) -> pd.Series:
    """Rows that may count as support: independent, not later than the article, and (with ``until``,
    the end of the claim's period) not about a later period than the claim's."""
    ok = o["independent"] & ~o["after_article"]
    if until is not None:
        begins = o["period_start"].fillna(o["period_end"])
        ok &= begins <= until
    return ok


def region_names() -> dict[str, str]:
    """Region key -> 'Shenzhen 深圳' (for chart legends)."""
    return plain.regions(short=False)


def cities(exclude: str = "") -> list[str]:
    r = load_table("regions")
    return [c for c in r.loc[r["level"] == "city", "region"] if c != exclude]


def ahead_year_to_date(o: pd.DataFrame, year: int, city: str = "shenzhen") -> list[str]:
    """Year-to-date tables of ``year`` in ``o`` (same source, same months) in which ``city`` is above
    every other city listed; returns their period labels."""
    o = o[(o["year"] == year) & (o["period_type"] == "ytd") & o["region"].isin([city, *cities(city)])]
    out = []
    for (period, _src), t in o.groupby(["period", "source_id"]):
        mine, others = t[t["region"] == city]["value_std"], t[t["region"] != city]["value_std"]
        if len(mine) and len(others) and mine.max() > others.max():
            out.append(period)
    return sorted(set(out))


CITY_LEVEL_BASES_EXCLUDED = ("wipo", "domestic", "cnipa_total")  # national-level bases: no city rows


def compare_cities(
    o: pd.DataFrame,
    year: int,
    city: str = "shenzhen",
    peers=None,
    must_include: tuple[str, ...] = ("beijing",),
    city_rows: pd.DataFrame | None = None,
) -> tuple[bool | None, str]:
    """Is ``city`` first in ``year`` by the values in ``o``? True, False, or None (no comparison).

    - Values are compared only within one basis (a CNIPA count is never set against a WIPO one).
      A year-to-date figure of ``city`` counts as a lower bound for its full year. First if its lower
      bound exceeds every peer's highest full-year figure; not first if some peer's lowest full-year
      figure exceeds the city's highest full-year figure.
    - Being ahead counts only if the peers compared include ``must_include`` (Beijing, runner-up in every
      national table we hold); being ahead of smaller cities alone proves nothing.
    - ``city_rows`` (default: ``o``'s own rows for ``city``) lets a caller compare the city's figures from
      one set of sources with the peers' from another.
    """
    peers = cities(city) if peers is None else peers
    names = plain.regions()
    o = o[o["year"] == year]
    mine_all = o if city_rows is None else city_rows[city_rows["year"] == year]
    mine_all = mine_all[mine_all["region"] == city]
    found = []
    for b, ob in o.groupby("basis"):
        if b in CITY_LEVEL_BASES_EXCLUDED:
            continue
        mine = mine_all[mine_all["basis"] == b]
        mine_full = mine[mine["period_type"] == "year"]["value_std"]
        mine_low = mine[mine["period_type"].isin(["year", "ytd"])]["value_std"]
        theirs = ob[ob["region"].isin(peers) & (ob["period_type"] == "year")]
        if not len(theirs):
            continue
        low_peer = theirs.groupby("region")["value_std"].min()
        if len(mine_full) and (low_peer > mine_full.max()).any():
            higher = _joined([names[r] for r in low_peer[low_peer > mine_full.max()].index], " and ", "和")
            # TRANSLATORS: why a city is not first: {cities} had higher figures, on {basis}
            found.append((False, say(zh("{cities} higher ({basis})"), cities=higher, basis=plain.basis(b))))
        elif (
            len(mine_low) and mine_low.max() > theirs["value_std"].max() and set(must_include) <= set(theirs["region"])
        ):
            ahead = _joined(sorted((names[r] for r in theirs["region"].unique()), key=str), ", ", "、")
            # TRANSLATORS: why a city is first: ahead of {cities}, on {basis}
            found.append((True, say(zh("ahead of {cities} ({basis})"), cities=ahead, basis=plain.basis(b))))
    if any(v is False for v, _ in found):
        return next((v, why) for v, why in found if v is False)
    if found:
        return found[0]
    return None, say(zh("no comparable figures"))


def _joined(items, sep: str, sep_zh: str) -> Words:
    """Names joined by ``sep`` in English and ``sep_zh`` in Chinese (each in its edition's words)."""
    return Words(
        sep.join(map(str, items)), {lang: sep_zh.join(str(in_lang(i, lang)) for i in items) for lang in LANGUAGES}
    )


def events(where: dict | None = None) -> pd.DataFrame:
    """The events table with ``when``, a timestamp for plotting: the day where known, else the first of
    the month, else the middle of the year (``date_precision`` says which)."""
    ev = load_table("events", where=where)
    fill = {"day": "", "month": "-01", "year": "-07-01"}
    ev["when"] = pd.to_datetime([d + fill[p] for d, p in zip(ev["date"], ev["date_precision"])])
    return ev


# --------------------------------------------------------------------------- one printed value per period

_TIER_ORDER = {"official": 0, "media": 1, "repost": 2, "unattributed": 3}


def preference(o: pd.DataFrame) -> pd.DataFrame:
    """``o`` sorted so that, for any one period, the preferred source comes first: a body that counts for
    itself before the claimant, the publisher's own copy before a newspaper, a repost or an unattributed
    page, a publication before the article before a later one, the latest publication (a revision) before
    an earlier one; the source id breaks ties. Every value kept is a value a source prints."""
    key = pd.DataFrame(
        {
            "independent": ~o["independent"].astype(bool),
            "tier": o["tier"].map(_TIER_ORDER).fillna(9),
            "later": o["after_article"].astype(bool),
            "published": [
                -(latest_possible(d).value if latest_possible(d) is not None else 0) for d in o["date_published"]
            ],
            "source_id": o["source_id"],
        },
        index=o.index,
    )
    return o.loc[key.sort_values(list(key.columns)).index]


def one_per_period(o: pd.DataFrame, by=("year",)) -> pd.DataFrame:
    """One row per ``by`` group: the preferred source's (see :func:`preference`). Charts join these with a
    line and draw the other sources' values as points beside it; no value is a median of several sources."""
    by = [by] if isinstance(by, str) else list(by)
    if o.empty:
        return o.set_index(by)
    return preference(o).groupby(by, sort=True).head(1).set_index(by).sort_index()


def per_year(o: pd.DataFrame, by=("year",)) -> pd.Series:
    """``value_std`` of :func:`one_per_period`: one printed value per year (or per ``by`` group)."""
    return one_per_period(o, by)["value_std"]


def preferred(o: pd.DataFrame) -> float:
    """The preferred source's value among rows for one period (NaN if none)."""
    return float(preference(o)["value_std"].iloc[0]) if len(o) else float("nan")
