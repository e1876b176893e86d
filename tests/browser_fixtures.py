"""What the browser test modules share (``tests/test_site_browser.py``, ``tests/test_site_layout.py``):
the module-scoped fixtures (Chromium, the local server, the built pages, a screenshot folder) and the tally
of checks each module prints and writes at its end.

The browser tests are two modules so that ``--dist loadscope`` runs them on two xdist workers at once; each
module starts its own server and browser (a second or two) with these fixtures. Registered for every test
module by ``pytest_plugins`` in ``tests/conftest.py``; a module that asks for none of them starts nothing.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
import site_checks as sc

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
SUMMARIES = ROOT / "_build" / "browser-summary"
# pages to photograph: the first of these that exists (a chapter page with charts)
CHAPTER_SHOT = ["chapters/legal/01-patent-grants.html", "chapters/legal/02-pct.html"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


class Tally:
    """Checks performed and failed, per kind, for a module's summary."""

    def __init__(self):
        self.counts = defaultdict(lambda: [0, 0])
        self.pages = set()
        self.notes: list[str] = []
        self.started = time.perf_counter()

    def add(self, kind: str, checked: int, failed: int = 0):
        self.counts[kind][0] += checked
        self.counts[kind][1] += failed

    def report(self, module: str, head: list[str], tail: list[str], capsys) -> str:
        """Print the summary (an xdist worker's stderr reaches the terminal) and write it to
        ``_build/browser-summary/<module>.txt``."""
        total = sum(c for c, _ in self.counts.values())
        failed = sum(f for _, f in self.counts.values())
        lines = ["", "=" * 30 + f" browser checks of the built site: {module} " + "=" * 30, *head]
        lines.append(f"checks: {total - failed} of {total} passed")
        lines += [f"  {kind:<52} {c - f:>4} / {c:<4}" for kind, (c, f) in self.counts.items()]
        lines += [f"  {note}" for note in self.notes]
        lines += tail
        lines.append(
            f"module time: {time.perf_counter() - self.started:.1f} s; screenshots in "
            f"{(SHOTS / module).relative_to(ROOT)}/"
        )
        text = "\n".join(lines)
        SUMMARIES.mkdir(parents=True, exist_ok=True)
        (SUMMARIES / f"{module}.txt").write_text(text.lstrip() + "\n", encoding="utf-8")
        with capsys.disabled():
            print(text, file=sys.stderr, flush=True)
        return text


def fail_lines(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{rel}:\n  " + "\n  ".join(lines) for rel, lines in problems.items() if lines)


def module_name(request) -> str:
    return Path(request.module.__file__).stem.removeprefix("test_")


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = sc.find_chromium()
    problem = None
    if path is None:
        problem = "Chromium is not installed (no `chromium` on PATH; on Debian: apt-get install chromium)"
    else:
        try:
            import axe_playwright_python  # noqa: F401
            import playwright.sync_api  # noqa: F401
        except ImportError as e:
            problem = f"the Python packages for the browser tests are missing ({e}); run `make setup`"
    if problem:
        if in_ci():
            pytest.fail(f"{problem}. CI=true, so the browser tests may not be skipped.", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}. (With CI=true this is a failure.)")
    return path


@pytest.fixture(scope="module")
def build_dir() -> Path:
    if not (BUILD / "index.html").is_file():
        pytest.fail(
            f"{BUILD / 'index.html'} is missing: build the book first with `make book` "
            "(`make test` does this for you).",
            pytrace=False,
        )
    return BUILD


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = sc.launch(p, chromium_path)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(build_dir):
    with sc.serve(build_dir) as served:
        yield served


@pytest.fixture(scope="module")
def pages(build_dir) -> list[str]:
    found = sc.built_pages(build_dir)
    assert "index.html" in found and len(found) > 1, f"too few pages in {build_dir}: {found}"
    return found


@pytest.fixture(scope="module")
def shots(request) -> Path:
    """This module's screenshot folder, emptied (the other module, on another worker, keeps its own)."""
    folder = SHOTS / module_name(request)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture(scope="module")
def chapter_shot(pages) -> str:
    return next((p for p in CHAPTER_SHOT if p in pages), next(p for p in pages if p.startswith("chapters/")))
