"""Small pieces of the legal pages' computed text in every edition (issue 25): lists joined edition by
edition, the word for nothing, award editions, multiples. Each returns a ``helpers.i18n.Words`` whose
English is exactly what the pages printed before."""

from __future__ import annotations

from .. import names as plain
from ..i18n import LANGUAGES, LIST_SEP, SOURCE, Words, in_lang, say, tr, zh

# TRANSLATORS: the separator between items of a list of statements or figures ("…; …")
SEMI = zh("; ")
# TRANSLATORS: between two alternative values ("5.85 or 5.86")
OR = zh(" or ")
# TRANSLATORS: a list with no item (no year, no edition, no count): "Years …: none"
NONE = zh("none")


def joined(items, sep: str = LIST_SEP, empty: str | None = None) -> Words:
    """``items`` (``Words`` or plain text) joined by the template ``sep`` in each edition ("2019, 2020" /
    "2019、2020"), with no "and"; ``empty`` (a template) when there are none."""
    items = list(items)
    if not items:
        return say(empty) if empty is not None else Words("", dict.fromkeys(LANGUAGES, ""))

    def one(lang):
        return tr(sep, lang).join(str(in_lang(i, lang)) for i in items)

    return Words(one(SOURCE), {lang: one(lang) for lang in LANGUAGES})


def years(ys, empty: str | None = NONE) -> Words:
    """'2011, 2018, 2019' / '2011、2018、2019'; 'none' / '无' for no year."""
    return joined((str(int(y)) for y in ys), LIST_SEP, empty)


def edition(n: int) -> Words:
    """An award edition: '23rd' / '第 23 届' (as ``names.ordinal`` prints it in English)."""
    # TRANSLATORS: an edition of the China Patent Award, {n} its number ("23rd" edition)
    return Words(plain.ordinal(int(n)), {lang: tr(zh("edition {n}"), lang).format(n=int(n)) for lang in LANGUAGES})


def editions(es) -> Words:
    """'15th, 19th, 20th' / '第 15 届、第 19 届、第 20 届'; 'none' / '无'."""
    return joined((edition(e) for e in es), LIST_SEP, NONE)


def times(v: float, spec: str = ".1f") -> str:
    """A multiple as the pages print it: '5.9×' (the same in every edition)."""
    return f"{v:{spec}}×"


def multiple_range(lo: float, hi: float, spec: str = ".1f", sign: str = "×") -> Words:
    """'5.5× to 6.5×' / '5.5× 至 6.5×'."""
    # TRANSLATORS: a range of values, lowest to highest ("1.4 to 9.4", "5.5× to 6.5×")
    return say(zh("{lo} to {hi}"), lo=f"{lo:{spec}}{sign}", hi=f"{hi:{spec}}{sign}")


# how many of a set of figures come from the claimant (a glued word in a sentence: "In all of these …")
SHARE_WORDS = {
    # TRANSLATORS: "In {all} of these (year-ends, editions) the figure comes from Shenzhen's own publications"
    "all": zh("all"),
    # TRANSLATORS: "In {some} of these (year-ends, editions) the figure comes from Shenzhen's own publications"
    "some": zh("some"),
}


def share_word(word: str) -> Words:
    return say(SHARE_WORDS[word])


def edition_long(n: int) -> Words:
    """'23rd edition' (as ``names.edition`` prints it) / '第 23 届'."""
    return Words(plain.edition(f"ed{int(n)}"), edition(n).editions)


def as_published(text: str) -> Words:
    """English text from the data that is not ours to translate (a note transcribed from a source, an outlet's
    name): the same words in every edition, marked as English in the others (``<span lang="en">``)."""
    text = str(text)
    return Words(text, {lang: f'<span lang="en">{text}</span>' if text else "" for lang in LANGUAGES})
