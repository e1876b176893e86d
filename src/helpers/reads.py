"""What a running notebook reads, for the build's per-notebook freshness (``book_site.freshness``).

When ``$SZIP_READ_LOG`` names a file, the loaders append one key per thing read, once per process:

  ``file:data/claims.csv``                a whole file (a table read whole, ``_toc.yml``)
  ``schema:observations``                 a table's entry in data/datapackage.json (how it is typed)
  ``rows:observations:indicator=pct_applications``  the rows of a table whose column has that value
  ``title:chapters/legal/02-pct.ipynb``   another page's title (its first ``# `` heading)

:func:`digest` gives each key's content hash: it reads the files with the standard library only (no
pandas), so the build can tell in milliseconds what changed. Without the variable nothing is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path

ENV = "SZIP_READ_LOG"
_noted: set[tuple[str, str]] = set()


def note_read(*keys: str) -> None:
    """Append ``keys`` to the read log named by ``$SZIP_READ_LOG`` (each key once per process)."""
    path = os.environ.get(ENV)
    if not path:
        return
    new = [k for k in keys if (path, k) not in _noted]
    if new:
        _noted.update((path, k) for k in new)
        with open(path, "a", encoding="utf-8") as f:
            f.write("".join(k + "\n" for k in new))


def rows_key(table: str, column: str, value) -> str:
    return f"rows:{table}:{column}={value}"


# --------------------------------------------------------------------------- hashing what was read


class Snapshot:
    """Content hashes of read-log keys under ``root``, each file read once (take one before executing)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._bytes: dict[str, bytes | None] = {}
        self._csv: dict[str, tuple[list[str], list[list[str]]]] = {}
        self._memo: dict[str, str] = {}

    def raw(self, rel: str) -> bytes | None:
        if rel not in self._bytes:
            try:
                self._bytes[rel] = (self.root / rel).read_bytes()
            except (FileNotFoundError, IsADirectoryError):
                self._bytes[rel] = None
        return self._bytes[rel]

    def _table(self, name: str) -> tuple[list[str], list[list[str]]]:
        if name not in self._csv:
            raw = self.raw(f"data/{name}.csv") or b""
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8", "replace").removeprefix("\ufeff"), newline="")))
            self._csv[name] = (rows[0] if rows else [], rows[1:])
        return self._csv[name]

    def digest(self, key: str) -> str:
        if key not in self._memo:
            self._memo[key] = _sha(self._content(key))
        return self._memo[key]

    def _content(self, key: str) -> bytes:
        kind, _, rest = key.partition(":")
        if kind == "file":
            b = self.raw(rest)
            return b"<missing>" if b is None else b
        if kind == "schema":
            desc = json.loads((self.raw("data/datapackage.json") or b"{}").decode("utf-8-sig"))
            res = [r for r in desc.get("resources", []) if r.get("name") == rest]
            return json.dumps(res, sort_keys=True, ensure_ascii=False).encode()
        if kind == "rows":
            table, _, cond = rest.partition(":")
            column, _, value = cond.partition("=")
            header, rows = self._table(table)
            if column not in header:
                return b"<no column>"
            i = header.index(column)
            return json.dumps([header] + [r for r in rows if len(r) > i and r[i] == value], ensure_ascii=False).encode()
        if kind == "title":
            try:
                nb = json.loads((self.raw(rest) or b"{}").decode("utf-8"))
            except ValueError:
                return b"<unreadable>"
            for cell in nb.get("cells", []):
                if cell.get("cell_type") == "markdown":
                    for line in "".join(cell.get("source", "")).splitlines():
                        if line.startswith("# "):
                            return line.encode()
            return b"<no title>"
        raise ValueError(f"unknown read-log key {key!r}")


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()[:16]
