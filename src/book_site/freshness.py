"""Freshness: a notebook is executed again only when the content of something it reads changed.

A notebook's inputs are its own cells (code and markdown, not outputs), every module of ``src/helpers/``
(``checks/`` included), ``constraints.txt`` (the library versions), the helpers' Chinese catalog
(``locales/zh_CN/LC_MESSAGES/helpers.po``), and what it read while it last ran:
the loaders append keys to a read log (:mod:`helpers.reads`: whole tables, the rows of one indicator or
of some sources, another page's title, ``_toc.yml``). After each run, the content hash of every input,
the notebook file as written, and the ``_generated/`` files its pages link to are kept in
``_build/.freshness/<notebook>.json``. A notebook is stale when any of these differs or is missing; only
stale notebooks are executed (in place, as ``make execute`` does: the file is rewritten only when its
outputs changed), two at a time, when the build starts. The build itself never executes
(``execute_notebooks: off``): it renders the outputs stored in the notebooks, which are then exactly
what the code computes from ``data/``. Modification times decide nothing here: a touched file, or an
edit to a value no notebook read, executes nothing (Sphinx may re-read a touched page: cheap).

A page is re-read when the notebook or the generated files it links to changed since it was last read
(a content token per notebook, compared in ``env-get-outdated``). Generated files (charts, CSV) are the
page's outputs, not inputs: Sphinx notes them as dependencies (figures, downloads); they are taken off
that list so that a run elsewhere (nbval) does not make the next build re-read the page.

``python -m book_site stale`` lists the stale notebooks (``make test`` gives them to nbval,
which then executes each once and records it, see :mod:`book_site.pytest_freshness`); ``python -m book_site
run [--all] [-j N]`` executes the stale (or all) notebooks.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path

from helpers.reads import Snapshot

MANIFEST = Path("_build") / ".freshness"
# the helpers' catalog of Chinese templates is read by every notebook that writes computed text (helpers.i18n)
GLOBAL_FILES = ("constraints.txt", "locales/zh_CN/LC_MESSAGES/helpers.po")
HELPERS = "src/helpers"
GENERATED = "_generated"  # the folder helpers.charts (and the data page) write next to a notebook
GENERATED_REF = re.compile(GENERATED + r"/([\w.\-]+)")


def jobs() -> int:
    """Notebooks executed at once: ``$SZIP_JOBS``, else the cores (at most 2: one kernel per core)."""
    return max(1, int(os.environ.get("SZIP_JOBS") or min(2, os.cpu_count() or 1)))


def _sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()[:16]


def toc_notebooks(root: Path, toc: str | Path = "_toc.yml") -> list[str]:
    """The notebooks listed in the table of contents (relative paths), in toc order."""
    text = (Path(root) / toc).read_text(encoding="utf-8")
    docs = re.findall(r"^\s*(?:root|-?\s*file):\s*(\S+)\s*$", text, flags=re.M)
    return [f"{d}.ipynb" for d in docs if (root / f"{d}.ipynb").is_file()]


def source_digest(nb_bytes: bytes) -> str:
    """The cells' kinds and sources: what the notebook says and computes, without its outputs."""
    nb = json.loads(nb_bytes.decode("utf-8"))
    cells = [(c.get("cell_type"), "".join(c.get("source", ""))) for c in nb.get("cells", [])]
    return _sha(json.dumps(cells, ensure_ascii=False).encode())


def helpers_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted((root / HELPERS).rglob("*.py")):
        h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def generated_files(root: Path, rel: str, nb_bytes: bytes) -> list[str]:
    """The ``_generated/`` files the page links to (its charts, CSV downloads), relative to ``root``."""
    folder = Path(rel).parent
    names = sorted(set(GENERATED_REF.findall(nb_bytes.decode("utf-8", "replace"))))
    return [str(folder / GENERATED / n) for n in names]


def _entry_path(root: Path, rel: str) -> Path:
    return root / MANIFEST / f"{rel}.json"


