"""Lighthouse (mobile, simulated slow 4G) on every page of a built site, served with gzip on 127.0.0.1.

Used by ``bench/run.py`` (``make bench``) on the build of its temporary copy, and alone on any build:

    .venv/bin/python bench/lighthouse.py _build/html [--name lighthouse-before] [--runs 1]

Lighthouse is the npm package pinned in ``bench/lighthouse/package.json`` (and its lock), installed into
``bench/lighthouse/node_modules`` with ``npm ci`` on first use; it drives ``CHROME_PATH`` (default
/usr/bin/chromium). Nothing leaves the machine: the pages load only from the local server.

Per page: performance and accessibility scores, LCP, FCP, TBT, CLS, and the bytes transferred on first load
(Lighthouse's own total-byte-weight, i.e. compressed). Budgets (issue 10): performance >= 0.95 and
LCP <= 2.5 s on every chapter page, accessibility 1.0, first load <= 400 KB.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LH_DIR = HERE / "lighthouse"
LH_BIN = LH_DIR / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

PERF_MIN = 0.95
LCP_MAX_MS = 2500
A11Y_MIN = 1.0
FIRST_LOAD_MAX = 400_000  # bytes (10^3) with gzip, charts included


def ensure_lighthouse() -> Path:
    if not LH_BIN.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=LH_DIR, check=True)
    version = json.loads((LH_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    pinned = json.loads((LH_DIR / "package.json").read_text())["dependencies"]["lighthouse"]
    if version != pinned:
        raise RuntimeError(f"bench/lighthouse has lighthouse {version}, package.json pins {pinned}: "
                           "remove bench/lighthouse/node_modules and run again")
    return LH_BIN


def lighthouse_version() -> str:
    return json.loads((LH_DIR / "package.json").read_text())["dependencies"]["lighthouse"]


def run_one(url: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        env = {**os.environ, "CHROME_PATH": CHROME}
        cmd = [str(ensure_lighthouse()), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility", "--form-factor=mobile",
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-component-update --disable-sync --no-first-run"]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        if r.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url}: {r.stderr[-2000:]}")
        lhr = json.loads(out.read_text())
    audits, cats = lhr["audits"], lhr["categories"]
    failed_a11y = [a["id"] for a in cats["accessibility"]["auditRefs"]
                   if audits.get(a["id"], {}).get("score") == 0]
    return {
        "performance": cats["performance"]["score"],
        "accessibility": cats["accessibility"]["score"],
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "fcp_ms": round(audits["first-contentful-paint"]["numericValue"]),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "bytes": round(audits["total-byte-weight"]["numericValue"]),
        # Lighthouse 13 reports these as insights (the older audits are gone)
        "render_blocking": [i["url"].split("/", 3)[-1] for i in
                            (audits.get("render-blocking-insight", {}).get("details") or {}).get("items", [])
                            if isinstance(i, dict) and "url" in i],
        "lcp_element": _lcp_element(audits),
        "a11y_failed": failed_a11y,
    }


def _lcp_element(audits: dict) -> str:
    """What the largest contentful paint was: the element's tag and the start of its text."""
    items = (audits.get("lcp-breakdown-insight", {}).get("details") or {}).get("items", [])
    node = next((i for i in items if isinstance(i, dict) and i.get("type") == "node"), None)
    return f"{node.get('snippet', '')} {node.get('nodeLabel', '')[:60]}".strip() if node else ""


def measure(html: Path, pages: list[str], runs: int = 1, log=print) -> dict:
    """Lighthouse on each page (median of ``runs``), the site served with gzip on 127.0.0.1."""
    sys.path.insert(0, str(HERE))
    from run import serve  # the same gzip server as the page-weight measurement

    ensure_lighthouse()
    server, _ = serve(html)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = {}
    try:
        for rel in pages:
            res = [run_one(base + rel) for _ in range(runs)]
            med = {k: statistics.median(r[k] for r in res) for k in
                   ("performance", "accessibility", "lcp_ms", "fcp_ms", "tbt_ms", "cls", "bytes")}
            med.update(render_blocking=res[0]["render_blocking"], a11y_failed=res[0]["a11y_failed"],
                       lcp_element=res[0]["lcp_element"], runs=runs)
            out[rel] = med
            log(f"lighthouse {rel}: perf {med['performance']:.2f}, a11y {med['accessibility']:.2f}, "
                f"LCP {med['lcp_ms'] / 1000:.1f} s, {med['bytes'] / 1000:.0f} KB")
    finally:
        server.shutdown()
    return {"version": lighthouse_version(), "pages": out}


def budget_misses(lh: dict) -> list[str]:
    misses = []
    for rel, m in lh["pages"].items():
        if not rel.startswith("chapters/"):
            continue
        if m["performance"] < PERF_MIN:
            misses.append(f"{rel}: performance {m['performance']:.2f} < {PERF_MIN}")
        if m["lcp_ms"] > LCP_MAX_MS:
            misses.append(f"{rel}: LCP {m['lcp_ms'] / 1000:.1f} s > {LCP_MAX_MS / 1000} s")
        if m["accessibility"] < A11Y_MIN:
            misses.append(f"{rel}: accessibility {m['accessibility']:.2f} ({', '.join(m['a11y_failed'])})")
        if m["bytes"] > FIRST_LOAD_MAX:
            misses.append(f"{rel}: first load {m['bytes'] / 1000:.0f} KB > {FIRST_LOAD_MAX / 1000:.0f} KB")
    return misses


def table(after: dict, before: dict | None = None) -> list[str]:
    """Markdown rows: one per page, before -> after where a before measurement is given."""
    b = (before or {}).get("pages", {})

    def cell(rel, key, fmt):
        a = fmt(after["pages"][rel][key])
        return f"{fmt(b[rel][key])} → {a}" if rel in b else a

    pct = lambda v: f"{v:.2f}"  # noqa: E731
    sec = lambda v: f"{v / 1000:.1f} s"  # noqa: E731
    kb_ = lambda v: f"{v / 1000:.0f} KB"  # noqa: E731
    rows = ["| Page | Performance | LCP | FCP | TBT | Accessibility | First load |", "|---|---|---|---|---|---|---|"]
    for rel in after["pages"]:
        rows.append(f"| {rel} | {cell(rel, 'performance', pct)} | {cell(rel, 'lcp_ms', sec)} | "
                    f"{cell(rel, 'fcp_ms', sec)} | {cell(rel, 'tbt_ms', lambda v: f'{v:.0f} ms')} | "
                    f"{cell(rel, 'accessibility', pct)} | {cell(rel, 'bytes', kb_)} |")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("html", type=Path)
    ap.add_argument("--name", default="lighthouse")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_LH_RUNS", "1")))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from run import ROOT, site_pages

    res = measure(args.html.resolve(), site_pages(args.html.resolve(), ROOT), args.runs)
    (HERE / f"{args.name}.json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(table(res)))
    for m in budget_misses(res):
        print("budget missed:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
