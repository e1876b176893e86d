"""Reusable checks of a built static site in headless Chromium (Playwright, sync API).

Used by ``tests/test_site_browser.py`` against the built book and, as a test of the tests, against the
deliberately broken page in ``tests/fixtures/broken_site``. Nothing here asserts: every function returns
what it found, and the caller decides what is a failure. Nothing leaves the machine: every request to a
host other than the local server is recorded and then aborted by a route before any connection is made.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urldefrag, urljoin, urlsplit

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
AXE_TAGS = (*WCAG_TAGS, "best-practice")
# folders of a Sphinx build that hold assets, not pages
NON_PAGE_DIRS = {"_sources", "_static", "_downloads", "_images"}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# a phone as the layout tests hold it: 390 px, touch, 1x pixels
PHONE_TOUCH = {"viewport": PHONE, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
# URLs that never reach a network: not counted as requests to another host
NO_NETWORK_SCHEMES = {"data", "blob", "about", "chrome-error"}


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


def launch(playwright, executable_path: str):
    return playwright.chromium.launch(executable_path=executable_path, headless=True, args=LAUNCH_ARGS)


# --------------------------------------------------------------------------------------------- server
class _QuietHandler(SimpleHTTPRequestHandler):
    """Static files, no console log; every status code is kept on ``server.log``."""

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".woff2": "font/woff2",
        ".csv": "text/csv; charset=utf-8",
        ".js": "text/javascript",
    }

    def log_request(self, code="-", size="-"):
        self.server.log.append((self.command, self.path, int(code) if str(code).isdigit() else code))

    def log_message(self, format, *args):  # the stdlib's signature (`format` shadows the builtin)
        pass


class _MountHandler(_QuietHandler):
    """Files of ``directory``, and under each ``mounts`` prefix (``"zh_CN/"``) the files of another folder:
    an edition built apart, served where it is published."""

    mounts: dict = {}

    def translate_path(self, path):
        clean = urlsplit(path).path.lstrip("/")
        for prefix, folder in self.mounts.items():
            if clean.startswith(prefix) or clean + "/" == prefix:
                rest = "/" + path.lstrip("/")[len(prefix) :]
                saved, self.directory = self.directory, str(folder)
                try:
                    return super().translate_path(rest)
                finally:
                    self.directory = saved
        return super().translate_path(path)


@contextmanager
def serve(directory: Path, mounts: dict[str, Path] | None = None):
    """Serve ``directory`` on 127.0.0.1 (ephemeral port) from a background thread, with each folder of
    ``mounts`` at its prefix; yields the base URL."""
    directory = Path(directory)
    handler = type("_Handler", (_MountHandler,), {"mounts": {k: Path(v) for k, v in (mounts or {}).items()}})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory)))
    httpd.daemon_threads = True
    httpd.log = []
    thread = threading.Thread(target=httpd.serve_forever, name=f"serve {directory.name}", daemon=True)
    thread.start()
    try:
        host, port = httpd.server_address[:2]
        base = f"http://{host}:{port}/"
        base_log = httpd.log
        yield Served(base, base_log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


@dataclass
class Served:
    base: str
    log: list  # (method, path, status) for every request the server answered

    def url(self, rel: str) -> str:
        return urljoin(self.base, quote(rel, safe="/?=&#%"))

    def is_local(self, url: str) -> bool:
        return is_local(url, self.base)


def is_local(url: str, base: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in NO_NETWORK_SCHEMES:
        return True
    return parts.scheme in ("http", "https") and parts.netloc == urlsplit(base).netloc


def built_pages(root: Path) -> list[str]:
    """Every HTML page of a build, relative to ``root``, assets folders excluded."""
    root = Path(root)
    pages = []
    for p in root.rglob("*.html"):
        rel = p.relative_to(root)
        if NON_PAGE_DIRS.intersection(rel.parts[:-1]):
            continue
        pages.append(rel.as_posix())
    return sorted(pages)


# --------------------------------------------------------------------------------------------- pages
@dataclass
class PageReport:
    rel: str
    url: str
    final_url: str = ""
    status: int | None = None
    requests: list = field(default_factory=list)  # every URL the page asked for
    external: list = field(default_factory=list)  # of those, to another host (all blocked)
    bad_status: list = field(default_factory=list)  # (url, status) for any status other than 200
    failed: list = field(default_factory=list)  # (url, error text) of requests that failed
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    images: list = field(default_factory=list)  # one dict per <img>
    image_issues: list = field(default_factory=list)  # readable problems with images
    axe_violations: list = field(default_factory=list)  # WCAG 2.1 A/AA rules
    axe_best_practice: list = field(default_factory=list)
    links: list = field(default_factory=list)  # resolved href of every <a>
    ids: set = field(default_factory=set)  # element ids (targets of #fragments)
    seconds: float = 0.0

    @property
    def failed_external_only(self) -> bool:
        return all(not is_local(u, self.url) for u, _ in self.failed)


class Recorder:
    """Records what one page does: requests, responses, failures, console errors, page errors."""

    def __init__(self, page, report: PageReport):
        self.report = report
        self._page = page
        self._seen = set()  # requests this page made (a request left over from the page before is not ours)
        page.on("request", self._on_request)
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_failed)
        page.on("console", self._on_console)
        page.on("pageerror", self._on_pageerror)

    def detach(self):
        for event, fn in (
            ("request", self._on_request),
            ("response", self._on_response),
            ("requestfailed", self._on_failed),
            ("console", self._on_console),
            ("pageerror", self._on_pageerror),
        ):
            self._page.remove_listener(event, fn)

    def _on_request(self, request):
        self._seen.add(request)
        self.report.requests.append(request.url)
        if not is_local(request.url, self.report.url):
            self.report.external.append(request.url)

    def _on_response(self, response):
        if response.request in self._seen and response.status != 200:
            self.report.bad_status.append((response.url, response.status))

    def _on_failed(self, request):
        if request in self._seen:
            self.report.failed.append((request.url, request.failure or "failed"))

    def _on_console(self, msg):
        if msg.type == "error":
            loc = msg.location or {}
            self.report.console_errors.append(f"{msg.text} ({loc.get('url', '')}:{loc.get('lineNumber', '')})")

    def _on_pageerror(self, error):
        self.report.page_errors.append(str(error))


@contextmanager
def page_in(browser, site, **context_args):
    """A page in a new browser context (``browser.new_context(**context_args)``) that reaches only the
    local site (:func:`block_external`); the context, and every page opened in it, closes on leaving."""
    context = browser.new_context(**context_args)
    try:
        block_external(context, site.base)
        yield context.new_page()
    finally:
        context.close()


def block_external(context, base: str, blocked: list | None = None):
    """Route every request: local ones continue, any other host is recorded in ``blocked`` and aborted
    before Chromium opens a connection. (Routing also turns off the HTTP cache, so every asset is
    fetched from the server and its status is seen.)"""
    blocked = [] if blocked is None else blocked

    def handler(route):
        url = route.request.url
        if is_local(url, base):
            route.continue_()
        else:
            blocked.append(url)
            route.abort("blockedbyclient")

    context.route("**/*", handler)
    return blocked


def settle(page, timeout_ms: int = 5000):
    """Wait for the network to go idle and web fonts to finish loading."""
    try:
        page.wait_for_load_state("networkidle", timeout=timeout_ms)
    except Exception:  # a page that keeps polling still gets checked
        pass
    page.evaluate("() => document.fonts ? document.fonts.ready.then(() => true) : true")


def open_page(page, served: Served, rel: str) -> tuple[PageReport, Recorder]:
    report = PageReport(rel=rel, url=served.url(rel))
    rec = Recorder(page, report)
    response = page.goto(report.url, wait_until="load")
    report.status = response.status if response else None
    # a meta-refresh page (Jupyter Book's index.html) moves on by itself: let it land before checking
    if page.locator("meta[http-equiv='Refresh' i]").count():
        target = page.get_attribute("meta[http-equiv='Refresh' i]", "content") or ""
        dest = target.split("url=", 1)[-1].strip()
        if dest:
            page.wait_for_url(urljoin(report.url, dest), wait_until="load", timeout=10000)
    settle(page)
    report.final_url = page.url
    return report, rec


FILENAME_ALT = re.compile(r"^[\w\-. /~%]*\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$", re.I)
GENERIC_ALT = {
    "image",
    "img",
    "picture",
    "figure",
    "chart",
    "graph",
    "plot",
    "photo",
    "icon",
    "logo",
    "untitled",
    "alt",
    "placeholder",
}

IMAGES_JS = """async () => {
  const out = [];
  for (const img of Array.from(document.images)) {
    if (!img.complete || img.naturalWidth === 0) {   // lazy or slow: bring it in and let it decode
      img.scrollIntoView();
      try { await Promise.race([img.decode(), new Promise(r => setTimeout(r, 3000))]); } catch (e) {}
    }
    const r = img.getBoundingClientRect();
    out.push({src: img.currentSrc || img.src, alt: img.getAttribute('alt'), complete: img.complete,
              naturalWidth: img.naturalWidth, width: r.width, left: r.left, right: r.right,
              inArticle: !!img.closest('article, main')});
  }
  window.scrollTo(0, 0);
  return out;
}"""


def alt_problem(alt: str | None, src: str) -> str | None:
    """Why an alt text is not meaningful, or None when it is."""
    if alt is None:
        return "no alt attribute"
    text = alt.strip()
    if not text:
        return "empty alt text"
    name = PurePosixPath(unquote(urlsplit(src).path)).name
    if FILENAME_ALT.match(text) or text in (name, PurePosixPath(name).stem):
        return f"alt text is a file name ({text!r})"
    if text.lower() in GENERIC_ALT:
        return f"alt text says nothing ({text!r})"
    return None


def check_images(page) -> tuple[list[dict], list[str]]:
    images = page.evaluate(IMAGES_JS)
    issues = []
    for img in images:
        short = PurePosixPath(urlsplit(img["src"]).path).name or img["src"][:60]
        if not img["complete"] or img["naturalWidth"] <= 0:
            issues.append(f"image {short} did not load (naturalWidth={img['naturalWidth']})")
        problem = alt_problem(img["alt"], img["src"])
        if problem:
            issues.append(f"image {short}: {problem}")
    return images, issues


def run_axe(page, axe=None) -> tuple[list[dict], list[dict]]:
    """axe-core with the WCAG 2.0/2.1 A and AA tags and best practice; returns (WCAG violations,
    best-practice findings), each as {id, impact, help, tags, nodes: [target, ...]}."""
    if axe is None:
        from axe_playwright_python.sync_playwright import Axe

        axe = Axe()
    # preload: false -- axe's CSSOM preload re-fetches @import-ed sheets by XHR and resolves their URLs
    # against the page, not the importing sheet (the theme's `@import "../basic.css"` became a 404 that
    # no reader ever requests); it only serves the experimental css-orientation-lock rule.
    results = axe.run(
        page,
        options={"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"], "preload": False},
    )
    wcag, best = [], []
    for v in results.response.get("violations", []):
        item = {
            "id": v["id"],
            "impact": v.get("impact"),
            "help": v.get("help"),
            "tags": v.get("tags", []),
            "nodes": [" ".join(map(str, n.get("target", []))) for n in v.get("nodes", [])],
            "summary": [n.get("failureSummary", "") for n in v.get("nodes", [])[:3]],
        }
        (wcag if set(item["tags"]) & set(WCAG_TAGS) else best).append(item)
    return wcag, best


LINKS_JS = """() => ({
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  ids: Array.from(document.querySelectorAll('[id], a[name]')).map(e => e.id || e.getAttribute('name')),
})"""


def check_page(page, served: Served, rel: str, axe=None, with_axe: bool = True) -> PageReport:
    """Open one page and run every per-page check on it."""
    t0 = time.perf_counter()
    report, rec = open_page(page, served, rel)
    try:
        report.images, report.image_issues = check_images(page)
        found = page.evaluate(LINKS_JS)
        report.links, report.ids = found["links"], set(found["ids"])
        if with_axe:
            report.axe_violations, report.axe_best_practice = run_axe(page, axe)
        settle(page, 2000)
    finally:
        rec.detach()
    report.seconds = time.perf_counter() - t0
    return report


def page_problems(report: PageReport) -> list[str]:
    """Every failure of the per-page checks, as readable lines (best practice is not a failure)."""
    out = []
    if report.status != 200:
        out.append(f"page answered HTTP {report.status}")
    out += [f"HTTP {status} for {url}" for url, status in report.bad_status]
    out += [f"request to another host: {url}" for url in report.external]
    out += [f"request failed: {url} ({err})" for url, err in report.failed]
    out += [f"console error: {text}" for text in report.console_errors]
    out += [f"page error: {text}" for text in report.page_errors]
    out += report.image_issues
    out += [f"axe {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['nodes'][:3])}" for v in report.axe_violations]
    return out


# --------------------------------------------------------------------------------------------- links
def fetch(url: str, timeout: float = 10) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, headers={"User-Agent": "site-checks"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:  # the local test server only
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers or {}), b""


def internal_links(reports: list[PageReport], base: str) -> dict[str, set[str]]:
    """Internal link (fragment kept) -> pages that carry it."""
    out: dict[str, set[str]] = {}
    for r in reports:
        for href in r.links:
            if is_local(href, base) and urlsplit(href).scheme in ("http", "https"):
                out.setdefault(href, set()).add(r.rel)
    return out


def check_links(links: dict[str, set[str]], reports: list[PageReport], base: str) -> tuple[int, list[str]]:
    """Fetch every internal link once (without its fragment); a fragment must name an element of its
    page when that page was visited. Returns (number of URLs fetched, problems)."""
    ids_by_path = {urlsplit(r.url).path: r.ids for r in reports}
    problems, statuses = [], {}
    for href in sorted(links):
        target, frag = urldefrag(href)
        if target not in statuses:
            statuses[target] = fetch(target)[0]
        where = ", ".join(sorted(links[href]))
        if statuses[target] != 200:
            problems.append(f"HTTP {statuses[target]} for {href} (linked from {where})")
            continue
        path = urlsplit(target).path
        if path.endswith("/"):
            path += "index.html"
        if frag and path in ids_by_path and unquote(frag) not in ids_by_path[path]:
            problems.append(f"no element id={unquote(frag)!r} in {path} (linked from {where})")
    return len(statuses), problems


def csv_links(reports: list[PageReport]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in reports:
        for href in r.links:
            path = urlsplit(href).path
            if "/_downloads/" in path and path.lower().endswith(".csv"):
                out.setdefault(urldefrag(href)[0], set()).add(r.rel)
    return out


def csv_problem(url: str) -> str | None:
    """None when the URL answers 200 with CSV that has a header row and at least one data row."""
    status, headers, body = fetch(url)
    if status != 200:
        return f"HTTP {status}"
    ctype = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    if "html" in ctype:
        return f"served as {ctype}"
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "not UTF-8"
    rows = [row for row in csv.reader(io.StringIO(text)) if row]
    if len(rows) < 2:
        return f"{len(rows)} rows: needs a header row and data"
    header = rows[0]
    if any(not h.strip() for h in header):
        return f"empty column name in header {header}"
    if any(re.fullmatch(r"-?[\d.,]+", h.strip()) for h in header):
        return f"header row looks like data: {header}"
    if len(header) != len(rows[1]):
        return f"header has {len(header)} columns, first data row {len(rows[1])}"
    if PurePosixPath(urlsplit(url).path).name.startswith("fig-"):
        # a chart's download is a reader's table (helpers.downloads): plain column names, no internal codes
        # (the raw package on the data page keeps its keys)
        codes = [h for h in header if re.fullmatch(r"[a-z]+(?:_[a-z0-9]+)+", h.strip()) or h in INTERNAL_COLUMNS]
        if codes:
            return f"internal column names in a reader's download: {codes}"
    return None


INTERNAL_COLUMNS = {"note", "indicator", "region", "relation", "basis_code"}  # codes or working notes


# --------------------------------------------------------------------------------------------- search
def searchable_text(html: str) -> str:
    """Text of a page's article, as Sphinx indexes it: the document (its title is its heading), without
    navigation, scripts, styles, or the provenance aside, which ``book_site.sharing`` adds to each page
    after indexing (it names the book, so counting it would expect every page for a word of the title).
    The ``<title>`` is not used either: its suffix is the book's title, which Sphinx does not index."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    body = soup.select_one("article.bd-article") or soup.select_one("[role=main]") or soup.body or soup
    for tag in body.select("script, style, .no-search, aside.book-provenance"):
        tag.decompose()
    return body.get_text(" ")


