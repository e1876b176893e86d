"""Every verdict a reader sees says how strong it is and how much of the claim the independent evidence
covers: the built pages, not only the verdict table.

A verdict badge (``span.verdict``) in a table must sit in a row that says why (a "Coverage" or "Why" cell),
and, for the verdicts that come in strengths (*consistent*, *doubtful*), gives the strength (a "Strength"
column, or "weak evidence" and the like in the verdict cell). A badge in running
text must be followed by its reason as a sentence, with strength and coverage in brackets before it where
they add to the label (always for *consistent* and *doubtful*), as ``helpers.i18n.bottom_line`` writes it. The methods page
is skipped: its table is the legend of the labels, not a verdict.
"""

import re

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, in_ci

BUILD = ROOT / "_build" / "html"
LEGEND_PAGES = {"chapters/methods.html"}
STRENGTH = re.compile(r"\b(strong|moderate|weak) evidence\b|no independent evidence")
STRENGTH_CELL = {"strong", "moderate", "weak", "none"}
# in running text: the label, then strength and coverage in brackets where they add to it, then the reason
PROSE = re.compile(r"^\s*(?:\((?P<q>[^)]*(?:\([^)]*\)[^)]*)*)\))?\s*\.\s*\S")
GRADED_LABELS = ("consistent", "doubtful — the claimant's own records disagree")  # these always say how strong


def _pages():
    if not (BUILD / "index.html").exists():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    return [p for p in sorted((BUILD / "chapters").rglob("*.html")) if str(p.relative_to(BUILD)) not in LEGEND_PAGES]


def _text(tag) -> str:
    return tag.get_text(" ", strip=True)


def problems(html: str) -> list[str]:
    """What is missing next to each verdict badge of one page (empty when every verdict is complete)."""
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main article") or soup
    out = []
    for badge in main.select("span.verdict"):
        label = _text(badge)
        cell = badge.find_parent(["td", "th"])
        if cell is not None:
            table = cell.find_parent("table")
            head = [_text(th) for th in table.select("thead th")]
            row = [_text(td) for td in cell.find_parent("tr").find_all(["td", "th"], recursive=False)]
            cols = dict(zip(head, row))
            strong = cols.get("Strength", "") in STRENGTH_CELL or bool(STRENGTH.search(_text(cell)))
            if not strong and label in GRADED_LABELS:  # the other labels carry one strength each
                out.append(f"{label!r} in a table row without a strength: {row[:2]}")
            if "Coverage" in cols and not cols["Coverage"].strip():
                out.append(f"{label!r} in a table row with an empty coverage: {row[:2]}")
            if "Coverage" not in cols and not any(cols.get(k, "").strip() for k in ("Why", "Reason", "Detail")):
                out.append(f"{label!r} in a table row that says neither coverage nor why: {row[:2]}")
            continue
        block = badge.find_parent(["p", "li", "div"])
        after = _text(block).split(label, 1)[1] if block is not None and label in _text(block) else ""
        m = PROSE.search(after)
        if not m:
            out.append(f"{label!r} in running text not followed by its reason as a sentence: {after[:80]!r}")
        elif label in GRADED_LABELS and not STRENGTH.search(m.group("q") or ""):
            out.append(f"{label!r} in running text without its strength: {after[:80]!r}")
    return out


def test_every_verdict_on_every_page_shows_strength_and_coverage():
    seen, bad = 0, {}
    for p in _pages():
        html = p.read_text(encoding="utf-8")
        seen += html.count('class="verdict ')
        found = problems(html)
        if found:
            bad[str(p.relative_to(BUILD))] = found
    assert seen > 50, f"only {seen} verdict badges on the chapter pages: is the book built?"
    assert not bad, f"verdicts without strength or coverage: {bad}"


def test_the_check_catches_a_bare_verdict():
    bare_row = (
        "<main><article><table><thead><tr><th>Claim</th><th>Verdict</th><th>Why</th></tr></thead>"
        '<tbody><tr><td>x</td><td><span class="verdict verdict-consistent">consistent</span></td>'
        "<td>because</td></tr></tbody></table></article></main>"
    )
    bare_text = '<main><article><p>Verdict: <span class="verdict verdict-differs">differs</span>.</p></article></main>'
    full_text = (
        '<main><article><p><span class="verdict verdict-differs">differs</span>. Beijing was higher in '
        "the year.</p></article></main>"
    )
    no_strength = (
        '<main><article><p><span class="verdict verdict-consistent">consistent</span>. Some years agree.'
        "</p></article></main>"
    )
    graded = (
        '<main><article><p><span class="verdict verdict-consistent">consistent</span> (weak evidence; independent '
        "figures for 1 of 4 years (2019)). Some years agree.</p></article></main>"
    )
    no_why = bare_row.replace("<th>Why</th>", "<th>Note</th>")
    assert len(problems(bare_row)) == 1  # a consistent verdict without its strength
    assert len(problems(no_why)) == 2  # ... and without coverage or why
    assert len(problems(bare_text)) == 1
    assert problems(full_text) == [] and problems(graded) == []
    assert len(problems(no_strength)) == 1
