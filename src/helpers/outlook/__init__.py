"""What happened after the article (the Outlook chapter): later series, plan targets against outcomes,
streaks today. Shared steps here; one module per page beside them (:mod:`.overview`, :mod:`.after`,
:mod:`.plans`, :mod:`.streaks`), each the only import of its notebook.

Everything here is about periods after the article or published after it (``evidence.ARTICLE["date"]``),
so none of it can support what the article said then; it shows what happened next. The small named steps:

- :func:`with_voice` checks that observations say who speaks and when (relation, tier, outlet, publication
  date, ``after_article``);
- :func:`series` and :func:`plot_series` put one indicator on a time axis (``style.year_axis(spans=True)``,
  x = decimal year, ``style.decimal_year``), the article's date marked by ``style.mark_article``;
- :func:`plan_targets` lines up every plan target whose period ends after the article with the value at
  the plan's start, the latest value found and the share of the way covered (computed, never typed);
- :func:`streak_statements`, :func:`rank_statements` and :func:`first_by_figures` collect, for the years
  after the article, what sources say about Shenzhen's first places and what the figures themselves show
  (by the rule of ``evidence.compare_cities``, the one the claim checks use).
"""

from __future__ import annotations

import pandas as pd

from .. import names
from ..data import load_table
from ..evidence import ARTICLE, ARTICLE_DATE, cities, compare_cities, observations, per_year, preferred
from ..i18n import zh
from ..style import decimal_year, legend_below
from ..verdicts import plural  # noqa: F401  (re-exported for the chapter's pages and the front page)

ARTICLE_DATE_TEXT = ARTICLE["date"]  # an alias for older imports; the date itself is defined once, evidence.ARTICLE

# who speaks, in short plain words for table cells; the long forms are helpers.names.RELATION
WHO_SHORT = {
    # TRANSLATORS: who speaks, in a table cell
    "claimant": zh("claimant"),
    # TRANSLATORS: who speaks, in a table cell
    "national_official": zh("national body"),
    # TRANSLATORS: who speaks, in a table cell
    "other_official": zh("other official body"),
    # TRANSLATORS: who speaks, in a table cell
    "independent": zh("independent"),
    # TRANSLATORS: who speaks, in a table cell
    "unknown": zh("not stated"),
}
# where a plan target stands (the status column of the plans page)
# TRANSLATORS: status of a plan target
REACHED = zh("target reached")
# TRANSLATORS: status of a plan target: progress is ahead of the time elapsed
AHEAD = zh("ahead of pace")
# TRANSLATORS: status of a plan target: progress is behind the time elapsed
BEHIND = zh("behind pace")
# TRANSLATORS: status of a plan target with no value after its start
NO_LATER = zh("no later value found")
TIER = names.TIER
PERIOD_TYPE = names.PERIOD_TYPE
BASIS = {**names.BASIS, "standard": ""}  # '' : nothing to say about the basis


def with_voice(o: pd.DataFrame) -> pd.DataFrame:
    """Observations from :func:`helpers.evidence.observations` already say who speaks and when (relation,
    tier, outlet, date_published, independent, after_article); this checks that they do."""
    missing = {"relation", "tier", "outlet", "date_published", "independent", "after_article"} - set(o.columns)
    if missing:
        raise KeyError(f"observations lack {sorted(missing)}: use helpers.evidence.observations")
    return o


def series(indicator: str, regions, period_types=("year", "point"), basis=None) -> pd.DataFrame:
    """One indicator for some regions, with who speaks and ``x`` (the period's end as a decimal year)."""
    o = with_voice(observations(indicator, regions=regions, period_types=list(period_types), basis=basis))
    o["x"] = [x_position(t, e) for t, e in zip(o["period_type"], o["period_end"])]
    return o


def x_position(period_type: str, period_end: pd.Timestamp) -> float:
    """Where a value sits on a time axis (``style.year_axis(spans=True)``): a full year at its middle,
    anything else at its end date (``style.decimal_year``)."""
    if period_type == "year":
        return period_end.year + 0.5
    return decimal_year(period_end)


