"""What a reader gets under a chart and in a source list: clean download tables (helpers.downloads),
source lines that name the original outlet (helpers.charts.source_line), folded source lists with a computed
summary (helpers.tables), and the cell labels that turn wide tables into cards on a phone (book_site.tables)."""

import re

import pandas as pd
import pytest

from book_site.tables import label_cells
from helpers import tables
from helpers.charts import source_line
from helpers.data import load_table
from helpers.downloads import UNATTRIBUTED, clean_outlet, tidy

SOURCES = load_table("sources")
OBS = load_table("observations")
CODE_COLUMNS = {"source_id", "note", "period_type", "value_std", "basis_code", "relation", "indicator", "region"}


def _ids(tier: str, n: int = 1) -> list[str]:
    return list(SOURCES[SOURCES["tier"] == tier]["source_id"][:n])


def test_tidy_download_has_plain_columns_and_no_codes():
    o = OBS[OBS["printed_label"] != ""].head(5)
    df = o[["indicator", "region", "period", "period_type", "value", "unit", "basis", "note", "source_id"]].assign(
        value_std=1.0, relation="claimant", after_article=False
    )
    out = tidy(df)
    assert list(out.columns[:5]) == ["entity", "measure", "period", "value", "unit"]
    assert {"source outlet", "address", "printed label", "who speaks", "after the article"} <= set(out.columns)
    assert not CODE_COLUMNS & set(out.columns), out.columns
    text = out.to_csv(index=False)
    assert not re.search(r"(?<![\w/.-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.-])", text), "a snake_case code in the download"
    assert set(out["address"]) <= set(SOURCES["url"])
    assert all(label in out["printed label"].iloc[i] for i, label in enumerate(o["printed_label"]))
    assert set(out["after the article"]) == {"no"}


def test_tidy_names_an_unattributed_page_in_words_and_a_repost_by_its_outlet():
    un, rp = _ids("unattributed")[0], _ids("repost")[0]
    out = tidy(pd.DataFrame({"source_id": [un, rp], "value": [1.0, 2.0]}))
    assert out["source outlet"].iloc[0] == UNATTRIBUTED
    rep = SOURCES.set_index("source_id").loc[rp]
    assert out["source outlet"].iloc[1] == clean_outlet(rep["outlet"])
    assert clean_outlet(rep["publisher"]) not in out["source outlet"].iloc[1] or rep["publisher"] == rep["outlet"]


def test_source_line_never_names_a_mirror_or_an_unattributed_domain():
    ids = _ids("unattributed", 3) + _ids("repost", 3)
    line = source_line(ids, most=10)
    for sid in ids:
        s = SOURCES.set_index("source_id").loc[sid]
        if clean_outlet(s["publisher"]) != clean_outlet(s["outlet"]):
            assert clean_outlet(s["publisher"]) not in line, (s["publisher"], line)
    assert "3 unattributed web pages" in line
    assert "an unattributed web page" in source_line(_ids("unattributed", 1))


def test_source_summary_counts_who_speaks_with_correct_plurals():
    ids = list(SOURCES["source_id"][:7])
    text = tables.sources_summary(ids)
    assert text.startswith("7 sources")
    assert not re.search(r"(?<![\d,])1 sources|\b0 ", text)
    one = tables.sources_summary(ids[:1])
    assert one.startswith("1 source ") or one.startswith("1 source;") or one.startswith("1 source (")


@pytest.mark.parametrize("n, folded", [(3, False), (4, True)])
def test_long_source_lists_fold_behind_a_summary(n, folded):
    block = tables.sources_block(list(SOURCES["source_id"][:n]))
    assert ("<details" in block) is folded
    if folded:
        assert re.search(r"<summary>\d+ sources\b", block)


def test_a_long_table_folds_unless_it_shows_verdicts():
    long = pd.DataFrame({"Year": range(20), "Value": range(20)})
    assert "<details" in tables.folded(tables.markdown_table(long), tables.table_summary(long))
    assert tables.table_summary(long) == "The full table: 20 rows (year, value)"


def test_no_stored_copy_note_is_said_twice():
    missing = OBS[OBS["label_missing"] != ""]["source_id"].value_counts()
    sid = missing.index[0]
    cell = tables.sources_table([sid])["Printed as (search the page for)"].iloc[0]
    assert cell.count("stored copy") == 1, cell
    assert "page not in the stored copies" not in cell


def test_wide_tables_get_cell_labels_for_the_phone_layout():
    html = (
        "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><td>1</td><td>2</td><td>3</td>"
        "</tr></tbody></table><table><thead><tr><th>X</th><th>Y</th></tr></thead><tbody><tr><td>1</td><td>2</td>"
        "</tr></tbody></table>"
    )
    out = label_cells(html)
    assert out.count('class="stack"') == 1 and 'data-label="C"' in out and 'data-label="X"' not in out


def test_empty_cells_get_no_label_on_a_phone_card():
    html = (
        "<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead><tbody><tr><td>1</td><td> <p></p> </td>"
        "<td>3</td></tr></tbody></table>"
    )
    out = label_cells(html)
    assert 'data-label="A"' in out and 'data-label="C"' in out
    assert 'data-label="B"' not in out and 'class="empty"' in out
