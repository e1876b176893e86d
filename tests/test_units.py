import pytest

from helpers.units import DAYS_PER_MONTH, UnitError, convert, to_base


def test_wan_and_yi():
    assert convert(1.74, "万件", "件") == pytest.approx(17400)
    assert convert(114, "亿元", "元") == pytest.approx(1.14e10)
    assert convert(100.46, "亿元", "billion yuan") == pytest.approx(10.046)
    assert convert(3000, "万美元", "亿美元") == pytest.approx(0.3)
    assert to_base(27.92, "万件") == (pytest.approx(279200), "件")


def test_months_and_days():
    assert convert(1, "个月", "天") == pytest.approx(DAYS_PER_MONTH)
    assert convert(55, "天", "个月") == pytest.approx(55 / DAYS_PER_MONTH)
    assert convert(16.5, "months", "个月") == 16.5


def test_incompatible_and_unknown_units():
    with pytest.raises(UnitError, match="cannot convert"):
        convert(1, "家", "件")
    with pytest.raises(UnitError, match="unknown unit"):
        convert(1, "万吨", "件")
