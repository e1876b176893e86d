"""Printed labels: the term and the number with its unit as a source page prints them, so that a reader can
find any value on its page with a text search. ``make check-data`` requires one per observation (or a
marked reason, ``label_missing``) and checks that the label holds the recorded value in the recorded unit.

Only the comparison normalises (full-width digits, thousands separators, 万/亿/千 and million/billion);
the label itself is kept exactly as printed.
"""

from __future__ import annotations

import re
import unicodedata

from .units import UNITS

MAX_LABEL = 60  # characters: a label, never a sentence (the house aim is about 40)

_SCALE = {
    "万亿": 1e12,
    "万": 1e4,
    "亿": 1e8,
    "千": 1e3,
    "百万": 1e6,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "bn": 1e9,
}
_SCALE_RE = "|".join(sorted(map(re.escape, _SCALE), key=len, reverse=True))
_NUMBER = re.compile(rf"(?<!\d)(?<!\d\.)(\d+(?:\.\d+)?)\s*({_SCALE_RE})?", re.IGNORECASE)
_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+")
# compound Chinese amounts: 13亿9008万, 5万3345
_COMPOUND = re.compile(r"(\d+)亿(?:(\d+)万)?(\d+)?|(\d+)万(\d+)(?![\d.])")
# a first place printed in words: 首位, 第一, 榜首, 'first', 'No. 1', 'top'
_FIRST = re.compile(
    r"首位|首次|第一|榜首|居首|之首|首|冠|最多|最高|领先|トップ|first|top|highest|most|leading|"
    r"no\.\s*1\b|#1",
    re.IGNORECASE,
)
_EN_NUMBER = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_EN_TENS = {w: 10.0 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_RE = re.compile(
    r"\b(?:("
    + "|".join(_EN_TENS)
    + r")(?:-("
    + "|".join(list(_EN_NUMBER)[1:10])
    + r"))?|("
    + "|".join(_EN_NUMBER)
    + r"))\b",
    re.IGNORECASE,
)
# the ranks and ratings that sources print as words
_WORDS = {
    ("rating_excellent", 1.0): re.compile(r"优秀|excellent", re.IGNORECASE),
    ("rank", 2.0): re.compile(r"仅次于|僅次於|第二|second|runner-up", re.IGNORECASE),
    ("years", 1.0): re.compile(r"首次|first time", re.IGNORECASE),
    ("percent", 50.0): re.compile(r"一半|half", re.IGNORECASE),
}


def normalise(text: str) -> str:
    """Full-width digits and signs to ASCII (NFKC), thousands separators dropped (1,234 / 1，234 -> 1234)."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"(?<=\d)・(?=\d)", ".", t)  # 15・3 (a Japanese decimal point)
    return re.sub(r"(?<=\d)(?:[,，'’]\s?|\s)(?=\d{3}(?!\d))", "", t)


def _cn_int(s: str) -> int | None:
    """一 -> 1, 十八 -> 18, 二十 -> 20, 一百 -> 100 (small Chinese numerals only)."""
    if "千" in s:
        h, _, rest = s.partition("千")
        hv = _CN_DIGIT.get(h, 1 if h == "" else None)
        rv = _cn_int(rest) if rest else 0
        return None if hv is None or rv is None else hv * 1000 + rv
    if "百" in s:
        h, _, rest = s.partition("百")
        hv = _CN_DIGIT.get(h, 1 if h == "" else None)
        rv = _cn_int(rest) if rest else 0
        return None if hv is None or rv is None else hv * 100 + rv
    if "十" in s:
        t, _, u = s.partition("十")
        tv = _CN_DIGIT.get(t, 1 if t == "" else None)
        uv = _CN_DIGIT.get(u, 0 if u == "" else None)
        return None if tv is None or uv is None else tv * 10 + uv
    if len(s) == 1 and s in _CN_DIGIT:
        return _CN_DIGIT[s]
    return None


def numbers_in(label: str) -> list[float]:
    """Every quantity a label prints, scaled by a following 万/亿/million: '2.02万件' -> [20200.0]."""
    t = normalise(label)
    out = [
        float(m.group(1)) * _SCALE.get((m.group(2) or "").lower(), _SCALE.get(m.group(2) or "", 1.0))
        for m in _NUMBER.finditer(t)
    ]
    for m in _EN_RE.finditer(t):
        tens, unit, small = m.group(1), m.group(2), m.group(3)
        out.append(
            _EN_TENS[tens.lower()] + (_EN_NUMBER[unit.lower()] if unit else 0) if tens else _EN_NUMBER[small.lower()]
        )
    for m in _COMPOUND.finditer(t):
        if m.group(1):
            out.append(float(m.group(1)) * 1e8 + float(m.group(2) or 0) * 1e4 + float(m.group(3) or 0))
        else:
            out.append(float(m.group(4)) * 1e4 + float(m.group(5)))
    for m in _CN_NUMBER.finditer(t):
        v = _cn_int(m.group(0))
        if v is not None:
            end = m.end()
            scale = next((f for w, f in _SCALE.items() if t.startswith(w, end)), 1.0)
            out.append(float(v) * scale)
    return out


def label_holds(label: str, value: float, unit: str) -> bool:
    """Does ``label`` print ``value`` (in ``unit``), up to 万/亿 scaling and separators?"""
    dim, factor = UNITS[unit]
    if (dim, float(value)) in _WORDS and _WORDS[(dim, float(value))].search(label):
        return True
    if dim == "rank" and float(value) == 1.0 and _FIRST.search(unicodedata.normalize("NFKC", label)):
        return True
    target = float(value) * factor
    scales = {factor, 1.0}
    for n in numbers_in(label):
        for s in scales:  # a label may print 2.02万 for 20200 件 or 2.02 with the unit 万件 beside it
            if abs(n * s - target) <= 1e-9 * max(1.0, abs(target)) or abs(n - float(value)) <= 1e-9 * max(
                1.0, abs(value)
            ):
                return True
    return False


def label_problem(row: dict) -> tuple[str, str] | None:
    """(column, problem) for an observation's printed label, or None when it is in order."""
    label, missing = (row.get("printed_label") or "").strip(), (row.get("label_missing") or "").strip()
    if label and missing:
        return "label_missing", "give a printed_label or say why it is missing, not both"
    if not label and not missing:
        return "printed_label", (
            "is empty: copy the term and the number with its unit as the page prints them, "
            "or say in label_missing why the stored copy no longer shows it"
        )
    if missing:
        return None
    if len(label) > MAX_LABEL:
        return "printed_label", f"is {len(label)} characters long: a label, never a sentence (at most {MAX_LABEL})"
    if row.get("unit") in UNITS and row.get("value") is not None and not label_holds(label, row["value"], row["unit"]):
        return "printed_label", (
            f"{label!r} does not contain the recorded value {row['value']:g} {row['unit']} "
            "(compared after normalising 万/亿, separators and full-width digits)"
        )
    return None


def shown_label(row) -> str:
    """What a reader is told to search for: the printed label, or why the stored copy no longer shows it."""
    return row["printed_label"] or f"(not on the stored copy: {row['label_missing']})"


def attach_labels(df):
    """``df`` with a ``printed_label`` column where it names its observations (a ``source_id`` and as many of
    indicator, region, period and basis as it has): the label each value is printed under on its page, so a
    reader of a chart's data can find every value on its source. A row several observations match gets each
    label once, joined by ' | '."""
    from .data import load_table

    if "source_id" not in df.columns or "printed_label" in df.columns or df.empty:
        return df
    keys = [k for k in ("source_id", "indicator", "region", "period", "basis") if k in df.columns]
    o = load_table("observations", where={"source_id": set(df["source_id"].dropna().astype(str))})
    o = o.assign(_label=[shown_label(r) for _, r in o.iterrows()])
    lab = o.groupby(keys)["_label"].agg(lambda s: " | ".join(dict.fromkeys(s))).rename("printed_label").reset_index()
    for k in keys:
        lab[k] = lab[k].astype(str)
    left = df.copy()
    for k in keys:
        left[k] = left[k].astype(str)
    out = left.merge(lab, on=keys, how="left")
    out.index = df.index
    for k in keys:
        out[k] = df[k]
    out["printed_label"] = out["printed_label"].fillna("")
    return out