def load_entry(root: Path, rel: str) -> dict | None:
    try:
        return json.loads(_entry_path(root, rel).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return None


class State:
    """The current content of everything a notebook can depend on (files read once, lazily)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.snap = Snapshot(self.root)
        self.common = {
            "helpers": helpers_digest(self.root),
            **{f"file:{f}": self.snap.digest(f"file:{f}") for f in GLOBAL_FILES},
        }

    def preload(self) -> State:
        """Read the data files now (before notebooks run), so hashes describe what they read."""
        for p in sorted((self.root / "data").glob("*")):
            self.snap.raw(f"data/{p.name}")
        for f in ("_toc.yml", *toc_notebooks(self.root)):
            self.snap.raw(f)
        return self

    def digest(self, key: str) -> str:
        if key == "source":
            raise KeyError(key)
        return self.common.get(key) or self.snap.digest(key)

    def why_stale(self, rel: str) -> str | None:
        """None when ``rel`` is fresh, else the first reason it is not (in words)."""
        entry = load_entry(self.root, rel)
        if entry is None:
            return "not executed in this checkout yet"
        nb = (self.root / rel).read_bytes()
        inputs = entry.get("inputs", {})
        if inputs.get("source") != source_digest(nb):
            return "its cells changed"
        for key, old in inputs.items():
            if key != "source" and self.digest(key) != old:
                return f"{describe(key)} changed"
        if entry.get("file") != _sha(nb):
            return "its stored outputs are not those of its last run"
        for g in entry.get("outputs", {}):
            p = self.root / g
            if not p.is_file():
                return f"{g} is missing"
        return None

    def record(self, rel: str, reads: list[str], seconds: float | None = None) -> dict:
        nb = (self.root / rel).read_bytes()
        inputs = {"source": source_digest(nb), **self.common}
        inputs.update({k: self.snap.digest(k) for k in sorted(set(reads))})
        outputs = {}
        for g in generated_files(self.root, rel, nb):
            p = self.root / g
            if p.is_file():
                outputs[g] = _sha(p.read_bytes())
        file = _sha(nb)
        entry = {
            "notebook": rel,
            "file": file,
            "inputs": inputs,
            "outputs": outputs,
            "token": _sha(json.dumps([file, outputs], sort_keys=True).encode()),
            "seconds": None if seconds is None else round(seconds, 2),
        }
        path = _entry_path(self.root, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(entry, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(path)
        return entry


def describe(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind == "rows":
        table, _, cond = rest.partition(":")
        return f"data/{table}.csv rows with {cond}"
    if kind == "schema":
        return f"the schema of {rest} in data/datapackage.json"
    if kind == "title":
        return f"the title of {rest}"
    if kind == "helpers":
        return "src/helpers/"
    return rest or key


def stale(root: Path, notebooks: list[str] | None = None) -> dict[str, str]:
    st = State(root)
    out = {}
    for rel in notebooks if notebooks is not None else toc_notebooks(Path(root)):
        why = st.why_stale(rel)
        if why:
            out[rel] = why
    return out


class ExecutionFailed(RuntimeError):
    pass


def run(
    root: Path,
    notebooks: list[str] | None = None,
    force: bool = False,
    n_jobs: int | None = None,
    log=print,
    timeout: int = 300,
) -> list[str]:
    """Execute the stale notebooks (all of ``notebooks`` with ``force``) in place, ``n_jobs`` at a time;
    record each; return those executed. Raises :class:`ExecutionFailed` naming every notebook that failed
    (the others are still executed and recorded)."""
    from helpers.execute import execute_one

    root = Path(root).resolve()
    notebooks = toc_notebooks(root) if notebooks is None else notebooks
    st = State(root).preload()
    todo = (
        {rel: "forced" for rel in notebooks} if force else {rel: why for rel in notebooks if (why := st.why_stale(rel))}
    )
    if not todo:
        return []

    # the longest first (last run's time, else the file's size: outputs and charts make it long), so that
    # the two workers finish together instead of one waiting for a long notebook started last
    def cost(rel: str) -> tuple[float, int]:
        last = (load_entry(root, rel) or {}).get("seconds")
        return (last if last is not None else -1.0, (root / rel).stat().st_size)

    todo = dict(sorted(todo.items(), key=lambda kv: cost(kv[0]), reverse=True))
    n = min(n_jobs or jobs(), len(todo))
    log(f"freshness: executing {len(todo)} of {len(notebooks)} notebooks, {n} at a time")
    failed = []
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=n, mp_context=get_context("spawn")) as pool:
        futures = []
        for rel, why in todo.items():
            log(f"{root / rel}: Executing notebook ({why})")
            futures.append(pool.submit(execute_one, str(root / rel), timeout))
        for fut in as_completed(futures):
            path, changed, secs, reads, error = fut.result()
            rel = str(Path(path).relative_to(root))
            if error:
                failed.append(f"{rel}: {error}")
                log(f"{path}: Execution failed after {secs:.1f} seconds")
                continue
            st.record(rel, reads, secs)
            log(
                f"{path}: Executed notebook in {secs:.2f} seconds"
                + (" (outputs changed: file rewritten)" if changed else "")
            )
    log(f"freshness: {len(todo)} notebooks in {time.perf_counter() - t0:.1f} s")
    if failed:
        raise ExecutionFailed("\n".join(failed))
    return list(todo)


# --------------------------------------------------------------------------- Sphinx


def execute_stale(app):
    """Before Sphinx reads anything: execute the stale notebooks of the toc."""
    from sphinx.errors import ExtensionError
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    if app.builder.name == "gettext":  # the catalogs hold prose only (book_site.i18n keeps outputs out)
        return
    root = Path(app.srcdir)
    toc = getattr(app.config, "external_toc_path", None) or "_toc.yml"  # jupyter-book build --toc
    if not (root / toc).is_file():  # a single page built on its own: nothing to execute here
        return
    try:
        run(
            root,
            toc_notebooks(root, toc),
            log=logger.info,
            timeout=int(getattr(app.config, "nb_execution_timeout", None) or 300),
        )
    except ExecutionFailed as e:
        raise ExtensionError(f"a notebook failed to execute:\n{e}") from None
    app.env.szip_tokens_now = {}


def _token(app, docname: str) -> str | None:
    rel = docname + ".ipynb"
    cache = getattr(app.env, "szip_tokens_now", None)
    if cache is None:
        cache = app.env.szip_tokens_now = {}
    if rel not in cache:
        entry = load_entry(Path(app.srcdir), rel)
        cache[rel] = entry and entry.get("token")
    return cache[rel]


def _tokens(env) -> dict:
    if not hasattr(env, "szip_tokens"):
        env.szip_tokens = {}
    return env.szip_tokens


def note_token(app, doctree):
    env = app.env
    if str(env.doc2path(env.docname)).endswith(".ipynb"):
        _tokens(env)[env.docname] = _token(app, env.docname)


def separate_generated_outputs(app, doctree):
    """Move the page's own ``_generated/`` files from its dependencies to ``env.szip_outputs``."""
    env = app.env
    deps = env.dependencies.get(env.docname)
    outs = {d for d in deps or () if GENERATED in Path(d).parts}
    if not hasattr(env, "szip_outputs"):
        env.szip_outputs = {}
    if outs:
        deps.difference_update(outs)
        env.szip_outputs[env.docname] = outs
    else:
        env.szip_outputs.pop(env.docname, None)


def outdated(app, env, added, changed, removed):
    """Pages whose notebook was executed (or whose generated files changed) since they were last read,
    and pages whose generated files are gone."""
    srcdir = Path(app.srcdir)
    out = [
        d
        for d, outs in getattr(env, "szip_outputs", {}).items()
        if d in env.found_docs and any(not (srcdir / p).is_file() for p in outs)
    ]
    out += [d for d, tok in _tokens(env).items() if d in env.found_docs and tok != _token(app, d)]
    return sorted(set(out))


def purge(app, env, docname):
    getattr(env, "szip_outputs", {}).pop(docname, None)
    _tokens(env).pop(docname, None)


def merge(app, env, docnames, other):
    for attr in ("szip_outputs", "szip_tokens"):
        if not hasattr(env, attr):
            setattr(env, attr, {})
        for d, v in getattr(other, attr, {}).items():
            if d in docnames:
                getattr(env, attr)[d] = v


def setup(app):
    app.connect("builder-inited", execute_stale)
    app.connect("doctree-read", note_token)
    app.connect("doctree-read", separate_generated_outputs, priority=900)  # after Sphinx's collectors
    app.connect("env-get-outdated", outdated)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)


