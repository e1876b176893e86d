"""Each edition as one PDF, printed by headless Chromium from the built HTML (``make pdf``).

``python -m book_site.pdf en zh_CN`` reads an edition's built site (``_build/html``, ``_build/zh_CN/html``)
and writes ``_downloads/shenzhen-ip-2022.<edition>.pdf`` into it, the address the front page's link
(``templates/book-pdf-link.html``) points at. Nothing new is rendered: the pages are the built pages.

- **Book order** is the built front page's navigation (the same captions and titles the edition shows).
- **One document**: each page's article (without the per-page citation footer) goes, in that order, into
  one HTML document with the site's own stylesheets and the site-wide subset of the bundled CJK font (the
  one the search page declares), after a cover (title, edition, date and commit of the build, address)
  and a contents list. The document is served to Chromium from memory beside the built site on
  127.0.0.1; any request to another host is aborted and fails the build.
- **Links**: a link to a page of the book becomes a link inside the PDF; a link to another file of the site
  (a CSV download, the index) becomes its published address; element ids are prefixed per page.
- **Print stylesheet**: ``assets/static/book.css`` ``@media print`` hides the navigation, sidebars, switcher
  and buttons, fits charts and tables to the page and starts each page of the book on a new sheet (the
  same rules serve a reader who prints one page from the browser).
- **Contents with page numbers**: printed twice. The first print's outline (Chromium's PDF bookmarks from
  the headings) tells on which sheet each page's title lands; the second print writes those numbers into
  the contents (their width is reserved in the first, so nothing moves).

Needs Chromium (``/usr/bin/chromium`` or ``chromium`` on PATH), Playwright, pypdf and BeautifulSoup.
"""

from __future__ import annotations

import argparse
import html as htmlmod
import os
import posixpath
import re
import shutil
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

ROOT = Path(__file__).resolve().parents[2]
NAME = "shenzhen-ip-2022"  # the PDFs' stable file name: <NAME>.<edition>.pdf
FOLDER = "_downloads"
SITES = {"en": ROOT / "_build" / "html", "zh_CN": ROOT / "_build" / "zh_CN" / "html"}
FRONT = "chapters/index.html"
PRINT_DOC = "_book-print.html"  # served from memory at the site's root, never written into the site
TEXT = {
    "en": {
        "edition": "English edition",
        "contents": "Contents",
        "built": "Built from commit {commit} of {date}, from the notebooks and data at that commit.",
        "online": "Read online, with every chart's data as CSV:",
        "licence": "Text and data: CC BY 4.0. Code: MIT.",
        "front": "Front page",
    },
    "zh_CN": {
        "edition": "中文版",
        "contents": "目录",
        "built": "据提交 {commit}（{date}）构建，数字均由该提交中的笔记本与数据计算得出。",
        "online": "在线阅读（每张图表的数据均可下载为 CSV）：",
        "licence": "文字与数据：CC BY 4.0。代码：MIT。",
        "front": "首页",
    },
}


# The print document's own layout (its classes occur on no page of the site, so they are not in book.css,
# whose unused rules the bundle drops): cover, contents, each page of the book from a new sheet, and the page
# title that the theme's print rules hide (it prints its own title block for a single page instead).
PRINT_CSS = """
@page { size: A4; }
.book-print-page { break-before: page; }
html.book-print .bd-main .bd-content .bd-article h1:first-of-type { display: block; margin: 0 0 1rem; }
.book-print-cover { break-after: page; padding-top: 30vh; }
.book-print-title { font-size: 2.2rem; font-weight: 700; line-height: 1.25; margin-bottom: 0.6rem; }
.book-print-edition { font-size: 1.4rem; margin-bottom: 0.3rem; }
.book-print-date { font-size: 1.1rem; color: #444; margin-bottom: 2.5rem; }
.book-print-contents-title { font-size: 1.6rem; font-weight: 700; }
.book-print-contents ol { list-style: none; padding: 0; }
.book-print-contents li a { display: flex; gap: 0.5rem; color: inherit; text-decoration: none; padding: 0.1rem 0; }
.book-print-entry { flex: 1; }
.book-print-num { min-width: 2.2em; text-align: right; }
.book-print-part { font-weight: 700; margin-top: 0.7rem; }
"""


def pdf_name(edition: str) -> str:
    return f"{NAME}.{edition}.pdf"


def pdf_path(site: Path, edition: str) -> Path:
    return Path(site) / FOLDER / pdf_name(edition)


# --------------------------------------------------------------------------------------------- the link
TEMPLATE = "book-pdf-link.html"
LINK_LABEL = {"en": "PDF: the whole book, English edition", "zh_CN": "PDF：全书（中文版）"}


