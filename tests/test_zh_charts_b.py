"""The Chinese twin of the finance and protection charts (issue 25): every text a chart of those pages draws
(titles, axis labels, tick labels, legend entries, annotations, notes), and the caption and alt text given to
``publish_chart``, has a Chinese edition that ``helpers.i18n.edition_of`` finds, so the Chinese chart can be
drawn from the same figure. Each chart function is run with ``publish_chart`` replaced by a recorder."""

from __future__ import annotations

import importlib
import re

import matplotlib.pyplot as plt
import matplotlib.text
import pytest

from helpers import charts, i18n
from helpers.i18n import Words, edition_of, english_left

CHARTS = [
    ("finance.fast_track", "chart"),
    ("finance.pledge", "chart"),
    ("finance.securitisation", "chart"),
    ("finance.enterprise", "chart"),
    ("finance.awards", "chart"),
    ("finance.firsts", "chart"),
    ("protection.overseas", "later_chart"),
    ("protection.overseas", "section_337_chart"),
    ("protection.preexam", "chart"),
    ("protection.reviews", "chart"),
    ("protection.enforcement", "timeline"),
    ("protection.enforcement", "criminal_chart"),
]


def others_texts() -> set[str]:
    """English texts that our charts draw, or put into their alt texts, but that other branches' code makes:
    names (``helpers.names``, zh-site), what a review statement says (``protection.checks.review_rows``,
    zh-protection), the defaults of ``helpers.style``/``helpers.timeline`` (zh-charts-a). Excused here only while
    that code still returns plain text: once it returns Words, ``edition_of`` finds them and nothing is excused."""
    from helpers import names, style, timeline
    from helpers.protection import checks as pchecks

    out = {label for _, label in timeline.MARK.values()}
    out.add(style.mark_article.__defaults__[1])  # the article line's default label
    out |= set(names.BASIS.values()) | set(names.regions().values()) | set(names.indicators().values())
    out |= {str(names.indicators()[i]).lower() for i in names.indicators()}
    for b in pchecks.REVIEWS:
        out |= {w for w in pchecks.review_rows(b)["what"] if not isinstance(w, Words)}
    return {t for t in out if t and edition_of(t, "zh_CN") is None}


def english_left_but_others(text: str, others: set[str]) -> list[str]:
    """``english_left`` of a Chinese edition, once the English that other branches' code wrote is taken out."""
    for o in sorted(others, key=len, reverse=True):
        text = text.replace(o, " ")
    return english_left(text)


def record(monkeypatch, module: str, function: str) -> dict:
    mod = importlib.import_module(f"helpers.{module}")
    shown = {}

    def fake_publish(fig, name, *, caption, alt, data, source_ids=None, outdir=None):
        shown.update(fig=fig, name=name, caption=caption, alt=alt, data=data)

    # a page calls publish_chart, or charts.publish, which calls it with the caption and alt text it made
    monkeypatch.setattr(charts, "publish_chart", fake_publish)
    if hasattr(mod, "publish_chart"):
        monkeypatch.setattr(mod, "publish_chart", fake_publish)
    getattr(mod, function)()
    return shown


def drawn_texts(fig) -> list[str]:
    fig.draw_without_rendering()  # tick labels are made when the figure is drawn
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_text().strip()]


@pytest.mark.parametrize("module,function", CHARTS, ids=[f"{m}.{f}" for m, f in CHARTS])
def test_chart_texts_have_chinese(monkeypatch, module, function):
    shown = record(monkeypatch, module, function)
    try:
        others = others_texts()
        texts = drawn_texts(shown["fig"])
        unknown = sorted({t for t in texts if t not in others and edition_of(t, "zh_CN") is None})
        assert not unknown, f"{shown['name']}: texts with no Chinese edition: {unknown}"
        for t in texts:
            zh = edition_of(t, "zh_CN")
            if zh is not None:
                left = english_left_but_others(zh, others)
                assert not left, f"{shown['name']}: English left in the Chinese of {t!r}: {zh!r}"
        for what in ("caption", "alt"):
            value = shown[what]
            if (
                what == "alt"
                and (function == "timeline" or module == "finance.firsts")
                and not isinstance(value, Words)
            ):
                continue  # helpers.timeline.alt (zh-charts-a) writes a timeline's alt text: Words once that lands
            assert isinstance(value, Words), f"{shown['name']}: the {what} is not Words: {value!r}"
            zh = value.editions["zh_CN"]
            assert zh != str(value) and re.search(r"[\u4e00-\u9fff]", zh), f"{shown['name']} {what}: {zh!r}"
            left = english_left_but_others(zh, others)
            assert not left, f"{shown['name']}: English left in the Chinese {what}: {left} in {zh!r}"
    finally:
        plt.close(shown["fig"])


def test_recorder_sees_the_known_words():
    """The check relies on KNOWN: a Words made anywhere in the process is found by its English."""
    w = i18n.say(i18n.zh("{n} years"), n=3)
    assert edition_of(str(w), "zh_CN") == w.editions["zh_CN"]
