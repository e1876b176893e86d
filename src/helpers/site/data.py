"""The data page (chapters/data.ipynb): the package's counts, the claims ledger, coverage by indicator and
region, and the raw tables to download. The notebook imports this module alone
(``from helpers.site import data as page``)."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pandas as pd
from IPython.display import Markdown, display

from .. import names
from ..data import load_package
from ..gluing import glue
from ..pages import bullet_list, stated_text
from ..paths import repo_root
from ..tables import folded, markdown_table
from ..verdicts import plural

TABLES = ["claims", "observations", "sources", "indicators", "regions", "events"]


@cache
def _package() -> dict[str, pd.DataFrame]:
    return load_package()


def glue_counts() -> None:
    pkg = _package()
    o, s, cl = pkg["observations"], pkg["sources"], pkg["claims"]
    glue("d_n_obs", len(o))
    glue("d_n_src", len(s))
    glue("d_n_claims", len(cl))
    glue("d_n_ind", int(o["indicator"].nunique()))
    glue("d_n_regions", int(o["region"].nunique()))
    tiers = s["tier"].value_counts()
    for t in ["official", "media", "repost", "unattributed"]:
        glue("d_tier_" + t, int(tiers.get(t, 0)))


def claims_ledger() -> None:
    """The claims as the ledger holds them (its codes kept: this is the data page), folded on a phone."""
    cl = _package()["claims"]
    t = pd.DataFrame(
        {
            "Claim id": cl["claim_id"],
            "Section": cl["section"],
            "Paragraph": cl["paragraph"].astype(int),
            "Claim (paraphrased)": cl["claim_en"],
            "Stated": [stated_text(c) for c in cl["claim_id"]],
            "Period": cl["period"],
            "Kind": cl["kind"],
            "Checked with": cl["indicators"].str.replace(";", ", "),
        }
    )
    summary = f"The {plural(len(t), 'claim')} of the ledger, one row each"
    display(Markdown(folded(markdown_table(t), summary)))


def coverage_table() -> None:
    pkg = _package()
    o = pkg["observations"]
    ind = pkg["indicators"].set_index("indicator")
    regions = names.regions()
    cov = (
        o.assign(y=o["period_end"].dt.year)
        .groupby(["indicator", "region"])
        .agg(values=("value", "size"), sources=("source_id", "nunique"), first=("y", "min"), last=("y", "max"))
        .reset_index()
    )
    t = pd.DataFrame(
        {
            "Indicator": cov["indicator"],
            "Name": [ind.loc[i, "name_en"] for i in cov["indicator"]],
            "名称": [ind.loc[i, "name_zh"] for i in cov["indicator"]],
            "Region": [regions.get(r, r) for r in cov["region"]],
            "Values": cov["values"],
            "Sources": cov["sources"],
            "First year": cov["first"],
            "Last year": cov["last"],
        }
    )
    summary = (
        f"Values, sources and years for {plural(len(t), 'pair')} of indicator and region "
        f"({plural(int(t['Values'].sum()), 'value')} in all)"
    )
    display(Markdown(folded(markdown_table(t), summary)))


def downloads() -> None:
    """Copy the raw tables and the package descriptor next to the page and list them as downloads."""
    gen = Path("_generated")
    gen.mkdir(exist_ok=True)
    data = repo_root() / "data"
    links = []
    for name in TABLES:
        shutil.copyfile(data / f"{name}.csv", gen / f"{name}.csv")
        links.append(f"{{download}}`{name}.csv <_generated/{name}.csv>`")
    shutil.copyfile(data / "datapackage.json", gen / "datapackage.json")
    links.append("{download}`datapackage.json <_generated/datapackage.json>`")
    bullet_list(links)
