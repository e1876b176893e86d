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
