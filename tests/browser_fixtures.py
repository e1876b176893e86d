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
# Each edition as it is published: English at the site's root, Chinese under zh_CN/ (make book-zh copies its
# build, _build/zh_CN/html, there once released; until then the tests serve that build at the same path, so
# the switcher's links between editions resolve either way).
EDITIONS = ("en", "zh_CN")
EDITION_PATH = {"en": "", "zh_CN": "zh_CN/"}
ZH_BUILD = ROOT / "_build" / "zh_CN" / "html"
SHOTS = ROOT / "_build" / "screenshots"
SUMMARIES = ROOT / "_build" / "browser-summary"
# pages to photograph: the first of these that exists (a chapter page with charts)
CHAPTER_SHOT = ["chapters/legal/01-patent-grants.html", "chapters/legal/02-pct.html"]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def released() -> list[str]:
    """The editions ``_config.yml`` publishes beside English (``book_i18n_released``)."""
    import yaml

    cfg = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return list(((cfg.get("sphinx") or {}).get("config") or {}).get("book_i18n_released") or [])


def edition_dir(edition: str) -> Path:
    """Where an edition's built pages are: the published copy when there is one, else its own build."""
    if edition == "en":
        return BUILD
    published = BUILD / EDITION_PATH[edition]
    return published if (published / "index.html").is_file() else ZH_BUILD


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
            f"time: {time.perf_counter() - self.started:.1f} s; screenshots in {(SHOTS / module).relative_to(ROOT)}/"
        )
        text = "\n".join(lines)
        SUMMARIES.mkdir(parents=True, exist_ok=True)
        (SUMMARIES / f"{module}.txt").write_text(text.lstrip() + "\n", encoding="utf-8")
        with capsys.disabled():
            print(text, file=sys.stderr, flush=True)
        self.__init__()  # the next edition's checks are counted afresh
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


@pytest.fixture(scope="module", params=EDITIONS)
def edition(request) -> str:
    """Every browser test that looks at the built site runs over each edition: English, then Chinese. The
    Chinese edition is required once released (``make test`` then builds it); before that its tests run
    when ``make book-zh`` has built it, and are skipped otherwise."""
    return request.param


@pytest.fixture(scope="module")
def build_dir(edition) -> Path:
    if not (BUILD / "index.html").is_file():
        pytest.fail(
            f"{BUILD / 'index.html'} is missing: build the book first with `make book` "
            "(`make test` does this for you).",
            pytrace=False,
        )
    folder = edition_dir(edition)
    if not (folder / "index.html").is_file():
        if edition in released():
            pytest.fail(f"the {edition} edition is released but not built: run `make book-zh`", pytrace=False)
        pytest.skip(f"the {edition} edition is not built (make book-zh) and not released")
    return folder


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = sc.launch(p, chromium_path)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(build_dir, edition):
    """The whole published site on 127.0.0.1 (both editions at their paths), with ``url(rel)`` relative to
    this edition's folder."""
    mounts = {
        EDITION_PATH[e]: edition_dir(e) for e in EDITIONS if e != "en" and (edition_dir(e) / "index.html").is_file()
    }
    with sc.serve(BUILD, mounts=mounts) as served:
        yield sc.Served(served.base + EDITION_PATH[edition], served.log)


@pytest.fixture(scope="module")
def pages(build_dir) -> list[str]:
    """This edition's pages (the English site's root holds the released editions' folders: not its pages)."""
    others = tuple(EDITION_PATH[e] for e in EDITIONS if EDITION_PATH[e])
    found = [p for p in sc.built_pages(build_dir) if not p.startswith(others)]
    assert "index.html" in found and len(found) > 1, f"too few pages in {build_dir}: {found}"
    return found


@pytest.fixture(scope="module")
def shots(request, edition) -> Path:
    """This module's screenshot folder for this edition, emptied (the other module, on another worker,
    keeps its own): ``_build/screenshots/<module>/`` for English, ``<module>-zh_CN/`` for Chinese."""
    folder = SHOTS / (module_name(request) + ("" if edition == "en" else f"-{edition}"))
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.png"):
        old.unlink()
    return folder


@pytest.fixture(scope="module")
def chapter_shot(pages) -> str:
    return next((p for p in CHAPTER_SHOT if p in pages), next(p for p in pages if p.startswith("chapters/")))
