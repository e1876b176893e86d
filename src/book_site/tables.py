"""Tables that fit a phone: each data cell carries its column's header as ``data-label``, so that below
40rem book.css lays a wide table out as one card per row (the header's words before each value) instead
of a box that scrolls sideways. Tables of two columns stay tables; the scorecard has its own card layout.

Done on the page's body in ``html-page-context`` (docutils writes no attributes on cells, and MyST tables
come from notebook outputs and Markdown alike), with BeautifulSoup, on pages that have a table only."""

from __future__ import annotations

STACK_FROM = 3  # columns: a table this wide becomes cards on a phone


def label_cells(body: str) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body, "html.parser")
    changed = False
    for table in soup.select("table"):
        heads = [th.get_text(" ", strip=True) for th in table.select("thead tr th")]
        if len(heads) < STACK_FROM or table.find_parent(class_="scorecard"):
            continue
        table["class"] = [*table.get("class", []), "stack"]
        for tr in table.select("tbody tr"):
            for label, td in zip(heads, tr.find_all("td", recursive=False)):
                if td.get_text(strip=True) or td.find(["img", "svg"]):
                    td["data-label"] = label
                else:  # nothing to show: no card line with a label and nothing after it (book.css hides it)
                    td["class"] = [*td.get("class", []), "empty"]
        changed = True
    return str(soup) if changed else body


def add_cell_labels(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body and "<table" in body:
        context["body"] = label_cells(body)


def setup(app):
    app.connect("html-page-context", add_cell_labels)
