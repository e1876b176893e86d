"""Measure what the book costs to build, test and load (``make bench``).

Everything runs in a temporary clone under /tmp (``git clone --shared``, so it has the history a reader's
clone has: the build dates each claim page's ClaimReview and the footer by their last commit) with the
work tree's uncommitted changes laid over it (``--before REV``: commit REV as it is), built with this venv
by absolute path: the committed files and the repo's own ``_build`` are never touched. Each timing is taken
N times and reported as min / median / max.

  cold build        ``make book`` after removing ``_build`` and ``_generated``
  no-change rebuild ``make book`` again
  touch-only        every file in data/, src/helpers/ and chapters/*.ipynb touched (no byte changed), then ``make book``
  one-notebook edit a comment appended to one notebook's last code cell, then ``make book``
  data edit         one value in data/observations.csv changed, then ``make book``
  markdown only     a cold build of a toc holding only the markdown pages: the fixed overhead
  make test         the whole suite (``make test``: a no-change book build, then pytest on two workers)
  nbval             ``pytest -n 2 --dist loadscope --nbval ... chapters`` alone (and once serially)
  per notebook      each notebook executed alone with nbclient (record_timing off)
  page weight       the built site served on 127.0.0.1 with gzip, as GitHub Pages serves it, and every page
                    loaded in headless Chromium (a fresh cache per page): bytes and requests on first load;
                    then again as a 2x screen, scrolled to each chart: the rendition it fetched and its pixels

For each build the log says which notebooks were executed (book_site.freshness logs each).

``--before REV`` (``make bench BEFORE=REV``) also measures commit REV's build-and-test rows (cold,
no-change, touch-only, one-value edit, ``make test``) in the same run, on the same machine, first: the
README's Performance section then shows them before/after (``make readme`` after the bench, commit both).
``--quick`` measures only those rows (``--quick --before REV``: both sides), into ``bench/quick.*`` unless
``--name``. Results: a table on stdout, ``bench/<name>.json`` and ``bench/<name>.md`` (name ``results``
unless ``--name``; the README is generated from ``bench/results.json``).

Runs: ``BENCH_RUNS`` (default 3) for every measurement, ``BENCH_COLD_RUNS`` for the cold builds (default:
the same). ``--keep`` leaves the temporary copy in place.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import http.server
import io
import json
import mimetypes
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)  # `make bench` runs this file with the project's venv python
CHROMIUM = os.environ.get("BENCH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Budgets (issue 6)
NO_CHANGE_MAX_SHARE = 0.10         # no-change rebuild <= 10 % of a cold build
# Issue 24 (with --before REV, the commit before the change): cold build and make test at most 60 % of before's;
# one value edited in data/ rebuilt within 25 s
BEFORE_MAX_SHARE = 0.60
DATA_EDIT_MAX_S = 25.0
PAGE_MAX_BYTES = 600_000           # every chapter page <= 600 KB (10^3) with gzip on first load, charts included
CHART_MIN_DENSITY = 2.0            # chart pixels per CSS pixel at the widest layout (a 2x screen)
CHART_MAX_BYTES = 100_000          # each chart <= 100 KB on the wire
WIDE_VIEWPORT = {"width": 1440, "height": 900}  # the article column is at its widest from here on
COMPRESSIBLE = ("text/html", "text/css", "application/javascript", "text/javascript", "application/json",
                "image/svg+xml", "text/csv", "text/plain", "application/xml")

mimetypes.add_type("font/woff2", ".woff2")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("application/json", ".map")


# ----------------------------------------------------------------------------- helpers

def stats(values: list[float]) -> dict:
    return {"min": round(min(values), 3), "median": round(statistics.median(values), 3),
            "max": round(max(values), 3), "runs": [round(v, 3) for v in values]}


def fmt_s(st: dict | None) -> str:
    if not st:
        return "n/a"
    return f"{st['median']:.1f} s ({st['min']:.1f}–{st['max']:.1f})"


def kb(n: float) -> str:
    return f"{n / 1000:.0f} KB"


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def run(cmd: list[str], cwd: Path, env: dict, timeout: int = 900) -> tuple[float, int, str]:
    t0 = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - t0, r.returncode, ANSI.sub("", r.stdout + r.stderr)


def git(*args: str) -> str:
    r = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else ""


def toc_files(root: Path) -> list[str]:
    """Docnames of the toc, in order (root first)."""
    names = re.findall(r"^\s*(?:root|-?\s*file):\s*(\S+)\s*$", (root / "_toc.yml").read_text(encoding="utf-8"),
                       flags=re.M)
    return names


def doc_path(root: Path, docname: str) -> Path:
    for suffix in (".ipynb", ".md"):
        p = root / f"{docname}{suffix}"
        if p.exists():
            return p
    raise FileNotFoundError(docname)


# ----------------------------------------------------------------------------- build log

def parse_build(out: str, root: Path) -> dict:
    executed, exec_times, read = [], {}, []
    prefix = str(root) + "/"
    for line in out.splitlines():
        m = re.match(r"(\S+\.ipynb): Executing notebook", line)
        if m:
            executed.append(m.group(1).removeprefix(prefix))
        m = re.match(r"(\S+\.ipynb): Executed notebook in ([\d.]+) seconds", line)
        if m:
            exec_times[m.group(1).removeprefix(prefix)] = float(m.group(2))
        m = re.match(r"reading sources\.\.\. \[\s*\d+%\]\s+(\S+)", line)
        if m:
            read.append(m.group(1))
    w = re.search(r"build finished with problems, (\d+) warnings?", out)
    return {"executed": sorted(executed), "exec_seconds": exec_times, "read": sorted(set(read)),
            "warnings": int(w.group(1)) if w else 0}


# ----------------------------------------------------------------------------- the copy

def overlay_work_tree(dest: Path) -> list[str]:
    """Lay the work tree's uncommitted changes over a clone of HEAD: modified and untracked (not ignored)
    files copied, deleted ones removed. Returns the paths changed."""
    out = subprocess.run(["git", "ls-files", "-z", "--modified", "--others", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, check=True).stdout.decode()
    paths = sorted({p for p in out.split("\0") if p})
    for rel in paths:
        src, dst = ROOT / rel, dest / rel
        if dst.is_symlink() or dst.is_file():
            dst.unlink()
        if src.is_symlink() or src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst, follow_symlinks=False)
    return paths


class Copy:
    """A clone of this repository at ``rev``, or at HEAD with the work tree's uncommitted changes laid over.

    A clone, not a copy of the files: the build reads the history (``book_site.claimreview`` dates each
    claim page's ClaimReview by its last commit, ``book_site.sharing`` names the commit in the footer), and
    outside a clone those are left out, which ``make test`` rightly fails (tests/test_claimreview.py: one
    failure per claim). Git-ignored files (``conf.py``, compiled ``.mo`` catalogs, caches, ``.venv``,
    ``_build``) are not carried over, as in a fresh clone."""

    def __init__(self, base: Path, rev: str | None = None, name: str = "book"):
        self.root = base / name
        sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev or 'HEAD'}^{{commit}}"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.strip()
        # --shared: the clone borrows this repository's objects (instant, a few MB); it lives as long as the bench
        subprocess.run(["git", "clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(self.root)], check=True)
        subprocess.run(["git", "-C", str(self.root), "checkout", "--quiet", "--detach", sha], check=True)
        self.overlaid = [] if rev else overlay_work_tree(self.root)
        self.env = {k: v for k, v in os.environ.items()
                    # a top-level make, as in a fresh clone, even under `make bench` (no inherited MAKEFLAGS)
                    if k not in ("SZIP_ROOT", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
        # the venv's editable install points at some checkout's src/: make the copy's helpers win
        self.env["PYTHONPATH"] = str(self.root / "src") + os.pathsep + self.env.get("PYTHONPATH", "")
        self.env["PYTHONHASHSEED"] = "0"

    def make(self, target: str, timeout: int = 900) -> tuple[float, int, str]:
        # -o: never re-run the install recipe (a copy's requirement files may be newer than the venv's stamp,
        # and `pip install -e .` from the copy would point the shared venv at a folder about to be deleted)
        return run(["make", "--no-print-directory", "-o", str(VENV / ".installed"), "-o", str(VENV / ".data-installed"),
                    target, f"VENV={VENV}"],
                   self.root, self.env, timeout)

    def clean(self) -> None:
        shutil.rmtree(self.root / "_build", ignore_errors=True)
        for g in self.root.glob("chapters/**/_generated"):
            shutil.rmtree(g, ignore_errors=True)

    def build(self, label: str) -> dict:
        secs, rc, out = self.make("book")
        info = parse_build(out, self.root)
        info.update(seconds=round(secs, 3), rc=rc)
        log(f"{label}: {secs:.1f} s, rc {rc}, executed {len(info['executed'])}: "
            + (", ".join(Path(e).stem for e in info["executed"]) or "none"))
        return info


def builds_summary(runs: list[dict]) -> dict:
    return {"seconds": stats([r["seconds"] for r in runs]), "runs": runs}


# ----------------------------------------------------------------------------- edits

def edit_notebook(path: Path, i: int) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    cell = [c for c in nb["cells"] if c["cell_type"] == "code"][-1]
    src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    src = re.sub(r"\n# bench edit \d+$", "", src) + f"\n# bench edit {i}"
    cell["source"] = src.splitlines(keepends=True)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def edit_observation(path: Path, i: int, original: str) -> str:
    """Change the value of the first observation whose line round-trips through csv; return a label."""
    lines = original.splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    col = header.index("value")
    for n, line in enumerate(lines[1:], start=1):
        row = next(csv.reader([line]))
        buf = io.StringIO()
        csv.writer(buf, lineterminator=line[len(line.rstrip("\r\n")):] or "\n").writerow(row)
        if buf.getvalue() != line:
            continue
        try:
            v = float(row[col])
        except ValueError:
            continue
        new = v + (1 if i % 2 == 0 else 0)  # run 0, 2: +1; run 1: back to the original
        # the printed label must show the new value too (check-data checks it); older commits (a --before
        # side) have no such column
        lab = header.index("printed_label") if "printed_label" in header else None
        if lab is not None:
            if f"{v:g}" not in row[lab]:
                continue
            row[lab] = row[lab].replace(f"{v:g}", f"{new:g}", 1)
        row[col] = row[col] if new == v else (f"{new:g}")
        buf = io.StringIO()
        csv.writer(buf, lineterminator=line[len(line.rstrip("\r\n")):] or "\n").writerow(row)
        lines[n] = buf.getvalue()
        path.write_text("".join(lines), encoding="utf-8")
        change = f"value {v:g} -> {row[col]}" if new != v else f"value back to {row[col]}"
        return f"line {n + 1}: {header[0]}={row[0]}, {change}"
    raise RuntimeError("no editable observation")


# ----------------------------------------------------------------------------- the build-and-test rows

TOUCHED = ("data/*", "src/helpers/**/*.py", "chapters/**/*.ipynb")


def touch_inputs(root: Path) -> int:
    """Set the modification time of every input of every notebook to now; no byte changes."""
    files = sorted({p for g in TOUCHED for p in root.glob(g) if p.is_file()})
    for p in files:
        os.utime(p)
    return len(files)


def rebuild_rows(copy: Copy, n: int, n_cold: int, label: str = "") -> dict:
    """Cold builds, then no-change rebuilds, then touch-only rebuilds of ``copy``."""
    out = {}
    cold = []
    for i in range(n_cold):
        copy.clean()
        cold.append(copy.build(f"{label}cold build {i + 1}/{n_cold}"))
    out["cold_build"] = builds_summary(cold)
    out["no_change_rebuild"] = builds_summary([copy.build(f"{label}no-change rebuild {i + 1}/{n}") for i in range(n)])
    touched = []
    for i in range(n):
        k = touch_inputs(copy.root)
        touched.append(copy.build(f"{label}touch-only rebuild {i + 1}/{n} ({k} files touched)"))
    out["touch_rebuild"] = {"touched": list(TOUCHED), **builds_summary(touched)}
    return out


def build_and_test_rows(copy: Copy, n: int, n_cold: int, label: str = "") -> dict:
    """Cold build, no-change rebuild, touch-only rebuild, one-value edit, make test: the rows of issue 24."""
    root = copy.root
    out = rebuild_rows(copy, n, n_cold, label)
    obs = root / "data" / "observations.csv"
    original = obs.read_text(encoding="utf-8")
    edits = []
    for i in range(n):
        what = edit_observation(obs, 0, original)  # the same +1 each run, from the original
        b = copy.build(f"{label}one-value edit {i + 1}/{n} ({what})")
        if b.get("rc"):
            raise RuntimeError(f"the one-value edit ({what}) did not build (rc {b['rc']}): it measures nothing")
        b["edit"] = what
        edits.append(b)
        obs.write_text(original, encoding="utf-8")
        copy.build(f"{label}value restored")
    out["data_edit"] = builds_summary(edits)
    tests = []
    for i in range(n):
        secs, rc, log_ = copy.make("test", timeout=3600)
        tail = [ln for ln in log_.splitlines() if re.search(r"^=+ .*\d+ (passed|failed).* in [\d.]+s", ln)]
        book = parse_build(log_, root)
        tests.append({"seconds": round(secs, 3), "rc": rc, "summary": " | ".join(t.strip("= ") for t in tail)
                      or f"no tests ran (rc {rc})", "executed": book["executed"]})
        log(f"{label}make test {i + 1}/{n}: {secs:.1f} s, rc {rc}, {tests[-1]['summary']}; "
            f"{len(book['executed'])} notebooks executed by its book step")
    out["make_test"] = {"seconds": stats([t["seconds"] for t in tests]), "runs": tests}
    return out


QUICK_ROWS = [("cold_build", "Cold build (`make book`, no `_build`, no `_generated`)"),
              ("no_change_rebuild", "No-change rebuild"),
              ("touch_rebuild", "Touch-only rebuild (every file in data/, src/helpers/, chapters/ touched)"),
              ("data_edit", "One value in data/observations.csv changed"),
              ("make_test", "`make test` (after the builds above)")]


def before_after(res: dict) -> list[str]:
    """The build-and-test rows of each side measured (before, after), as a Markdown table, with after as a
    share of before when both were measured."""
    sides = [k for k in ("before", "after") if k in res]
    L = ["| Measurement | " + " | ".join(f"{s.capitalize()} ({res[s]['rev']})" for s in sides) + " |",
         "|---|" + "---|" * len(sides)]
    for key, name in QUICK_ROWS:
        cells = []
        for side in sides:
            r = res[side][key]
            runs = r["runs"]
            ex = sorted({len(x["executed"]) for x in runs})
            cell = f"{r['seconds']['median']:.1f} s, {'/'.join(map(str, ex))} notebooks executed"
            if key == "make_test":
                cell += "; " + " / ".join(sorted({x["summary"] for x in runs}))
            cells.append(cell)
        L.append(f"| {name} | " + " | ".join(cells) + " |")
    if len(sides) == 2:
        b, a = res["before"], res["after"]
        L += ["", "After as a share of before: " + ", ".join(
            f"{name.split(' (')[0]} {100 * a[k]['seconds']['median'] / b[k]['seconds']['median']:.0f}%"
            for k, name in QUICK_ROWS if b[k]["seconds"]["median"]) + "."]
    L += ["", "Notebooks executed counts what the build step executed. In `make test`, nbval executes notebooks "
          "too: before this change, every notebook, every time; after it, only the stale ones (none after a "
          "build; every one in a fresh clone, where the build step then executes none)."]
    for side in sides:
        de = res[side]["data_edit"]["runs"][0]
        L += ["", f"{side.capitalize()}, one-value edit ({de.get('edit', '')}): executed "
              + (", ".join(de["executed"]) or "nothing") + "."]
    return L


def quick_report(res: dict) -> str:
    m = res["meta"]
    return "\n".join([f"# Build-and-test benchmark: {m['date']}, {m['cores']} cores, Python {m['python']}", "",
                      f"Median of {m['runs']} runs ({m['cold_runs']} for cold builds). Bench took "
                      f"{m['bench_seconds']:.0f} s.", "", *before_after(res)]) + "\n"


def quick_main(args, n: int, n_cold: int, t_start: float) -> int:
    base = Path(tempfile.mkdtemp(prefix="szip-bench-"))
    res: dict = {"meta": {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                          "cores": os.cpu_count(), "python": platform.python_version(), "runs": n,
                          "cold_runs": n_cold}}
    try:
        plan = ([("before", args.before)] if args.before else []) + ([] if args.only_before else [("after", None)])
        for side, rev in plan:
            copy = Copy(base, rev=rev, name=side)
            shown = rev or (git("rev-parse", "--short", "HEAD") + (" + work tree" if git(
                "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/") else ""))
            log(f"{side}: {shown} in {copy.root}")
            res[side] = {"rev": shown, **build_and_test_rows(copy, n, n_cold, label=f"{side}: ")}
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    res["meta"]["bench_seconds"] = round(time.perf_counter() - t_start, 1)
    text = quick_report(res)
    print(text)
    (ROOT / "bench" / f"{args.name}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n",
                                                     encoding="utf-8")
    (ROOT / "bench" / f"{args.name}.md").write_text(text, encoding="utf-8")
    log(f"wrote bench/{args.name}.json and bench/{args.name}.md")
    return 0


# ----------------------------------------------------------------------------- notebooks alone

def time_notebooks(copy: Copy, notebooks: list[str], runs: int) -> dict:
    import nbformat
    from nbclient import NotebookClient

    os.environ["PYTHONPATH"] = copy.env["PYTHONPATH"]  # the kernel inherits it
    out = {}
    for rel in notebooks:
        path = copy.root / rel
        times = []
        for _ in range(runs):
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                                    resources={"metadata": {"path": str(path.parent)}})
            t0 = time.perf_counter()
            client.execute()
            times.append(time.perf_counter() - t0)
        out[rel] = stats(times)
        log(f"nbclient {rel}: {fmt_s(out[rel])}")
    return out


# ----------------------------------------------------------------------------- page weight

class GzipHandler(http.server.BaseHTTPRequestHandler):
    """Serves a folder like GitHub Pages: gzip for text types when asked, byte counts logged."""
    directory: Path
    record: list
    lock = threading.Lock()
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        path = unquote(urlsplit(self.path).path)
        f = (self.directory / path.lstrip("/")).resolve()
        if f.is_dir():
            f = f / "index.html"
        if not f.is_file() or self.directory not in f.parents:
            body, ctype, enc, status = b"not found", "text/plain", None, 404
        else:
            body = f.read_bytes()
            ctype = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
            enc, status = None, 200
            if ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body, enc = gzip.compress(body, compresslevel=6, mtime=0), "gzip"
        headers = [("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else "")),
                   ("Content-Length", str(len(body))), ("Cache-Control", "max-age=600")]
        if enc:
            headers += [("Content-Encoding", enc), ("Vary", "Accept-Encoding")]
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        head = len(f"HTTP/1.1 {status} OK\r\n") + sum(len(f"{k}: {v}\r\n") for k, v in headers) + 2
        with self.lock:
            self.record.append({"path": path, "status": status, "type": ctype, "body": len(body),
                                "bytes": len(body) + head, "gzip": bool(enc)})


def serve(directory: Path):
    record: list = []
    handler = type("H", (GzipHandler,), {"directory": directory.resolve(), "record": record})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, record


def site_pages(html: Path, root: Path) -> list[str]:
    pages = [f"{d}.html" for d in toc_files(root)]
    pages += [p for p in ("search.html", "genindex.html") if (html / p).exists()]
    pages += [f"zh_CN/{p}" for p in pages]  # the Chinese edition, where it is published
    return [p for p in pages if (html / p).exists()]


def chart_pixels(browser, base: str, page_path: str, html: Path, record: list) -> list[dict]:
    """The charts a 2x screen at the widest layout fetches, scrolled into view one by one.

    The chart pixels are read from the fetched file (`currentSrc`, the rendition the browser chose from
    `srcset`), because `naturalWidth` of a `w`-descriptor image is divided by the density it was chosen for."""
    from book_site.assets import png_size

    ctx = browser.new_context(viewport=WIDE_VIEWPORT, device_scale_factor=2)
    page = ctx.new_page()
    record.clear()
    page.goto(base + page_path, wait_until="load")
    n = page.evaluate("document.querySelectorAll('img').length")
    for i in range(n):
        page.evaluate(f"document.querySelectorAll('img')[{i}].scrollIntoView({{block: 'center'}})")
        page.wait_for_timeout(50)
    page.wait_for_load_state("networkidle")
    page.evaluate("""Promise.all(Array.from(document.images).map(i => i.complete ? 1 :
        new Promise(r => { i.onload = i.onerror = r; })))""")
    imgs = page.evaluate("""Array.from(document.querySelectorAll('img')).map(i => (
        {src: new URL(i.currentSrc || i.src, location.href).pathname,
         css: i.getBoundingClientRect().width}))""")
    ctx.close()
    sent = {r["path"]: r for r in record}
    out = []
    for im in imgs:
        if "/_images/" not in im["src"]:
            continue
        f = html / unquote(im["src"]).lstrip("/")
        wh = png_size(f)  # the same header reader the build uses for width/height and srcset
        if wh is None:
            raise ValueError(f"{f}: not a PNG")
        w, h = wh
        r = sent.get(im["src"], {})
        out.append({"page": page_path, "src": im["src"], "natural_px": w, "css_px": round(im["css"], 1),
                    "density": round(w / im["css"], 2) if im["css"] else None,
                    "aspect": round(h / w, 3), "bytes": r.get("bytes")})
    return out


def page_weight(html: Path, root: Path) -> dict:
    from playwright.sync_api import sync_playwright

    server, record = serve(html)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pages = site_pages(html, root)
    results, charts = {}, []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_path in pages:
                ctx = browser.new_context(viewport=WIDE_VIEWPORT)
                page = ctx.new_page()
                seen = []
                page.on("request", lambda r, seen=seen: seen.append(r.url))
                record.clear()
                page.goto(base + page_path, wait_until="load")
                page.evaluate("document.fonts.ready.then(() => true)")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
                ctx.close()
                reqs = list(record)
                by_kind: dict[str, int] = {}
                for r in reqs:
                    kind = ("image" if r["type"].startswith("image/") else "font" if r["type"].startswith("font/")
                            else "js" if "javascript" in r["type"] else "css" if r["type"] == "text/css"
                            else "html" if r["type"] == "text/html" else "other")
                    by_kind[kind] = by_kind.get(kind, 0) + r["bytes"]
                charts += chart_pixels(browser, base, page_path, html, record)
                results[page_path] = {
                    "bytes": sum(r["bytes"] for r in reqs), "requests": len(reqs),
                    "browser_requests": len([u for u in seen if u.startswith("http")]),
                    "by_kind": dict(sorted(by_kind.items())),
                    "not_found": [r["path"] for r in reqs if r["status"] != 200],
                    "third_party": [u for u in seen if u.startswith("http") and not u.startswith(base)],
                    "loaded": sorted(((r["path"], r["bytes"]) for r in reqs), key=lambda x: -x[1]),
                }
                log(f"page {page_path}: {kb(results[page_path]['bytes'])}, {len(reqs)} requests")
            browser.close()
    finally:
        server.shutdown()
    assets: dict[str, int] = {}
    for r in results.values():
        for path, n in r["loaded"]:
            assets[path] = max(assets.get(path, 0), n)
    largest = sorted(assets.items(), key=lambda x: -x[1])[:10]
    return {"pages": results, "charts": charts, "largest_assets": largest}


def site_size(html: Path) -> dict:
    files = [p for p in html.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    big = sorted(((str(p.relative_to(html)), p.stat().st_size) for p in files), key=lambda x: -x[1])[:8]
    return {"bytes": total, "files": len(files), "largest_files": big}


# ----------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    ap.add_argument("--cold-runs", type=int, default=int(os.environ.get("BENCH_COLD_RUNS", "0")) or None)
    ap.add_argument("--name", default=os.environ.get("BENCH_NAME") or None,
                    help="output name: bench/NAME.json and bench/NAME.md (default: results, or quick with --quick)")
    ap.add_argument("--notebook", default=None, help="notebook to edit (default: the second page of the toc)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary copy")
    ap.add_argument("--quick", action="store_true",
                    help="only the build-and-test rows: cold, no-change, touch-only, one-value edit, make test")
    ap.add_argument("--before", metavar="REV", default=os.environ.get("BENCH_BEFORE") or None,
                    help="also measure commit REV's build-and-test rows, first, in the same run (before/after)")
    ap.add_argument("--only-before", action="store_true", help="with --before: measure REV only")
    args = ap.parse_args(argv)
    args.name = args.name or ("quick" if args.quick else "results")  # the README reads results.json: full runs only
    n, n_cold = max(1, args.runs), max(1, args.cold_runs or args.runs)
    t_start = time.perf_counter()
    if args.quick:
        return quick_main(args, n, n_cold, t_start)

    base = Path(tempfile.mkdtemp(prefix="szip-bench-"))
    log(f"copy of {ROOT} in {base} (venv {VENV}); {n} runs, {n_cold} cold")
    copy = Copy(base)
    root = copy.root
    docs = toc_files(root)
    notebooks = [str(doc_path(root, d).relative_to(root)) for d in docs if doc_path(root, d).suffix == ".ipynb"]
    markdown = [d for d in docs if doc_path(root, d).suffix == ".md"]
    charted = [nb for nb in notebooks if "publish_chart(" in (root / nb).read_text(encoding="utf-8")]
    target_nb = args.notebook or (charted or notebooks)[0]
    res: dict = {
        "meta": {
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results*")),
            "cores": os.cpu_count(), "python": platform.python_version(), "runs": n, "cold_runs": n_cold,
            "notebooks": notebooks, "markdown_pages": markdown,
        }
    }
    try:
        # 0. before/after in one run: commit REV's build-and-test rows first, on the same machine
        if args.before:
            before = Copy(base, rev=args.before, name="before")
            log(f"before: {args.before} in {before.root}")
            res["before"] = {"rev": git("rev-parse", "--short", f"{args.before}^{{commit}}"),
                             **build_and_test_rows(before, n, n_cold, label="before: ")}
            shutil.rmtree(before.root, ignore_errors=True)

        # 1. cold builds, then no-change and touch-only rebuilds
        res.update(rebuild_rows(copy, n, n_cold))

        # 1b. what the Chinese edition adds (issue 25): its build alone, cold (no notebook executes: it reads
        # the same executed notebooks), and each edition's PDF (make test prints both)
        if (root / "_build" / "zh_CN").is_dir():
            zh, pdf = [], []
            for i in range(n):
                shutil.rmtree(root / "_build" / "zh_CN", ignore_errors=True)
                secs, rc, _ = copy.make("book-zh", timeout=1800)
                zh.append({"seconds": round(secs, 3), "rc": rc})
                log(f"Chinese edition, cold (make book-zh) {i + 1}/{n}: {secs:.1f} s, rc {rc}")
                secs, rc, _ = copy.make("pdf", timeout=1800)
                pdf.append({"seconds": round(secs, 3), "rc": rc})
                log(f"both PDFs (make pdf) {i + 1}/{n}: {secs:.1f} s, rc {rc}")
            res["zh_build"] = {"seconds": stats([r["seconds"] for r in zh]), "runs": zh}
            res["pdf"] = {"seconds": stats([r["seconds"] for r in pdf]), "runs": pdf}

        # 2. page weight and size of the site as built (before any edit)
        snap = base / "html"
        shutil.copytree(root / "_build" / "html", snap)
        res["site"] = site_size(snap)
        log(f"site: {res['site']['bytes'] / 1e6:.1f} MB in {res['site']['files']} files")
        res["page_weight"] = page_weight(snap, root)
        import lighthouse as lh  # bench/lighthouse.py: pinned Lighthouse, mobile, this gzip server

        res["lighthouse"] = lh.measure(snap, [p for p in site_pages(snap, root)],
                                       int(os.environ.get("BENCH_LH_RUNS", "1")), log=log)
        before = ROOT / "bench" / "lighthouse-before.json"
        res["lighthouse_before"] = json.loads(before.read_text(encoding="utf-8")) if before.exists() else None

        # 3. tests: make test, nbval alone (two workers, and once serially for the speed-up)
        tests = []
        for i in range(n):
            secs, rc, out = copy.make("test", timeout=1800)
            tail = [ln for ln in out.splitlines() if re.search(r"^=+ .*\d+ (passed|failed).* in [\d.]+s", ln)]
            book = parse_build(out, root)
            summary = tail[-1].strip("= ") if tail else f"no tests ran: its book step failed (rc {rc})"
            tests.append({"seconds": round(secs, 3), "rc": rc, "summary": summary,
                          "book_executed": book["executed"], "executed": book["executed"]})
            log(f"make test {i + 1}/{n}: {secs:.1f} s, rc {rc}, {tests[-1]['summary']}; its book step executed "
                f"{len(book['executed'])} notebooks")
        res["make_test"] = {"seconds": stats([t["seconds"] for t in tests]), "runs": tests}
        py = str(VENV / "bin" / "python")
        nbval = [py, "-m", "pytest", "-n", "2", "--dist", "loadscope", "--nbval", "--nbval-current-env",
                 "--nbval-sanitize-with", "tests/sanitize.cfg", "-p", "no:cacheprovider", "chapters"]
        nv = []
        for i in range(n):
            secs, rc, out = run(nbval + ["-v"], root, copy.env)
            tail = [ln for ln in out.splitlines() if re.search(r"^=+ .*\d+ (passed|failed).* in [\d.]+s", ln)]
            workers: dict[str, set] = {}
            for gw, nb in re.findall(r"\[(gw\d+)\][^\n]*?(chapters/\S+?)(?:\.ipynb|::ipynb)", out):
                workers.setdefault(gw, set()).add(nb + ".ipynb")
            nv.append({"seconds": round(secs, 3), "rc": rc, "summary": tail[-1].strip("= ") if tail else "",
                       "workers": {k: sorted(v) for k, v in sorted(workers.items())}})
            log(f"nbval -n 2 {i + 1}/{n}: {secs:.1f} s, rc {rc}, {nv[-1]['summary']}, "
                + "; ".join(f"{k}: {len(v)} notebooks" for k, v in nv[-1]["workers"].items()))
        secs, rc, _ = run([a for a in nbval if a not in ("-n", "2", "--dist", "loadscope")] + ["-p", "no:xdist"],
                          root, copy.env)
        log(f"nbval serial: {secs:.1f} s, rc {rc}")
        res["nbval"] = {"command": " ".join(nbval[1:]), "seconds": stats([v["seconds"] for v in nv]), "runs": nv,
                        "serial_seconds": round(secs, 3), "serial_rc": rc}
        mk = subprocess.run(["make", "-n", "-o", str(VENV / ".installed"), "test", f"VENV={VENV}"], cwd=root, env=copy.env, capture_output=True,
                            text=True).stdout
        mk = mk.replace("\\\n", " ")
        res["nbval"]["make_test_command"] = " ".join(next((ln for ln in mk.splitlines() if "pytest" in ln), "").split())

        # 4. each notebook alone
        res["per_notebook"] = time_notebooks(copy, notebooks, n)

        # 5. the first build after the tests and executions above, with no source change: nbval and nbclient
        # ran the notebooks in place, and they write the charts and CSV files that the pages depend on
        res["rebuild_after_tests"] = builds_summary([copy.build("rebuild after the tests")])

        # 6. one notebook's code changed (a different edit each run)
        nb_path = root / target_nb
        nb_original = nb_path.read_text(encoding="utf-8")
        edits = []
        for i in range(n):
            edit_notebook(nb_path, i)
            edits.append(copy.build(f"edit {target_nb} {i + 1}/{n}"))
        nb_path.write_text(nb_original, encoding="utf-8")
        res["one_notebook_edit"] = {"notebook": target_nb, **builds_summary(edits)}
        copy.build("restore notebook")

        # 7. one data value changed (toggled each run)
        obs = root / "data" / "observations.csv"
        obs_original = obs.read_text(encoding="utf-8")
        edits = []
        for i in range(n):
            what = edit_observation(obs, i, obs_original)
            b = copy.build(f"data edit {i + 1}/{n} ({what})")
            if b.get("rc"):
                raise RuntimeError(f"the one-value edit ({what}) did not build (rc {b['rc']}): it measures nothing")
            b["edit"] = what
            edits.append(b)
        obs.write_text(obs_original, encoding="utf-8")
        res["data_edit"] = builds_summary(edits)

        # 8. fixed overhead: a toc with the markdown pages only, built cold
        toc = root / "_toc_markdown_only.yml"
        toc.write_text(f"format: jb-book\nroot: {markdown[0]}\n"
                       + ("chapters:\n" + "".join(f"  - file: {d}\n" for d in markdown[1:]) if markdown[1:] else ""),
                       encoding="utf-8")
        jb = str(VENV / "bin" / "jupyter-book")
        md = []
        for i in range(n_cold):
            out_dir = base / "md-only"
            shutil.rmtree(out_dir, ignore_errors=True)
            secs, rc, out = run([jb, "build", ".", "--builder", "html", "--toc", toc.name, "--path-output",
                                 str(out_dir), "-n", "--keep-going"], root, copy.env)
            md.append({"seconds": round(secs, 3), "rc": rc, **parse_build(out, root)})
            log(f"markdown-only cold build {i + 1}/{n_cold}: {secs:.1f} s, rc {rc}")
        res["markdown_only_build"] = builds_summary(md)
    finally:
        if args.keep:
            log(f"kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)

    res["growth"] = growth(res)
    res["budgets"] = budgets(res, target_nb)
    res["meta"]["bench_seconds"] = round(time.perf_counter() - t_start, 1)
    md_text = report(res)
    print(md_text)
    out_json, out_md = ROOT / "bench" / f"{args.name}.json", ROOT / "bench" / f"{args.name}.md"
    out_json.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    out_md.write_text(md_text, encoding="utf-8")
    log(f"wrote {out_json.relative_to(ROOT)} and {out_md.relative_to(ROOT)} in {res['meta']['bench_seconds']:.0f} s")
    if args.name == "results":
        log("README's Performance section is generated from bench/results.json: run `make readme` and commit both")
    return 0


def growth(res: dict) -> dict:
    cold = res["cold_build"]["seconds"]["median"]
    overhead = res["markdown_only_build"]["seconds"]["median"]
    nbs = res["meta"]["notebooks"]
    in_build = {nb: statistics.median([r["exec_seconds"].get(nb, 0.0) for r in res["cold_build"]["runs"]])
                for nb in nbs}
    alone = {nb: res["per_notebook"][nb]["median"] for nb in nbs}
    per_nb = (cold - overhead) / len(nbs) if nbs else 0.0
    return {
        "cold_build_s": cold, "markdown_only_s": overhead, "notebooks": len(nbs),
        "exec_in_build_s": {k: round(v, 2) for k, v in in_build.items()},
        "exec_in_build_sum_s": round(sum(in_build.values()), 2),
        "exec_alone_s": alone,
        "slope_s_per_notebook": round(per_nb, 2),
        "rest_s": round(cold - overhead - sum(in_build.values()), 2),
        "nbval_s_per_notebook": round(res["nbval"]["serial_seconds"] / len(nbs), 2) if nbs else None,
    }


def budgets(res: dict, target_nb: str) -> list[dict]:
    out = []

    def add(name, met, detail):
        out.append({"budget": name, "met": bool(met), "detail": detail})

    cold, nochange = res["cold_build"]["seconds"]["median"], res["no_change_rebuild"]["seconds"]["median"]
    add("no-change rebuild <= 10% of a cold build", nochange <= NO_CHANGE_MAX_SHARE * cold
        and all(not r["executed"] for r in res["no_change_rebuild"]["runs"]),
        f"{nochange:.1f} s = {100 * nochange / cold:.0f}% of {cold:.1f} s; executed "
        f"{max(len(r['executed']) for r in res['no_change_rebuild']['runs'])} notebooks")
    ed = res["one_notebook_edit"]["runs"]
    add("one-notebook code change re-executes that notebook alone", all(r["executed"] == [target_nb] for r in ed),
        "; ".join(f"run {i + 1}: " + (", ".join(r["executed"]) or "none") for i, r in enumerate(ed)))
    de = res["data_edit"]
    n_nb = len(res["meta"]["notebooks"])
    ex = [len(r["executed"]) for r in de["runs"]]
    add(f"one value in data/ changed: only its readers re-executed (not all {n_nb}), within {DATA_EDIT_MAX_S:.0f} s",
        all(0 < k < n_nb for k in ex) and de["seconds"]["median"] <= DATA_EDIT_MAX_S,
        f"{de['seconds']['median']:.1f} s; executed " + ", ".join(map(str, ex)) + " notebooks")
    tr = res["touch_rebuild"]["runs"]
    add("touch-only rebuild re-executes nothing", all(not r["executed"] for r in tr),
        f"{res['touch_rebuild']['seconds']['median']:.1f} s; executed "
        + ", ".join(str(len(r["executed"])) for r in tr) + " notebooks")
    if res.get("before"):
        b = res["before"]
        for key, name in (("cold_build", "cold build"), ("make_test", "`make test`")):
            now, was = res[key]["seconds"]["median"], b[key]["seconds"]["median"]
            add(f"{name} <= {100 * BEFORE_MAX_SHARE:.0f}% of before ({b['rev']})", now <= BEFORE_MAX_SHARE * was,
                f"{now:.1f} s = {100 * now / was:.0f}% of {was:.1f} s")
    cmd = res["nbval"]["make_test_command"]
    two = bool(re.search(r"-n\s+2\b", cmd)) and "--dist loadscope" in cmd and "--nbval" in cmd
    both = all(len(r["workers"]) >= 2 for r in res["nbval"]["runs"])
    add("nbval runs in parallel on both cores (-n 2 --dist loadscope)", two and both,
        f"`make test` runs `{cmd[cmd.find('pytest'):cmd.find('--nbval-current')].strip()} ...`; notebooks ran on "
        f"{min(len(r['workers']) for r in res['nbval']['runs'])} workers; {res['nbval']['seconds']['median']:.1f} s "
        f"on two workers, {res['nbval']['serial_seconds']:.1f} s serially")
    pw = res["page_weight"]["pages"]
    chapters = {p: v for p, v in pw.items() if p.startswith("chapters/")}
    worst = max(chapters.items(), key=lambda kv: kv[1]["bytes"])
    add("every chapter page <= 600 KB gzip on first load, charts included",
        all(v["bytes"] <= PAGE_MAX_BYTES for v in chapters.values()),
        f"heaviest {worst[0]}: {kb(worst[1]['bytes'])} in {worst[1]['requests']} requests")
    if res.get("lighthouse"):
        import lighthouse as lh

        lhp = {p: v for p, v in res["lighthouse"]["pages"].items() if p.startswith("chapters/")}
        misses = lh.budget_misses(res["lighthouse"])
        for name, key in (("Lighthouse mobile performance >= 0.95 on every chapter page", "performance"),
                          ("LCP <= 2.5 s on every chapter page", "LCP"),
                          ("Lighthouse accessibility 1.0 on every chapter page", "accessibility"),
                          ("first load <= 400 KB (Lighthouse total byte weight, charts included)", "first load")):
            mine = [m for m in misses if f": {key}" in m]
            if key == "performance":
                worst = min(lhp.items(), key=lambda kv: kv[1]["performance"])
                detail = f"lowest {worst[0]}: {worst[1]['performance']:.2f}"
            elif key == "LCP":
                worst = max(lhp.items(), key=lambda kv: kv[1]["lcp_ms"])
                detail = f"slowest {worst[0]}: {worst[1]['lcp_ms'] / 1000:.1f} s"
            elif key == "accessibility":
                worst = min(lhp.items(), key=lambda kv: kv[1]["accessibility"])
                detail = f"lowest {worst[0]}: {worst[1]['accessibility']:.2f}"
            else:
                worst = max(lhp.items(), key=lambda kv: kv[1]["bytes"])
                detail = f"heaviest {worst[0]}: {kb(worst[1]['bytes'])}"
            add(name, not mine, detail)
    ch = res["page_weight"]["charts"]
    if ch:
        dmin = min(c["density"] for c in ch if c["density"])
        bmax = max(c["bytes"] or 0 for c in ch)
        add("charts crisp on 2x screens (>= 2 image px per CSS px at the widest layout)", dmin >= CHART_MIN_DENSITY,
            f"lowest {dmin:.2f} px/CSS px ({min(c['natural_px'] for c in ch)} px wide shown at "
            f"{max(c['css_px'] for c in ch):.0f} CSS px)")
        over = [c for c in ch if (c["bytes"] or 0) > CHART_MAX_BYTES * max(1.0, c.get("aspect", 1.0))]
        add("charts small on the wire (<= 100 KB each, in proportion for charts taller than wide)", not over,
            f"largest {kb(bmax)}" + (f"; over: {', '.join(Path(c['src']).name for c in over)}" if over else ""))
    return out


def report(res: dict) -> str:
    m = res["meta"]
    L = [f"# Benchmark: {m['date']}, commit {m['commit']}{' (work tree with changes)' if m['dirty'] else ''}",
         "",
         f"{m['cores']} cores, Python {m['python']}; {m['cold_runs']} cold builds, {m['runs']} runs of everything "
         f"else (median, min–max). {len(m['notebooks'])} notebook pages, {len(m['markdown_pages'])} markdown pages. "
         f"Bench took {m['bench_seconds']:.0f} s.", "",
         "| Measurement | Time | Notebooks executed |", "|---|---|---|"]

    def ex(b):
        sets = {(f"{len(r['executed'])}: " if r["executed"] else "") + (", ".join(Path(e).stem for e in r["executed"])
                or "none") for r in b["runs"]}
        return " / ".join(sorted(sets))

    warn = {r["warnings"] for r in res["cold_build"]["runs"]}
    rcs = {r["rc"] for r in res["cold_build"]["runs"]}
    L.append(f"| Cold build (`make book`, no `_build`) | {fmt_s(res['cold_build']['seconds'])} | {ex(res['cold_build'])} |")
    L.append(f"| No-change rebuild | {fmt_s(res['no_change_rebuild']['seconds'])} | {ex(res['no_change_rebuild'])} |")
    if "touch_rebuild" in res:
        L.append(f"| Touch-only rebuild (every input touched, no byte changed) | {fmt_s(res['touch_rebuild']['seconds'])} | "
                 f"{ex(res['touch_rebuild'])} |")
    L.append(f"| First rebuild after the tests (no source change) | {fmt_s(res['rebuild_after_tests']['seconds'])} | "
             f"{ex(res['rebuild_after_tests'])} |")
    L.append(f"| One notebook's code changed ({Path(res['one_notebook_edit']['notebook']).stem}) | "
             f"{fmt_s(res['one_notebook_edit']['seconds'])} | {ex(res['one_notebook_edit'])} |")
    L.append(f"| One value in data/observations.csv changed | {fmt_s(res['data_edit']['seconds'])} | "
             f"{ex(res['data_edit'])} |")
    L.append(f"| Markdown pages only, cold (fixed overhead) | {fmt_s(res['markdown_only_build']['seconds'])} | none |")
    if res.get("zh_build"):
        L.append(f"| Chinese edition alone, cold (`make book-zh`; part of the cold build above) | "
                 f"{fmt_s(res['zh_build']['seconds'])} | none (it reads the executed notebooks) |")
    if res.get("pdf"):
        L.append(f"| Both PDFs (`make pdf`; part of `make test`) | {fmt_s(res['pdf']['seconds'])} | none |")
    tsum = {t["summary"] for t in res["make_test"]["runs"]}
    tex = [str(len(t["book_executed"])) for t in res["make_test"]["runs"]]
    L.append(f"| `make test` (whole suite) | {fmt_s(res['make_test']['seconds'])} | its book step: {', '.join(tex)} "
             f"notebooks executed; tests: {' / '.join(sorted(tsum))} |")
    nsum = {t["summary"] for t in res["nbval"]["runs"]}
    wk = res["nbval"]["runs"][0]["workers"]
    L.append(f"| nbval alone, `-n 2 --dist loadscope` | {fmt_s(res['nbval']['seconds'])} | {' / '.join(sorted(nsum))}; "
             + "; ".join(f"{k}: {', '.join(Path(x).stem for x in v)}" for k, v in wk.items()) + " |")
    L.append(f"| nbval alone, serial (1 run) | {res['nbval']['serial_seconds']:.1f} s | |")
    if rcs != {0}:
        L += ["", f"Note: the cold builds exited with code {sorted(rcs)} ({sorted(warn)} warnings under `-W`); "
                  "timings are still those of complete builds (`--keep-going`)."]

    g = res["growth"]
    L += ["", "## Per notebook", "", "| Notebook | Executed in the build (myst-nb) | Alone (nbclient) |", "|---|---|---|"]
    for nb in m["notebooks"]:
        L.append(f"| {nb} | {g['exec_in_build_s'][nb]:.1f} s | {fmt_s(res['per_notebook'][nb])} |")
    L += ["", f"Cost growth: cold build {g['cold_build_s']:.1f} s ≈ fixed overhead {g['markdown_only_s']:.1f} s "
              f"(markdown pages only) + {g['notebooks']} notebooks × {g['slope_s_per_notebook']:.1f} s. Of that slope, "
              f"execution is {g['exec_in_build_sum_s'] / max(1, g['notebooks']):.1f} s per notebook on average "
              f"(sum {g['exec_in_build_sum_s']:.1f} s); the rest ({g['rest_s']:.1f} s in all) is reading and writing "
              f"the pages. Each new notebook page adds about {g['slope_s_per_notebook']:.1f} s to a cold build and to "
              f"a data change, about {g['nbval_s_per_notebook']:.1f} s to serial nbval (half that on two workers), "
              "and nothing to a no-change rebuild."]

    pw = res["page_weight"]
    L += ["", "## Page weight (first load, gzip as on GitHub Pages, headless Chromium, 1440×900)", "",
          "| Page | Transferred | Requests | HTML | CSS | JS | Fonts | Images |", "|---|---|---|---|---|---|---|---|"]
    for p, v in pw["pages"].items():
        k = v["by_kind"]
        L.append(f"| {p} | {kb(v['bytes'])} | {v['requests']} | {kb(k.get('html', 0))} | {kb(k.get('css', 0))} | "
                 f"{kb(k.get('js', 0))} | {kb(k.get('font', 0))} | {kb(k.get('image', 0))} |")
    nf = sorted({x for v in pw["pages"].values() for x in v["not_found"]})
    tp = sorted({x for v in pw["pages"].values() for x in v["third_party"]})
    L += ["", "Largest assets loaded (bytes on the wire): "
          + ", ".join(f"`{a}` {kb(b)}" for a, b in pw["largest_assets"]) + "."]
    L += [f"Requests that failed: {', '.join(nf) or 'none'}. Third-party requests: {', '.join(tp) or 'none'}."]
    if pw["charts"]:
        L += ["", "| Chart | Page | Pixels wide | Shown at (CSS px) | Image px per CSS px | On the wire |",
              "|---|---|---|---|---|---|"]
        for c in pw["charts"]:
            L.append(f"| {Path(c['src']).name} | {c['page']} | {c['natural_px']} | {c['css_px']:.0f} | "
                     f"{c['density']:.2f} | {kb(c['bytes'] or 0)} |")
    if res.get("lighthouse"):
        import lighthouse as lh

        L += ["", f"## Lighthouse {res['lighthouse']['version']} (mobile: simulated slow 4G and 4x CPU slowdown; "
              "served with gzip on 127.0.0.1)", "",
              "Before → after" if res.get("lighthouse_before") else "",
              "(before: `bench/lighthouse-before.json`, measured on the build of main at the start of issue 10)"
              if res.get("lighthouse_before") else "", ""]
        L += lh.table(res["lighthouse"], res.get("lighthouse_before"))
    s = res["site"]
    L += ["", f"Site `_build/html`: {s['bytes'] / 1e6:.1f} MB in {s['files']} files; largest: "
          + ", ".join(f"`{a}` {b / 1e6:.2f} MB" for a, b in s["largest_files"][:5]) + "."]

    if res.get("before"):
        after = {"rev": m["commit"] + (" + work tree" if m["dirty"] else ""), **{k: res[k] for k, _ in QUICK_ROWS}}
        L += ["", "## Before and after (same machine, same run)", "",
              *before_after({"before": res["before"], "after": after})]

    L += ["", "## Budgets", "", "| Budget | Met | Detail |", "|---|---|---|"]
    for b in res["budgets"]:
        L.append(f"| {b['budget']} | {'met' if b['met'] else '**not met**'} | {b['detail']} |")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    sys.exit(main())
