"""The read log and its content hashes (helpers.reads), which decide what the build executes again."""

import os

import pytest
from bad_inputs import edit

from helpers import reads
from helpers.data import load_table
from helpers.reads import Snapshot, note_read


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "reads.txt"
    monkeypatch.setenv(reads.ENV, str(path))
    return path


def test_no_log_without_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(reads.ENV, raising=False)
    note_read("file:data/claims.csv")
    assert not any(tmp_path.iterdir())


def test_loaders_log_what_they_read_once(log, data_copy):
    load_table("observations", data_copy, where={"indicator": "pct_applications"})
    load_table("observations", data_copy, where={"indicator": "pct_applications"})
    load_table("claims", data_copy)
    keys = log.read_text(encoding="utf-8").splitlines()
    assert keys == [
        "schema:observations",
        "rows:observations:indicator=pct_applications",
        "file:data/claims.csv",
        "schema:claims",
    ]


def test_where_keeps_only_those_rows(data_copy):
    t = load_table("sources", data_copy, where={"source_id": {"grants-szgov-en-2022-04", "award-afdip-ed21"}})
    assert sorted(t["source_id"]) == ["award-afdip-ed21", "grants-szgov-en-2022-04"]


def test_an_edit_changes_the_hash_of_its_rows_only(data_copy):
    keys = [
        "rows:observations:indicator=patent_grants",
        "rows:observations:indicator=pct_applications",
        "file:data/observations.csv",
        "schema:observations",
        "file:data/claims.csv",
    ]
    before = {k: Snapshot(data_copy).digest(k) for k in keys}
    os.utime(data_copy / "data" / "observations.csv")  # touched: nothing changes
    assert {k: Snapshot(data_copy).digest(k) for k in keys} == before
    edit(data_copy / "data" / "observations.csv", "patent_grants,shenzhen,2021,", "value", "27.93")
    after = {k: Snapshot(data_copy).digest(k) for k in keys}
    assert [k for k in keys if after[k] != before[k]] == [
        "rows:observations:indicator=patent_grants",
        "file:data/observations.csv",
    ]


def test_titles_and_missing_files_are_hashed(tmp_path):
    nb = tmp_path / "p.ipynb"
    nb.write_text('{"cells": [{"cell_type": "markdown", "source": ["# A title\\n", "text"]}]}', encoding="utf-8")
    s = Snapshot(tmp_path)
    t1 = s.digest("title:p.ipynb")
    nb.write_text('{"cells": [{"cell_type": "markdown", "source": ["# A title\\n", "more text"]}]}', encoding="utf-8")
    assert Snapshot(tmp_path).digest("title:p.ipynb") == t1  # the body is not the title
    assert Snapshot(tmp_path).digest("file:nothing.csv") != Snapshot(tmp_path).digest("file:p.ipynb")
