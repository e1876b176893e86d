"""Accessibility patches to the theme.

The theme's sidebar draws each expand/collapse toggle as a ``<summary>`` holding only a decorative chevron,
so screen readers announce an unnamed control (axe-core rule ``summary-name``, WCAG 4.1.2). Each such toggle
gets an ``aria-label`` naming the page whose sub-pages it shows.
"""

from __future__ import annotations


def label_nav_toggles(app, pagename, templatename, context, doctree):
    """Wrap the theme's ``generate_toctree_html`` (set by pydata-sphinx-theme at the default priority)
    so that every text-less ``<summary>`` toggle in the navigation gets an accessible name."""
    generate = context.get("generate_toctree_html")
    if not app.config.book_label_nav_toggles or generate is None or getattr(generate, "labels_toggles", False):
        return

    def labelled(*args, **kwargs):
        soup = generate(*args, **kwargs)  # the theme caches the soup per page: labelling is idempotent
        if isinstance(soup, str):
            return soup
        for summary in soup.select("details > summary"):
            if summary.get_text(strip=True) or summary.get("aria-label"):
                continue
            link = summary.parent.find_previous_sibling("a")
            name = link.get_text(" ", strip=True) if link else ""
            summary["aria-label"] = f"Sub-pages of {name}" if name else "Sub-pages"
        return soup

    labelled.labels_toggles = True
    context["generate_toctree_html"] = labelled


def citation_list_roles(app, pagename, templatename, context, doctree):
    """The bibliography's entries: Sphinx marks them role="doc-biblioentry" (deprecated in ARIA 1.2) inside a
    role="list" container, which then has no list items (axe: aria-required-children). Make them list items.

    Works around docutils' HTML5 writer (docutils 0.21.2, ``_html_base.HTMLTranslator.visit_citation``), which
    still writes the role that DPUB-ARIA 1.1 deprecated (w3c/dpub-aria#22; axe-core#3253 on the list's
    children). docutils tracks its bugs on SourceForge; no GitHub issue was found to name. A translator
    override is not quick: pydata-sphinx-theme replaces the HTML translator class itself. A string replace of
    one attribute value, not a regex; tests/test_site_assets.py::test_docutils_still_writes_doc_biblioentry
    fails when docutils stops writing the role, and this can go."""
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    # an "html" config value: it is part of the build hash, so adding it rewrites every page once
    app.add_config_value("book_label_nav_toggles", True, "html")
    app.connect("html-page-context", label_nav_toggles, priority=900)
    app.connect("html-page-context", citation_list_roles)
