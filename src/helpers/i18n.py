"""Computed text in both editions (issue 25): the helpers write every reader-facing text in English and in
Chinese in the same execution, so the two editions can never show different numbers.

- ``zh("…")`` marks an English template for extraction (``make zh-pot``: ``pybabel extract -k zh``); it
  returns the template unchanged, so English output does not change.
- ``tr(template, lang)`` is the template's translation from ``locales/<lang>/LC_MESSAGES/helpers.po`` (read
  with Babel; no compiled ``.mo``). A template with no translation (untranslated or fuzzy) falls back to
  English and is listed by ``missing()``; ``make check-zh`` fails on it.
- ``variants(template, **values)`` -> ``{"en": …, "zh_CN": …}``, each edition's template formatted with the
  same values.
- ``show_markdown({"en": …, "zh_CN": …})`` displays the English Markdown and stores the others in the
  output's metadata (``book_i18n``), with the digest of the catalog they were made from; ``book_site.i18n``
  swaps them in when it reads the page for ``language=zh_CN``.
- ``glue(key, en, editions={"zh_CN": …})`` (``helpers.gluing``) does the same for a glued value that is
  words ("18 years" / "18 年").
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

SOURCE = "en"
LANGUAGES = ("zh_CN",)  # the translated editions
DOMAIN = "helpers"
METADATA_KEY = "book_i18n"  # read by book_site.i18n
LOCALES = Path(__file__).resolve().parents[2] / "locales"

_missing: set[tuple[str, str]] = set()


def zh(template: str) -> str:
    """Mark ``template`` for the helpers' catalog; returns it unchanged (the English text)."""
    return template


class Words(str):
    """A computed phrase in English that knows its Chinese edition (``editions``): ``helpers.gluing.glue``
    glues it with that edition, so a translated paragraph reads "18 年", not "18 years"."""

    editions: dict[str, str]

    def __new__(cls, en: str, editions: dict[str, str]):
        w = super().__new__(cls, en)
        w.editions = editions
        KNOWN.setdefault(str(en), editions)  # so text that lost its type (a chart's label) can be looked up
        return w


# every Words made in this process, by its English: a chart's Text artist holds a plain str, and the Chinese
# twin of the chart finds each text's edition here (``edition_of``)
KNOWN: dict[str, dict[str, str]] = {}


def edition_of(text: str, lang: str) -> str | None:
    """The ``lang`` edition of a text that was made as ``Words`` or is a template in the catalog, or that has
    no letters (numbers, years, percentages, punctuation: the same in every edition); None if unknown."""
    import re

    if lang == SOURCE or not re.search(r"[A-Za-z]", text):
        return text
    if text in KNOWN and lang in KNOWN[text]:
        return KNOWN[text][lang]
    return catalog(lang).get(text)


def in_lang(value, lang: str):
    """``value`` as edition ``lang`` shows it: a ``Words``' edition, anything else as it is."""
    if lang != SOURCE and isinstance(value, Words):
        return value.editions.get(lang, str(value))
    return value


def say(template: str, /, **values) -> Words:
    """A sentence or phrase made from an English ``template`` (marked for the catalog: call as
    ``say(zh("…"), …)``) in every edition: English ``template.format(**values)``, and each translated
    edition's template formatted with the same values, each ``Words`` value in that edition's words.
    ``say(zh("{a} of {b}"), a=2, b=plural(5, "year"))`` -> '2 of 5 years', zh '2 / 5 年'."""
    en = template.format(**{k: (str(v) if isinstance(v, Words) else v) for k, v in values.items()})
    editions = {
        lang: spaced(tr(template, lang).format(**{k: in_lang(v, lang) for k, v in values.items()}))
        for lang in LANGUAGES
    }
    return Words(en, editions)


_CJK_LATIN = None


