"""The Chinese twin of every chart (issue 25): drawn from the same figure with every text in Chinese, through the
same legibility checks; Chinese text broken between characters, never inside a Latin word or a number."""

import json
import re

import matplotlib.text
import pytest
from conftest import ROOT, in_ci

from helpers import charts
from helpers.i18n import METADATA_KEY, both
from helpers.style import month_formatter, new_figure, year_axis

LATIN = re.compile(r"[A-Za-z]")


def _twin_chart(title=None):
    fig, ax = new_figure()
    ax.plot([2019, 2020, 2021], [1, 2, 3], marker="o", label=both("Shenzhen", zh_CN="深圳"))
    year_axis(ax, 2019, 2021)
    ax.set_title(title or both("Grants rise every year", zh_CN="专利授权量逐年上升"))
    ax.set_xlabel(both("Year", zh_CN="年份"))
    ax.set_ylabel(both("Patents (thousand)", zh_CN="专利（千件）"))
    ax.annotate(both("peak", zh_CN="峰值"), (2021, 3), xytext=(-6, -12), textcoords="offset points", ha="right")
    ax.legend(loc="upper left")
    return fig, ax


def _drawn_texts(fig):
    return [t.get_text() for t in charts._texts(fig)]


def test_twin_swaps_every_text_and_passes_the_legibility_checks():
    fig, ax = _twin_chart()
    drawn = charts._as_drawn(fig)
    charts.render_png(fig, "fig-twin")
    english = _drawn_texts(fig)
    assert "Grants rise every year" in english and "Shenzhen" in english
    charts.edition_figure(fig, "zh_CN", "fig-twin", drawn)
    charts.render_png(fig, "fig-twin (zh_CN)")  # the same checks: raises if a Chinese text is illegible
    chinese = _drawn_texts(fig)
    assert {"专利授权量逐年上升", "年份", "专利（千件）", "深圳", "峰值"} <= set(chinese)
    assert not [t for t in chinese if LATIN.search(t)], chinese
    assert {"2019", "2020", "2021"} <= set(chinese)  # numbers are the same in every edition


@pytest.mark.parametrize(
    "spoil, what",
    [
        (lambda ax: ax.set_xlabel("Year of grant"), "'Year of grant'"),
        (lambda ax: ax.text(2020, 1.5, "an English note"), "'an English note'"),
        (lambda ax: ax.legend([ax.lines[0]], ["English legend"]), "'English legend'"),
    ],
)
def test_an_untranslated_text_fails_naming_chart_and_text(spoil, what):
    fig, ax = _twin_chart()
    spoil(ax)
    with pytest.raises(charts.UntranslatedChartText, match=rf"chart fig-spoilt: the text {what} has no zh_CN edition"):
        charts.edition_figure(fig, "zh_CN", "fig-spoilt")


def test_an_untranslated_tick_label_fails_when_drawn():
    fig, ax = _twin_chart()
    ax.set_yticks([1, 2, 3], ["low", "mid", "high"])
    charts.edition_figure(fig, "zh_CN", "fig-ticks")
    with pytest.raises(charts.UntranslatedChartText, match="chart fig-ticks: the tick label 'low'"):
        charts.render_png(fig, "fig-ticks")


def test_tick_labels_given_as_words_are_swapped():
    fig, ax = _twin_chart()
    ax.set_yticks([1, 3], [both("low", zh_CN="低"), both("high", zh_CN="高")])
    charts.edition_figure(fig, "zh_CN", "fig-ticks")
    charts.render_png(fig, "fig-ticks")
    assert {"低", "高"} <= set(_drawn_texts(fig))


