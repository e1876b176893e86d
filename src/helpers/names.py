"""Plain names for the codes in data/: what readers see instead of keys (the keys stay in the CSVs).

Every table, legend and sentence a page shows goes through these, so that no region key, basis code,
period-type code or edition code reaches the reader (a test scans the built pages for them).
"""

from __future__ import annotations

import re

from .data import load_table
from .i18n import Words, both, say, zh

BASIS = {
    "standard": zh("as published"),
    "cnipa": zh("CNIPA count (received by CNIPA)"),
    "cnipa_total": zh("CNIPA grand total (incl. foreign applicants)"),
    "wipo": zh("WIPO count (by applicant origin)"),
    "unspecified": zh("basis not stated"),
    "domestic": zh("domestic applicants only"),
    "domestic_nbs": zh("domestic, NBS definition"),
    "patent_trademark": zh("patents and trademarks"),
    "patent": zh("patents only"),
    "all": zh("all IP types"),
    "granted": zh("granted"),
    "valid": zh("in force"),
    "gold": zh("gold award"),
    "silver": zh("silver award"),
    "excellence": zh("award of excellence"),
    "design_gold": zh("design gold award"),
    "design_silver": zh("design silver award"),
    "design_excellence": zh("design award of excellence"),
    "gold_silver": zh("gold and silver awards"),
    "gold_all": zh("all gold awards (patent and design)"),
    "single_product": zh("single products"),
    "invention": zh("invention patents"),
    "all_types": zh("all patent types"),
    "high_value": zh("high-value patents"),
    "admin_protection": zh("administrative protection review"),
    "fast_protection": zh("fast collaborative protection review"),
    "overseas_guidance": zh("overseas dispute guidance review"),
    "gd_city_protection": zh("Guangdong city IP protection review"),
    "instituted": zh("investigations instituted"),
    "complaints": zh("complaints filed"),
    "complaints_ancillary": zh("complaints and ancillary proceedings"),
    "investigated": zh("cases investigated"),
    "closed": zh("cases closed"),
    "procuratorate_registered": zh("registered by the procuratorate"),
    "police": zh("handled by the police"),
    "received": zh("cases received"),
    "concluded": zh("cases concluded"),
}

PERIOD_TYPE = {
    "year": zh("full year"),
    "ytd": zh("year to date"),
    "month": zh("month"),
    "point": zh("point in time"),
    "cumulative": zh("cumulative to date"),
    "edition": zh("award edition"),
    "target": zh("plan target"),
}

# the article's qualifier codes (claims.csv, observations.csv) in words: the one place they are written
QUALIFIER = {
    "": "",
    "about": zh("about"),
    "over": zh("more than"),
    "nearly": zh("nearly"),
    "under": zh("under"),
    "at_least": zh("at least"),
}

TIER = {
    "official": zh("official site"),
    "media": zh("named outlet"),
    "repost": zh("repost of a named outlet"),
    "unattributed": zh("no outlet named"),
}

RELATION = {
    "claimant": zh("claimant (Shenzhen)"),
    "national_official": zh("national or international official"),
    "other_official": zh("other official (another city, province or country)"),
    "independent": zh("independent, non-official"),
    "unknown": zh("not stated"),
}


# the dictionaries' values as Words (the English unchanged; each knows its Chinese from helpers.po), so that
# code reading them directly (names.BASIS[...], names.QUALIFIER[...]) gets both editions too
BASIS = {k: say(v) for k, v in BASIS.items()}
PERIOD_TYPE = {k: say(v) for k, v in PERIOD_TYPE.items()}
QUALIFIER = {k: (say(v) if v else "") for k, v in QUALIFIER.items()}
TIER = {k: say(v) for k, v in TIER.items()}
RELATION = {k: say(v) for k, v in RELATION.items()}

# a qualified figure ("more than 500 cases"): one template per qualifier, so each edition puts the word
# where its language wants it
QUALIFIED = {
    # TRANSLATORS: a figure the article qualifies with 约 ({value}: "6 times")
    "about": zh("about {value}"),
    # TRANSLATORS: a figure the article qualifies with 超/逾 ({value}: "500 items")
    "over": zh("more than {value}"),
    # TRANSLATORS: a figure the article qualifies with 近/接近 ({value}: "30 items")
    "nearly": zh("nearly {value}"),
    # TRANSLATORS: a figure the article qualifies with 以内/不到 ({value}: "10 days")
    "under": zh("under {value}"),
    # TRANSLATORS: a figure qualified "at least" ({value}: "3 items")
    "at_least": zh("at least {value}"),
}

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def qualified(code: str, text: str) -> str:
    """``text`` with the qualifier in front: ('over', '18 years') -> 'more than 18 years'; no code, no word.
    A ``Words``: '超过 18 年' in Chinese (``text`` may be Words)."""
    q = QUALIFIER.get(code or "", "")
    if not q:
        return text
    if code in QUALIFIED:
        return say(QUALIFIED[code], value=text)
    return Words(f"{q} {text}", {lang: f"{q.editions.get(lang, q)} {_in(text, lang)}" for lang in q.editions})


