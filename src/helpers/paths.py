"""Find the repository root, so that notebooks and tests run from any working directory.

nbval starts a notebook in its own folder, Sphinx in the notebook's folder, Binder/Colab elsewhere.
The root is the first folder, walking up, that holds both ``_config.yml`` and ``data/``.
``SZIP_ROOT`` in the environment overrides the search (used by the tests that build a copy).
"""

from __future__ import annotations

import os
from pathlib import Path

MARKERS = ("_config.yml", "data")


def _is_root(path: Path) -> bool:
    return all((path / m).exists() for m in MARKERS)


def repo_root(start: str | os.PathLike | None = None) -> Path:
    """Return the repository root as an absolute path.

    Looks, in order, at ``$SZIP_ROOT``, at ``start`` (default: the working directory) and its
    parents, and at the folder this package was loaded from and its parents.
    """
    env = os.environ.get("SZIP_ROOT")
    if env:
        p = Path(env).resolve()
        if not _is_root(p):
            raise FileNotFoundError(f"SZIP_ROOT={env} does not contain {' and '.join(MARKERS)}")
        return p
    candidates = []
    here = Path(start).resolve() if start is not None else Path.cwd().resolve()
    candidates += [here, *here.parents]
    pkg = Path(__file__).resolve().parent
    candidates += [pkg, *pkg.parents]
    for c in candidates:
        if _is_root(c):
            return c
    raise FileNotFoundError(
        f"no repository root (a folder with {' and '.join(MARKERS)}) above {here} or {pkg}. Install the "
        "helpers from a checkout with `pip install -e .` (editable: they then find data/ from any folder), "
        "or set SZIP_ROOT=/path/to/checkout"
    )
