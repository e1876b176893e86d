"""The front page's scorecard: every claim with its verdict (from :mod:`helpers.checks`, the same checks
the pages run), linked to its page by the page's title."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .checks import verdict_table
from .pages import page_title
from .paths import repo_root
from .reads import note_read
from .verdicts import Verdict

SECTIONS = {
    "intro": "Introduction",
    "legal": "Legal foundation",
    "finance": "Finance",
    "protection": "Protection system",
    "outlook": "Outlook",
}


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
def short_title(notebook: str) -> str:
    """A page's title before its colon, without a leading 'The': 'Patent grants', 'Rule book'."""
    t = page_title(notebook).split(":")[0].strip()
    t = t[4:] if t.startswith("The ") else t
    return t[:1].upper() + t[1:]


def _page_links(rows: pd.DataFrame) -> str:
    """The pages of ``rows`` (in the article's order, each once) as links by short title: 'A, B and C'."""
    pages = [p for p in dict.fromkeys(rows["page"]) if has_page(p)]
    links = [f"{{doc}}`{short_title(p)} </{p.removesuffix('.ipynb')}>`" for p in pages]
    if not links:
        return ""
    return links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]


def findings(sc: pd.DataFrame) -> list[str]:
    """What the report found, as plain sentences computed from the verdicts, each linking the pages that
    check the claims it speaks of: what independent data supports, what independent data contradicts,
    what Shenzhen's own records contradict, what rests only on Shenzhen's own publications, what a named
    public record would settle and what no public record covers. A group with no claim is left out, except
    the first: that independent data supports none is itself a finding."""
    from .verdicts import CLAIMANT_ONLY, CONFIRMED, CONSISTENT, DIFFERS, DOUBTFUL, NOT_VERIFIED, UNCHECKABLE, plural

    n = len(sc)
    of = lambda labels: sc[sc["verdict"].isin(labels)]  # noqa: E731
    out = []
    sup = of((CONFIRMED, CONSISTENT))
    full = int((sup["verdict"] == CONFIRMED).sum())
    if sup.empty:
        out.append(f"Independent data supports none of the article's {plural(n, 'figure')}.")
    else:
        part = (
            ""
            if full == len(sup)
            else ", and only in part"
            if full == 0
            else f", {len(sup) - full} of them only in part"
        )
        out.append(
            f"Independent data supports {len(sup)} of the article's {plural(n, 'figure')}{part}: {_page_links(sup)}."
        )
    groups = [
        ((DIFFERS,), "Independent data contradicts {k}: {links}."),
        ((DOUBTFUL,), "Shenzhen's own records contradict {k}: {links}."),
        ((CLAIMANT_ONLY,), "Only Shenzhen's own publications back {k}: {links}."),
        ((NOT_VERIFIED,), "A named public record would settle {k}, but it was not available to us: {links}."),
        ((UNCHECKABLE,), "No public record covers {k}, so nobody outside Shenzhen can check them: {links}."),
    ]
    for labels, sentence in groups:
        rows = of(labels)
        if len(rows):
            out.append(sentence.format(k=len(rows), links=_page_links(rows)))
    return out


def findings_block(sc: pd.DataFrame) -> str:
    """The findings as a MyST block for the top of the front page."""
    return ":::{container} findings\n\n" + "\n".join(f"- {f}" for f in findings(sc)) + "\n\n:::"


# ------------------------------------------------------------------------------------------ scorecard
def first_clause(text: str) -> str:
    """A reason's first clause, up to the first semicolon outside brackets: the scorecard's one line why (the
    claim's page gives the whole reason)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "(（[" and 1 or (ch in ")）]" and -1 or 0)
        if ch == ";" and depth == 0:
            return text[:i]
    return text


def coverage_words(label: str, coverage: str) -> str:
    """The coverage as the scorecard's muted line, without the words the verdict badge beside it already says
    ('the claimant's own records disagree for 1 of 4 years: 2018' under *doubtful — the claimant's own
    records disagree* reads '1 of 4 years: 2018')."""
    from .verdicts import DOUBTFUL, NOT_VERIFIED, UNCHECKABLE

    if label == DOUBTFUL:
        rest = coverage.removeprefix("the claimant's own records disagree").strip()
        if rest.startswith("for "):
            return rest[4:]
        return "the claim as a whole" if rest in ("", "with the claim") else rest
    if label in (NOT_VERIFIED, UNCHECKABLE) and coverage.startswith("no evidence found"):
        return "no evidence found"
    return coverage


def scorecard_block(sc: pd.DataFrame) -> str:
    """Every claim in the article's order as one table row: paragraph, the claim (linked to its page, with
    the figure as printed), the verdict as a coloured badge with its words (and its strength, for the labels
    that come in strengths), the coverage and why. On a phone the rows stack as cards
    (assets/static/book.css: .scorecard)."""
    from .pages import printed_label
    from .tables import markdown_table
    from .verdicts import CONSISTENT, DOUBTFUL

    def claim_cell(r) -> str:
        text = r.claim.replace("[", "(").replace("]", ")")
        linked = f"[{text}]({r.href})" if r.title else text
        return f"{linked} {printed_label(r.printed_zh)}".strip()

    def why(r) -> str:
        s = first_clause(r.why).rstrip(".")
        return s[:1].upper() + s[1:] + "."

    def graded(r) -> str:
        """The badge, with the strength where the label comes in strengths (consistent, doubtful)."""
        return f"{r.badge} ({r.strength} evidence)" if r.verdict in (CONSISTENT, DOUBTFUL) else r.badge

    table = pd.DataFrame(
        {
            "¶": [str(p) for p in sc["paragraph"]],
            "Claim (paraphrased; as printed)": [claim_cell(r) for r in sc.itertuples()],
            "Verdict": [graded(r) for r in sc.itertuples()],
            "Coverage": [coverage_words(r.verdict, r.coverage) for r in sc.itertuples()],
            "Why": [why(r) for r in sc.itertuples()],
        }
    )
    return ":::{container} scorecard\n\n" + markdown_table(table) + "\n\n:::"


def sections_list(sc: pd.DataFrame) -> str:
    """The article's sections with the number of claims each makes and a link to its overview page."""
    from .verdicts import plural

    lines = []
    for key in (k for k in SECTIONS if k != "intro"):
        overview = f"chapters/{key}/00-overview.ipynb"
        if not has_page(overview):
            continue
        n = int((sc["section"] == key).sum())
        what = f"{plural(n, 'claim')} checked" if n else "what happened after the article"
        lines.append(f"{len(lines) + 1}. {{doc}}`{page_title(overview)} </{overview.removesuffix('.ipynb')}>`: {what}.")
    return "\n".join(lines)
