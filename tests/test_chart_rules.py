"""Every plotted or quoted value is one a source prints: no median or mean of several sources' values.
Where sources disagree, a line joins the preferred source's value and every value is drawn as a point."""

import json
import re

import pandas as pd
from conftest import ROOT

from helpers.evidence import observations, per_year, preference, preferred

AVERAGING = re.compile(r"\.(median|mean)\(|\"(median|mean)\"")


def _code_cells():
    for nb in sorted((ROOT / "chapters").rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb.parts:
            continue
        for i, c in enumerate(json.loads(nb.read_text(encoding="utf-8"))["cells"]):
            if c["cell_type"] == "code":
                yield f"{nb.relative_to(ROOT)} cell {i}", "".join(c["source"])


def test_no_page_or_helper_averages_sources():
    found = [where for where, src in _code_cells() if AVERAGING.search(src)]
    for py in sorted((ROOT / "src" / "helpers").rglob("*.py")):
        for n, line in enumerate(py.read_text(encoding="utf-8").splitlines(), 1):
            if AVERAGING.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{py.relative_to(ROOT)}:{n}")
    assert not found, f"values averaged across sources: {found}"


def test_one_value_per_year_is_a_printed_value():
    o = observations("invention_per_10k", regions="shenzhen", period_types="point")
    s = per_year(o)
    for year, v in s.items():
        assert v in set(o[o["year"] == year]["value_std"]), year


def test_the_preferred_source_counts_for_itself():
    rows = pd.DataFrame(
        {
            "value_std": [1.0, 2.0, 3.0],
            "independent": [False, True, True],
            "tier": ["official", "repost", "official"],
            "after_article": [False, False, True],
            "date_published": ["2021-01-01", "2021-01-01", "2023-01-01"],
            "source_id": ["a", "b", "c"],
        }
    )
    assert list(preference(rows)["source_id"]) == ["c", "b", "a"]  # official copy first, then before the article
    assert preferred(rows) == 3.0
