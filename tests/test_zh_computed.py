"""The Chinese edition's computed text (issue 25): every verdict's reason, coverage and settling record has a
Chinese edition written from the helpers' catalog, with no English sentence left in it."""

from __future__ import annotations

import pytest

from helpers.checks import verdict
from helpers.data import load_table
from helpers.i18n import Words, bottom_line, english_left

CLAIMS = load_table("claims")


@pytest.mark.parametrize(
    "claim_id", [pytest.param(c, id=f"{s}:{c}") for c, s in zip(CLAIMS["claim_id"], CLAIMS["section"])]
)
def test_verdict_reads_in_chinese(claim_id):
    v = verdict(claim_id)
    for what in ("reason", "coverage", "record"):
        value = getattr(v, what)
        if not value:
            continue
        assert isinstance(value, Words), f"{claim_id}: the {what} has no Chinese edition: {value!r}"
        assert not english_left(value.editions["zh_CN"]), f"{claim_id}: {what} zh: {value.editions['zh_CN']!r}"
    line = bottom_line(v, "zh_CN")
    assert not english_left(line), f"{claim_id}: English left in the Chinese bottom line: {english_left(line)}"


# --- what the committed notebooks hold for the Chinese build ---------------------------------------------

import json  # noqa: E402
import re  # noqa: E402

from helpers.paths import repo_root  # noqa: E402

NOTEBOOKS = sorted((repo_root() / "chapters").rglob("*.ipynb"))
WORD = re.compile(r"\b(?![A-Z]{2,}\b)[A-Za-z][a-z]+\b")  # a word that is not an acronym (CNIPA, PCT)


def _outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        yield from cell.get("outputs", [])


def _nb_id(path) -> str:
    return path.relative_to(repo_root() / "chapters").with_suffix("").as_posix()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_nb_id)
def test_glued_words_have_chinese(path):
    """A glued value that is words has a Chinese edition with no English left in it."""
    bad = []
    for o in _outputs(path):
        meta = o.get("metadata", {})
        if "scrapbook" not in meta:
            continue
        data = o.get("data", {})
        value = next((v for k, v in data.items() if k.endswith("text/plain")), "")
        value = "".join(value) if isinstance(value, list) else value
        if not WORD.search(value.strip("'\"")):
            continue
        zh = meta.get("book_i18n", {}).get("zh_CN", {}).get("text/plain")
        if zh is None or english_left("".join(zh) if isinstance(zh, list) else zh):
            bad.append(f"{meta['scrapbook']['name']} = {value[:80]} -> {zh!r}")
    assert not bad, f"{_nb_id(path)}: glued words without a Chinese edition:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_nb_id)
def test_markdown_outputs_have_chinese(path):
    """Every Markdown output (claim boxes, tables, lists, figures) has a Chinese edition with no English left
    in it (a published English title is marked <span lang="en">)."""
    bad = []
    for o in _outputs(path):
        data = o.get("data", {})
        if "text/markdown" not in data or "scrapbook" in o.get("metadata", {}):
            continue
        en = "".join(data["text/markdown"])
        if not WORD.search(re.sub(r"<[^>]+>|\]\([^)]*\)", " ", en)):
            continue
        zh = o.get("metadata", {}).get("book_i18n", {}).get("zh_CN", {}).get("text/markdown")
        zh = "".join(zh) if isinstance(zh, list) else zh
        if zh is None:
            bad.append(f"no Chinese edition: {en[:100]!r}")
        elif english_left(zh):
            bad.append(f"English left: {english_left(zh)[:3]}")
    assert not bad, f"{_nb_id(path)}:\n" + "\n".join(bad)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_nb_id)
def test_chinese_variants_made_from_the_current_catalog(path):
    """The Chinese editions stored in a committed notebook were made from the helpers' catalog as it is now:
    a translation changed without re-executing the notebook would publish the old Chinese (``make book``
    re-executes every notebook when helpers.po changes: it is one of their inputs)."""
    from helpers.i18n import LANGUAGES, catalog_digest

    now = {lang: catalog_digest(lang) for lang in LANGUAGES}
    old = set()
    for o in _outputs(path):
        made = o.get("metadata", {}).get("book_i18n", {}).get("catalog")
        if made is None and "book_i18n" in o.get("metadata", {}):
            old.add("(no catalog digest)")
        for lang, digest in (made or {}).items():
            if digest != now[lang]:
                old.add(f"{lang} {digest}")
    assert not old, (
        f"{_nb_id(path)}: Chinese made from an older catalog ({', '.join(sorted(old))}, now {now}): make execute"
    )
