"""Every chart's text is legible at phone and desktop width, and no text overlaps another (issue 10)."""
import pytest

from helpers import charts
from helpers.style import new_figure, year_axis


def test_css_px_formula():
    # 10 pt on a 5 in wide chart shown 342 px wide: 10/72 * (1600/5) px in the image, scaled by 342/1600
    assert charts.css_px(10, 5.0, 342) == pytest.approx(10 / 72 * 342 / 5.0)
    # doubling the figure's width halves the text on screen
    assert charts.css_px(10, 10.0, 342) == pytest.approx(charts.css_px(10, 5.0, 342) / 2)


def _chart(**kwargs):
    fig, ax = new_figure(**kwargs)
    ax.plot([2019, 2020, 2021], [1, 2, 3])
    year_axis(ax, 2019, 2021)
    ax.set_title("Title stating the finding")
    ax.set_xlabel("Year")
    ax.set_ylabel("Patents (thousand)")
    return fig, ax


def _publish(fig, tmp_path, name="fig-test"):
    charts.render_png(fig, name)  # the check publish_chart runs (without sources.csv)


def test_house_chart_is_legible(tmp_path):
    fig, _ = _chart()
    _publish(fig, tmp_path)


def test_small_text_raises_naming_chart_and_text(tmp_path):
    fig, ax = _chart()
    ax.text(2020, 2.5, "tiny note", fontsize=7)
    with pytest.raises(charts.ChartLegibilityError, match=r"chart fig-small: .*'tiny note' at 7 pt"):
        _publish(fig, tmp_path, "fig-small")


def test_wide_figure_raises_even_with_house_fonts(tmp_path):
    fig, _ = _chart(figsize=(9, 4))
    with pytest.raises(charts.ChartLegibilityError, match="CSS px on a phone"):
        _publish(fig, tmp_path, "fig-wide")


def test_overlapping_texts_raise(tmp_path):
    fig, ax = _chart()
    ax.text(2020, 2, "first label")
    ax.text(2020, 2, "second label")
    with pytest.raises(charts.ChartLegibilityError, match="'first label' overlaps 'second label'"):
        _publish(fig, tmp_path, "fig-overlap")


def test_long_title_is_wrapped_to_the_figure():
    fig, ax = _chart()
    ax.set_title("A very long title that states the finding in many words and would run far off the right edge")
    charts.render_png(fig, "fig-long-title")
    assert "\n" in ax.get_title(loc="left")


def test_default_ticks_crowding_a_narrow_chart_are_caught():
    fig, ax = new_figure()
    ax.plot([2019, 2021], [1, 3])  # matplotlib's default locator: 2019.00, 2019.25, ... at 10 pt
    with pytest.raises(charts.ChartLegibilityError, match="overlaps"):
        charts.render_png(fig, "fig-crowded")
