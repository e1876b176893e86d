"""No stale numbers: a change to data/ reaches the built page; a rebuild with no change executes nothing.

Builds a one-page copy of the book in a temporary directory (the committed tree is never touched)."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, tree_digest

JB = Path(sys.executable).with_name("jupyter-book")
PAGE = "chapters/legal/01-patent-grants"


def build(copy: Path) -> str:
    r = subprocess.run([str(JB), "build", str(copy), "--builder", "html", "-W", "-n", "--keep-going"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    return r.stdout + r.stderr


def stated(copy: Path) -> str:
    html = (copy / "_build" / "html" / f"{PAGE}.html").read_text(encoding="utf-8")
    m = re.search(r"Stated: <strong>([^<]+)</strong>", html)
    assert m, "claim box not found on the page"
    return m.group(1)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    dst = tmp_path_factory.mktemp("book")
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "_generated", "__pycache__", ".pytest_cache")
    for name in ["_config.yml", "data", "src", "assets", "chapters"]:
        src = ROOT / name
        (shutil.copytree(src, dst / name, ignore=ignore) if src.is_dir() else shutil.copy(src, dst / name))
    # the page and the methods page, which holds the article's citation every claim box links to
    (dst / "_toc.yml").write_text(f"format: jb-book\nroot: {PAGE}\nchapters:\n  - file: chapters/methods\n",
                                  encoding="utf-8")
    before = tree_digest(ROOT / "data")
    yield dst
    assert tree_digest(ROOT / "data") == before


@pytest.mark.slow
def test_data_change_reaches_the_page_and_no_change_executes_nothing(copy):
    log1 = build(copy)
    assert "Executing notebook" in log1
    assert stated(copy) == "4 years"

    log2 = build(copy)  # nothing changed
    assert "Executing notebook" not in log2, "a rebuild with nothing changed re-executed a notebook"

    claims = copy / "data" / "claims.csv"
    text = claims.read_text(encoding="utf-8")
    new = re.sub(r"^(grants-first-4y,(?:[^,]*,){3})4,", r"\g<1>5,", text, count=1, flags=re.M)
    assert new != text
    claims.write_text(new, encoding="utf-8")
    log3 = build(copy)
    assert "Executing notebook" in log3, "a data change did not re-execute the page"
    assert stated(copy) == "5 years", "the page still shows the old value"
