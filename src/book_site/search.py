"""Chinese search: Sphinx's Chinese index splits text with jieba, whose general dictionary cuts the book's
domain terms into pieces (中国专利奖 into 中国 / 专利 / 奖), so a reader searching for the term found nothing.
``zh-search-terms.txt`` (jieba's user-dictionary format: word, frequency, part of speech) adds them; it is
loaded through ``html_search_options["dict"]``. The browser matches a query against whole index terms and
against terms that contain it, so a page with 中国专利奖 is found by 专利奖 as well.
"""
from __future__ import annotations

from pathlib import Path

TERMS = Path(__file__).with_name("zh-search-terms.txt")


def use_terms(app, config):
    if config.html_search_language == "zh":
        config.html_search_options = {**(config.html_search_options or {}), "dict": str(TERMS)}


def setup(app):
    app.connect("config-inited", use_terms)