def pages_containing(root: Path, term: str, pages: list[str]) -> set[str]:
    """Pages whose searchable text contains ``term`` (case-insensitive) in the build at ``root``."""
    skip = {"search.html", "genindex.html", "py-modindex.html"}
    needle = term.casefold()
    return {
        rel
        for rel in pages
        if PurePosixPath(rel).name not in skip
        and (Path(root) / rel).is_file()
        and needle in searchable_text((Path(root) / rel).read_text(encoding="utf-8")).casefold()
    }


SEARCH_DONE_JS = """() => {
  const s = document.querySelector('#search-results .search-summary');
  return !!(s && s.textContent.trim());
}"""


def search(page, served: Served, query: str) -> tuple[list[str], str, int | None]:
    """Run the site's own search page; returns (result pages relative to the site root, the page's
    status text, the HTTP status of search.html)."""
    response = page.goto(served.url("search.html") + "?q=" + quote(query), wait_until="load")
    page.wait_for_function(SEARCH_DONE_JS, timeout=20000)
    settle(page, 3000)  # result summaries are fetched after the list is drawn
    hrefs = page.eval_on_selector_all("#search-results ul.search li > a", "els => els.map(a => a.href)")
    status = page.inner_text("#search-results .search-summary")
    base_path = urlsplit(served.base).path
    rels = []
    for href in hrefs:
        path = unquote(urlsplit(href).path)
        rel = path[len(base_path) :] if path.startswith(base_path) else path.lstrip("/")
        if rel not in rels:
            rels.append(rel)
    return rels, status, response.status if response else None