def edition_of(config) -> str:
    lang = (config.language or "en").replace("-", "_")
    return lang if lang in SITES else "en"


def configure(app, config):
    from .i18n import TEMPLATES

    if str(TEMPLATES) not in [str(p) for p in config.templates_path]:
        config.templates_path = [*config.templates_path, str(TEMPLATES)]
    if config.html_theme == "sphinx_book_theme":
        opts = dict(config.html_theme_options or {})
        end = list(opts.get("article_header_end") or ["article-header-buttons.html"])
        if TEMPLATE not in end:  # after the language switcher, before the theme's buttons
            buttons = "article-header-buttons.html"
            end.insert(end.index(buttons) if buttons in end else len(end), TEMPLATE)
        opts["article_header_end"] = end
        config.html_theme_options = opts


def add_link(app, pagename, templatename, context, doctree):
    """On the front page (the root document), the link to this edition's PDF, relative (works from file://)."""
    if pagename != app.config.root_doc:
        return
    edition = edition_of(app.config)
    href = "../" * pagename.count("/") + f"{FOLDER}/{pdf_name(edition)}"
    context["book_pdf"] = {"href": href, "label": LINK_LABEL[edition]}


def setup(app):
    app.connect("config-inited", configure, priority=310)  # after i18n.configure, which puts the switcher first
    app.connect("html-page-context", add_link)