def spaced(text: str) -> str:
    """A space between Chinese characters and digits or Latin letters where a value put them side by side
    ('给出2 个部分' -> '给出 2 个部分'), as the book's translated prose writes them ('18 年', '第 23 届')."""
    global _CJK_LATIN
    import re

    if _CJK_LATIN is None:
        cjk = "\u3400-\u4dbf\u4e00-\u9fff"
        _CJK_LATIN = (re.compile(f"([{cjk}])([A-Za-z0-9])"), re.compile(f"([A-Za-z0-9])([{cjk}])"))
    a, b = _CJK_LATIN
    return b.sub(r"\1 \2", a.sub(r"\1 \2", text))


def both(en: str, **editions: str) -> Words:
    """Words given in each edition directly (from a data column such as ``claim_zh``): ``both(en,
    zh_CN=zh)``; an edition not given is English, and listed by ``missing()``."""
    for lang in LANGUAGES:
        if not editions.get(lang):
            _missing.add((lang, en))
    return Words(en, {lang: editions.get(lang) or en for lang in LANGUAGES})


# TRANSLATORS: how a list ends: "{head} and {last}" ("2019, 2020 and 2021")
AND = zh("{head} and {last}")
# TRANSLATORS: the separator between list items before the last ("2019, 2020")
LIST_SEP = zh(", ")


def listing(items) -> Words:
    """'2019', '2019 and 2020', '2019, 2020 and 2021', in each edition (items may be ``Words``)."""
    items = list(items)
    if not items:
        raise ValueError("listing() needs at least one item")

    def one(lang):
        words = [str(in_lang(i, lang)) for i in items]
        if len(words) == 1:
            return words[0]
        return tr(AND, lang).format(head=tr(LIST_SEP, lang).join(words[:-1]), last=words[-1])

    return Words(one(SOURCE), {lang: one(lang) for lang in LANGUAGES})


def cat(*parts) -> Words:
    """Parts (``Words`` or plain strings) joined edition by edition."""
    return Words(
        "".join(str(p) for p in parts), {lang: "".join(str(in_lang(p, lang)) for p in parts) for lang in LANGUAGES}
    )


_ENGLISH_RUN = None