# --------------------------------------------------------------------------------------------- layout
LAYOUT_JS = """() => {
  const vw = window.innerWidth;
  const main = document.querySelector('article.bd-article') || document.querySelector('main') || document.body;
  const mr = main.getBoundingClientRect();
  const imgs = Array.from(main.querySelectorAll('img')).map(img => {
    const r = img.getBoundingClientRect();
    return {src: img.currentSrc || img.src, width: r.width, left: r.left, right: r.right};
  });
  return {viewport: vw, scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth, mainLeft: mr.left, mainRight: mr.right,
          mainScrollWidth: main.scrollWidth, mainClientWidth: main.clientWidth, images: imgs};
}"""


def layout_problems(page, width: int = PHONE["width"], tolerance: float = 1) -> tuple[dict, list[str]]:
    m = page.evaluate(LAYOUT_JS)
    out = []
    if m["scrollWidth"] > width + tolerance:
        out.append(f"page scrolls sideways: scrollWidth {m['scrollWidth']} > {width}")
    if m["mainRight"] > width + tolerance or m["mainLeft"] < -tolerance:
        out.append(f"main text column spans x={m['mainLeft']:.0f}..{m['mainRight']:.0f}, viewport {width}")
    if m["mainScrollWidth"] > m["mainClientWidth"] + tolerance:
        out.append(f"main text column overflows: scrollWidth {m['mainScrollWidth']} > {m['mainClientWidth']}")
    for img in m["images"]:
        name = PurePosixPath(urlsplit(img["src"]).path).name
        if img["width"] > m["viewport"] + tolerance or img["right"] > m["viewport"] + tolerance:
            out.append(f"image {name} is {img['width']:.0f}px wide, right edge {img['right']:.0f} > {m['viewport']}")
    return m, out


