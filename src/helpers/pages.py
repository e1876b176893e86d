"""Page furniture shared by every chapter page: the claim box with its bottom line, the verdict box,
number formatting in plain English."""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown, display

from . import names
from .checks import verdict
from .evidence import ARTICLE, claim
from .gluing import glue
from .i18n import claim_box_texts, in_lang, show_markdown, tr, verdict_texts, zh
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


def stated_text(claim_id: str) -> str:
    c = claim(claim_id)
    if pd.isna(c["stated_value"]):
        return "a standing, with no number"
    return names.qualified(c["qualifier"], in_english(float(c["stated_value"]), c["stated_unit"]))


def period_text(c: pd.Series) -> str:
    p = c["period"]
    if p.startswith("ed"):
        return names.edition(p)
    if p.startswith(".."):
        return f"as of the article ({p[2:]})"
    return p


def article_citation() -> str:
    return f"{{ref}}`{ARTICLE['outlet']}, {ARTICLE['date']}, 《{ARTICLE['title']}》 <{ARTICLE_REF}>`"


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
    glue(f"{key}_verdict", v.label)
    glue(f"{key}_strength", v.strength)
    glue(f"{key}_coverage", v.coverage)
    glue(f"{key}_summary", v.summary())
    glue(f"{key}_why", v.reason)
    # the box in every edition (helpers.i18n): English shown, Chinese in the output's metadata
    show_markdown(claim_box_texts(claim_id, extra))


def verdict_box(claim_id: str) -> None:
    show_markdown(verdict_texts(claim_id))


def bullet_list(items) -> None:
    display(Markdown("\n".join(f"- {i}" for i in items)))


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


def page_link(notebook: str) -> str:
    """A link to a chapter page by its title, valid from any page of the book."""
    doc = "/" + notebook.removesuffix(".ipynb")
    return f"{{doc}}`{page_title(notebook)} <{doc}>`"


def verdict_counts_sentence(vt: pd.DataFrame) -> str:
    """'1 confirmed independently, 2 consistent and 1 cannot be checked' from a verdict table."""
    from .verdicts import LABELS

    counts = vt["verdict"].value_counts()
    parts = [f"{int(counts[l])} {l}" for l in LABELS if l in counts]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def verdict_summary(vt: pd.DataFrame) -> pd.DataFrame:
    """A verdict table for readers: paragraph, claim, the verdict as a badge with strength and coverage only
    where they add to it, why in a sentence (with the record that would settle the claim), page by title."""
    from .verdicts import Verdict

    def why(r) -> str:
        text = r["why"][:1].upper() + r["why"][1:].rstrip(".") + "."
        rec = record_sentence(Verdict(r["verdict"], r["why"], record=r["record"]))
        return text + (f" {rec}" if rec else "")

    return pd.DataFrame(
        {
            "Para.": vt["paragraph"],
            "Claim (paraphrased; as printed)": [
                f"{c} {printed_label(p)}".strip() for c, p in zip(vt["claim"], vt["printed_zh"])
            ],
            "Verdict": [
                Verdict(l, "").badge() + (f" ({q})" if q else "") for l, q in zip(vt["verdict"], vt["qualifiers"])
            ],
            "Why": [why(r) for _, r in vt.iterrows()],
            "Page": [page_link(p) for p in vt["page"]],
        }
    )


def glue_verdicts(claim_ids) -> None:
    """Glue ``<key>_verdict`` for claims a page checks in a table rather than in a claim box each, so that
    the front page's scorecard can be tested against every page's own verdict."""
    for cid in claim_ids:
        glue(f"{cid.replace('-', '_')}_verdict", verdict(cid).label)


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