# --------------------------------------------------------------------------------------------- reading
def book_order(site: Path) -> list[dict]:
    """The pages of the book in order, from the built front page's navigation: [{rel, title, caption}]
    (caption: the part heading the page is listed under, None before the first)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site / FRONT).read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.bd-docs-nav")
    if nav is None:
        raise SystemExit(f"pdf: no navigation (nav.bd-docs-nav) in {site / FRONT}")
    out, caption, seen = [], None, set()
    for el in nav.find_all(["p", "a"]):
        if el.name == "p" and "caption" in (el.get("class") or []):
            caption = el.get_text(" ", strip=True)
        elif el.name == "a" and "reference" in (el.get("class") or []):
            href = urldefrag(el.get("href", ""))[0]
            rel = FRONT if href in ("", "#") else posixpath.normpath(posixpath.join(posixpath.dirname(FRONT), href))
            if rel not in seen and (site / rel).is_file():
                seen.add(rel)
                out.append({"rel": rel, "title": el.get_text(" ", strip=True), "caption": caption})
    return out


def slug(rel: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", rel.removesuffix(".html")).strip("-")


class Doc:
    """The one print document of an edition."""

    def __init__(self, site: Path, edition: str):
        from bs4 import BeautifulSoup

        self.site, self.edition = Path(site), edition
        self.order = book_order(self.site)
        self.pages = {p["rel"] for p in self.order}
        front = BeautifulSoup((self.site / FRONT).read_text(encoding="utf-8"), "html.parser")
        canonical = front.select_one('link[rel="canonical"]')
        href = canonical["href"] if canonical else ""
        self.base = href[: -len(FRONT)] if href.endswith(FRONT) else href
        self.lang = front.html.get("lang", "en") if front.html else "en"
        h1 = front.select_one("article.bd-article h1")  # the front page's title, in this edition's words
        for link in h1.select(".headerlink") if h1 else ():
            link.decompose()
        self.title = h1.get_text(" ", strip=True) if h1 else NAME
        built = front.select_one(".book-built")
        self.commit = built.code.get_text() if built and built.code else ""
        self.date = built.time.get("datetime", "") if built and built.time else ""
        self.front = front

    # links and ids --------------------------------------------------------------------------------
    def _target(self, page: str, href: str) -> str:
        """Where ``href`` on ``page`` leads in the PDF."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "data:")):
            return href
        path, frag = urldefrag(href)
        rel = page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if rel.endswith("/"):
            rel += "index.html"
        if rel in self.pages:
            return f"#{slug(rel)}--{frag}" if frag else f"#{slug(rel)}"
        return self.base + rel + (f"#{frag}" if frag else "")  # another file of the site: its address

    def _asset(self, page: str, src: str) -> str:
        if urlsplit(src).scheme or src.startswith("//"):
            return src
        return posixpath.normpath(posixpath.join(posixpath.dirname(page), src))

    def article(self, rel: str) -> str:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup((self.site / rel).read_text(encoding="utf-8"), "html.parser")
        art = soup.select_one("article.bd-article")
        if art is None:
            raise SystemExit(f"pdf: no article in {rel}")
        for tag in art.select("script, aside.book-provenance, .headerlink, button"):
            tag.decompose()
        s = slug(rel)
        for el in art.find_all(id=True):
            el["id"] = f"{s}--{el['id']}"
        for a in art.find_all("a", href=True):
            a["href"] = self._target(rel, a["href"])
        for img in art.find_all("img", src=True):
            img["src"] = self._asset(rel, img["src"])
            img.attrs.pop("loading", None)
            img.attrs.pop("srcset", None)
        for d in art.find_all("details"):
            d["open"] = ""
        for el in art.find_all(style=True):  # sections laid out only near the viewport: lay them all out
            el["style"] = re.sub(r"content-visibility:\s*auto;?", "", el["style"])
        return f'<section class="book-print-page" id="{s}">{art.decode_contents()}</section>'

    def head(self) -> str:
        """The site's stylesheets and the site-wide CJK font subset (declared by the search page)."""
        from bs4 import BeautifulSoup

        links = [
            f'<link rel="stylesheet" href="{self._asset(FRONT, l["href"])}" />'
            for l in self.front.select('head link[rel="stylesheet"]')
        ]
        search = BeautifulSoup((self.site / "search.html").read_text(encoding="utf-8"), "html.parser")
        font = search.select_one("style#book-cjk")
        fonts = str(font) if font else ""
        return "\n".join([fonts, *links, f"<style>{PRINT_CSS}</style>"])

    # cover and contents -------------------------------------------------------------------------------
    def cover(self) -> str:
        t = TEXT[self.edition]
        e = htmlmod.escape
        built = t["built"].format(commit=f"<code>{e(self.commit)}</code>", date=e(self.date)) if self.commit else ""
        return (
            '<section class="book-print-cover">'
            f'<p class="book-print-title" role="heading" aria-level="1">{e(self.title)}</p>'
            f'<p class="book-print-edition">{e(t["edition"])}</p>'
            f'<p class="book-print-date"><time datetime="{e(self.date)}">{e(self.date)}</time></p>'
            f"<p>{built}</p>"
            f'<p>{e(t["online"])} <a href="{e(self.base)}">{e(self.base)}</a></p>'
            f"<p>{e(t['licence'])}</p>"
            "</section>"
        )

    def contents(self, numbers: dict[str, int] | None = None) -> str:
        t = TEXT[self.edition]
        e = htmlmod.escape
        rows, caption = [], None
        for p in self.order:
            if p["caption"] != caption and p["caption"]:
                caption = p["caption"]
                rows.append(f'<li class="book-print-part">{e(caption)}</li>')
            n = (numbers or {}).get(p["rel"])
            # the number's place is kept (invisible) in the first print, so the second lays out the same
            num = f'<span class="book-print-num">{n}</span>' if n else '<span class="book-print-num">000</span>'
            title = t["front"] + " · " + p["title"] if p["rel"] == FRONT else p["title"]
            hidden = "" if n else ' style="visibility:hidden"'
            rows.append(
                f'<li><a href="#{slug(p["rel"])}"><span class="book-print-entry">{e(title)}</span>'
                f"{num.replace('<span', '<span' + hidden, 1)}</a></li>"
            )
        return (
            '<nav class="book-print-contents">'
            f'<p class="book-print-contents-title" role="heading" aria-level="1">{e(t["contents"])}</p>'
            f"<ol>{''.join(rows)}</ol></nav>"
        )

    def html(self, numbers: dict[str, int] | None = None) -> str:
        body = "\n".join(self.article(p["rel"]) for p in self.order)
        return (
            f'<!DOCTYPE html><html lang="{self.lang}" data-theme="light" class="book-print">'
            f'<head><meta charset="utf-8" /><title>{htmlmod.escape(self.title)}</title>\n{self.head()}</head>'
            f'<body><main class="bd-main"><div class="bd-content"><div class="bd-article-container">'
            f'<article class="bd-article">{self.cover()}{self.contents(numbers)}{body}</article>'
            "</div></div></main></body></html>"
        )


# --------------------------------------------------------------------------------------------- printing
class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".woff2": "font/woff2", ".js": "text/javascript"}

    def log_message(self, format, *args):  # the stdlib's signature
        pass


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromium() -> str:
    path = chromium_path()
    if not path:
        raise SystemExit("pdf: Chromium is not installed (no `chromium` on PATH; on Debian: apt-get install chromium)")
    return path


FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:sans-serif">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def print_pdf(doc: Doc, out: Path) -> dict:
    """Print ``doc`` to ``out`` (twice: see the module's docstring); returns what it measured."""
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(doc.site)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    blocked, failed = [], []
    t0 = time.perf_counter()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium(), headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(locale="zh-CN" if doc.edition == "zh_CN" else "en-US")
            content = {"html": doc.html()}

            def route(r):
                url = r.request.url
                if url.split("?")[0] == base + PRINT_DOC:
                    r.fulfill(body=content["html"], content_type="text/html; charset=utf-8")
                elif url.startswith(base) or url.startswith("data:"):
                    r.continue_()
                else:
                    blocked.append(url)
                    r.abort("blockedbyclient")

            context.route("**/*", route)
            page = context.new_page()
            page.on("requestfailed", lambda r: failed.append(r.url))
            page.on("response", lambda r: failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)

            def render() -> bytes:
                page.goto(base + PRINT_DOC, wait_until="networkidle")
                page.emulate_media(media="print")
                page.evaluate("() => document.fonts.ready.then(() => true)")
                broken = page.evaluate(
                    "() => Array.from(document.images).filter(i => !i.complete || !i.naturalWidth).map(i => i.src)"
                )
                if broken:
                    raise SystemExit(f"pdf: images did not load: {broken[:5]}")
                return page.pdf(
                    format="A4",
                    print_background=True,
                    margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    outline=True,
                    tagged=True,
                )

            t1 = time.perf_counter()
            first = render()
            numbers = start_pages(first, doc)
            content["html"] = doc.html(numbers)
            t2 = time.perf_counter()
            final = tidy_outline(render(), content["html"])
            t3 = time.perf_counter()
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    if blocked:
        raise SystemExit(f"pdf: requests to other hosts (blocked): {sorted(set(blocked))[:5]}")
    if failed:
        raise SystemExit(f"pdf: failed requests: {sorted(set(failed))[:5]}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(final)
    from pypdf import PdfReader

    sheets = len(PdfReader(out).pages)
    return {
        "sheets": sheets,
        "pages": len(doc.order),
        "numbered": len(numbers),
        "seconds": time.perf_counter() - t0,
        "prints": (t2 - t1, t3 - t2),
    }


def tidy_outline(pdf: bytes, html: str) -> bytes:
    """Chromium names each bookmark by its heading's text as laid out, with no space where a line wrapped
    ("Chinesecities"): give each one its heading's text again (matched with white space ignored)."""
    import io

    from bs4 import BeautifulSoup
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    names = {}
    for h in BeautifulSoup(html, "html.parser").select("h1, h2, h3, h4, h5, h6, [role=heading]"):
        text = " ".join(h.get_text().split())
        names.setdefault(re.sub(r"\s+", "", text), text)
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    outlines = writer.root_object.get("/Outlines")
    stack = [outlines.get_object().get("/First")] if outlines else []
    while stack:
        ref = stack.pop()
        if ref is None:
            continue
        item = ref.get_object()
        title = str(item.get("/Title", ""))
        better = names.get(re.sub(r"\s+", "", title))
        if better and better != title:
            item[NameObject("/Title")] = TextStringObject(better)
        stack += [item.get("/Next"), item.get("/First")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def start_pages(pdf: bytes, doc: Doc) -> dict[str, int]:
    """Sheet number (1-based) on which each page of the book starts, from the outline's top-level entries
    (one per page title, in book order); {} when they do not match the pages (no numbers, no guess)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    top = [item for item in reader.outline if not isinstance(item, list)][2:]  # after the cover and contents
    if len(top) != len(doc.order):
        print(
            f"pdf: {doc.edition}: {len(top)} top-level outline entries for {len(doc.order)} pages; "
            "contents printed without page numbers",
            file=sys.stderr,
        )
        return {}
    return {p["rel"]: reader.get_destination_page_number(item) + 1 for p, item in zip(doc.order, top)}


def build(edition: str, site: Path | None = None) -> Path:
    site = Path(site or SITES[edition])
    if not (site / FRONT).is_file():
        raise SystemExit(f"pdf: {site / FRONT} is missing: build the edition first (make book / make book-zh)")
    out = pdf_path(site, edition)
    m = print_pdf(Doc(site, edition), out)
    size = out.stat().st_size / 1e6
    print(
        f"pdf: {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {m['sheets']} sheets, "
        f"{m['pages']} pages of the book ({m['numbered']} numbered in the contents), {size:.1f} MB, "
        f"{m['seconds']:.1f} s (printed twice: {m['prints'][0]:.1f} s + {m['prints'][1]:.1f} s)"
    )
    return out


def main(argv=None) -> int:
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on Chromium's xref table are not ours
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("editions", nargs="*", default=["en"], choices=sorted(SITES))
    ap.add_argument(
        "--skip-without-chromium",
        action="store_true",
        help="print nothing (and say so) when Chromium is missing, unless CI is 'true' (make test)",
    )
    args = ap.parse_args(argv)
    if args.skip_without_chromium and not chromium_path() and os.environ.get("CI", "").lower() != "true":
        print("pdf: Chromium is not installed: no PDF printed (its tests will be skipped; with CI=true this fails)")
        return 0
    for edition in args.editions:
        build(edition)
    return 0


if __name__ == "__main__":
    sys.exit(main())
