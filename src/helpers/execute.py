"""Execute notebooks in place, deterministically (``make execute``).

Timing metadata is not recorded (it would churn diffs and the build cache); the kernel is the current
environment's ``python3``; execution stops at the first error and leaves the file untouched.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import repo_root


def execute_notebook(path: Path, timeout: int = 300) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError: the file on disk is not rewritten
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)
    nb.metadata.pop("widgets", None)
    tmp = path.with_suffix(".ipynb.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(path)


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [repo_root() / "chapters"]
    paths = sorted(p for t in targets for p in ([t] if t.suffix == ".ipynb" else t.rglob("*.ipynb"))
                   if ".ipynb_checkpoints" not in p.parts)
    for p in paths:
        print(f"executing {p}", flush=True)
        execute_notebook(p.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
