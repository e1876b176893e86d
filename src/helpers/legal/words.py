"""Small pieces of the legal pages' computed text in every edition (issue 25): lists joined edition by
edition, the word for nothing, award editions, multiples. Each returns a ``helpers.i18n.Words`` whose
English is exactly what the pages printed before."""

from __future__ import annotations

from ..chart_words import NONE, edition, joined
from ..i18n import LANGUAGES, LIST_SEP, Words, say, zh


def years(ys, empty: str | None = NONE) -> Words:
    """'2011, 2018, 2019' / '2011、2018、2019'; 'none' / '无' for no year."""
    return joined((str(int(y)) for y in ys), LIST_SEP, empty)


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


def as_published(text: str) -> Words:
    """English text from the data that is not ours to translate (a note transcribed from a source, an outlet's
    name): the same words in every edition, marked as English in the others (``<span lang="en">``)."""
    text = str(text)
    return Words(text, {lang: f'<span lang="en">{text}</span>' if text else "" for lang in LANGUAGES})
