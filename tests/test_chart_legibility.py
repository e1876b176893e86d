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


def test_text_covering_a_data_marker_raises(tmp_path):
    fig, ax = _chart()
    ax.scatter([2020], [2], s=40, label="the point")
    ax.text(2020, 2, "a note on the point", ha="center", va="center")
    with pytest.raises(charts.ChartLegibilityError, match=r"'a note on the point' covers a data marker of 'the point'"):
        _publish(fig, tmp_path, "fig-cover")


def test_line_markers_count_as_data_too(tmp_path):
    fig, ax = _chart()
    ax.plot([2020], [2], marker="o", label="marked")
    ax.text(2020, 2, "over it", ha="center", va="center")
    with pytest.raises(charts.ChartLegibilityError, match="covers a data marker of 'marked'"):
        _publish(fig, tmp_path, "fig-cover-line")


def test_a_thin_tick_marker_is_measured_by_its_shape():
    """A "|" marker is a thin line: a text just right of it does not cover it."""
    fig, ax = _chart()
    ax.scatter([2019.5], [2], marker="|", s=150)
    ax.annotate("50%", (2019.5, 2), xytext=(6, 0), textcoords="offset points", va="center")
    charts.render_png(fig, "fig-tick")


def test_auto_label_moves_off_the_data_or_the_article_mark_stays_clear():
    from helpers.style import auto_label, beside_point, mark_article

    fig, ax = _chart()
    ax.scatter([2020, 2020.4], [2, 1.9], s=40, label="points")  # something right of and below the first
    t = auto_label(ax, "Beijing", beside_point(2020, 2))
    mark_article(ax, x=2020.8)
    charts.render_png(fig, "fig-auto")  # raises if either label is left on data or text
    assert t.xyann != (5, -4), "the label stayed at its first place, on the second point"
