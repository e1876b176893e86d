"""The data page (chapters/data.ipynb): the package's counts, the claims ledger, coverage by indicator and
region, and the raw tables to download. The notebook imports this module alone
(``from helpers.site import data as page``)."""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pandas as pd

from .. import names
from ..data import load_package
from ..gluing import glue
from ..i18n import in_lang, say, show_markdown, zh
from ..pages import bullet_list, claim_words, stated_text
from ..paths import repo_root
from ..tables import EDITIONS, folded, markdown_table
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


# the ledger's column headers (its codes are kept: this is the data page)
# TRANSLATORS: column header: the claim's key in the ledger
H_ID = zh("Claim id")
# TRANSLATORS: column header: the article's section (a code)
H_SECTION = zh("Section")
# TRANSLATORS: column header: the article's paragraph
H_PARAGRAPH = zh("Paragraph")
# TRANSLATORS: column header: the claim in our words
H_CLAIM = zh("Claim (paraphrased)")
# TRANSLATORS: column header: the value the article states
H_STATED = zh("Stated")
# TRANSLATORS: column header: the period (as the ledger codes it)
H_PERIOD = zh("Period")
# TRANSLATORS: column header: the kind of claim (a code)
H_KIND = zh("Kind")
# TRANSLATORS: column header: the indicators that check the claim (codes)
H_CHECKED = zh("Checked with")
# TRANSLATORS: the claims ledger's one-line summary; {claims} is "33 claims"
LEDGER_SUMMARY = zh("The {claims} of the ledger, one row each")

# the coverage table's column headers
# TRANSLATORS: column header: an indicator's key
H_INDICATOR = zh("Indicator")
# TRANSLATORS: column header: an indicator's name
H_NAME = zh("Name")
H_NAME_ZH = "名称"  # the Chinese name, shown in every edition
# TRANSLATORS: column header
H_REGION = zh("Region")
# TRANSLATORS: column header: a number of values
H_VALUES = zh("Values")
# TRANSLATORS: column header: a number of sources
H_SOURCES = zh("Sources")
# TRANSLATORS: column header: the first year with a value
H_FIRST = zh("First year")
# TRANSLATORS: column header: the last year with a value
H_LAST = zh("Last year")
# TRANSLATORS: the coverage table's one-line summary; {pairs} "190 pairs", {values} "1,152 values"
COVERAGE_SUMMARY = zh("Values, sources and years for {pairs} of indicator and region ({values} in all)")


def _codes(values, lang: str) -> list[str]:
    """Codes of the data (kept on this page) as code in a translated edition, so they read as keys."""
    return [v if lang == "en" or not v else f"`{v}`" for v in values]


def claims_ledger() -> None:
    """The claims as the ledger holds them (its codes kept: this is the data page), folded on a phone."""
    cl = _package()["claims"]

    def table(lang):
        return pd.DataFrame(
            {
                H_ID: _codes(cl["claim_id"], lang),
                H_SECTION: _codes(cl["section"], lang),
                H_PARAGRAPH: cl["paragraph"].astype(int),
                H_CLAIM: pd.Series([claim_words(c, en) for c, en in zip(cl["claim_id"], cl["claim_en"])], dtype=object),
                H_STATED: pd.Series([stated_text(c) for c in cl["claim_id"]], dtype=object),
                H_PERIOD: _codes(cl["period"], lang),
                H_KIND: _codes(cl["kind"], lang),
                H_CHECKED: [", ".join(_codes(x.split(";"), lang)) if x else "" for x in cl["indicators"]]
                if lang != "en"
                else cl["indicators"].str.replace(";", ", "),
            }
        )

    summary = say(LEDGER_SUMMARY, claims=plural(len(cl), "claim"))
    show_markdown({lang: folded(markdown_table(table(lang), lang), str(in_lang(summary, lang))) for lang in EDITIONS})


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

    def table(lang):
        t = {H_INDICATOR: _codes(cov["indicator"], lang)}
        if lang == "en":  # the Chinese edition has the Chinese name only
            t[H_NAME] = [ind.loc[i, "name_en"] for i in cov["indicator"]]
        t |= {
            H_NAME_ZH: [ind.loc[i, "name_zh"] for i in cov["indicator"]],
            H_REGION: pd.Series([regions.get(r, r) for r in cov["region"]], dtype=object),
            H_VALUES: cov["values"],
            H_SOURCES: cov["sources"],
            H_FIRST: cov["first"],
            H_LAST: cov["last"],
        }
        return pd.DataFrame(t)

    summary = say(COVERAGE_SUMMARY, pairs=plural(len(cov), "pair"), values=plural(int(cov["values"].sum()), "value"))
    show_markdown({lang: folded(markdown_table(table(lang), lang), str(in_lang(summary, lang))) for lang in EDITIONS})


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
