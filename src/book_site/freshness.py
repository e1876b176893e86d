"""Freshness: every notebook page depends on the files under ``data/`` and ``src/helpers/``.

Sphinx re-reads (and, with ``execute_notebooks: force``, re-executes) a page when the page or any of these
files changed since it was last read, and never otherwise. jupyter-cache hashes only code cells and would
serve stale outputs after a data change; this module replaces it.
What a page writes into ``_generated/`` when it runs (its charts and CSV files) is its output, not an
input: Sphinx notes those files as dependencies (figures, downloads), so running the notebooks elsewhere
(nbval in ``make test``, ``make execute``) made the next build re-execute every page that writes one. They
are taken off the dependency list; a page is still re-read when one is missing.
"""
from __future__ import annotations

from pathlib import Path

DEPENDENCY_GLOBS = ("data/*.csv", "data/*.json", "src/helpers/*.py")


def _dependencies(srcdir: Path) -> list[Path]:
    return sorted(p for g in DEPENDENCY_GLOBS for p in srcdir.glob(g) if p.is_file())


def note_data_dependencies(app, doctree):
    env = app.env
    if not str(env.doc2path(env.docname)).endswith(".ipynb"):
        return
    for p in _dependencies(Path(app.srcdir)):
        env.note_dependency(str(p))


GENERATED = "_generated"  # the folder helpers.charts (and the data page) write next to a notebook


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


def outputs_missing(app, env, added, changed, removed):
    """Re-read a page whose generated files are gone (e.g. ``make clean`` without removing ``_build``)."""
    srcdir = Path(app.srcdir)
    return [d for d, outs in getattr(env, "szip_outputs", {}).items()
            if d in env.found_docs and any(not (srcdir / p).is_file() for p in outs)]


def purge_outputs(app, env, docname):
    getattr(env, "szip_outputs", {}).pop(docname, None)


def merge_outputs(app, env, docnames, other):
    if not hasattr(env, "szip_outputs"):
        env.szip_outputs = {}
    for d, outs in getattr(other, "szip_outputs", {}).items():
        if d in docnames:
            env.szip_outputs[d] = outs


def setup(app):
    app.connect("doctree-read", note_data_dependencies)
    app.connect("doctree-read", separate_generated_outputs, priority=900)  # after Sphinx's collectors
    app.connect("env-get-outdated", outputs_missing)
    app.connect("env-purge-doc", purge_outputs)
    app.connect("env-merge-info", merge_outputs)
