"""Page furniture shared by every chapter page: the claim box with its bottom line, the verdict box,
number formatting in plain English."""

from __future__ import annotations

import pandas as pd

from . import names
from .checks import verdict
from .evidence import ARTICLE, claim
from .gluing import glue
from .i18n import (
    LANGUAGES,
    Words,
    claim_box_texts,
    in_lang,
    say,
    show_markdown,
    tr,
    verdict_glue_words,
    verdict_texts,
    zh,
)
from .verdicts import Verdict, plural

# the article's units in English: (divide by, noun or prefix); a prefix ends with '$'
# fmt: off
UNIT_EN = {
    "年": (1, "year"), "天": (1, "day"), "倍": (1, "times"), "项": (1, "item"),
    "件": (1, "item"), "件组": (1, "group"), "家": (1, "firm"), "%": (1, "%"),
    "亿元": (10, "billion yuan"), "万美元": (100, "US$ million"), "亿美元": (10, "US$ billion"), "名": (1, "rank"),
}
# fmt: on

ARTICLE_REF = "the-article"  # label of the article's citation on the methods page


def fmt_num(v: float, digits: int | None = None) -> str:
    """Thousands separators; integers without decimals; otherwise ``digits`` decimals (default: as needed)."""
    v = float(v)
    if digits is None:
        if v.is_integer():
            return f"{int(v):,}"
        return f"{v:,.3f}".rstrip("0").rstrip(".")
    return f"{v:,.{digits}f}"


def in_english(value: float, unit: str) -> str:
    """114 亿元 -> '11.4 billion yuan'; 3000 万美元 -> 'US$30 million'; 4 年 -> '4 years'; 2 名 -> 'rank 2'."""
    div, noun = UNIT_EN.get(unit, (1, unit))
    v = value / div
    if noun == "rank":
        return f"rank {fmt_num(v)}"
    if noun == "%":
        return f"{fmt_num(v)}%"
    if noun.startswith("US$"):
        return f"US${fmt_num(v)} {noun.split(' ', 1)[1]}"
    if noun in ("times", "billion yuan"):
        return f"{fmt_num(v)} {noun}"
    s = plural(int(v), noun) if float(v).is_integer() else f"{fmt_num(v)} {noun}s"
    return s


def in_chinese(value: float, unit: str) -> str:
    """The article's figure in its own unit, the Chinese way: 114 亿元 -> '114 亿元'; 2 名 -> '第 2 名'; 90 % ->
    '90%' (no thousands separator below 10,000: '3000 万美元')."""
    num = fmt_num(value)
    if abs(float(value)) < 10_000:
        num = num.replace(",", "")
    if unit == "名":
        # TRANSLATORS: a rank ("rank 2"); {n} is the number
        return tr(zh("rank {n}"), "zh_CN").format(n=num)
    if unit == "%":
        return f"{num}%"
    return f"{num} {unit}"


# TRANSLATORS: a claim with no number: a standing ("among the highest", "the first")
NO_NUMBER = zh("a standing, with no number")


def stated_text(claim_id: str) -> str:
    """The stated value in words: '4 years', 'more than US$30 million' (a Words: Chinese '4 年', '超过 3000
    万美元', in the article's own units)."""
    c = claim(claim_id)
    if pd.isna(c["stated_value"]):
        return say(NO_NUMBER)
    value, unit = float(c["stated_value"]), c["stated_unit"]
    text = Words(in_english(value, unit), {lang: in_chinese(value, unit) for lang in LANGUAGES})
    return names.qualified(c["qualifier"], text)


# TRANSLATORS: the period of a claim about the state of things when the article appeared; {date} is a date
AS_OF_ARTICLE = zh("as of the article ({date})")


def period_text(c: pd.Series) -> str:
    """The period a claim is about: '2021', '23rd edition', 'as of the article (2022-09-30)' (a Words)."""
    p = c["period"]
    if p.startswith("ed"):
        return names.edition(p)
    if p.startswith(".."):
        return say(AS_OF_ARTICLE, date=names.date_words(p[2:]))
    return names.date_words(p)


def article_citation(lang: str = "en") -> str:
    """The article as a reference to its entry on the methods page (in Chinese: the outlet's Chinese name and
    the date the Chinese way)."""
    if lang == "en":
        return f"{{ref}}`{ARTICLE['outlet']}, {ARTICLE['date']}, 《{ARTICLE['title']}》 <{ARTICLE_REF}>`"
    outlet = ARTICLE["outlet"].split(" (")[0]
    date = names.date_words(ARTICLE["date"])
    return f"{{ref}}`《{outlet}》，{in_lang(date, lang)}，《{ARTICLE['title']}》 <{ARTICLE_REF}>`"


# TRANSLATORS: after a verdict nothing settles; {record} names the public record and who publishes it
RECORD = zh("The record that would settle it: {record}; its text was not among the stored pages we could read.")


