"""Print the README's "Performance" section (between ``<!-- perf:start -->`` and ``<!-- perf:end -->``),
generated from the last ``bench/results.json`` (``make bench`` writes it). Output depends on that file only.
When the bench measured a commit before a change too (``make bench BEFORE=REV``), the section opens with
the before/after table of the build-and-test rows.

    .venv/bin/python bench/readme_section.py [path/to/results.json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"


def s(st: dict) -> str:
    return f"{st['median']:.1f} s"


BEFORE_AFTER = [("cold_build", "Cold build (`make book`, no `_build/`)"),
                ("no_change_rebuild", "Rebuild with nothing changed"),
                ("touch_rebuild", "Rebuild after touching every input (no byte changed)"),
                ("data_edit", "Rebuild after changing one value in `data/`"),
                ("make_test", "`make test` (whole suite, two workers)")]


def before_after(res: dict) -> list[str]:
    """Before/after rows: seconds and notebooks executed by the build step, after as a share of before."""
    b, a = res["before"], res
    after_rev = res["meta"]["commit"] + (" + work tree" if res["meta"].get("dirty") else "")

    def cell(r: dict) -> str:
        ex = "/".join(map(str, sorted({len(x.get("executed", x.get("book_executed", []))) for x in r["runs"]})))
        return f"{s(r['seconds'])}, {ex} notebooks executed"

    lines = [f"Before and after the content-addressed, parallel build (same machine, same run; before: "
             f"{b['rev']}, after: {after_rev}):", "",
             "| What | Before | After | After / before |", "|---|---|---|---|"]
    for key, name in BEFORE_AFTER:
        was, now = b[key]["seconds"]["median"], a[key]["seconds"]["median"]
        share = f"{100 * now / was:.0f}%" if was else "n/a"
        lines.append(f"| {name} | {cell(b[key])} | {cell(a[key])} | {share} |")
    return [*lines, ""]


def section(res: dict) -> str:
    m, g, pw = res["meta"], res["growth"], res["page_weight"]["pages"]
    cold = res["cold_build"]["seconds"]["median"]
    nochange = res["no_change_rebuild"]["seconds"]["median"]
    edit, data = res["one_notebook_edit"], res["data_edit"]
    chapters = {p: v for p, v in pw.items() if p.startswith("chapters/")}
    heavy_page, heavy = max(chapters.items(), key=lambda kv: kv[1]["bytes"])
    light = min(v["bytes"] for v in chapters.values())
    charts = res["page_weight"]["charts"]
    executed = {len(r["executed"]) for r in data["runs"]}
    rows = [
        ("Cold build (`make book`, no `_build/`)", s(res["cold_build"]["seconds"])),
        ("Rebuild with nothing changed", f"{s(res['no_change_rebuild']['seconds'])} ({100 * nochange / cold:.0f}% of a cold "
                                         "build), executes nothing"),
        (f"Rebuild after editing one notebook ({Path(edit['notebook']).stem})",
         f"{s(edit['seconds'])}, re-executes that notebook only"
         if all(r["executed"] == [edit["notebook"]] for r in edit["runs"]) else
         f"{s(edit['seconds'])}, re-executes " + ", ".join(sorted({str(len(r['executed'])) for r in edit["runs"]}))
         + " notebooks"),
        ("Rebuild after changing one value in `data/`",
         f"{s(data['seconds'])}, re-executes the {'/'.join(map(str, sorted(executed)))} notebooks that load the data"),
        ("`make test` (whole suite, two workers)", s(res["make_test"]["seconds"])),
        ("nbval alone (two workers / serial)", f"{s(res['nbval']['seconds'])} / {res['nbval']['serial_seconds']:.1f} s"),
        ("Chapter page, first load with gzip", f"{light / 1000:.0f}–{heavy['bytes'] / 1000:.0f} KB "
                                              f"(heaviest: {Path(heavy_page).stem}, {heavy['requests']} requests)"),
    ]
    if charts:
        rows.append(("Charts", f"{min(c['natural_px'] for c in charts)}+ px wide "
                               f"({min(c['density'] for c in charts):.1f} px per CSS px), "
                               f"at most {max(c['bytes'] or 0 for c in charts) / 1000:.0f} KB each"))
    lh = res.get("lighthouse")
    if lh:
        ch = {p: v for p, v in lh["pages"].items() if p.startswith("chapters/")}
        before = {p: v for p, v in ((res.get("lighthouse_before") or {}).get("pages") or {}).items()
                  if p.startswith("chapters/")}

        def span(d, key, fmt):
            vals = [v[key] for v in d.values()]
            return f"{fmt(min(vals))}–{fmt(max(vals))}" if vals else "n/a"

        two, sec = (lambda v: f"{v:.2f}"), (lambda v: f"{v / 1000:.1f} s")
        was = (lambda key, fmt: f" (before: {span(before, key, fmt)})" if before else "")
        rows.append((f"Lighthouse {lh['version']} mobile performance, chapter pages",
                     span(ch, "performance", two) + was("performance", two)))
        rows.append(("Largest contentful paint (simulated slow 4G)", span(ch, "lcp_ms", sec) + was("lcp_ms", sec)))
        rows.append(("Lighthouse accessibility", span(ch, "accessibility", two) + was("accessibility", two)))
    rows.append(("Built site (`_build/html`)", f"{res['site']['bytes'] / 1e6:.1f} MB in {res['site']['files']} files"))
    met = [b for b in res["budgets"] if b["met"]]
    missed = [b["budget"] for b in res["budgets"] if not b["met"]]
    lines = [
        f"Measured by `make bench` ({m['date']}, commit {m['commit']}, {m['cores']} cores; median of "
        f"{m['runs']} runs, {m['cold_runs']} for cold builds). Details in `bench/results.md`.",
        "",
        *(before_after(res) if res.get("before") else []),
        "| What | Cost |",
        "|---|---|",
        *[f"| {a} | {b} |" for a, b in rows],
        "",
        f"Budgets met: {len(met)} of {len(res['budgets'])}" + (f"; not met: {'; '.join(missed)}." if missed else "."),
        f"Each notebook page adds about {g['slope_s_per_notebook']:.1f} s to a cold build or a data change "
        f"(fixed overhead {g['markdown_only_s']:.1f} s) and about {g['nbval_s_per_notebook']:.1f} s to serial nbval; "
        "nothing to a rebuild with nothing changed.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else RESULTS
    print(section(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
