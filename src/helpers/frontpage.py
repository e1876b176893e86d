"""The front page's scorecard: every claim with its verdict (from :mod:`helpers.checks`, the same checks
the pages run), linked to its page by the page's title."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .checks import verdict_table
from .i18n import AND, LANGUAGES, LIST_SEP, SOURCE, Words, in_lang, say, tr, zh
from .pages import page_title, page_title_in
from .paths import repo_root
from .reads import note_read
from .verdicts import Verdict

EDITIONS = (SOURCE, *LANGUAGES)

SECTIONS = {
    # TRANSLATORS: the article's sections, short (chart labels, tables)
    "intro": zh("Introduction"),
    "legal": zh("Legal foundation"),
    "finance": zh("Finance"),
    "protection": zh("Protection system"),
    "outlook": zh("Outlook"),
}
SECTIONS = {k: say(v) for k, v in SECTIONS.items()}  # Words: each knows its Chinese


def toc_files(root: Path | None = None) -> set[str]:
    """Files listed in ``_toc.yml`` (without extension), e.g. 'chapters/legal/01-patent-grants'."""
    root = root or repo_root()
    note_read("file:_toc.yml")
    text = (root / "_toc.yml").read_text(encoding="utf-8")
    return set(re.findall(r"(?:file|root):\s*(\S+)", text))


def has_page(notebook: str, root: Path | None = None) -> bool:
    root = root or repo_root()
    note_read(f"title:{notebook}")
    return bool(notebook) and (root / notebook).is_file() and str(Path(notebook).with_suffix("")) in toc_files(root)


def scorecard() -> pd.DataFrame:
    """verdict_table() with, for each claim, its verdict badge, the page's title and a relative link."""
    vt = verdict_table()
    vt["badge"] = [Verdict(label, "").badge() for label in vt["verdict"]]
    titles = [page_title(p) if has_page(p) else "" for p in vt["page"]]
    vt["title"] = pd.Series(titles, index=vt.index, dtype=object)
    vt["href"] = [str(Path(p).relative_to("chapters")) if t else "" for p, t in zip(vt["page"], titles)]
    return vt


def glue_key(claim_id: str) -> str:
    return claim_id.replace("-", "_")


# ------------------------------------------------------------------------------------------ findings
def short_title(notebook: str, lang: str = SOURCE) -> str:
    """A page's title before its colon, without a leading 'The': 'Patent grants', 'Rule book' (in a translated
    edition: the page's translated title before its colon)."""
    if lang != SOURCE:
        return re.split(r"[:：]", page_title_in(notebook, lang))[0].strip()
    t = page_title(notebook).split(":")[0].strip()
    t = t[4:] if t.startswith("The ") else t
    return t[:1].upper() + t[1:]


def _page_links(rows: pd.DataFrame) -> Words:
    """The pages of ``rows`` (in the article's order, each once) as links by short title: 'A, B and C' (a
    Words: each edition's titles)."""
    pages = [p for p in dict.fromkeys(rows["page"]) if has_page(p)]

    def one(lang):
        links = [f"{{doc}}`{short_title(p, lang)} </{p.removesuffix('.ipynb')}>`" for p in pages]
        if not links:
            return ""
        return (
            links[0]
            if len(links) == 1
            else tr(AND, lang).format(head=tr(LIST_SEP, lang).join(links[:-1]), last=links[-1])
        )

    return Words(one(SOURCE), {lang: one(lang) for lang in LANGUAGES})


# the findings, one sentence each (a test compares the English with the verdicts)
# TRANSLATORS: finding: {figures} is "33 figures"
F_NONE = zh("Independent data supports none of the article's {figures}.")
# TRANSLATORS: finding: {k} a number, {figures} "33 figures", {part} how many only in part (", and only in
# part" / ", 1 of them only in part" or nothing), {links} the pages
F_SUPPORTS = zh("Independent data supports {k} of the article's {figures}{part}: {links}.")
# TRANSLATORS: finding, after "supports 2 of the article's 33 figures" when none is fully confirmed
F_ONLY_IN_PART = zh(", and only in part")
# TRANSLATORS: finding, after "supports 3 of the article's 33 figures" ({k}: how many of them)
F_SOME_IN_PART = zh(", {k} of them only in part")
F_DIFFERS = zh("Independent data contradicts {k}: {links}.")
F_DOUBTFUL = zh("Shenzhen's own records contradict {k}: {links}.")
F_CLAIMANT = zh("Only Shenzhen's own publications back {k}: {links}.")
F_NOT_VERIFIED = zh("A named public record would settle {k}, but it was not available to us: {links}.")
F_UNCHECKABLE = zh("No public record covers {k}, so nobody outside Shenzhen can check them: {links}.")