def test_month_ticks_in_chinese():
    import pandas as pd
    from matplotlib.dates import MonthLocator

    fig, ax = _twin_chart()
    ax.clear()
    ax.plot(pd.to_datetime(["2021-01-01", "2021-07-01"]), [1, 2])
    ax.xaxis.set_major_locator(MonthLocator(bymonth=[3, 6]))
    ax.xaxis.set_major_formatter(month_formatter())
    charts.render_png(fig, "fig-months")
    assert "Mar 2021" in _drawn_texts(fig)
    charts.edition_figure(fig, "zh_CN", "fig-months")
    charts.render_png(fig, "fig-months (zh_CN)")
    assert {"2021 年 3 月", "2021 年 6 月"} <= set(_drawn_texts(fig))


def test_cjk_wrapping_breaks_between_characters_never_inside_latin_words_or_numbers():
    text = "深圳的专利授权量连续 4 年居全国首位，PCT 国际专利申请量 2021 年为 1.74 万件（全国第一）"
    for width in range(8, 40):
        lines = charts.wrap_cjk(text, width).split("\n")
        assert "".join(lines).replace(" ", "") == text.replace(" ", ""), "no character lost or added"
        for line in lines:
            assert charts.display_width(line) <= width or " " not in line and len(charts._atoms(line)) == 1
            assert line == line.strip()
            assert line[0] not in "，。）、；：", f"a line starts with closing punctuation: {line!r}"
            assert line[-1] not in "（“《", f"a line ends with opening punctuation: {line!r}"
            assert not line.startswith(("年", "万件")), f"a number's unit is cut from it: {line!r}"
        for word in ("PCT", "2021", "1.74"):  # whole on one line
            assert any(re.search(rf"(?<![\w.]){re.escape(word)}(?![\w.])", line) for line in lines), (width, lines)
    assert charts.wrap_cjk(text, 16).count("\n") >= 3  # it does break, with no space to break at
    # English: between words only
    assert charts.wrap_cjk("Shenzhen's own totals lead every year", 12) == "Shenzhen's\nown totals\nlead every\nyear"


def test_a_long_chinese_title_is_wrapped_to_the_figure_and_a_wrapping_note_too():
    long = "深圳的专利授权量在有数据的每一年都高于所有同类城市，但这些年度总数全部来自深圳自己的发布"
    fig, ax = _twin_chart(title=both("A long title", zh_CN=long))
    note = "注：" + "实心点为全年数据，空心点为年内累计数据，虚线为文章发表日期。" * 2
    fig.text(0, -0.05, both("A note", zh_CN=note), ha="left", va="top", wrap=True, fontsize=10)
    drawn = charts._as_drawn(fig)
    charts.render_png(fig, "fig-long")
    charts.edition_figure(fig, "zh_CN", "fig-long", drawn)
    charts.render_png(fig, "fig-long (zh_CN)")
    title = ax.get_title(loc="left")
    assert "\n" in title and title.replace("\n", "") == long
    shown_note = next(t for t in fig.texts if t.get_text().startswith("注"))
    assert "\n" in shown_note.get_text()
    renderer = fig.canvas.get_renderer()
    fig.draw_without_rendering()
    for t in (ax._left_title, shown_note):  # inside the figure's width
        assert t.get_window_extent(renderer).x1 <= fig.bbox.x1 + 1


def test_publish_chart_writes_the_twin_and_a_chinese_figure(tmp_path, monkeypatch):
    import pandas as pd
    from IPython import display as ipd

    from helpers.data import load_table

    shown = []
    monkeypatch.setattr(charts, "display", lambda *a, **k: shown.append((a, k)))
    sid = load_table("sources")["source_id"].iloc[0]
    fig, _ = _twin_chart()
    charts.publish_chart(
        fig,
        "fig-pub",
        caption=both("Grants per year.", zh_CN="每年的专利授权量。"),
        alt=both("Line chart of grants per year", zh_CN="每年专利授权量的折线图"),
        data=pd.DataFrame({"year": [2019], "value": [1], "source_id": [sid]}),
        outdir=tmp_path,
    )
    gen = tmp_path / charts.GENERATED
    assert (gen / "fig-pub.png").exists() and (gen / "fig-pub.zh_CN.png").exists()
    assert sorted(p.name for p in gen.glob("*.csv")) == ["fig-pub.csv"]  # one data file for both editions
    (bundle,), kw = shown[0]
    assert "_generated/fig-pub.png" in bundle["text/markdown"] and "Line chart" in bundle["text/markdown"]
    zh_md = kw["metadata"][METADATA_KEY]["zh_CN"]["text/markdown"]
    assert "_generated/fig-pub.zh_CN.png" in zh_md and ":alt: 每年专利授权量的折线图" in zh_md
    assert "每年的专利授权量。" in zh_md and "<_generated/fig-pub.csv>" in zh_md
    assert ipd  # the real display is replaced in this test only