# --------------------------------------------------------------------------- command line


def main(argv: list[str]) -> int:
    import argparse

    from helpers.paths import repo_root

    ap = argparse.ArgumentParser(prog="python -m book_site")
    ap.add_argument("command", choices=["stale", "run"])
    ap.add_argument("notebooks", nargs="*", help="notebooks (default: those in _toc.yml)")
    ap.add_argument("--all", action="store_true", help="every notebook, stale or not")
    ap.add_argument("-j", "--jobs", type=int, default=None)
    ap.add_argument("-v", "--verbose", action="store_true", help="stale: say why each is stale")
    a = ap.parse_args(argv)
    root = repo_root()
    nbs = [str(Path(p).resolve().relative_to(root)) for p in a.notebooks] or None
    if a.command == "stale":
        if a.all:
            print("\n".join(nbs or toc_notebooks(root)))
            return 0
        for rel, why in stale(root, nbs).items():
            print(f"{rel}\t{why}" if a.verbose else rel)
        return 0
    try:
        done = run(root, nbs, force=a.all, n_jobs=a.jobs)
    except ExecutionFailed as e:
        print(f"freshness: failed:\n{e}", file=sys.stderr)
        return 1
    print(f"freshness: {len(done)} notebooks executed" + ("" if done else " (all fresh)"))
    return 0