def findings(sc: pd.DataFrame) -> list[str]:
    """What the report found, as plain sentences computed from the verdicts, each linking the pages that
    check the claims it speaks of: what independent data supports, what independent data contradicts,
    what Shenzhen's own records contradict, what rests only on Shenzhen's own publications, what a named
    public record would settle and what no public record covers. A group with no claim is left out, except
    the first: that independent data supports none is itself a finding. Each a Words."""
    from .verdicts import CLAIMANT_ONLY, CONFIRMED, CONSISTENT, DIFFERS, DOUBTFUL, NOT_VERIFIED, UNCHECKABLE, plural

    n = len(sc)
    of = lambda labels: sc[sc["verdict"].isin(labels)]  # noqa: E731
    out = []
    sup = of((CONFIRMED, CONSISTENT))
    full = int((sup["verdict"] == CONFIRMED).sum())
    figures = plural(n, "figure")
    if sup.empty:
        out.append(say(F_NONE, figures=figures))
    else:
        part = "" if full == len(sup) else say(F_ONLY_IN_PART) if full == 0 else say(F_SOME_IN_PART, k=len(sup) - full)
        out.append(say(F_SUPPORTS, k=len(sup), figures=figures, part=part, links=_page_links(sup)))
    groups = [
        ((DIFFERS,), F_DIFFERS),
        ((DOUBTFUL,), F_DOUBTFUL),
        ((CLAIMANT_ONLY,), F_CLAIMANT),
        ((NOT_VERIFIED,), F_NOT_VERIFIED),
        ((UNCHECKABLE,), F_UNCHECKABLE),
    ]
    for labels, sentence in groups:
        rows = of(labels)
        if len(rows):
            out.append(say(sentence, k=len(rows), links=_page_links(rows)))
    return out


def findings_blocks(sc: pd.DataFrame) -> dict[str, str]:
    """The findings as a MyST block for the top of the front page, in every edition."""
    found = findings(sc)
    return {
        lang: ":::{container} findings\n\n" + "\n".join(f"- {in_lang(f, lang)}" for f in found) + "\n\n:::"
        for lang in EDITIONS
    }


def findings_block(sc: pd.DataFrame, lang: str = SOURCE) -> str:
    """The findings as a MyST block for the top of the front page."""
    return findings_blocks(sc)[lang]