def record_sentence(v: Verdict, lang: str = "en") -> str:
    """Where nothing settles a claim: the public record that would, and that its text was not available."""
    from .verdicts import CONFIRMED, DIFFERS

    if not v.record or v.label in (CONFIRMED, DIFFERS):
        return ""
    return tr(RECORD, lang).format(record=in_lang(v.record, lang))


def printed_label(printed: str) -> str:
    """The figure as the article prints it (a short Chinese label from the claims ledger), marked as Chinese
    for screen readers and the CJK font; '' where the ledger has none."""
    if not printed or printed != printed:  # empty or NaN
        return ""
    return f'<span class="printed-zh" lang="zh-Hans">{printed}</span>'


def claim_box(claim_id: str, extra: str = "") -> None:
    """The claim as the article makes it (paraphrased, paragraph, stated value, link to the article) and,
    right under it, the bottom line: verdict, strength, coverage and why. ``extra``: one computed sentence
    the reader needs in the box (e.g. a conflict between sources)."""
    c = claim(claim_id)
    v = verdict(claim_id)
    key = claim_id.replace("-", "_")
    glue(f"{key}_stated", stated_text(claim_id))
    glue(f"{key}_paragraph", int(c["paragraph"]))
    printed = c["printed_zh"] if isinstance(c["printed_zh"], str) else ""
    glue(f"{key}_printed_zh", printed)
    label, strength, summary = verdict_glue_words(v)
    glue(f"{key}_verdict", label)
    glue(f"{key}_strength", strength)
    glue(f"{key}_coverage", v.coverage)
    glue(f"{key}_summary", summary)
    glue(f"{key}_why", v.reason)
    # the box in every edition (helpers.i18n): English shown, Chinese in the output's metadata
    show_markdown(claim_box_texts(claim_id, extra))


def verdict_box(claim_id: str) -> None:
    show_markdown(verdict_texts(claim_id))


def bullet_list(items) -> None:
    """A bullet list, in every edition (items that are Words in their edition's words)."""
    items = list(items)
    show_markdown({lang: "\n".join(f"- {in_lang(i, lang)}" for i in items) for lang in ("en", *LANGUAGES)})


