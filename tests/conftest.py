import csv
import hashlib
import io
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

from helpers.paths import repo_root

ROOT = repo_root(Path(__file__).parent)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def tree_digest(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the data package (with the markers repo_root looks for)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "_config.yml", tmp_path / "_config.yml")
    (tmp_path / "chapters").symlink_to(ROOT / "chapters")  # claims name their pages (read only)
    before = tree_digest(ROOT / "data")
    yield tmp_path
    assert tree_digest(ROOT / "data") == before, "a test altered the committed data"


def read_rows(path: Path) -> list[list[str]]:
    """A CSV file of the data package as rows of strings, header first."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def set_column(path: Path, match, column: str, value: str) -> None:
    """Set ``column`` to ``value`` in every row of a CSV file for which ``match(row as dict)`` is true (at
    least one must). An altered observation value is no longer as printed: its label gives way to a reason."""
    rows = read_rows(path)
    h, n = rows[0], 0
    for r in rows[1:]:
        if match(dict(zip(h, r))):
            r[h.index(column)], n = value, n + 1
            if "printed_label" in h and column == "value":
                r[h.index("printed_label")], r[h.index("label_missing")] = "", "altered in a test"
    assert n, f"no row of {path.name} matched"
    write_rows(path, rows)


@contextmanager
def reading(root: Path, monkeypatch):
    """Inside the block the helpers read the data package at ``root`` ($SZIP_ROOT), their table cache
    cleared on entry and on leaving, so that no other test sees the altered tables."""
    from helpers import data as data_mod

    monkeypatch.setenv("SZIP_ROOT", str(root))
    data_mod._cached.cache_clear()
    try:
        yield
    finally:
        data_mod._cached.cache_clear()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


# the browser tests' fixtures (module-scoped: each browser test module starts its own server and browser)
pytest_plugins = ["browser_fixtures"]


def pytest_collection_modifyitems(config, items):
    """The longest modules first: the two browser modules, then those that build the book in a copy (slow),
    then the rest in their usual order (the order within a module is kept). ``make test`` runs
    ``--dist loadscope --no-loadscope-reorder``: xdist hands out modules in this order, so the browser
    modules start at once, one on each worker, and the short modules fill in around the long ones."""

    def rank(item) -> int:
        return 0 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("slow") else 2

    first = {}
    for item in items:
        first.setdefault(item.module.__name__ if item.module else item.nodeid, rank(item))
    items.sort(key=lambda item: first[item.module.__name__ if item.module else item.nodeid])
