import hashlib
import os
import shutil
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
