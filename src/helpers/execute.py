"""Execute notebooks in place, deterministically (``make execute``).

Timing metadata is not recorded (it would churn diffs and the build cache); the kernel is the current
environment's ``python3``; execution stops at the first error and leaves the file untouched. A notebook
whose outputs come out the same is not rewritten either (its bytes and modification time stay), so
``git status`` after ``make execute`` lists exactly the notebooks whose outputs changed: read each diff
before committing it.
"""
from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import repo_root


def execute_notebook(path: Path, timeout: int = 300) -> bool:
    """Execute ``path`` in place; return True if the file was rewritten (its outputs changed)."""
    before = path.read_text(encoding="utf-8")
    nb = nbformat.reads(before, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
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


def main(argv: list[str]) -> int:
    targets = [Path(a) for a in argv] or [repo_root() / "chapters"]
    paths = sorted(p for t in targets for p in ([t] if t.suffix == ".ipynb" else t.rglob("*.ipynb"))
                   if ".ipynb_checkpoints" not in p.parts)
    changed = []
    for p in paths:
        print(f"executing {p} ...", end=" ", flush=True)
        if execute_notebook(p.resolve()):
            changed.append(p)
            print("outputs changed, file rewritten", flush=True)
        else:
            print("unchanged, file left as it was", flush=True)
    print(f"{len(changed)} of {len(paths)} notebooks changed." +
          (" Read `git diff` of each before committing: an output that changed is a result that changed." if changed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
