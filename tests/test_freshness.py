"""No stale numbers, no needless runs: a notebook is executed again exactly when something it reads changed
in content. Touching every input executes nothing; editing one indicator's value executes only the pages
that read that indicator; a change to data/ reaches the built page; nbval records what it checked.

Builds a three-page copy of the book in a temporary directory (the committed tree is never touched)."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bad_inputs import edit
from conftest import ROOT, tree_digest

BIN = Path(sys.executable).parent
JB = BIN / "jupyter-book"
PAGE = "chapters/legal/01-patent-grants"  # reads patent_grants, invention_grants, ...
OTHER = "chapters/legal/04-gold-awards"  # reads patent_award, ...; not patent_grants
GRANTS_2021 = "patent_grants,shenzhen,2021,"


def build(copy: Path) -> tuple[list[str], str]:
    """Build the copy; return the notebooks executed (as docnames) and the log."""
    r = subprocess.run(
        [str(JB), "build", str(copy), "--builder", "html", "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    out = r.stdout + r.stderr
    assert r.returncode == 0, out[-3000:]
    done = re.findall(r"(\S+)\.ipynb: Executing notebook", out)
    return sorted(str(Path(d).relative_to(copy)) for d in done), out


def edit_value(obs: Path, row_match: str, value: str) -> None:
    """A value edited in the copy is no longer the printed one: its label gives way to a marked reason."""
    edit(obs, row_match, "value", value)
    edit(obs, row_match, "printed_label", "")
    edit(obs, row_match, "label_missing", "edited in a test")


def stated(copy: Path) -> str:
    html = (copy / "_build" / "html" / f"{PAGE}.html").read_text(encoding="utf-8")
    m = re.search(r"Stated: <strong>([^<]+)</strong>", html)
    assert m, "claim box not found on the page"
    return m.group(1)


def reads(copy: Path, page: str) -> dict:
    return json.loads((copy / "_build" / ".freshness" / f"{page}.ipynb.json").read_text(encoding="utf-8"))["inputs"]


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    """The copy, built once from cold: (its root, the notebooks that cold build executed)."""
    dst = tmp_path_factory.mktemp("book")
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", "_generated", "__pycache__", ".pytest_cache")
    for name in ["_config.yml", "references.bib", "constraints.txt", "data", "src", "assets", "chapters"]:
        src = ROOT / name
        (shutil.copytree(src, dst / name, ignore=ignore) if src.is_dir() else shutil.copy(src, dst / name))
    # two pages that read different indicators, and the methods page, which holds the article's citation
    # every claim box links to
    (dst / "_toc.yml").write_text(
        f"format: jb-book\nroot: {PAGE}\nchapters:\n  - file: {OTHER}\n  - file: chapters/methods\n", encoding="utf-8"
    )
    before = tree_digest(ROOT / "data"), tree_digest(ROOT / "chapters")
    yield dst, build(dst)[0]  # a fresh clone: both pages run, in parallel
    assert (tree_digest(ROOT / "data"), tree_digest(ROOT / "chapters")) == before


@pytest.mark.slow
def test_only_content_that_a_page_reads_executes_it(copy):
    copy, cold = copy
    assert cold == sorted([PAGE, OTHER])
    assert stated(copy) == "4 years"
    assert any(k.startswith("rows:observations:indicator=patent_grants") for k in reads(copy, PAGE))
    assert not any(k.startswith("rows:observations:indicator=patent_grants") for k in reads(copy, OTHER))

    done, log = build(copy)
    assert done == [], "a rebuild with nothing changed executed a notebook"

    # one build, three changes that must execute nothing: every input touched; a value edited and the edit
    # undone; a value that no page of the copy reads edited
    inputs = [
        p
        for g in ("data/*", "src/helpers/**/*", "chapters/**/*.ipynb", "_toc.yml", "constraints.txt")
        for p in copy.glob(g)
        if p.is_file()
    ]
    assert len(inputs) > 40
    for p in inputs:
        os.utime(p, (p.stat().st_atime + 3600, p.stat().st_mtime + 3600))  # newer, same bytes
    obs = copy / "data" / "observations.csv"
    original = obs.read_text(encoding="utf-8")
    edit_value(obs, GRANTS_2021, "27.93")
    obs.write_text(original, encoding="utf-8")
    edit_value(obs, "enterprise_share_applications,china,2018-01..2018-07,", "64.5")
    done, log = build(copy)
    assert done == [], "touched files, an edit undone or an unread value executed a notebook:\n" + "\n".join(
        line for line in log.splitlines() if "Executing notebook" in line
    )

    edit_value(obs, GRANTS_2021, "27.93")  # one value of patent_grants
    assert build(copy)[0] == [PAGE], "a patent_grants value must execute the page that reads it, and only it"

    claims = copy / "data" / "claims.csv"
    edit(claims, "grants-first-4y,", "stated_value", "5")  # the value and its printed label, together
    edit(claims, "grants-first-4y,", "printed_zh", "专利授权量连续5年居全国首位")
    done, _ = build(copy)
    assert PAGE in done, "a data change did not re-execute the page"
    assert stated(copy) == "5 years", "the page still shows the old value"


@pytest.mark.slow
def test_a_lost_chart_is_drawn_again(copy):
    copy, _ = copy
    entry = json.loads((copy / "_build" / ".freshness" / f"{PAGE}.ipynb.json").read_text(encoding="utf-8"))
    chart = copy / next(g for g in entry["outputs"] if g.endswith(".png"))
    chart.unlink()
    done, _ = build(copy)
    assert done == [PAGE] and chart.is_file(), "a missing chart must be drawn again"


@pytest.mark.slow
def test_nbval_checks_a_stale_notebook_once_and_records_it(copy):
    copy, _ = copy
    nb = copy / f"{PAGE}.ipynb"
    book = nbformat.read(nb, as_version=4)
    md = next(c for c in book.cells if c.cell_type == "markdown")
    md.source += "\n\nA sentence added."  # a markdown edit: stale, outputs unchanged
    nbformat.write(book, nb)
    env = {**os.environ, "SZIP_ROOT": str(copy)}
    stale = subprocess.run(
        [str(BIN / "python"), "-m", "book_site", "stale"], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    assert stale == [f"{PAGE}.ipynb"]
    r = subprocess.run(
        [
            str(BIN / "python"),
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-current-env",
            "--nbval-sanitize-with",
            str(ROOT / "tests/sanitize.cfg"),
            "-p",
            "book_site.pytest_freshness",
            "--rootdir",
            str(copy),
            str(nb),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=copy,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout[-3000:]
    assert (
        subprocess.run(
            [str(BIN / "python"), "-m", "book_site", "stale"], capture_output=True, text=True, env=env, check=True
        ).stdout
        == ""
    )
    assert build(copy)[0] == [], "the build executed a notebook nbval had just checked"