# ------------------------------------------------------------------------------------------ scorecard
def first_clause(text: str) -> str:
    """A reason's first clause, up to the first semicolon outside brackets: the scorecard's one line why (the
    claim's page gives the whole reason)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "(（[" and 1 or (ch in ")）]" and -1 or 0)
        if ch in ";；" and depth == 0:
            return text[:i]
    return text


# TRANSLATORS: the scorecard's coverage of a doubtful verdict that concerns the whole claim
WHOLE_CLAIM = zh("the claim as a whole")


def coverage_words(label: str, coverage: str) -> str:
    """The coverage as the scorecard's muted line, without the words the verdict badge beside it already says
    ('the claimant's own records disagree for 1 of 4 years: 2018' under *doubtful — the claimant's own
    records disagree* reads '1 of 4 years: 2018'). A Words where the coverage is one (in Chinese the part
    after the badge's words reads '涉及 4 年中的 1 个：2018')."""
    from .pages import known
    from .verdicts import DOUBTFUL, NOT_VERIFIED, UNCHECKABLE

    coverage = known(coverage)
    if label == DOUBTFUL:
        rest = coverage.removeprefix("the claimant's own records disagree").strip()
        if rest.startswith("for "):
            short = getattr(coverage, "short", None)
            return Words(rest[4:], short.editions) if isinstance(short, Words) else rest[4:]
        return say(WHOLE_CLAIM) if rest in ("", "with the claim") else rest
    if label in (NOT_VERIFIED, UNCHECKABLE) and coverage.startswith("no evidence found"):
        return say(zh("no evidence found"))
    return coverage


# the scorecard's column headers
# TRANSLATORS: column header: the article's paragraph (a pilcrow; keep it)
H_PARA = zh("¶")
# TRANSLATORS: column header: how much of the claim the evidence covers
H_COVERAGE = zh("Coverage")


def _first_clause_words(why) -> str:
    """The reason's first clause, as a sentence, in every edition (Chinese: up to the first '；')."""
    from .pages import known

    why = known(why)
    s = first_clause(str(why)).rstrip(".")
    en = s[:1].upper() + s[1:] + "."
    out = {}
    for lang in LANGUAGES:
        z = str(in_lang(why, lang))
        z = first_clause(z)
        out[lang] = z.rstrip("。.") + "。"
    return Words(en, out)


def scorecard_block(sc: pd.DataFrame, lang: str = SOURCE) -> str:
    """Every claim in the article's order as one table row: paragraph, the claim (linked to its page, with
    the figure as printed), the verdict as a coloured badge with its words (and its strength, for the labels
    that come in strengths), the coverage and why. On a phone the rows stack as cards
    (assets/static/book.css: .scorecard)."""
    return scorecard_blocks(sc)[lang]


def scorecard_blocks(sc: pd.DataFrame) -> dict[str, str]:
    """``scorecard_block`` in every edition."""
    from . import i18n
    from .evidence import claim
    from .pages import H_CLAIM, H_VERDICT, H_WHY, printed_label
    from .tables import markdown_table
    from .verdicts import CONSISTENT, DOUBTFUL

    def claim_cell(r) -> str:
        def one(lang):
            text = r.claim
            if lang != SOURCE:
                zh_ = claim(r.claim_id).get("claim_zh")
                text = zh_ if isinstance(zh_, str) and zh_ else text
            text = text.replace("[", "(").replace("]", ")")
            linked = f"[{text}]({r.href})" if r.title else text
            return f"{linked} {printed_label(r.printed_zh)}".strip()

        return Words(one(SOURCE), {lang: one(lang) for lang in LANGUAGES})

    def graded(r) -> str:
        """The badge, with the strength where the label comes in strengths (consistent, doubtful)."""
        v = Verdict(r.verdict, "")

        def one(lang):
            badge = r.badge if lang == SOURCE else i18n.badge(r.verdict, v.css, lang)
            if r.verdict not in (CONSISTENT, DOUBTFUL):
                return badge
            if lang == SOURCE:
                return f"{badge} ({r.strength} evidence)"
            return f"{badge}（{tr(i18n.LABELS['strength'], lang).format(strength=tr(r.strength, lang))}）"

        return Words(one(SOURCE), {lang: one(lang) for lang in LANGUAGES})

    def col(values):
        return pd.Series(values, dtype=object)

    table = pd.DataFrame(
        {
            H_PARA: [str(p) for p in sc["paragraph"]],
            H_CLAIM: col([claim_cell(r) for r in sc.itertuples()]),
            H_VERDICT: col([graded(r) for r in sc.itertuples()]),
            H_COVERAGE: col([coverage_words(r.verdict, r.coverage) for r in sc.itertuples()]),
            H_WHY: col([_first_clause_words(r.why) for r in sc.itertuples()]),
        }
    )
    return {lang: ":::{container} scorecard\n\n" + markdown_table(table, lang) + "\n\n:::" for lang in EDITIONS}


# TRANSLATORS: the front page's list of the article's sections: how many claims each makes
CLAIMS_CHECKED = zh("{claims} checked")
# TRANSLATORS: the front page's list of sections: the outlook section checks no claim
AFTER_WHAT = zh("what happened after the article")


def sections_list(sc: pd.DataFrame, lang: str = SOURCE) -> str:
    """The article's sections with the number of claims each makes and a link to its overview page (in a
    translated edition the link shows the page's translated title)."""
    from .verdicts import plural

    lines = []
    for key in (k for k in SECTIONS if k != "intro"):
        overview = f"chapters/{key}/00-overview.ipynb"
        if not has_page(overview):
            continue
        n = int((sc["section"] == key).sum())
        what = say(CLAIMS_CHECKED, claims=plural(n, "claim")) if n else say(AFTER_WHAT)
        doc = "/" + overview.removesuffix(".ipynb")
        if lang == SOURCE:
            lines.append(f"{len(lines) + 1}. {{doc}}`{page_title(overview)} <{doc}>`: {what}.")
        else:
            lines.append(f"{len(lines) + 1}. {{doc}}`{doc}`：{in_lang(what, lang)}。")
    return "\n".join(lines)


def sections_lists(sc: pd.DataFrame) -> dict[str, str]:
    return {lang: sections_list(sc, lang) for lang in EDITIONS}
