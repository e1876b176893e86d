"""Regenerate the generated parts of README.md and data/README.md (``make readme``).

Sections between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` are replaced; everything else is
hand-written. ``--check`` exits 1 when a generated part is out of date (the tests run it), so the README
can never drift from the data.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd

from .checks import verdict_table
from .data import load_package
from .paths import repo_root
from .tables import markdown_table


def findings() -> str:
    root = repo_root()
    every = verdict_table()
    vt = every[every["checked"] & every["page"].map(lambda p: (root / p).exists())]
    if vt.empty:
        return "_No chapter pages yet._"
    counts = vt["verdict"].value_counts()
    summary = ", ".join(f"{int(n)} {label}" for label, n in counts.items())
    t = pd.DataFrame(
        {
            "Paragraph": vt["paragraph"],
            "Claim (paraphrased)": vt["claim"],
            "Verdict": vt["verdict"],
            "Strength": vt["strength"],
            "Coverage": vt["coverage"],
            "Why": vt["why"],
        }
    )
    return f"Claims checked so far ({len(vt)} of {len(every)} in the ledger): {summary}.\n\n" + markdown_table(t)


def coverage() -> str:
    pkg = load_package()
    o, s = pkg["observations"], pkg["sources"]
    ind = pkg["indicators"].set_index("indicator")
    g = (
        o.assign(y=o["period_end"].dt.year)
        .groupby("indicator")
        .agg(
            values=("value", "size"),
            regions=("region", "nunique"),
            sources=("source_id", "nunique"),
            first=("y", "min"),
            last=("y", "max"),
        )
        .reset_index()
    )
    g.insert(1, "name", [ind.loc[i, "name_en"] for i in g["indicator"]])
    tiers = s["tier"].value_counts()
    head = (
        f"{len(o)} observations, {len(s)} sources ("
        + ", ".join(f"{int(n)} {t}" for t, n in tiers.items())
        + f"), {len(pkg['claims'])} claims, {len(pkg['events'])} events.\n\n"
    )
    g.columns = ["Indicator", "Name", "Values", "Regions", "Sources", "First year", "Last year"]
    return head + markdown_table(g)


def performance() -> str:
    root = repo_root()
    script = root / "bench" / "readme_section.py"
    if not script.exists() or not (root / "bench" / "results.json").exists():
        return "_No benchmark has been run yet: `make bench`._"
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, check=True, cwd=root
    ).stdout.strip()


def replace(text: str, name: str, body: str) -> str:
    pat = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    if not pat.search(text):
        raise ValueError(f"markers for {name!r} are missing")
    return pat.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def render() -> dict:
    root = repo_root()
    out = {}
    readme = (root / "README.md").read_text(encoding="utf-8")
    readme = replace(readme, "findings", findings())
    readme = replace(readme, "perf", performance())
    out[root / "README.md"] = readme
    dr = (root / "data" / "README.md").read_text(encoding="utf-8")
    out[root / "data" / "README.md"] = replace(dr, "coverage", coverage())
    return out


def main(argv: list[str]) -> int:
    stale = []
    for path, text in render().items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if "--check" not in argv:
                path.write_text(text, encoding="utf-8")
    if "--check" in argv and stale:
        print("out of date (run `make readme`): " + ", ".join(str(p) for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
