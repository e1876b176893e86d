"""What the finance pages share: the page's claims from the ledger, dates on a year axis, the columns a
chart's data download keeps, how long a wait reads in words."""

from __future__ import annotations

import pandas as pd

from ..chart_words import edition_long
from ..data import load_table
from ..downloads import OBSERVATION_COLUMNS
from ..i18n import LANGUAGES, SOURCE, Words, both, in_lang, listing, say, show_markdown, tr, zh

CHART_COLUMNS = OBSERVATION_COLUMNS  # the columns of the observations a chart's data download keeps


def page_rows(notebook: str) -> pd.DataFrame:
    """The ledger rows of the claims a page checks (its ``notebook`` column), in the ledger's order."""
    cl = load_table("claims")
    return cl[cl["notebook"] == notebook].reset_index(drop=True)


def row_about(rows: pd.DataFrame, indicator: str) -> pd.Series:
    """The one claim among ``rows`` whose first indicator is ``indicator``."""
    first = rows["indicators"].fillna("").str.split(";").str[0]
    found = rows[first == indicator]
    if len(found) != 1:
        raise LookupError(f"{len(found)} claims on the page are about {indicator!r}; expected one")
    return found.iloc[0]


def yearfrac(ts: pd.Timestamp) -> float:
    """A date as a position on a year axis (2021-07-02 -> about 2021.5)."""
    return ts.year + (ts.day_of_year - 1) / 365


def sizes(days: float) -> str:
    """How long a wait reads in plain words: 'days', 'weeks', 'months', 'over a year'."""
    if days < 14:
        return "days"
    if days < 90:
        return "weeks"
    if days < 365:
        return "months"
    return "over a year"


# --------------------------------------------------------------------------- words in every edition
# The finance pages' computed words (helpers.i18n): dates, award editions, amounts and list joints written
# in English exactly as before and, from the helpers' catalog, in each translated edition. The words every
# section shares are helpers.chart_words' (lists, 'none', months, award editions).


def day(iso: str) -> Words:
    """A source's date as the data gives it ('2021-06-29', '2013-09': ``helpers.names.date_words``), in
    Chinese '2021 年 6 月 29 日', '2013 年 9 月'; a year stays a year."""
    from ..names import date_words

    w = date_words(iso) if len(iso) != 4 else iso
    return w if isinstance(w, Words) else Words(iso, dict.fromkeys(LANGUAGES, iso))


def edition(n: int, hyphen: bool = False) -> Words:
    """'23rd edition' (``chart_words.edition_long``; '23rd-edition' with ``hyphen``, before a noun), in
    Chinese '第 23 届'."""
    w = edition_long(n)
    return Words(str(w).replace(" edition", "-edition"), w.editions) if hyphen else w


# TRANSLATORS: several award editions ("21st, 22nd and 24th editions"); in Chinese {nths} is "21、22和24"
EDITIONS = zh("{nths} editions")


def editions(ns) -> Words:
    """'the 21st, 22nd and 24th editions'-style list (without 'the'); one edition reads like
    :func:`edition`. Chinese '第 21、22和24 届'."""
    from ..names import ordinal

    ns = [int(n) for n in sorted(ns)]
    if len(ns) == 1:
        return edition(ns[0])
    o = [ordinal(n) for n in ns]
    en = EDITIONS.format(nths=", ".join(o[:-1]) + " and " + o[-1])
    return Words(en, {lang: tr(EDITIONS, lang).format(nths=in_lang(listing(ns), lang)) for lang in LANGUAGES})


# TRANSLATORS: an amount of money; {n} is already in 亿元 (100 million yuan), e.g. "114 亿元"
YI_YUAN = zh("{n} (100 million yuan)")
# TRANSLATORS: an amount of money; {n} is already in 万元 (10,000 yuan), e.g. "3,350 万元"
WAN_YUAN = zh("{n} (10,000 yuan)")


def yuan(en_number: str, en_unit: int) -> Words:
    """An amount glued as an English number in ``en_unit`` yuan ('309.8' billion: ``en_unit=10**9``), with
    its Chinese edition carrying its own unit, the same number in 亿元 or 万元: '3,098 亿元'. Worked out from
    the English digits, so the two editions can never round differently."""
    from decimal import Decimal

    amount = Decimal(en_number.replace(",", "")) * en_unit
    unit, template = (Decimal(10**8), YI_YUAN) if amount >= 10**8 else (Decimal(10**4), WAN_YUAN)
    n = (amount / unit).normalize()
    places = max(0, -n.as_tuple().exponent)
    text = f"{n:,.{places}f}"
    return Words(en_number, {lang: tr(template, lang).format(n=text) for lang in LANGUAGES})