def plot_series(ax, o: pd.DataFrame, colour: str, label: str, scale: float = 1.0, marker: str = "o") -> None:
    """Join one series' values (the preferred source's per period end, every value a source prints) with a
    line, and draw every source's value as a point; values after the article hollow."""
    per = per_year(o, by="x") / scale
    xs, ys = [], []
    for x, y in per.items():  # a gap of more than a year and a half is left open, never bridged
        if xs and x - xs[-1] > 1.5:
            xs.append(float("nan"))
            ys.append(float("nan"))
        xs.append(x)
        ys.append(y)
    ax.plot(xs, ys, color=colour, marker=None, label=label, zorder=2)
    before, after = o[~o["after_article"]], o[o["after_article"]]
    ax.scatter(before["x"], before["value_std"] / scale, color=colour, s=28, marker=marker, zorder=3)
    ax.scatter(
        after["x"],
        after["value_std"] / scale,
        facecolors="white",
        edgecolors=colour,
        s=34,
        marker=marker,
        linewidths=1.4,
        zorder=3,
    )


def legend_marked(ax, markers: dict[str, str], **kw):
    """The house legend below the plot, with each series' marker (``markers``: legend label -> marker)
    drawn on its line, so the legend tells the bases apart."""
    from matplotlib.lines import Line2D

    hs, ls = ax.get_legend_handles_labels()
    hs = [
        Line2D([], [], color=h.get_color(), linewidth=h.get_linewidth(), marker=markers[lab]) if lab in markers else h
        for h, lab in zip(hs, ls)
    ]
    return legend_below(ax, handles=hs, labels=ls, ncol=1, **kw)


# --------------------------------------------------------------------------- plans and outcomes


def _value_at_start(o: pd.DataFrame, start_year: int) -> pd.DataFrame:
    """Values for the year before a plan period starts (a full year, or a point at its end)."""
    end = pd.Timestamp(year=start_year - 1, month=12, day=31)
    return o[(o["period_end"] == end) & o["period_type"].isin(["year", "point"])]


def plan_targets(after: pd.Timestamp = ARTICLE_DATE) -> pd.DataFrame:
    """Every plan target (period type 'target') ending after ``after``, with start value, latest value,
    progress and status.

    - start: the value for the year before the target period (end of that year); if none was found, the
      earliest value inside the period, flagged ``start_is_plan_year=False``;
    - latest: the value with the latest period end up to the target's end (full years and points only);
    - progress: share of the way from start to target covered by the latest value; elapsed: share of the
      time from the start value's date to the target's end that had passed at the latest value's date;
    - status: 'target reached', 'ahead of pace', 'behind pace' or 'no later value found'.
    Several sources for one value are kept: the preferred source's value is used (see
    :func:`helpers.evidence.preference`) and every source is listed.
    """
    t = observations_all()
    targets = t[(t["period_type"] == "target") & (t["period_end"] > after)]
    rows = []
    for (ind, reg, basis, p0, p1), g in targets.groupby(["indicator", "region", "basis", "period_start", "period_end"]):
        target = preferred(g)
        qual = g["qualifier"].iloc[0]
        o = t[
            (t["indicator"] == ind)
            & (t["region"] == reg)
            & (t["basis"] == basis)
            & t["period_type"].isin(["year", "point"])
        ]
        start = _value_at_start(o, p0.year)
        plan_year = len(start) > 0
        if not plan_year:
            inside = o[(o["period_end"] >= p0) & (o["period_end"] <= p1)]
            start = inside[inside["period_end"] == inside["period_end"].min()] if len(inside) else inside
        later = o[(o["period_end"] <= p1) & (o["period_end"] > (start["period_end"].max() if len(start) else p0))]
        latest = later[later["period_end"] == later["period_end"].max()] if len(later) else later
        row = {
            "indicator": ind,
            "region": reg,
            "basis": basis,
            "target": target,
            "qualifier": qual,
            "target_year": int(p1.year),
            "target_end": p1,
            "target_sources": list(g["source_id"].unique()),
            "start": preferred(start) if len(start) else None,
            "start_end": start["period_end"].max() if len(start) else None,
            "start_is_plan_year": plan_year,
            "start_sources": list(start["source_id"].unique()),
            "latest": preferred(latest) if len(latest) else None,
            "latest_end": latest["period_end"].max() if len(latest) else None,
            "latest_sources": list(latest["source_id"].unique()),
            "latest_relations": sorted(latest["relation"].unique()) if len(latest) else [],
        }
        row.update(_progress(row))
        rows.append(row)
    return pd.DataFrame(rows)


