"""Execute notebooks in place, deterministically (``make execute``, and the build's stale notebooks).

``make execute`` executes the notebooks that are stale (see ``book_site.freshness``), two at a time;
``make execute ALL=1`` executes every notebook. Timing metadata is not recorded (it would churn diffs and the build cache); the kernel is the current
environment's ``python3``; execution stops at the first error and leaves the file untouched. A notebook
whose outputs come out the same is not rewritten either (its bytes and modification time stay), so
``git status`` after ``make execute`` lists exactly the notebooks whose outputs changed: read each diff
before committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import repo_root


def execute_notebook(path: Path, timeout: int = 300) -> bool:
    """Execute ``path`` in place; return True if the file was rewritten (its outputs changed)."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()  # raises CellExecutionError: the file on disk is not rewritten
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    after = nbformat.writes(nb)
    after += "" if after.endswith("\n") else "\n"  # as nbformat.write ends a file
    if after == before:
        return False
    tmp = path.with_suffix(".ipynb.tmp")
    tmp.write_text(after, encoding="utf-8")
    tmp.replace(path)
    return True


def execute_one(path: str, timeout: int = 300) -> tuple[str, bool, float, list[str], str | None]:
    """Execute one notebook in place with a read log (a worker of ``book_site.freshness.run``).

    Returns (path, file rewritten, seconds, keys read, error or None)."""
    from .reads import ENV

    fd, log = tempfile.mkstemp(prefix="szip-reads-", suffix=".txt")
    os.close(fd)
    os.environ[ENV] = log  # the kernel inherits it
    t0 = time.perf_counter()
    try:
        changed = execute_notebook(Path(path), timeout=timeout)
        reads = Path(log).read_text(encoding="utf-8").splitlines()
        return path, changed, time.perf_counter() - t0, reads, None
    except Exception as e:  # CellExecutionError names the cell and the traceback
        text = str(e)
        return path, False, time.perf_counter() - t0, [], text if len(text) < 4000 else text[-4000:]
    finally:
        os.environ.pop(ENV, None)
        os.unlink(log)


def main(argv: list[str]) -> int:
    """``make execute``: the stale notebooks (``--all``: every one), in parallel; then what changed."""
    import subprocess

    from book_site.freshness import ExecutionFailed, run, toc_notebooks

    force = "--all" in argv
    argv = [a for a in argv if a != "--all"]
    root = repo_root()
    targets = [Path(a).resolve() for a in argv]
    paths = sorted(
        p
        for t in targets
        for p in ([t] if t.suffix == ".ipynb" else t.rglob("*.ipynb"))
        if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts
    )
    rels = [str(p.relative_to(root)) for p in paths] if targets else toc_notebooks(root)
    try:
        done = run(root, rels, force=force)
    except ExecutionFailed as e:
        print(f"execute: failed (files left as they were):\n{e}", file=sys.stderr)
        return 1
    changed = (
        subprocess.run(
            ["git", "status", "--porcelain", "--", *done], cwd=root, capture_output=True, text=True
        ).stdout.split()
        if done
        else []
    )
    changed = [c for c in changed if c.endswith(".ipynb")]
    print(
        f"{len(done)} of {len(rels)} notebooks executed ({'all' if force else 'the stale ones'}); "
        f"{len(changed)} differ from the committed version."
        + (
            " Read `git diff` of each before committing: an output that changed is a result that changed."
            if changed
            else ""
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