def yi(en_number: str, en_unit: int) -> Words:
    """A number glued in ``en_unit`` yuan, in Chinese the same number in 亿元 without the unit (a table
    column that names it): '16.85' billion -> '168.5'."""
    from decimal import Decimal

    n = (Decimal(en_number.replace(",", "")) * en_unit / Decimal(10**8)).normalize()
    text = f"{n:,.{max(0, -n.as_tuple().exponent)}f}"
    return Words(en_number, dict.fromkeys(LANGUAGES, text))


def billion_yuan(en_number: str) -> Words:
    """'11.9 billion yuan', in Chinese '119 亿元'."""
    w = yuan(en_number, 10**9)
    return Words(f"{en_number} billion yuan", w.editions)


# TRANSLATORS: a glued value where no source gives the figure
NO_FIGURE = zh("no figure")
# TRANSLATORS: a table cell: the row's source was published after the article
YES = zh("yes")


def word(template: str) -> Words:
    """A one-word value from a template marked here (:data:`NONE`, :data:`NO_FIGURE`, :data:`YES`)."""
    return say(template)


def region_names() -> dict[str, Words]:
    """Region key -> its short name (``helpers.names.regions``) with regions.csv's ``name_zh``."""
    from ..names import regions

    r = load_table("regions").set_index("region")
    return {k: both(str(v), zh_CN=r.at[k, "name_zh"]) for k, v in regions().items()}


def indicator_names() -> dict[str, Words]:
    """Indicator key -> its name (``helpers.names.indicators``) with indicators.csv's ``name_zh``."""
    from ..names import indicators

    r = load_table("indicators").set_index("indicator")
    return {k: both(str(v), zh_CN=r.at[k, "name_zh"]) for k, v in indicators().items()}


# helpers.names' words these pages show (bases, speakers), each in every edition: the site branch makes
# helpers.names bilingual; until then the same English is looked up in the helpers' catalog
NAME_TEMPLATES = (
    # TRANSLATORS: basis of a figure (helpers.names.BASIS)
    zh("patents only"),
    # TRANSLATORS: basis of a figure (helpers.names.BASIS)
    zh("patents and trademarks"),
    # TRANSLATORS: basis of a figure (helpers.names.BASIS)
    zh("all IP types"),
    # TRANSLATORS: basis of a figure (helpers.names.BASIS)
    zh("basis not stated"),
    # TRANSLATORS: who speaks (helpers.names.RELATION)
    zh("claimant (Shenzhen)"),
    # TRANSLATORS: who speaks (helpers.names.RELATION)
    zh("national or international official"),
    # TRANSLATORS: who speaks (helpers.names.RELATION)
    zh("other official (another city, province or country)"),
    # TRANSLATORS: who speaks (helpers.names.RELATION)
    zh("independent, non-official"),
    # TRANSLATORS: who speaks (helpers.names.RELATION)
    zh("not stated"),
)


def name_words(text) -> Words:
    """A name from ``helpers.names`` in every edition: its own editions where it has them, else the
    catalog's translation of the same English."""
    if isinstance(text, Words):
        return text
    return Words(str(text), {lang: tr(str(text), lang) for lang in LANGUAGES})


def basis_words(code: str) -> Words:
    from ..names import basis

    return name_words(basis(code))


def relation_words(code: str) -> Words:
    from ..names import relation

    return name_words(relation(code))


# TRANSLATORS: the line a long table folds behind; {rows} is "15 rows", {named} its first columns
FOLD = zh("The full table: {rows} ({named})")


def show_table_editions(columns: dict) -> None:
    """A table in every edition (``helpers.i18n.show_markdown``): ``columns`` maps a header template
    (marked with ``zh``) to its cells (``Words`` or plain values). The English is exactly what
    ``helpers.tables.show_table`` shows for the same table, folded the same way when long."""
    from ..tables import FOLD_ROWS, folded, markdown_table, table_summary
    from ..verdicts import plural

    def frame(lang):
        return pd.DataFrame({tr(h, lang): [in_lang(v, lang) for v in cells] for h, cells in columns.items()})

    texts = {}
    for lang in (SOURCE, *LANGUAGES):
        df = frame(lang)
        md = markdown_table(df)
        if len(df) > FOLD_ROWS and 'class="verdict' not in md:
            if lang == SOURCE:
                summary = table_summary(df)
            else:
                heads = list(df.columns)
                bits = heads[:3] + ([plural(len(heads) - 3, "more column")] if len(heads) > 3 else [])
                summary = tr(FOLD, lang).format(
                    rows=in_lang(plural(len(df), "row"), lang), named=in_lang(listing(bits), lang)
                )
            md = folded(md, summary)
        texts[lang] = md
    show_markdown(texts)
