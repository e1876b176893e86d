"""Units as the sources print them, and conversion between them (in code, never by hand).

Every unit is a (dimension, factor) pair: a value in that unit times the factor is the value in the
dimension's base unit. Conversion is allowed only within one dimension.
"""

from __future__ import annotations

UNITS: dict[str, tuple[str, float]] = {
    # counted things: patents, applications, awards, products, deals, IP items. Chinese sources use
    # several classifiers (件, 项, 个, 单, 只, 期, 宗, 笔) for the same kind of count, so they share one
    # dimension; firms, people, money and time are kept apart.
    "件": ("count", 1.0),
    "万件": ("count", 1e4),
    "项": ("count", 1.0),
    "万项": ("count", 1e4),
    "个": ("count", 1.0),
    "单": ("count", 1.0),
    "只": ("count", 1.0),
    "期": ("count", 1.0),
    "宗": ("count", 1.0),
    "笔": ("count", 1.0),
    "万笔": ("count", 1e4),
    "件组": ("count", 1.0),
    "起": ("count", 1.0),
    "complaints": ("count", 1.0),
    "pieces": ("count", 1.0),
    "cases": ("count", 1.0),
    "projects": ("count", 1.0),
    "million": ("count", 1e6),
    # firms
    "家": ("firms", 1.0),
    "万家": ("firms", 1e4),
    "户": ("firms", 1.0),
    "enterprises": ("firms", 1.0),
    # money
    "元": ("cny", 1.0),
    "万元": ("cny", 1e4),
    "亿元": ("cny", 1e8),
    "million yuan": ("cny", 1e6),
    "billion yuan": ("cny", 1e9),
    "美元": ("usd", 1.0),
    "万美元": ("usd", 1e4),
    "亿美元": ("usd", 1e8),
    "million US dollars": ("usd", 1e6),
    "billion US dollars": ("usd", 1e9),
    # people
    "人": ("persons", 1.0),
    "万人": ("persons", 1e4),
    # time
    "天": ("days", 1.0),
    "days": ("days", 1.0),
    "个工作日": ("working_days", 1.0),
    "个月": ("months", 1.0),
    "月": ("months", 1.0),
    "months": ("months", 1.0),
    "年": ("years", 1.0),
    # ratios, ranks and ratings
    "件/万人": ("per_10k_persons", 1.0),
    "倍": ("times", 1.0),
    "%": ("percent", 1.0),
    "名": ("rank", 1.0),
    "优秀": ("rating_excellent", 1.0),
}

BASE_UNIT = {
    "count": "件",
    "firms": "家",
    "cny": "元",
    "usd": "美元",
    "persons": "人",
    "days": "天",
    "working_days": "个工作日",
    "months": "个月",
    "years": "年",
    "per_10k_persons": "件/万人",
    "times": "倍",
    "percent": "%",
    "rank": "名",
    "rating_excellent": "优秀",
}

# Days per month used when a duration in months is compared with one in days (Gregorian mean month).
DAYS_PER_MONTH = 365.2425 / 12


class UnitError(ValueError):
    pass


def dimension(unit: str) -> str:
    try:
        return UNITS[unit][0]
    except KeyError:
        raise UnitError(f"unknown unit {unit!r}; known units: {', '.join(UNITS)}") from None


def convert(value: float, unit: str, to: str) -> float:
    """Convert ``value`` from ``unit`` to ``to`` (same dimension; months↔days allowed)."""
    d_from, f_from = UNITS.get(unit, (None, None))
    d_to, f_to = UNITS.get(to, (None, None))
    if d_from is None:
        raise UnitError(f"unknown unit {unit!r}")
    if d_to is None:
        raise UnitError(f"unknown unit {to!r}")
    if d_from == d_to:
        return value * f_from / f_to
    if {d_from, d_to} == {"months", "days"}:
        return months_to_days(value * f_from) / f_to if d_from == "months" else days_to_months(value * f_from) / f_to
    raise UnitError(f"cannot convert {unit!r} ({d_from}) to {to!r} ({d_to})")


def months_to_days(months: float) -> float:
    return months * DAYS_PER_MONTH


def days_to_months(days: float) -> float:
    return days / DAYS_PER_MONTH


def to_base(value: float, unit: str) -> tuple[float, str]:
    d = dimension(unit)
    return value * UNITS[unit][1], BASE_UNIT[d]
