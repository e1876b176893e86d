"""pytest plugin for nbval in ``make test``: each notebook nbval passes is recorded as fresh.

``make test`` gives nbval the stale notebooks only (``python -m book_site.freshness stale``). nbval
executes each once and compares its outputs with the stored ones; when every cell of a notebook passed
(none skipped, none with its output exempted from the comparison), the stored outputs are those of a run
with the current inputs, so the notebook is recorded (its read log included) and the build that follows
executes it no more; otherwise the build executes it again. Load with ``-p book_site.pytest_freshness``.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

from helpers.reads import ENV

_state: dict = {"logs": {}, "failed": set(), "st": None}
UNCHECKED = re.compile(r"NBVAL_(IGNORE_OUTPUT|SKIP|RAISES_EXCEPTION)|nbval-(ignore-output|skip|raises-exception)")


def _notebook(item) -> Path | None:
    path = getattr(item.parent, "fspath", None)
    return Path(str(path)) if path is not None and str(path).endswith(".ipynb") else None


def pytest_sessionstart(session):
    from helpers.paths import repo_root

    from .freshness import State

    _state["root"] = repo_root()
    _state["st"] = State(_state["root"]).preload()  # hashes of what the notebooks are about to read


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before nbval starts a notebook's kernel (at its first cell): a fresh read log, which it inherits."""
    nb = _notebook(item)
    if nb is not None and nb not in _state["logs"]:
        fd, log = tempfile.mkstemp(prefix="szip-reads-", suffix=".txt")
        os.close(fd)
        _state["logs"][nb] = log
        os.environ[ENV] = log


def pytest_runtest_logreport(report):
    if report.failed or report.skipped:  # a cell not compared leaves the notebook unchecked
        _state["failed"].add(report.nodeid.split("::")[0])


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    nb = _notebook(item)
    if nb is None or (nextitem is not None and _notebook(nextitem) == nb):
        return
    os.environ.pop(ENV, None)
    log = _state["logs"].get(nb)
    failed = any(nb == Path(str(item.config.rootpath)) / f or str(nb).endswith(f) for f in _state["failed"])
    # a cell whose output nbval does not compare: the stored output is not known to be a fresh one
    unchecked = UNCHECKED.search(nb.read_text(encoding="utf-8"))
    if log and not failed and not unchecked:
        rel = str(nb.resolve().relative_to(_state["root"]))
        _state["st"].record(rel, Path(log).read_text(encoding="utf-8").splitlines())
    if log:
        os.unlink(log)