def _progress(r: dict) -> dict:
    if r["start"] is None or r["latest"] is None:
        return {"progress": None, "elapsed": None, "direction": None, "status": NO_LATER}
    up = r["target"] >= r["start"]
    span = r["target"] - r["start"]
    progress = (r["latest"] - r["start"]) / span if span else (1.0 if r["latest"] == r["target"] else 0.0)
    total = (r["target_end"] - r["start_end"]).days
    elapsed = (r["latest_end"] - r["start_end"]).days / total if total > 0 else 1.0
    reached = r["latest"] >= r["target"] if up else r["latest"] <= r["target"]
    if r["qualifier"] == "under":
        reached = r["latest"] < r["target"]
    status = REACHED if reached else (AHEAD if progress >= elapsed else BEHIND)
    return {
        "progress": float(progress),
        "elapsed": float(elapsed),
        "direction": "up" if up else "down",
        "status": status,
    }


def observations_all() -> pd.DataFrame:
    """Every observation, with canonical values, year and who speaks (all indicators at once)."""
    frames = [observations(i) for i in load_table("indicators")["indicator"]]
    o = pd.concat([f for f in frames if len(f)], ignore_index=True)
    return with_voice(o)


# --------------------------------------------------------------------------- streaks today


def streak_statements(indicator: str, since: int = 2021, region: str = "shenzhen") -> pd.DataFrame:
    """Statements of 'first for N years running' for ``region`` about ``since`` or later, with the
    first year each implies (year - N + 1)."""
    o = with_voice(observations(indicator, regions=region))
    o = o[o["year"] >= since].copy()
    o["implied_start"] = (o["year"] - o["value_std"] + 1).astype(int)
    return o.sort_values(["year", "source_id"]).reset_index(drop=True)


def first_by_figures(indicator: str, year: int, city: str = "shenzhen") -> tuple[bool | None, str, list[str]]:
    """Do the figures of ``year`` put ``city`` first among cities? Returns (True/False/None, plain reason,
    source ids of the figures compared).

    The rule is :func:`helpers.evidence.compare_cities`, the one the claim checks use, so the Outlook
    answers "did the streak go on" exactly as the claim pages answer "was it true": one basis at a time
    (national-only bases skipped), the city's year-to-date figure a lower bound for its full year, first
    only if ahead of every peer with a full-year figure *and* Beijing is among them (ahead of smaller cities
    alone proves nothing), not first if any peer's figure is higher. (An earlier rule here compared
    full years only and accepted any one peer, so a year with no Beijing figure could count as first.)"""
    o = observations(indicator)
    o = o[(o["year"] == year) & o["region"].isin([city, *cities(city)])]
    ok, why = compare_cities(o, year, city)
    return ok, why, (list(o["source_id"].unique()) if ok is not None else [])


def rank_statements(indicator: str, since: int = 2022, region: str = "shenzhen") -> pd.DataFrame:
    """Full-year ranking statements about ``region`` for ``since`` or later, with who speaks."""
    o = with_voice(observations(indicator, regions=region, period_types="year"))
    return o[o["year"] >= since].sort_values(["year", "source_id"]).reset_index(drop=True)
