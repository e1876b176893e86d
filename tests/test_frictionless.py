"""The descriptor is a valid Frictionless Data Package and every table passes its schema (an independent
validator, beside our own loader)."""

from frictionless import validate


def test_descriptor_and_tables_pass_frictionless(root):
    report = validate(str(root / "data" / "datapackage.json"))
    errors = [f"{t.name}: {e.message}" for t in report.tasks for e in t.errors] + [e.message for e in report.errors]
    assert report.valid, "\n".join(errors[:30])


def test_frictionless_catches_a_broken_foreign_key(data_copy):
    p = data_copy / "data" / "observations.csv"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    head = lines[0].rstrip("\n").split(",")
    cells = lines[1].rstrip("\n").split(",")
    assert len(cells) == len(head), "the first observation has a quoted comma: pick another row"
    cells[head.index("source_id")] = "no-such-source"
    p.write_text("".join([lines[0], ",".join(cells) + "\n", *lines[2:]]), encoding="utf-8")
    report = validate(str(data_copy / "data" / "datapackage.json"))
    assert not report.valid
    assert any(e.type == "foreign-key" for t in report.tasks for e in t.errors)
