"""Plain names for the codes in data/: what readers see instead of keys (the keys stay in the CSVs).

Every table, legend and sentence a page shows goes through these, so that no region key, basis code,
period-type code or edition code reaches the reader (a test scans the built pages for them).
"""

from __future__ import annotations

import re

import pandas as pd

from .data import load_table

BASIS = {
    "standard": "as published",
    "cnipa": "CNIPA count (received by CNIPA)",
    "cnipa_total": "CNIPA grand total (incl. foreign applicants)",
    "wipo": "WIPO count (by applicant origin)",
    "unspecified": "basis not stated",
    "domestic": "domestic applicants only",
    "domestic_nbs": "domestic, NBS definition",
    "patent_trademark": "patents and trademarks",
    "patent": "patents only",
    "all": "all IP types",
    "granted": "granted",
    "valid": "in force",
    "gold": "gold award",
    "silver": "silver award",
    "excellence": "award of excellence",
    "design_gold": "design gold award",
    "design_silver": "design silver award",
    "design_excellence": "design award of excellence",
    "gold_silver": "gold and silver awards",
    "gold_all": "all gold awards (patent and design)",
    "single_product": "single products",
    "invention": "invention patents",
    "all_types": "all patent types",
    "high_value": "high-value patents",
    "admin_protection": "administrative protection review",
    "fast_protection": "fast collaborative protection review",
    "overseas_guidance": "overseas dispute guidance review",
    "gd_city_protection": "Guangdong city IP protection review",
    "instituted": "investigations instituted",
    "complaints": "complaints filed",
    "complaints_ancillary": "complaints and ancillary proceedings",
    "investigated": "cases investigated",
    "closed": "cases closed",
    "procuratorate_registered": "registered by the procuratorate",
    "police": "handled by the police",
    "received": "cases received",
    "concluded": "cases concluded",
}

PERIOD_TYPE = {
    "year": "full year",
    "ytd": "year to date",
    "month": "month",
    "point": "point in time",
    "cumulative": "cumulative to date",
    "edition": "award edition",
    "target": "plan target",
}

# the article's qualifier codes (claims.csv, observations.csv) in words: the one place they are written
QUALIFIER = {
    "": "",
    "about": "about",
    "over": "more than",
    "nearly": "nearly",
    "under": "under",
    "at_least": "at least",
}

TIER = {
    "official": "official site",
    "media": "named outlet",
    "repost": "repost of a named outlet",
    "unattributed": "no outlet named",
}

RELATION = {
    "claimant": "claimant (Shenzhen)",
    "national_official": "national or international official",
    "other_official": "other official (another city, province or country)",
    "independent": "independent, non-official",
    "unknown": "not stated",
}


def qualified(code: str, text: str) -> str:
    """``text`` with the qualifier in front: ('over', '18 years') -> 'more than 18 years'; no code, no word."""
    q = QUALIFIER.get(code or "", "")
    return f"{q} {text}" if q else text


def basis(code: str) -> str:
    return BASIS.get(code, code.replace("_", " "))


def period_type(code: str) -> str:
    return PERIOD_TYPE[code]


def relation(code: str) -> str:
    return RELATION[code]


def tier(code: str) -> str:
    return TIER[code]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def edition(code: str) -> str:
    """'ed23' -> '23rd edition'."""
    m = re.fullmatch(r"ed(\d+)", code)
    return f"{ordinal(int(m.group(1)))} edition" if m else code


def period(label: str, ptype: str) -> str:
    """A period label as a reader reads it: '2018 Jan–Sep', '23rd edition', 'to 2022-09-30'."""
    if ptype == "edition":
        return edition(label)
    if ptype == "ytd":
        m = re.fullmatch(r"(\d{4})-(\d{2})\.\.\d{4}-(\d{2})", label)
        if m:
            months = (
                pd.Timestamp(2000, int(m.group(2)), 1).strftime("%b"),
                pd.Timestamp(2000, int(m.group(3)), 1).strftime("%b"),
            )
            return f"{m.group(1)} {months[0]}–{months[1]}"
    if ptype == "cumulative":
        a, _, b = label.partition("..")
        return f"{a} to {b}" if a else f"to {b}"
    if ptype == "target":
        return label.replace("..", "–") + " plan"
    return label


def regions(short: bool = True) -> dict[str, str]:
    """Region key -> 'Shenzhen' (short) or 'Shenzhen 深圳'."""
    r = load_table("regions")
    return {k: (en if short else f"{en} {zh}") for k, en, zh in zip(r["region"], r["name_en"], r["name_zh"])}


def indicators() -> dict[str, str]:
    i = load_table("indicators")
    return dict(zip(i["indicator"], i["name_en"]))


def note(text: str) -> str:
    """A transcription note as readers see it: edition codes ('ed19') become '19th edition'."""
    return re.sub(r"\bed(\d{1,2})\b", lambda m: f"{ordinal(int(m.group(1)))} edition", text)
