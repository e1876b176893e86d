"""The Chinese edition's machinery (issue 25): glue in translated paragraphs, the helpers' variants, the
catalog check, and (when ``make book-zh`` has run) the built Chinese pages, their switcher and addresses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from book_site import check_translations as ct
from book_site import i18n as site_i18n
from helpers import i18n

ROOT = Path(__file__).resolve().parents[1]
EN = ROOT / "_build" / "html"
ZH = ROOT / "_build" / "zh_CN" / "html"
PAGE = "chapters/legal/02-pct"


# ----------------------------------------------------------------------------- a one-page book, built
def _glue_output(key: str, value) -> dict:
    return {
        "output_type": "display_data",
        "metadata": {"scrapbook": {"name": key, "mime_prefix": "application/papermill.record/"}},
        "data": {"application/papermill.record/text/plain": repr(value)},
    }


def mini_book(tmp_path: Path, msgstr: str, word_zh: str | None = "18 年") -> Path:
    """A one-notebook Sphinx project with myst_nb and book_site.i18n, and a zh_CN catalog for its page."""
    out = _glue_output("n_years", "18 years")
    if word_zh:
        out["metadata"]["book_i18n"] = {"zh_CN": {"text/plain": repr(word_zh)}}
    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
        "cells": [
            {
                "cell_type": "markdown",
                "id": "a",
                "metadata": {},
                "source": "# Page\n\nWe read {glue:text}`n_src` sources over {glue:text}`n_years`.",
            },
            {
                "cell_type": "code",
                "id": "b",
                "metadata": {"tags": ["remove-cell"]},
                "execution_count": 1,
                "source": "glue('n_src', 53)",
                "outputs": [_glue_output("n_src", 53), out],
            },
        ],
    }
    (tmp_path / "page.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (tmp_path / "index.md").write_text("# Home\n\n```{toctree}\npage\n```\n", encoding="utf-8")
    (tmp_path / "conf.py").write_text(
        textwrap.dedent(
            """
            extensions = ["myst_nb", "book_site.i18n"]
            nb_execution_mode = "off"
            locale_dirs = ["locales"]
            gettext_compact = False
            html_baseurl = "https://example.org/book/"
            """
        ),
        encoding="utf-8",
    )
    cat = Catalog(locale="zh_CN")
    cat.add("Page", "页面")
    cat.add("We read {glue:text}`n_src` sources over {glue:text}`n_years`.", msgstr)
    po = tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "page.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, cat)
    return tmp_path


def sphinx(src: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", "html", "-D", "language=zh_CN", *args]
    return subprocess.run([*cmd, str(src), str(src / "_build")], capture_output=True, text=True, timeout=120)


def test_glue_survives_translation_with_each_editions_value(tmp_path):
    src = mini_book(tmp_path, "我们读了 {glue:text}`n_src` 个来源，涵盖 {glue:text}`n_years`。")
    r = sphinx(src)
    assert r.returncode == 0, r.stderr
    html = (src / "_build" / "page.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    assert "我们读了 53 个来源，涵盖 18 年。" in text, "the number and the Chinese value of a worded glue"
    assert '<html lang="zh-CN"' in html
    assert 'href="https://example.org/book/zh_CN/page.html"' in html, "canonical address of the zh edition"


def test_a_mistyped_glue_key_in_a_translation_fails_the_strict_build(tmp_path):
    src = mini_book(tmp_path, "我们读了 {glue:text}`n_srcs` 个来源，涵盖 {glue:text}`n_years`。")
    r = sphinx(src)
    assert r.returncode != 0
    assert "Glue reference 'n_srcs' not found" in r.stderr, r.stderr


# ----------------------------------------------------------------------------- helpers' variants
def test_variants_use_the_helpers_catalog_and_the_same_values():
    v = i18n.variants("The claim · article paragraph {n}", n=5)
    assert v == {"en": "The claim · article paragraph 5", "zh_CN": "声称 · 文章第 5 段"}
    assert (
        i18n.tr("doubtful — the claimant's own records disagree", "zh_CN")
        != "doubtful — the claimant's own records disagree"
    )


def test_swap_variants_replaces_markdown_and_glue_records():
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "outputs": [
                    {
                        "output_type": "display_data",
                        "data": {"text/markdown": "Bottom line", "text/plain": "<Markdown>"},
                        "metadata": i18n.i18n_metadata({"en": "Bottom line", "zh_CN": "结论"}),
                    },
                    {
                        **_glue_output("p_n", "18 years"),
                        "metadata": {
                            "scrapbook": {"name": "p_n", "mime_prefix": "application/papermill.record/"},
                            "book_i18n": {"zh_CN": {"text/plain": "'18 年'"}},
                        },
                    },
                ],
            }
        ]
    }
    assert site_i18n.swap_variants(nb, "zh_CN") == 2
    outs = nb["cells"][0]["outputs"]
    assert outs[0]["data"]["text/markdown"] == "结论"
    assert outs[1]["data"]["application/papermill.record/text/plain"] == "'18 年'"


def test_the_claim_box_shows_english_and_carries_its_chinese_edition(monkeypatch):
    """pages.claim_box shows the English box (nbval holds its committed text) and stores the Chinese one,
    with the ledger's Chinese paraphrase, in the output's metadata."""
    import IPython.display

    from helpers import pages
    from helpers.data import load_table

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, metadata=None, **kw: shown.append((obj, metadata)))
    monkeypatch.setattr(pages, "glue", lambda *a, **k: None)
    pages.claim_box("pct-first-18y")
    obj, meta = shown[-1]
    claim = load_table("claims").set_index("claim_id").loc["pct-first-18y"]
    assert obj.data.startswith(":::{admonition} The claim · article paragraph 5") and claim["claim_en"] in obj.data
    zh_box = meta["book_i18n"]["zh_CN"]["text/markdown"]
    assert zh_box.startswith(":::{admonition} 声称 · 文章第 5 段") and claim["claim_zh"] in zh_box
    assert "结论" in zh_box and claim["claim_en"] not in zh_box


def test_glue_with_editions_stores_the_chinese_value(monkeypatch):
    import IPython.display

    from helpers import gluing

    shown = []
    monkeypatch.setattr(gluing, "_myst_glue", lambda *a, **k: None)
    monkeypatch.setattr(IPython.display, "display", lambda data, raw, metadata: shown.append((data, metadata)))
    assert gluing.glue("p_n", "18 years", editions={"zh_CN": "18 年"}) == "18 years"
    data, meta = shown[0]
    assert data == {"application/papermill.record/text/plain": "'18 years'"}
    assert meta["scrapbook"]["name"] == "p_n"
    assert meta["book_i18n"]["zh_CN"] == {"text/plain": "'18 年'"}
    assert set(meta["book_i18n"]["catalog"]) == {"zh_CN"}  # the digest of the catalog it was made from


# ----------------------------------------------------------------------------- the catalog check
def _project(tmp_path: Path, entries: list[tuple[str, str, bool]], complete: bool = True) -> Path:
    (tmp_path / "_config.yml").write_text("sphinx:\n  config:\n    book_i18n_released: []\n", encoding="utf-8")
    cat = Catalog(locale="zh_CN")
    for msgid, msgstr, fuzzy in entries:
        cat.add(msgid, msgstr, flags=["fuzzy"] if fuzzy else [])
    po = tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "chapters" / "p.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as f:
        write_po(f, cat)
    if complete:
        (tmp_path / "locales" / "zh_CN" / "COMPLETE").write_text("chapters/p\n", encoding="utf-8")
    return tmp_path


def test_check_translations_catches_fuzzy_untranslated_and_damaged_entries(tmp_path):
    root = _project(
        tmp_path,
        [
            ("Fine {glue:text}`n` sources.", "{glue:text}`n` 个来源。", False),
            ("Changed text.", "旧译文。", True),
            ("Not yet translated.", "", False),
            ("We read {glue:text}`p_n_src` sources.", "我们读了若干来源。", False),
            ("See the [methods](../methods.md).", "见方法。", False),
            ("Stated: **{stated}**", "所述数值：**{value}**", False),
            ("See the {ref}`methods page <verdict-rules>`.", "见{ref}`方法页 <verdict-rules>`。", False),
            ("See {ref}`rules <verdict-rules>`.", "见{ref}`规则 <other-label>`。", False),
        ],
    )
    problems = "\n".join(ct.check("zh_CN", root=root))
    assert "fuzzy" in problems
    assert "untranslated: 'Not yet translated.'" in problems
    assert "glue/MyST role: lost {glue:text}`p_n_src`" in problems
    assert "link target: lost ../methods.md" in problems
    assert "placeholder: lost stated; added value" in problems
    assert "Fine" not in problems and "方法页" not in problems  # a cross-reference's text is translated
    assert "glue/MyST role: lost {ref}`<verdict-rules>`; added {ref}`<other-label>`" in problems  # not its target
    assert len(problems.splitlines()) == 6


def test_untranslated_is_allowed_only_in_catalogs_not_declared_complete(tmp_path):
    root = _project(tmp_path, [("Not yet translated.", "", False)], complete=False)
    assert ct.check("zh_CN", root=root) == []


def test_the_committed_catalogs_pass():
    assert ct.check("zh_CN") == []


# ----------------------------------------------------------------------------- the built Chinese edition
@pytest.fixture(scope="module")
def zh_page() -> str:
    page = ZH / f"{PAGE}.html"
    if not page.is_file():
        assert "zh_CN" not in site_i18n_released(), "the Chinese edition is released but not built (make book)"
        pytest.skip("the Chinese edition is not built (make book-zh)")
    return page.read_text(encoding="utf-8")


def test_zh_page_title_names_the_book_in_chinese(zh_page):
    """The <title> (a search result's and a tab's text) ends with the book's Chinese title, not the English."""
    title = re.search(r"<title>(.*?)</title>", zh_page, re.S).group(1)
    assert title.endswith("深圳知识产权纪录：逐项重新核算"), title