def _in(value, lang: str) -> str:
    return value.editions.get(lang, str(value)) if isinstance(value, Words) else str(value)


def basis(code: str) -> str:
    if code in BASIS:
        return BASIS[code]
    return code.replace("_", " ")


def period_type(code: str) -> str:
    return PERIOD_TYPE[code]


def relation(code: str) -> str:
    return RELATION[code]


def tier(code: str) -> str:
    return TIER[code]


def ordinal(n: int) -> str:
    """'23rd' (Chinese '第 23')."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    # TRANSLATORS: an ordinal number ("23rd"); {n} is the number
    return Words(f"{n}{suffix}", {lang: say(zh("No. {n}"), n=n).editions[lang] for lang in _langs()})


def _langs():
    from .i18n import LANGUAGES

    return LANGUAGES


# TRANSLATORS: an award's edition ("23rd edition"); {ordinal} is the ordinal in your language ("第 23")
EDITION = zh("{ordinal} edition")


def edition(code: str) -> str:
    """'ed23' -> '23rd edition' (Chinese '第 23 届')."""
    m = re.fullmatch(r"ed(\d+)", code)
    return say(EDITION, ordinal=ordinal(int(m.group(1)))) if m else code


def date_words(d: str) -> str:
    """A date as the data writes it (2021, 2021-06, 2021-06-29) with its Chinese edition ('2021 年',
    '2021 年 6 月', '2021 年 6 月 29 日'); the English is the date as written."""
    d = str(d)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", d)
    if not m:
        return d
    y, mo, day = m.groups()
    if day:
        # TRANSLATORS: a date; {y}, {m}, {d} are numbers (2021, 6, 29)
        return Words(d, say(zh("{y}-{m:02d}-{d:02d}"), y=int(y), m=int(mo), d=int(day)).editions)
    if mo:
        # TRANSLATORS: a month; {y}, {m} are numbers (2021, 6)
        return Words(d, say(zh("{y}-{m:02d}"), y=int(y), m=int(mo)).editions)
    # TRANSLATORS: a year; {y} is the number (2021)
    return Words(d, say(zh("year {y}"), y=int(y)).editions)


def _month(i: int) -> Words:
    """'Sep' (Chinese '9', for '2018 年 1—9 月')."""
    return Words(MONTHS_EN[i - 1], dict.fromkeys(_langs(), str(i)))


# TRANSLATORS: a year-to-date period ("2018 Jan–Sep"); {start}, {end} are months as numbers in Chinese
YTD = zh("{year} {start}–{end}")
# TRANSLATORS: a period from a date to a date ("2018-01-01 to 2021-12-31"); the dates are in your words
SPAN = zh("{start} to {end}")
# TRANSLATORS: a period up to a date ("to 2022-09-30")
UP_TO = zh("to {end}")
# TRANSLATORS: a plan's target period ("2021–2025 plan")
PLAN = zh("{span} plan")


def period(label: str, ptype: str) -> str:
    """A period label as a reader reads it: '2018 Jan–Sep', '23rd edition', 'to 2022-09-30' (Chinese '2018 年
    1—9 月', '第 23 届', '截至 2022 年 9 月 30 日')."""
    if ptype == "edition":
        return edition(label)
    if ptype == "ytd":
        m = re.fullmatch(r"(\d{4})-(\d{2})\.\.\d{4}-(\d{2})", label)
        if m:
            return say(YTD, year=m.group(1), start=_month(int(m.group(2))), end=_month(int(m.group(3))))
    if ptype == "cumulative":
        a, _, b = label.partition("..")
        return say(SPAN, start=date_words(a), end=date_words(b)) if a else say(UP_TO, end=date_words(b))
    if ptype == "target":
        span = label.replace("..", "–")
        return say(PLAN, span=Words(span, dict.fromkeys(_langs(), label.replace("..", "—"))))
    if ptype in ("month", "point"):
        return date_words(label)
    return label


def regions(short: bool = True) -> dict[str, str]:
    """Region key -> 'Shenzhen' (short) or 'Shenzhen 深圳'; each a Words whose Chinese is '深圳'."""
    r = load_table("regions")
    return {
        k: both(en if short else f"{en} {zh_}", zh_CN=zh_)
        for k, en, zh_ in zip(r["region"], r["name_en"], r["name_zh"])
    }


def indicators() -> dict[str, str]:
    """Indicator key -> its name, a Words whose Chinese is the name_zh column."""
    i = load_table("indicators")
    return {k: both(en, zh_CN=zh_) for k, en, zh_ in zip(i["indicator"], i["name_en"], i["name_zh"])}


def note(text: str) -> str:
    """A transcription note as readers see it: edition codes ('ed19') become '19th edition' (Chinese '第 19
    届'; the rest of a note is the transcriber's English)."""

    def one(lang):
        return re.sub(r"\bed(\d{1,2})\b", lambda m: _in(edition(m.group(0)), lang), text)

    return Words(one("en"), {lang: one(lang) for lang in _langs()})