def test_publish_chart_refuses_an_english_caption(tmp_path):
    import pandas as pd

    fig, _ = _twin_chart()
    with pytest.raises(charts.UntranslatedChartText, match="chart fig-cap: the caption 'An English caption only'"):
        charts.publish_chart(
            fig,
            "fig-cap",
            caption="An English caption only",
            alt=both("alt", zh_CN="替代文字"),
            data=pd.DataFrame({"source_id": []}),
            outdir=tmp_path,
        )


def test_source_line_in_chinese():
    from helpers.data import load_table
    from helpers.i18n import in_lang

    src = load_table("sources")
    line = charts.source_line(src["source_id"].head(8))
    assert str(line).startswith("Sources: ") and str(line).endswith("(all listed on this page).")
    zh = in_lang(line, "zh_CN")
    assert zh.startswith("来源：") and zh.endswith("（均列于本页）。"), zh


def test_the_private_matplotlib_names_used_for_wrapping_are_there():
    t = matplotlib.text.Text(0, 0, "x")
    assert callable(t._get_wrap_line_width) and callable(t._get_rendered_text_width)


def _charts():
    return sorted(
        p for p in (ROOT / "chapters").rglob("_generated/*.png") if "-800" not in p.stem and p.suffixes[:1] == [".png"]
    )


def test_every_generated_chart_has_its_chinese_twin_and_the_chinese_page_shows_it():
    charts_ = _charts()
    if not charts_:
        if in_ci():
            pytest.fail("no chart was generated: `make test` builds the book first")
        pytest.skip("no chart was generated (run `make book`)")
    missing = [str(p.relative_to(ROOT)) for p in charts_ if not p.with_name(charts.twin_name(p.stem, "zh_CN")).exists()]
    assert not missing, f"charts with no Chinese twin: {missing}"
    # each chart's notebook output carries the Chinese figure markdown pointing at the twin
    no_twin = []
    for nb in sorted({p.parent.parent for p in charts_}):
        for path in nb.glob("*.ipynb"):
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            for out in (o for c in cells for o in c.get("outputs", ())):
                md = "".join(out.get("data", {}).get("text/markdown", ""))
                if not md.startswith("```{figure} _generated/"):
                    continue
                variant = (out.get("metadata") or {}).get(METADATA_KEY, {}).get("zh_CN", {})
                zh_md = "".join(variant.get("text/markdown", ""))
                name = re.search(r":name: (\S+)", md).group(1)
                if f"_generated/{name}.zh_CN.png" not in zh_md:
                    no_twin.append(f"{path.relative_to(ROOT)}: {name}")
    assert not no_twin, f"chart outputs whose Chinese edition does not show the Chinese twin: {no_twin}"
    html = ROOT / "_build" / "zh_CN" / "html"
    if (html / "index.html").exists():
        pages = "\n".join(p.read_text(encoding="utf-8") for p in html.rglob("*.html"))
        hidden = [p.name for p in charts_ if charts.twin_name(p.stem, "zh_CN") not in pages]
        assert not hidden, f"Chinese twins no page of the Chinese build shows: {hidden}"