def test_zh_page_is_chinese_and_keeps_its_numbers(zh_page):
    assert '<html lang="zh-CN"' in zh_page
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", zh_page))
    assert re.search(r"来自 \d+ 个来源的 \d+ 项城市层面的 PCT 数据", text), "glued numbers in a translated paragraph"
    assert "参考资料" in zh_page, "the _toc caption is translated"
    assert '<link rel="canonical" href="https://sz-ip-factcheck.github.io/shenzhen-ip-2022/zh_CN/' in zh_page


def test_switcher_and_hreflang_targets_exist(zh_page):
    # the zh page as published, under _build/html/zh_CN/
    here = (EN / "zh_CN" / PAGE).parent
    links = re.findall(r'<nav class="book-i18n-switch"[^>]*>.*?</nav>', zh_page, re.S)
    assert links, "the zh page links to the English one"
    hrefs = re.findall(r'href="([^"]+)"', links[0])
    assert hrefs == [f"../../../{PAGE}.html"]
    assert (here / hrefs[0]).resolve() == (EN / f"{PAGE}.html").resolve()
    assert (EN / f"{PAGE}.html").is_file()
    base = "https://sz-ip-factcheck.github.io/shenzhen-ip-2022/"
    alts = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', zh_page))
    assert alts == {"en": f"{base}{PAGE}.html", "zh-CN": f"{base}zh_CN/{PAGE}.html", "x-default": f"{base}{PAGE}.html"}
    for url in alts.values():
        rel = url.removeprefix(base)
        target = ZH / rel.removeprefix("zh_CN/") if rel.startswith("zh_CN/") else EN / rel
        assert target.is_file(), url


