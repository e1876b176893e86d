"""The Outlook chapter's helpers: one definition each for the article's date on a time axis, a year axis and
"first among cities"; chart titles that follow the data."""

import pandas as pd
import pytest

from helpers import evidence, style
from helpers.outlook import after, first_by_figures, plans, x_position


def test_article_date_is_defined_once():
    assert evidence.ARTICLE_DATE == pd.Timestamp(evidence.ARTICLE["date"])
    assert style.ARTICLE_YEAR_X == style.decimal_year(evidence.ARTICLE_DATE)
    assert style.decimal_year("2024-01-01") == 2024.0


def test_a_full_year_sits_in_the_middle_of_its_span():
    assert x_position("year", pd.Timestamp("2023-12-31")) == 2023.5
    fig, ax = style.new_figure()
    style.year_axis(ax, 2015, 2025, spans=True)
    assert ax.get_xlim() == (2015, 2026)
    labels = {t.get_text(): t.get_position()[0] for t in ax.get_xticklabels(minor=True)}
    assert labels["2015"] == 2015.5 and "2016" not in labels  # every other year beyond seven


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_first_by_figures_is_the_claim_checks_rule(year):
    o = evidence.observations("pct_applications")
    o = o[o["year"] == year]
    ok, why, _ids = first_by_figures("pct_applications", year)
    assert (ok, why) == evidence.compare_cities(o, year)


def _series(values: dict, basis="standard"):
    return pd.DataFrame(
        {
            "year": list(values),
            "value_std": list(values.values()),
            "basis": basis,
            "independent": True,
            "tier": "official",
            "after_article": False,
            "date_published": "",
            "source_id": "s",
        }
    )


def test_trend_words_follow_the_values():
    assert after.trend(_series({2021: 100, 2023: 80})) == "fell"
    assert after.trend(_series({2021: 100, 2023: 103})) == "levelled off"
    assert after.trend(_series({2021: 100, 2023: 130})) == "rose"
    assert after.trend(_series({2020: 100, 2023: 130})) == ""  # no value for 2021: no comparison
    both = pd.concat([_series({2021: 100, 2023: 130}), _series({2021: 100, 2023: 60}, basis="wipo")])
    assert after.trend(both) == "moved differently by basis"


def test_plan_title_counts_the_targets_drawn():
    have = plans.with_later()
    n = int((have["status"] == "target reached").sum())
    assert plans.progress_title().startswith(f"{n} of {len(have)} targets")