# --------------------------------------------------------------------------------------------- fonts
CJK_JS = """async ([text, family]) => {
  await document.fonts.ready;
  const ok = await document.fonts.load(`32px "${family}"`, text).then(f => f.length > 0, () => false);
  await document.fonts.ready;
  const probe = (fam) => {
    const s = document.createElement('span');
    s.textContent = text;
    Object.assign(s.style, {fontFamily: fam, fontSize: '32px', position: 'absolute', whiteSpace: 'nowrap',
                            left: '-9999px', top: '0'});
    document.body.appendChild(s);
    const w = s.getBoundingClientRect().width;
    s.remove();
    return w;
  };
  const pageFont = getComputedStyle(document.querySelector('article') || document.body).fontFamily;
  return {
    pageFont,
    faces: Array.from(document.fonts).filter(f => f.family.replace(/["']/g, '') === family)
                .map(f => f.status),
    loadedByApi: ok,
    check: document.fonts.check(`32px "${family}"`, text),
    cjkReady: document.documentElement.classList.contains('cjk-ready'),
    pageWidth: probe(pageFont),
    bookWidth: probe(`"${family}"`),
    tofuWidth: probe('"No Such Font 7f3a9c", sans-serif'),
  };
}"""


def measure_cjk(page, text: str = "深圳知识产权", family: str = "Book CJK") -> dict:
    return page.evaluate(CJK_JS, [text, family])


