"""The Chinese edition's computed text (issue 25): every verdict's reason, coverage and settling record has a
Chinese edition written from the helpers' catalog, with no English sentence left in it."""

from __future__ import annotations

import pytest

from helpers.checks import verdict
from helpers.data import load_table
from helpers.i18n import Words, bottom_line, english_left

CLAIMS = load_table("claims")


@pytest.mark.parametrize(
    "claim_id", [pytest.param(c, id=f"{s}:{c}") for c, s in zip(CLAIMS["claim_id"], CLAIMS["section"])]
)
def test_verdict_reads_in_chinese(claim_id):
    v = verdict(claim_id)
    for what in ("reason", "coverage", "record"):
        value = getattr(v, what)
        if not value:
            continue
        assert isinstance(value, Words), f"{claim_id}: the {what} has no Chinese edition: {value!r}"
        assert not english_left(value.editions["zh_CN"]), f"{claim_id}: {what} zh: {value.editions['zh_CN']!r}"
    line = bottom_line(v, "zh_CN")
    assert not english_left(line), f"{claim_id}: English left in the Chinese bottom line: {english_left(line)}"
