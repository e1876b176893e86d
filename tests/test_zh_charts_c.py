"""The Chinese twins of the outlook charts (after the article, plans and outcomes), the front page's verdict chart
and the sources page's coverage map (issue 25): every title, label and word they draw has a Chinese edition, the
English stays as it was, and no English is left in the Chinese."""

import re

import pytest

from helpers.i18n import LANGUAGES, Words, english_left, in_lang
from helpers.outlook import after, plans
from helpers.site import front, sources

LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
KEPT = {"PCT", "WIPO", "GDP"}  # names the Chinese text keeps in Latin letters


def _chinese(w) -> str:
    assert isinstance(w, Words), w
    return in_lang(w, "zh_CN")


def _only_kept_latin(text: str) -> bool:
    return set(LATIN_WORD.findall(text)) <= KEPT


@pytest.mark.parametrize(
    "title, english",
    [
        (after.grants_title, "Shenzhen's grants "),
        (after.pct_title, None),
        (after.density_title, "Per-head counts "),
        (after.pledge_title, None),
        (after.exam_title, "Examination "),
        (plans.progress_title, None),
    ],
)
def test_outlook_titles_are_words_with_chinese(title, english):
    t = title()
    if english:
        assert str(t).startswith(english)
    zh = _chinese(t)
    assert zh and zh != str(t) and _only_kept_latin(zh), zh
    assert "·" not in zh  # the Chinese chart does not repeat the figure's Chinese name after a dot


def test_plan_title_english_is_as_it_was():
    have = plans.with_later()
    n = int((have["status"] == "target reached").sum())
    assert str(plans.progress_title()) == (
        f"{n} of {len(have)} targets with a later value are\nalready reached · 规划目标进度"
    )


def test_trend_words_and_bases_on_charts():
    for word in ("rose", "fell", "levelled off", "moved differently by basis"):
        assert _only_kept_latin(_chinese(after.moved_words(word)))
    for code in ("unspecified", "cnipa", "cnipa_total", "wipo", "patent", "patent_trademark"):
        w = after.basis_words(code)
        assert str(w) == after.BASIS[code] and _only_kept_latin(_chinese(w))
    with pytest.raises(KeyError, match="no chart words"):
        after.basis_words("gold")


def test_progress_bar_labels_in_chinese():
    h = plans.with_later()
    for r in h.itertuples():
        label = plans.bar_label(r)
        assert str(label).endswith(f" · target {r.target_year}")
        zh = _chinese(label)
        assert zh.endswith(f" · {r.target_year} 年目标") and _only_kept_latin(zh), zh


def test_verdict_chart_words():
    sc = front._scorecard()
    title = front.verdict_title(sc)
    assert str(title).startswith("Most common verdict (") and str(title).endswith(" · 核查结论")
    assert not english_left(_chinese(title))
    for s in front.verdict_tally(sc).index:
        assert _only_kept_latin(_chinese(front.section_words(s)))
    w = front.verdict_words("doubtful — the claimant's own records disagree", broken=True)
    assert str(w) == "doubtful —\nthe claimant's own records disagree"
    assert _chinese(w) == "存疑——\n声称方自己的记录与之矛盾"


def test_coverage_row_labels_in_chinese():
    tab, _ = sources.coverage()
    for i in tab.index:
        label = sources.indicator_label(i)
        zh = _chinese(label)
        assert _only_kept_latin(zh), zh
        assert zh.count("\n") <= str(label).count("\n"), (zh, str(label))  # never taller than the row


def test_every_language_is_covered():
    assert LANGUAGES == ("zh_CN",)  # the tests above read the zh_CN edition; a new language needs its own
