"""Printed labels: every observation says how its page prints it (or why the stored copy no longer shows
it), and the label holds the recorded value. One page is one source; one observation is recorded once."""

import csv
import io

import pytest
from test_data import edit

from helpers.data import DataValidationError, load_package, validate_package
from helpers.labels import attach_labels, label_holds, numbers_in

# label as printed | recorded value | its unit | does the label hold the value?
LABEL_CASES = """
专利质押金额96亿元         | 96     | 亿元      | holds
专利质押金额96亿元         | 9.6e9  | 元        | holds
专利质押金额96亿元         | 9.6    | 亿元      | does not hold
PCT国际专利申请 2.02万件   | 20200  | 件        | holds
PCT国际专利申请 2.02万件   | 2.02   | 万件      | holds
授权量 279,177件           | 279177 | 件        | holds
授权量 279，177件          | 279177 | 件        | holds
授权量２７９１７７件       | 279177 | 件        | holds
5万3345件                  | 53345  | 件        | holds
13亿9008万人               | 139008 | 万人      | holds
连续18年                   | 18     | 年        | holds
连续十八年                 | 18     | 年        | holds
eighty-two complaints      | 82     | complaints | holds
居全国首位                 | 1      | 名        | holds
居全国首位                 | 2      | 名        | does not hold
1万人当たり15・3件         | 15.3   | 件/万人   | holds
US$2.1 billion             | 21     | 亿美元    | holds
发明专利 4.52万件          | 4.25   | 万件      | does not hold
"""


def _label_cases():
    for line in LABEL_CASES.strip().splitlines():
        label, value, unit, holds = (x.strip() for x in line.split("|"))
        assert holds in ("holds", "does not hold"), line
        number = float(value) if any(c in value for c in ".e") else int(value)
        yield pytest.param(label, number, unit, holds == "holds", id=f"{label}-{value}-{unit}")


@pytest.mark.parametrize("label, value, unit, holds", list(_label_cases()))
def test_label_holds(label, value, unit, holds):
    assert label_holds(label, value, unit) is holds


def test_numbers_are_read_with_their_scale():
    assert 20200.0 in numbers_in("2.02万件") and 1.2e9 in numbers_in("12亿元")


def test_every_observation_has_a_label_or_a_reason(root):
    o = load_package(root)["observations"]
    has = (o["printed_label"] != "") ^ (o["label_missing"] != "")
    assert has.all(), o[~has][["indicator", "region", "period", "source_id"]].head()


def _problems(root):
    with pytest.raises(DataValidationError) as e:
        validate_package(root)
    return e.value.problems


def _first_labelled(path):
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    return next(r for r in rows if r["printed_label"] and r["value"].isdigit() and int(r["value"]) > 100)


@pytest.mark.parametrize(
    "mutation, column, message",
    [
        (
            lambda r: (
                "printed_label",
                r["printed_label"].replace(r["value"][0], "9" if r["value"][0] != "9" else "8"),
            ),
            "printed_label",
            "does not contain the recorded value",
        ),
        (lambda r: ("printed_label", ""), "printed_label", "is empty"),
        (lambda r: ("label_missing", "not on the stored copy"), "label_missing", "not both"),
        (lambda r: ("printed_label", "x" * 80 + r["value"]), "printed_label", "a label, never a sentence"),
    ],
)
def test_a_bad_label_is_rejected_with_its_place(data_copy, mutation, column, message):
    path = data_copy / "data" / "observations.csv"
    row = _first_labelled(path)
    col, value = mutation(row)
    key = ",".join([row["indicator"], row["region"], row["period"]])
    line = edit(path, key, col, value)
    hit = [p for p in _problems(data_copy) if p.file == "data/observations.csv" and p.line == line]
    assert hit and hit[0].column == column and message in hit[0].message, [str(p) for p in hit]


def test_one_address_under_two_source_ids_is_rejected(data_copy):
    path = data_copy / "data" / "sources.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    h = rows[0]
    rows[2][h.index("url")] = rows[1][h.index("url")].replace("https://", "http://").rstrip("/") + "/"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    hit = [p for p in _problems(data_copy) if p.file == "data/sources.csv" and p.column == "url"]
    assert hit and hit[0].line == 3 and rows[1][0] in hit[0].message


def test_the_same_observation_twice_is_rejected(data_copy):
    path = data_copy / "data" / "observations.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    path.write_text(text + lines[1] + "\n", encoding="utf-8")
    hit = [p for p in _problems(data_copy) if p.file == "data/observations.csv"]
    assert any(p.line == len(lines) + 1 and "must be unique" in p.message for p in hit), [str(p) for p in hit]


def test_chart_data_carries_the_printed_label(root):
    import pandas as pd

    o = load_package(root)["observations"]
    r = o[o["printed_label"] != ""].iloc[0]
    df = pd.DataFrame(
        {
            "source_id": [r["source_id"]],
            "indicator": [r["indicator"]],
            "region": [r["region"]],
            "period": [r["period"]],
            "basis": [r["basis"]],
            "value": [r["value"]],
        }
    )
    assert r["printed_label"] in attach_labels(df)["printed_label"].iloc[0]