def test_english_pages_do_not_link_to_an_unreleased_edition():
    page = EN / f"{PAGE}.html"
    if not page.is_file():
        pytest.skip("the English book is not built")
    html = page.read_text(encoding="utf-8")
    assert ("book-i18n-switch" in html) == ("zh_CN" in site_i18n_released())
    assert ('hreflang="zh-CN"' in html) == ("zh_CN" in site_i18n_released())


def site_i18n_released() -> list[str]:
    import yaml

    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return cfg["sphinx"]["config"].get("book_i18n_released") or []


def test_a_glued_count_carries_its_chinese_edition(monkeypatch):
    """plural() words know their Chinese edition, and glue stores it without being told (the record itself
    stays a plain English string)."""
    import IPython.display

    from helpers import gluing
    from helpers.verdicts import plural

    shown = []
    monkeypatch.setattr(gluing, "_myst_glue", lambda *a, **k: None)
    monkeypatch.setattr(IPython.display, "display", lambda data, raw, metadata: shown.append((data, metadata)))
    assert gluing.glue("p_n", plural(18, "year")) == "18 years"
    data, meta = shown[0]
    assert data == {"application/papermill.record/text/plain": "'18 years'"}
    assert meta["book_i18n"]["zh_CN"] == {"text/plain": "'18 年'"}
    assert set(meta["book_i18n"]["catalog"]) == {"zh_CN"}  # the digest of the catalog it was made from
    assert plural(1, "source").editions == {"zh_CN": "1 个来源"}


