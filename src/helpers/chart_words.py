"""Words the finance and protection charts share, in every edition (issue 25): dates, amounts in 亿元 shown as
billions, lists. Each returns a ``helpers.i18n.Words`` whose English is what the charts always wrote, so the
English book does not change and the Chinese twin of a chart (``helpers.charts``) finds each text's Chinese."""

from __future__ import annotations

import pandas as pd

from .i18n import LANGUAGES, LIST_SEP, Words, in_lang, say, tr, zh

# TRANSLATORS: calendar months, as a date shows them ("March 2021" is "2021 年 3 月": write "3 月")
MONTHS = (
    zh("January"),
    zh("February"),
    zh("March"),
    zh("April"),
    zh("May"),
    zh("June"),
    zh("July"),
    zh("August"),
    zh("September"),
    zh("October"),
    zh("November"),
    zh("December"),
)


def month_year(t) -> Words:
    """'March 2021' / '2021 年 3 月'."""
    t = pd.Timestamp(t)
    # TRANSLATORS: a month and its year ("March 2021"); {month} is the month as translated above
    return say(zh("{month} {year}"), month=say(MONTHS[t.month - 1]), year=t.year)


def when(row, short: bool = False) -> Words:
    """When a running total was struck, as ``helpers.protection.checks.when`` writes it: 'the end of 2022'
    ('end 2022' with ``short``, for a chart's label) or 'March 2021'; '2022 年底', '2021 年 3 月'."""
    end = pd.Timestamp(row["period_end"])
    if end.month == 12 and end.day == 31:
        if short:
            # TRANSLATORS: a short "at the end of the year", in a chart's bar label ("end 2022")
            return say(zh("end {year}"), year=end.year)
        # TRANSLATORS: when a running total was struck: the end of a year
        return say(zh("the end of {year}"), year=end.year)
    return month_year(end)


def joined(items, sep: str = LIST_SEP, empty: str | None = None) -> Words:
    """``items`` (Words or plain text) joined by ``sep``, a zh()-marked separator, in each edition, in the order
    given and with no "and": '2019, 2020' / '2019、2020'; ``empty`` (a template) when there are none."""
    items = list(items)
    if not items and empty is not None:
        return say(empty)
    return Words(
        str(sep).join(str(i) for i in items),
        {lang: tr(sep, lang).join(str(in_lang(i, lang)) for i in items) for lang in LANGUAGES},
    )


# TRANSLATORS: the separator between the items of a longer list in an alt text ("a: 1; b: 2")
SEMICOLON = zh("; ")
# TRANSLATORS: a list with no item (no year, no edition, no count): "Years …: none"
NONE = zh("none")
# TRANSLATORS: the separator between every two items of a list of years ("2019 and 2020"), in an alt text
AND_SEP = zh(" and ")
# TRANSLATORS: the separator between the items of a list of alternatives ("cases monitored or firms involved")
OR_SEP = zh(" or ")


def edition(n: int) -> Words:
    """An award edition by its ordinal: '23rd' / '第 23 届' (as ``names.ordinal`` prints it in English)."""
    from .names import ordinal

    # TRANSLATORS: an edition of the China Patent Award, {n} its number ("23rd" edition)
    return Words(ordinal(int(n)), {lang: tr(zh("edition {n}"), lang).format(n=int(n)) for lang in LANGUAGES})


def edition_long(n: int) -> Words:
    """'23rd edition' (as ``names.edition`` prints it) / '第 23 届'."""
    from .names import edition as edition_name

    return Words(edition_name(f"ed{int(n)}"), edition(n).editions)


def yi_billion(yi: float, digits: int | None = None) -> Words:
    """An amount in 亿元 as the English charts write it, in billions ('11.4'), and in Chinese in 亿 ('114'):
    put it where the template's unit is "billion" / "亿元"."""
    from .pages import fmt_num  # here: pages imports the checks, which import this module

    return Words(fmt_num(yi / 10, digits), {lang: fmt_num(yi, digits) for lang in LANGUAGES})


def same(text: str) -> Words:
    """A text shown alike in every edition (a Chinese name with a Latin code in it, a wrapped name)."""
    return Words(str(text), dict.fromkeys(LANGUAGES, str(text)))


__all__ = [
    "AND_SEP",
    "MONTHS",
    "NONE",
    "OR_SEP",
    "SEMICOLON",
    "edition",
    "edition_long",
    "joined",
    "month_year",
    "same",
    "when",
    "yi_billion",
]
