"""The book's own Sphinx extension (registered in ``_config.yml`` under ``sphinx.local_extensions``).

One module per concern; ``helpers`` keeps what the notebooks use.

- ``freshness``: a notebook is executed (before the build reads it) only when the content of something it
  reads changed: its cells, ``src/helpers/``, the data it read (``python -m book_site stale|run``).
- ``hosts``: nothing is loaded from a third-party host (the build fails otherwise).
- ``accessibility``: accessible names for the theme's unnamed sidebar toggles.
- ``cjk_font``: the bundled Chinese font, one small subset per page, for readers with no CJK font.
- ``icons``: the theme's icons from a subset of its icon font, without the FontAwesome script.
- ``assets``: fewer, non-blocking scripts and one stylesheet instead of a dozen.
- ``search``: the Chinese search index (jieba with the book's dictionary of domain terms).
- ``sharing``: social preview tags, the commit a page was built from, how to cite the page and how to report
  an error (the repository's issue tracker), the sitemap.
- ``tables``: each table cell labelled with its column's header, for the card layout on a phone.
- ``claimreview``: schema.org ClaimReview structured data on each claim's page, with the page's own verdicts.
- ``i18n``: the Chinese edition (glue in translated paragraphs, captions, outputs out of the catalogs, the
  helpers' Chinese variants, the language switcher and per-edition addresses).
- ``pdf``: each edition as one PDF printed by Chromium from the built pages (``make pdf``), linked from the
  front page.
"""

from __future__ import annotations

from . import accessibility, assets, cjk_font, claimreview, freshness, hosts, i18n, icons, search, sharing, tables

MODULES = (freshness, hosts, accessibility, tables, icons, cjk_font, assets, search, sharing, claimreview, i18n)


def setup(app):
    app.add_css_file("book.css")
    from . import pdf  # here, not at the top: `python -m book_site.pdf` runs it as a script

    for module in (*MODULES, pdf):
        module.setup(app)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