def cjk_problems(m: dict) -> list[str]:
    out = []
    if "loaded" not in m["faces"]:
        out.append(f'no "Book CJK" face loaded (statuses {m["faces"]})')
    if not m["check"]:
        out.append('document.fonts.check says "Book CJK" cannot draw the text')
    if abs(m["pageWidth"] - m["tofuWidth"]) < 0.5:
        out.append(f"page font draws the text like the tofu fallback ({m['pageWidth']:.1f}px)")
    if abs(m["pageWidth"] - m["bookWidth"]) > 0.5:
        out.append(f"page font width {m['pageWidth']:.1f}px differs from Book CJK {m['bookWidth']:.1f}px")
    return out


CJK_SHOT_JS = """([text, tofu]) => {
  const box = document.createElement('div');
  box.id = 'cjk-comparison';
  Object.assign(box.style, {position: 'fixed', top: '90px', left: '300px', zIndex: 10000, background: '#fff',
                            color: '#000', border: '2px solid #333', padding: '16px 24px', fontSize: '40px',
                            lineHeight: '1.5'});
  const row = (label, family) => {
    const line = document.createElement('div');
    const tag = document.createElement('span');
    tag.textContent = label;
    Object.assign(tag.style, {fontFamily: 'sans-serif', fontSize: '16px', display: 'inline-block', width: '150px'});
    const sample = document.createElement('span');
    sample.textContent = text;
    if (family) sample.style.fontFamily = family;
    line.append(tag, sample);
    return line;
  };
  box.append(row('page font', ''), row('missing font (tofu)', tofu));
  document.body.appendChild(box);
}"""


