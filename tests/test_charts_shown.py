"""Every chart a notebook writes reaches a page: a chart that is drawn, checked and described but hidden by
a ``remove-cell`` tag is a finding the reader never sees."""

import pytest
from conftest import ROOT, in_ci

BUILD = ROOT / "_build" / "html"


def test_every_generated_chart_is_on_a_built_page():
    if not (BUILD / "index.html").exists():
        if in_ci():
            pytest.fail("the book is not built: `make test` builds it first")
        pytest.skip("the book is not built (run `make book`)")
    # the Chinese twins (fig-x.zh_CN.png) are on the Chinese pages: tests/test_zh_charts.py
    charts = sorted(
        p for p in (ROOT / "chapters").rglob("_generated/*.png") if "-800" not in p.stem and "." not in p.stem
    )
    assert charts, "no chart was generated: has `make book` run?"
    pages = "\n".join(p.read_text(encoding="utf-8") for p in BUILD.rglob("*.html"))
    hidden = [str(p.relative_to(ROOT)) for p in charts if p.name not in pages]
    assert not hidden, f"charts no built page shows: {hidden}"