def test_page_catalogs_carry_no_guessed_python_format_flag():
    """msgfmt -c would reject a correct translation of Markdown that merely contains '%' (make zh-update drops it)."""
    flagged = [  # the file's own flags (Babel's reader guesses python-format again on reading)
        f"{domain}:{n}"
        for domain, path in ct.catalogs("zh_CN").items()
        if domain != "helpers"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.startswith("#,") and "python-format" in line.replace("python-brace-format", "")
    ]
    assert not flagged, flagged


# ----------------------------------------------------------------------------- the site's own words
# A run of four or more Latin words (what the site, not a source, would write in English)
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,]+[A-Za-z][A-Za-z'’\-]*){3,}")
BIB_FIELDS_KEPT = ("title", "journal", "year", "month", "day", "pages", "url", "urldate")


def _bib(path: Path) -> dict[str, dict[str, str]]:
    from pybtex.database import parse_file

    return {k: dict(e.fields) for k, e in parse_file(str(path)).entries.items()}


def test_the_chinese_bibliography_holds_the_same_entries():
    """references.zh_CN.bib differs from references.bib only in our own words (note, howpublished) and the
    authors: same keys, titles, dates, pages and addresses."""
    en, zh = _bib(ROOT / "references.bib"), _bib(ROOT / "references.zh_CN.bib")
    assert sorted(en) == sorted(zh)
    for key in en:
        for name in BIB_FIELDS_KEPT:
            assert en[key].get(name) == zh[key].get(name), f"{key}: {name} differs between the two .bib files"
        assert sorted(en[key]) == sorted(zh[key]), f"{key}: not the same fields"


def test_a_chrome_text_without_its_translation_fails_the_build():
    class Config:
        language = "zh_CN"

    assert site_i18n.chrome(Config, "How to cite this page:") == "引用本页："
    from sphinx.errors import ExtensionError

    with pytest.raises(ExtensionError, match="no translation of 'Cite me'"):
        site_i18n.chrome(Config, "Cite me")


def test_no_chinese_page_shows_a_sentence_of_english(zh_page):
    """Every page of the Chinese edition, its footer, provenance aside, search box and bibliography included,
    is in Chinese: no run of four Latin words outside text marked ``lang="en"`` (a source's English title),
    code, or the one source whose published title is English (the bibliography keeps titles as printed)."""
    from bs4 import BeautifulSoup

    kept = {_bib(ROOT / "references.bib")["sc2021plan"]["title"]}
    problems = {}
    for page in sorted(ZH.rglob("*.html")):
        rel = page.relative_to(ZH).as_posix()
        if rel.startswith("_"):
            continue
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup(["script", "style", "code", "pre"]):
            tag.decompose()
        for tag in soup.select('[lang="en"]'):
            tag.decompose()
        text = (soup.body or soup).get_text("\n")
        for title in kept:
            text = text.replace(title, "")
        runs = [m.group(0) for line in text.split("\n") for m in ENGLISH_RUN.finditer(line)]
        placeholders = [m for m in re.findall(r'placeholder="([^"]*)"', str(soup)) if ENGLISH_RUN.search(m)]
        if runs or placeholders:
            problems[rel] = runs + placeholders
    assert not problems, "\n".join(f"{rel}: {runs[:5]}" for rel, runs in problems.items())