def page_title(notebook: str) -> str:
    """The first heading of a chapter page (a notebook path relative to the repository root)."""
    import json

    from .paths import repo_root
    from .reads import note_read

    note_read(f"title:{notebook}")
    nb = json.loads((repo_root() / notebook).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError(f"{notebook} has no page title (a '# ' heading)")


def page_title_in(notebook: str, lang: str) -> str:
    """A chapter page's title in edition ``lang``: its translation in the page's catalog
    (locales/<lang>/LC_MESSAGES/chapters/….po), or the English title where it has none."""
    title = page_title(notebook)
    if lang == "en":
        return title
    return _page_catalog(notebook, lang).get(title) or title


def _page_catalog(notebook: str, lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    from .i18n import LOCALES
    from .reads import note_read

    path = LOCALES / lang / "LC_MESSAGES" / (notebook.removesuffix(".ipynb") + ".po")
    note_read(f"file:{path.relative_to(LOCALES.parent).as_posix()}")
    if not path.exists():
        return {}
    with path.open("rb") as f:
        cat = read_po(f)
    return {m.id: m.string for m in cat if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


def page_link(notebook: str) -> str:
    """A link to a chapter page by its title, valid from any page of the book (a Words: in Chinese the link
    has no text of its own, so the Chinese build shows the page's translated title)."""
    doc = "/" + notebook.removesuffix(".ipynb")
    return Words(f"{{doc}}`{page_title(notebook)} <{doc}>`", dict.fromkeys(LANGUAGES, f"{{doc}}`{doc}`"))


# TRANSLATORS: a count of claims with one verdict ("2 consistent"), in a list such as "1 differs, 2 consistent
# and 1 cannot be checked — …"; {verdict} is the verdict's words
VERDICT_COUNT = zh("{n} {verdict}")


def verdict_counts_sentence(vt: pd.DataFrame) -> str:
    """'1 confirmed independently, 2 consistent and 1 cannot be checked' from a verdict table (a Words)."""
    from .i18n import listing
    from .verdicts import LABELS

    counts = vt["verdict"].value_counts()
    return listing(say(VERDICT_COUNT, n=int(counts[l]), verdict=verdict_words(l)) for l in LABELS if l in counts)


def verdict_words(label: str) -> str:
    """A verdict label as a Words (its Chinese from helpers.po: '不符', '相符', …)."""
    return say(label)


# the verdict tables' column headers (helpers.tables.markdown_table shows each edition's)
# TRANSLATORS: column header: the article's paragraph
H_PARA = zh("Para.")
# TRANSLATORS: column header: the claim in our words, then the figure as the article prints it
H_CLAIM = zh("Claim (paraphrased; as printed)")
# TRANSLATORS: column header
H_VERDICT = zh("Verdict")
# TRANSLATORS: column header: the reason for the verdict
H_WHY = zh("Why")
# TRANSLATORS: column header: the page that checks the claim
H_PAGE = zh("Page")


def known(value):
    """``value`` as a Words: itself, or the Words this process made with that English (a table's cell may
    have lost its type to pandas), or the plain value when no edition is known."""
    from .i18n import KNOWN

    if isinstance(value, Words) or not isinstance(value, str):
        return value
    return Words(value, KNOWN[value]) if value in KNOWN else value


def claim_words(claim_id: str, en: str, printed: str = "") -> str:
    """A claim paraphrased (the ledger's claim_en / claim_zh), with the figure as printed after it."""
    c = claim(claim_id)
    zh_ = c["claim_zh"] if isinstance(c.get("claim_zh"), str) and c["claim_zh"] else en
    label = printed_label(printed)
    return Words(f"{en} {label}".strip(), dict.fromkeys(LANGUAGES, f"{zh_} {label}".strip()))


def row_verdict(r) -> Verdict:
    """The verdict of a row of ``checks.verdict_table`` (label, reason, strength, coverage, record), shown
    with the same qualifiers as the row's own (``qualifiers``), without running the check again."""
    from .verdicts import CONSISTENT, DOUBTFUL

    strength = f"{r['strength']} evidence" if r["verdict"] in (CONSISTENT, DOUBTFUL) else ""
    coverage_shown = bool(r["qualifiers"]) and r["qualifiers"] != strength
    return Verdict(
        r["verdict"],
        known(r["why"]),
        r["strength"],
        known(r["coverage"]),
        total=2 if coverage_shown else 1,
        record=known(r["record"]),
    )


def verdict_cell(v: Verdict, qualifiers: str | None = None) -> str:
    """The verdict as a badge with strength and coverage where they add to it (a Words); ``qualifiers``: the
    English ones as a verdict table holds them."""
    from . import i18n

    q = v.qualifiers() if qualifiers is None else qualifiers
    en = v.badge() + (f" ({q})" if q else "")
    out = {}
    for lang in LANGUAGES:
        qz = i18n.qualifiers(v, lang)
        out[lang] = i18n.badge(v.label, v.css, lang) + (f"（{qz}）" if qz else "")
    return Words(en, out)


def why_words(v: Verdict) -> str:
    """The reason as a sentence, with the record that would settle the claim (a Words)."""
    why = str(v.reason)
    text = why[:1].upper() + why[1:].rstrip(".") + "."
    rec = record_sentence(v)
    out = {}
    for lang in LANGUAGES:
        zrec = record_sentence(v, lang)
        out[lang] = str(in_lang(v.reason, lang)).rstrip(".。") + "。" + zrec
    return Words(text + (f" {rec}" if rec else ""), out)


def verdict_summary(vt: pd.DataFrame) -> pd.DataFrame:
    """A verdict table for readers: paragraph, claim, the verdict as a badge with strength and coverage only
    where they add to it, why in a sentence (with the record that would settle the claim), page by title.
    Headers are catalog templates and cells Words: ``helpers.tables.show_table`` shows each edition's."""
    rows = [r for _, r in vt.iterrows()]
    verdicts = [row_verdict(r) for r in rows]
    cells = [verdict_cell(v, r["qualifiers"]) for v, r in zip(verdicts, rows)]

    def col(values):
        return pd.Series(values, index=vt.index, dtype=object)

    return pd.DataFrame(
        {
            H_PARA: vt["paragraph"],
            H_CLAIM: col([claim_words(r["claim_id"], r["claim"], r["printed_zh"]) for r in rows]),
            H_VERDICT: col(cells),
            H_WHY: col([why_words(v) for v in verdicts]),
            H_PAGE: col([page_link(p) for p in vt["page"]]),
        }
    )


def glue_verdicts(claim_ids) -> None:
    """Glue ``<key>_verdict`` for claims a page checks in a table rather than in a claim box each, so that
    the front page's scorecard can be tested against every page's own verdict."""
    for cid in claim_ids:
        glue(f"{cid.replace('-', '_')}_verdict", verdict_glue_words(verdict(cid))[0])


def significant_digits(stated: float) -> int:
    """Significant digits of a figure as printed (a round 3000 has one; 422 has three; 1.7 has two)."""
    from decimal import Decimal

    return max(1, len(Decimal(repr(float(stated))).normalize().as_tuple().digits))


def round_to_inputs(value: float, *inputs: float) -> float:
    """``value`` rounded to the fewest significant digits among the printed figures it is derived from:
    a figure worked out from 'over 30 million' and 422 is not known to the dollar."""
    import math

    if value == 0:
        return 0.0
    n = min(significant_digits(x) for x in inputs)
    return round(value, n - 1 - int(math.floor(math.log10(abs(value)))))
