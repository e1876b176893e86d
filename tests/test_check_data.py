"""The bad-input corpus (tests/bad_inputs.py): each case corrupts a temporary copy of the data package in one way and
`make check-data` (helpers.check_data) must reject it, naming file, line, column and problem in plain
English in its first lines. The same corpus is given to frictionless, the independent validator pinned
in constraints.txt: schema-level cases (types, required values, allowed values, patterns, keys) must be
rejected by both, and the committed package, a BOM and a multi-line note accepted by both. Cases beyond
what a Table Schema can state (units, periods, plausibility across sources) are ours alone: frictionless
must accept them, which shows the check is not redundant. Nothing committed is altered (data_copy)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
from bad_inputs import CORPUS, IDS, edit
from conftest import ROOT
from frictionless import validate

from helpers.check_data import main as check_data

LINE = re.compile(r"^data/[\w.]+:\d+: ")


def test_corpus_is_big_enough():
    assert len(CORPUS) >= 21
    assert CORPUS[0].id.startswith("wrong-scale")


@pytest.mark.parametrize("case", CORPUS, ids=IDS)
def test_check_data_rejects_with_file_line_column_problem(case, data_copy, capsys):
    line = case.mutate(data_copy)
    assert check_data([str(data_copy)]) == 1
    out = capsys.readouterr().out.splitlines()
    head = out[:6]
    where = f"data/{case.file}:{line}: " + (f"{case.column}: " if case.column else "")
    hits = [h for h in head if h.startswith(where) and re.search(case.pattern, h)]
    assert hits, f"expected {where}…{case.pattern} in the first lines; got:\n" + "\n".join(out)
    assert all(LINE.match(h) for h in out[:-1]), "every line but the summary is file:line: …"
    assert not re.search(r"'\S+' is (month|day|year) ", "\n".join(out))  # no garbled datetime messages
    assert len(out) <= 8, "one corruption, a few lines"


def _frictionless_valid(root) -> bool:
    return validate(str(root / "data" / "datapackage.json")).valid


@pytest.mark.parametrize("case", CORPUS, ids=IDS)
def test_frictionless_agrees_on_the_schema_cases(case, data_copy):
    case.mutate(data_copy)
    assert _frictionless_valid(data_copy) is (not case.schema), (
        "frictionless should reject this too"
        if case.schema
        else "frictionless now catches this: the rule could move into data/datapackage.json"
    )


def test_both_accept_the_committed_package_a_bom_and_a_multiline_note(data_copy, capsys):
    assert _frictionless_valid(data_copy) and check_data([str(data_copy)]) == 0
    p = data_copy / "data" / "sources.csv"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    edit(data_copy / "data" / "observations.csv", "copyright_industry_gdp_share,china,2021..2025", "note", "a\nb")
    assert check_data([str(data_copy)]) == 0, capsys.readouterr().out
    assert _frictionless_valid(data_copy)


def _make(target: str, data_copy, timeout: int, silent: bool = False) -> subprocess.CompletedProcess:
    """``make TARGET`` in this checkout, reading the altered data package (``$SZIP_ROOT``)."""
    return subprocess.run(
        ["make", *(["-s"] if silent else []), "--no-print-directory", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SZIP_ROOT": str(data_copy)},
        timeout=timeout,
    )


@pytest.mark.parametrize(
    "case", [CORPUS[0], next(c for c in CORPUS if "multi-line" in c.id), CORPUS[-1]], ids=lambda c: c.id
)
def test_make_check_data_itself(case, data_copy):
    """The make target (not just the module): non-zero, and the problem in its first lines."""
    line = case.mutate(data_copy)
    r = _make("check-data", data_copy, timeout=120, silent=True)
    assert r.returncode != 0
    first = r.stdout.splitlines()[:4]
    assert any(f.startswith(f"data/{case.file}:{line}: ") for f in first), r.stdout + r.stderr


@pytest.mark.parametrize("target", ["book", "test"])
def test_book_and_test_stop_at_check_data_before_sphinx(target, data_copy):
    CORPUS[0].mutate(data_copy)
    r = _make(target, data_copy, timeout=300)
    assert r.returncode != 0
    out = r.stdout + r.stderr
    assert re.search(r"check-data: \d+ problems", out) and "jupyter-book" not in out and "pytest" not in out, out