def english_left(text: str) -> list[str]:
    """Runs of three or more English words in a Chinese edition's text (what a reader of Chinese would have
    to read in English); Markdown link targets, roles' targets and HTML tags are ignored, and so is text a
    Chinese edition marks as English on purpose (a source's published title: ``<span lang="en">…</span>``)."""
    global _ENGLISH_RUN
    import re

    if _ENGLISH_RUN is None:
        _ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’.-]*(?:[ ,;:]+[A-Za-z][A-Za-z'’.-]*){2,}")
    text = re.sub(r'<span lang="en">.*?</span>', " ", text, flags=re.S)
    text = re.sub(r"^:[\w-]+:.*$", " ", text, flags=re.M)  # a directive's options (:class: note claim-box)
    text = re.sub(r"<[^>]+>|\]\([^)]*\)|<[^>]*>`|`[^`]*`", " ", text)
    return _ENGLISH_RUN.findall(text)


def editions_of(value) -> dict[str, str]:
    """``{"en": …, "zh_CN": …}`` for a value (a ``Words`` or a plain string shown alike in every edition)."""
    return {lang: str(in_lang(value, lang)) for lang in (SOURCE, *LANGUAGES)}


# TRANSLATORS: a count and its noun ({n} is the number, already formatted), as helpers.verdicts.plural writes it
PLURALS = {
    "claims": zh("{n} claims"),
    "corrections": zh("{n} corrections"),
    "dated events": zh("{n} dated events"),
    "dated service platforms": zh("{n} dated service platforms"),
    "dated totals": zh("{n} dated totals"),
    "editions": zh("{n} editions"),
    "figures": zh("{n} figures"),
    "files": zh("{n} files"),
    "firms": zh("{n} firms"),
    "firsts": zh("{n} firsts"),
    "gold awards": zh("{n} gold awards"),
    "investigations": zh("{n} investigations"),
    "items": zh("{n} items"),
    "months": zh("{n} months"),
    "more columns": zh("{n} more columns"),
    "other values": zh("{n} other values"),
    "pairs": zh("{n} pairs"),
    "plan targets": zh("{n} plan targets"),
    "quantitative claims": zh("{n} quantitative claims"),
    "rows": zh("{n} rows"),
    "single products": zh("{n} single products"),
    "sources": zh("{n} sources"),
    "stated shares": zh("{n} stated shares"),
    "statements": zh("{n} statements"),
    "targets": zh("{n} targets"),
    "totals": zh("{n} totals"),
    "unattributed web pages": zh("{n} unattributed web pages"),
    "values": zh("{n} values"),
    "years": zh("{n} years"),
    "cities": zh("{n} cities"),
    "bodies": zh("{n} bodies"),
    "parts": zh("{n} parts"),
    "cases": zh("{n} cases"),
    "groups": zh("{n} groups"),
    "designations": zh("{n} designations"),
}


def count_words(n: int, noun_plural: str, en: str) -> Words:
    """``en`` ("18 years") with its edition in each language, from the template for ``noun_plural``."""
    template = PLURALS.get(noun_plural)
    if template is None:  # a noun with no template: English in every edition, and make check-zh says so
        _missing.update((lang, "{n} " + noun_plural) for lang in LANGUAGES)
        return Words(en, dict.fromkeys(LANGUAGES, en))
    editions = {lang: tr(template, lang).format(n=f"{n:,}") for lang in LANGUAGES}
    return Words(en, editions)


def catalog_path(lang: str, root: Path | None = None) -> Path:
    return (root or LOCALES) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalog(lang: str) -> dict[str, str]:
    """``{msgid: msgstr}`` for the translated, non-fuzzy entries of the helpers' catalog."""
    from babel.messages.pofile import read_po

    path = catalog_path(lang)
    if not path.exists():
        return {}
    with path.open("rb") as f:
        cat = read_po(f)
    return {m.id: m.string for m in cat if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


@cache
def catalog_digest(lang: str) -> str:
    """Digest of the translations in use: a notebook's variants made from an older catalog are stale."""
    items = sorted(catalog(lang).items())
    return hashlib.sha256(repr(items).encode()).hexdigest()[:16]


def tr(template: str, lang: str) -> str:
    """The ``lang`` edition of an English template (English itself for ``en``, or when untranslated)."""
    if lang == SOURCE:
        return template
    text = catalog(lang).get(template)
    if text is None:
        _missing.add((lang, template))
        return template
    return text


def missing() -> list[tuple[str, str]]:
    """The (language, template) pairs ``tr`` found no translation for in this process."""
    return sorted(_missing)


def variants(template: str, /, **values) -> dict[str, str]:
    """``{"en": template.format(**values), "zh_CN": tr(template, "zh_CN").format(**values)}``."""
    return {lang: tr(template, lang).format(**values) for lang in (SOURCE, *LANGUAGES)}


def each(*parts) -> dict[str, str]:
    """Join per-edition texts (dicts from ``variants``) and plain strings, edition by edition."""
    out = {}
    for lang in (SOURCE, *LANGUAGES):
        out[lang] = "".join(p[lang] if isinstance(p, dict) else str(p) for p in parts)
    return out


def i18n_metadata(texts: dict[str, str], mime: str = "text/markdown") -> dict:
    """The output metadata that carries the translated editions of an output."""
    return {
        METADATA_KEY: {
            **{lang: {mime: texts[lang]} for lang in LANGUAGES if lang in texts},
            "catalog": {lang: catalog_digest(lang) for lang in LANGUAGES if lang in texts},
        }
    }


def show_markdown(texts: dict[str, str]) -> None:
    """Display ``texts["en"]`` as Markdown, with the other editions in the output's metadata."""
    from IPython.display import Markdown, display

    display(Markdown(texts[SOURCE]), metadata=i18n_metadata(texts))


# --- the claim box, in both editions --------------------------------------------------------------------
# A wrapper beside helpers.pages (owned by the site branch, refactored now): it renders the English box with
# pages.claim_box's own text, and the Chinese one from the templates below. A later pass moves these into
# pages.claim_box / verdict_box themselves (see the zh report).

# TRANSLATORS: verdict words, in the order of the rule (helpers/verdicts.py). Defined on the Chinese methods
# page; keep them identical everywhere (badges, tables, tallies).
VERDICT_ZH_TEMPLATES = (
    # TRANSLATORS: verdict: countable independent evidence contradicts a part of the claim
    zh("differs"),
    # TRANSLATORS: verdict: every part is shown by an independent figure
    zh("confirmed independently"),
    # TRANSLATORS: verdict: no independent evidence against it, but the claimant's own published records
    # contradict the claim. Not "存疑" alone (sounds like a suspicion of the checker): the reason is said.
    zh("doubtful — the claimant's own records disagree"),
    # TRANSLATORS: verdict: independent evidence supports some parts and contradicts none
    zh("consistent"),
    # TRANSLATORS: verdict: only the claimant's own publications give the figure
    zh("matches the claimant's own figures"),
    # TRANSLATORS: verdict: nothing found, but a named public record would settle it. "未获证实" (not yet
    # confirmed), not "不实" (false): the claim is not judged wrong.
    zh("not verified — a public record would settle it"),
    # TRANSLATORS: verdict: nothing found and no public record covers the claim
    zh("cannot be checked — no public record covers it"),
    # TRANSLATORS: verdict: a figure derived from the article's own numbers
    zh("arithmetic only"),
)

LABELS = {
    # TRANSLATORS: title of the claim box; {n} is the article's paragraph number
    "claim": zh("The claim · article paragraph {n}"),
    # TRANSLATORS: title of the verdict box under the claim
    "bottom": zh("Bottom line"),
    # TRANSLATORS: the figure as the article prints it (followed by the Chinese original)
    "printed": zh("As printed: {printed}"),
    # TRANSLATORS: the stated value, in bold
    "stated": zh("Stated: **{stated}**"),
    # TRANSLATORS: the period the claim is about
    "period": zh("period: {period}"),
    # TRANSLATORS: the article, as a reference
    "source": zh("source: {source}"),
    # TRANSLATORS: before the verdict sentence at the end of a page
    "verdict": zh("Verdict: {verdict}"),
    # TRANSLATORS: strength of the evidence, after the verdict word
    "strength": zh("{strength} evidence"),
}

STRENGTH_ZH_TEMPLATES = (
    # TRANSLATORS: strength of evidence
    zh("strong"),
    # TRANSLATORS: strength of evidence
    zh("moderate"),
    # TRANSLATORS: strength of evidence
    zh("weak"),
)


def verdict_word(label: str, lang: str) -> str:
    return tr(label, lang)


def badge(label: str, css: str, lang: str) -> str:
    return f'<span class="verdict {css}">{verdict_word(label, lang)}</span>'


def qualifiers(v, lang: str) -> str:
    """``Verdict.qualifiers`` in ``lang``: the strength word is translated; the coverage phrase is still
    English (made by the checks; a later pass templates it)."""
    strength, coverage = v.shown_qualifiers()
    bits = (strength and tr(LABELS["strength"], lang).format(strength=tr(strength, lang)), in_lang(coverage, lang))
    return ("；" if lang != SOURCE else "; ").join(b for b in bits if b)


def bottom_line(v, lang: str) -> str:
    """The verdict as sentences, in ``lang``: the label as a coloured badge, strength and coverage only where
    they add to it, the reason, and the record that would settle the claim where there is one (the reason and
    the settling record are still English)."""
    from .pages import record_sentence

    q = qualifiers(v, lang)
    r = str(in_lang(v.reason, lang)).rstrip(".。")
    if lang == SOURCE:
        text = f"{badge(v.label, v.css, lang)}{f' ({q})' if q else ''}. {r[:1].upper() + r[1:]}."
    else:
        text = f"{badge(v.label, v.css, lang)}{f'（{q}）' if q else ''}。{r}。"
    rec = record_sentence(v, lang)
    return text + (f" {rec}" if rec else "")


def claim_box_texts(claim_id: str, extra: str = "") -> dict[str, str]:
    """The claim box of ``helpers.pages.claim_box`` in every edition (the English one is identical, which a
    test asserts). Chinese: title, labels and verdict word from helpers.po; the claim's paraphrase from the
    ledger's ``claim_zh``; the stated value ('超过 3000 万美元') and period ('截至文章发表时（2022 年 9 月 30 日）') as
    ``pages.stated_text`` / ``period_text`` write them in Chinese; the article cited by its Chinese name."""
    from .checks import verdict
    from .evidence import claim
    from .pages import article_citation, period_text, printed_label, stated_text

    c = claim(claim_id)
    v = verdict(claim_id)
    printed = c["printed_zh"] if isinstance(c["printed_zh"], str) else ""
    stated, period = stated_text(claim_id), period_text(c)  # Words: each edition in its own words
    out = {}
    for lang in (SOURCE, *LANGUAGES):
        t = {k: tr(tmpl, lang) for k, tmpl in LABELS.items()}
        sep = " · "
        body = c["claim_en"] if lang == SOURCE or not isinstance(c.get("claim_zh"), str) else c["claim_zh"]
        out[lang] = (
            f":::{{admonition}} {t['claim'].format(n=int(c['paragraph']))}\n:class: note claim-box\n\n"
            f"{body}\n\n"
            + (t["printed"].format(printed=printed_label(printed)) + sep if printed else "")
            + t["stated"].format(stated=in_lang(stated, lang))
            + sep
            + t["period"].format(period=in_lang(period, lang))
            + sep
            + t["source"].format(source=article_citation(lang))
            + "\n:::\n\n"
            f":::{{admonition}} {t['bottom']}\n:class: tip bottom-line bottom-line-{v.short}\n\n"
            f"{bottom_line(v, lang)}" + (f"\n\n{in_lang(extra, lang)}" if extra else "") + "\n:::"
        )
    return out


def verdict_glue_words(v) -> tuple[Words, Words, Words]:
    """The verdict's label, strength and summary ('consistent (weak evidence; …)') as Words, for glue."""
    label = Words(v.label, {lang: tr(v.label, lang) for lang in LANGUAGES})
    strength = Words(v.strength, {lang: tr(v.strength, lang) for lang in LANGUAGES})

    def summary(lang):
        q = qualifiers(v, lang)
        return f"{tr(v.label, lang)}（{q}）" if q else tr(v.label, lang)

    return label, strength, Words(v.summary(), {lang: summary(lang) for lang in LANGUAGES})


def verdict_texts(claim_id: str) -> dict[str, str]:
    """``pages.verdict_box`` in every edition."""
    from .checks import verdict

    v = verdict(claim_id)
    return {lang: tr(LABELS["verdict"], lang).format(verdict=bottom_line(v, lang)) for lang in (SOURCE, *LANGUAGES)}


__all__ = [
    "LANGUAGES",
    "Words",
    "both",
    "cat",
    "edition_of",
    "editions_of",
    "english_left",
    "in_lang",
    "listing",
    "say",
    "METADATA_KEY",
    "catalog",
    "catalog_digest",
    "claim_box_texts",
    "each",
    "i18n_metadata",
    "missing",
    "show_markdown",
    "tr",
    "variants",
    "verdict_texts",
    "zh",
]
