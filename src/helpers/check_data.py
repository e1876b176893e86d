"""``make check-data``: validate the data package and print every problem, one line each.

Each line reads ``file:line: column: problem`` (line numbers are physical lines of the file, the header
being line 1; a value spanning several lines is reported at the line it starts on). Exit status 0 when
the package is valid, 1 when it is not. The root is ``$SZIP_ROOT`` or the repository this runs in; a
folder given as the only argument overrides both. Nothing on disk is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .data import problems_in
from .paths import repo_root


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(argv[0]).resolve() if argv else repo_root()
    problems = problems_in(root)
    if not problems:
        print(f"check-data: the data package in {root / 'data'} is valid.")
        return 0
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0)):
        print(p)
    n = len(problems)
    files = sorted({p.file for p in problems})
    print(
        f"check-data: {n} {'problem' if n == 1 else 'problems'} in {', '.join(files)}; "
        "nothing was built. Fix the lines above and run `make check-data` again."
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
