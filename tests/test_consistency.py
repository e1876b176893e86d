"""Internal consistency of the observations: what the numbers themselves must satisfy."""

import pytest

from helpers.data import load_package
from helpers.units import convert


@pytest.fixture(scope="module")
def obs(root):
    t = load_package(root)
    o = t["observations"].merge(
        t["indicators"][["indicator", "unit", "additive"]], on="indicator", suffixes=("", "_ind")
    )
    o["v"] = [convert(v, u, ui) for v, u, ui in zip(o["value"], o["unit"], o["unit_ind"])]
    o = o[o["additive"] & (o["period_type"] != "target")]
    return o.merge(t["regions"][["region", "level", "parent"]], on="region")


def _pairs(o, child_filter, parent_of):
    keys = ["indicator", "period", "period_type", "basis"]
    kids = o[child_filter(o)].assign(parent_key=lambda d: d["region"].map(parent_of))
    par = o.rename(columns={"region": "parent_key", "v": "v_parent", "source_id": "src_parent"})
    m = kids.merge(
        par[keys + ["parent_key", "v_parent", "src_parent", "qualifier"]], on=keys + ["parent_key"], suffixes=("", "_p")
    )
    # "more than X" for the part, or "about/nearly X" for the whole, cannot contradict a bound
    m = m[(m["qualifier"] != "over") & (~m["qualifier_p"].isin(["about", "nearly", "under"]))]
    return m[m["v"] > m["v_parent"] * 1.0005]


def test_a_city_never_exceeds_its_province(obs):
    parent = dict(zip(obs["region"], obs["parent"]))
    bad = _pairs(obs, lambda d: d["level"] == "city", parent)
    assert bad.empty, bad[["indicator", "region", "period", "v", "v_parent", "source_id", "src_parent"]].to_string()


def test_national_is_at_least_any_region(obs):
    bad = _pairs(obs, lambda d: d["region"] != "china", lambda r: "china")
    assert bad.empty, bad[["indicator", "region", "period", "v", "v_parent", "source_id", "src_parent"]].to_string()


def test_year_to_date_never_exceeds_the_full_year(obs):
    ytd = obs[obs["period_type"] == "ytd"].assign(year=lambda d: d["period_end"].dt.year)
    full = obs[obs["period_type"] == "year"].assign(year=lambda d: d["period_end"].dt.year)
    m = ytd.merge(full, on=["indicator", "region", "basis", "year"], suffixes=("_ytd", "_full"))
    m = m[m["qualifier_full"] != "about"]
    bad = m[m["v_ytd"] > m["v_full"] * 1.0005]
    assert bad.empty, bad[
        ["indicator", "region", "period_ytd", "v_ytd", "v_full", "source_id_ytd", "source_id_full"]
    ].to_string()