def cjk_comparison_shot(page, path, text: str = "深圳知识产权"):
    """Screenshot the text in the page font above the same text in a font that does not exist."""
    page.evaluate(CJK_SHOT_JS, [text, '"No Such Font 7f3a9c", sans-serif'])
    page.locator("#cjk-comparison").screenshot(path=str(path))
    page.evaluate("() => document.getElementById('cjk-comparison').remove()")


# --------------------------------------------------------------------------------------------- navigation
VISIBLE_LINKS_JS = """(sel) => Array.from(document.querySelectorAll(sel)).filter(a => {
  const r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth && r.bottom > 0
         && r.top < window.innerHeight && s.visibility !== 'hidden' && s.display !== 'none';
}).map(a => ({href: a.href, text: a.textContent.trim(), hash: a.hash}))"""

PRIMARY_LINKS = "#pst-primary-sidebar-modal a.reference.internal, .bd-sidebar-primary a.reference.internal"
SECONDARY_LINKS = "#pst-secondary-sidebar-modal a.nav-link, .bd-sidebar-secondary a.nav-link"
SEARCH_ENTRIES = ".search-button, .search-button-field, form.bd-search"
HEADERS = ".bd-header, .bd-header-article"


def visible_links(page, selector: str) -> list[dict]:
    return page.evaluate(VISIBLE_LINKS_JS, selector)


def tap_visible(page, selector: str, touch: bool = False) -> bool:
    """Tap (or click) the first visible element matching ``selector``; False when none is visible."""
    loc = page.locator(selector)
    for i in range(loc.count()):
        el = loc.nth(i)
        if el.is_visible():
            box = el.bounding_box()
            if box and box["width"] > 0:
                el.tap() if touch else el.click()
                return True
    return False


def visible_in_headers(page, selector: str = SEARCH_ENTRIES, headers: str = HEADERS) -> list[str]:
    """Outer HTML (start) of each visible element matching ``selector`` inside the page headers."""
    return page.evaluate(
        """([sel, hdr]) => Array.from(document.querySelectorAll(hdr))
      .flatMap(h => Array.from(h.querySelectorAll(sel)))
      .filter((e, i, all) => all.indexOf(e) === i && !all.some(o => o !== e && o.contains(e)))
      .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                     && getComputedStyle(e).visibility !== 'hidden'; })
      .map(e => e.outerHTML.slice(0, 120))""",
        [selector, headers],
    )


def heading_top(page, frag: str) -> float | None:
    return page.evaluate(
        """(id) => { const e = document.getElementById(decodeURIComponent(id));
      return e ? e.getBoundingClientRect().top : null; }""",
        frag,
    )


# Every visible CJK ideograph's advance, in em of its element's font size: a real glyph is 1 em wide, the
# fallback's box for a missing glyph about 0.37 em. Returns "字@TAG:0.37" for each one under 0.7 em.
NARROW_CJK_JS = r"""(() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walk.nextNode())) {
    const t = n.data, el = n.parentElement;
    if (!el || !/[\u4e00-\u9fff]/.test(t)) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c < 0x4e00 || c > 0x9fff) continue;
      const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
      const w = r.getBoundingClientRect().width;
      if (w && w / size < 0.7) out.push(t[i] + "@" + el.tagName + ":" + (w / size).toFixed(2));
    }
  }
  return out;
})()"""


def narrow_cjk(page) -> list[str]:
    """Chinese characters drawn as boxes (see NARROW_CJK_JS) once the page and its fonts have settled."""
    return page.evaluate(NARROW_CJK_JS)
