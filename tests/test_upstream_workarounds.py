"""Each workaround of an upstream behaviour in src/book_site/ has a test here that fails once upstream changes,
so that the workaround is removed rather than kept for nothing."""

from docutils.core import publish_parts

from book_site.accessibility import citation_list_roles


def test_docutils_still_writes_doc_biblioentry():
    """book_site.accessibility.citation_list_roles rewrites role="doc-biblioentry" (deprecated by DPUB-ARIA 1.1,
    w3c/dpub-aria#22). When this fails, docutils writes something else: drop the rewrite, and this test."""
    body = publish_parts("See [C1]_.\n\n.. [C1] A citation.\n", writer_name="html5")["body"]
    assert 'role="list" class="citation-list"' in body
    assert 'role="doc-biblioentry"' in body


def test_citation_entries_become_list_items():
    body = publish_parts("See [C1]_.\n\n.. [C1] A citation.\n", writer_name="html5")["body"]

    class App:
        pass

    context = {"body": body}
    citation_list_roles(App(), "page", "page.html", context, None)
    assert 'role="doc-biblioentry"' not in context["body"] and 'role="listitem"' in context["body"]
