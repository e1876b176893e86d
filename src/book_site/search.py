"""Chinese search.

Sphinx's Chinese index splits text with jieba, whose general dictionary cuts the book's domain terms into
pieces (中国专利奖 into 中国 / 专利 / 奖), so a reader searching for the term found nothing.
``zh-search-terms.txt`` (jieba's user-dictionary format: word, frequency, part of speech) adds them; it is
loaded through ``html_search_options["dict"]``.

The browser looks a query up as a whole index term and, only when no such term exists, among the terms that
contain it. So once 知识产权保护条例 is a term of one page, a page that names only 深圳经济特区知识产权保护条例
would not be found by it. The book's splitter therefore also indexes, for every word, each dictionary term
it contains (the longer name brings 知识产权保护条例 and 知识产权 with it).
"""

from __future__ import annotations

from pathlib import Path

TERMS = Path(__file__).with_name("zh-search-terms.txt")


def domain_terms() -> list[str]:
    return [line.split()[0] for line in TERMS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _chinese_class():
    from sphinx.search.zh import SearchChinese

    class BookChinese(SearchChinese):
        """Sphinx's Chinese splitter, plus the dictionary terms each word contains."""

        def init(self, options):
            super().init(options)
            self.book_terms = domain_terms()

        def split(self, input: str) -> list[str]:
            words = super().split(input)
            extra = [t for w in words if len(w) > 2 for t in self.book_terms if t != w and t in w]
            return words + extra

    return BookChinese


def use_terms(app, config):
    if config.html_search_language == "zh":
        from sphinx import search

        search.languages["zh"] = _chinese_class()
        config.html_search_options = {**(config.html_search_options or {}), "dict": str(TERMS)}


def setup(app):
    import hashlib

    # Sphinx indexes a page when it reads it: a change to the terms (or to this splitter) must make it read
    # every page again, so their digest is an "env" config value
    digest = hashlib.sha256(TERMS.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:16]
    app.add_config_value("book_search_terms_digest", digest, "env")
    app.connect("config-inited", use_terms)
