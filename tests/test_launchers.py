"""Rerunning the book elsewhere, as close to the launchers' situation as this machine allows.

Binder (repo2docker) reads binder/runtime.txt for the Python version, runs
`pip install -r binder/requirements.txt` from the repository root, then binder/postBuild, and opens a
notebook whose kernel starts in the notebook's folder. The slow test below does the same in a fresh
Python 3.11 venv (kept in .venv/binder-env, rebuilt only when binder/, the pins or pyproject.toml change),
then copies one notebook alone into an empty folder and runs it top to bottom with nbclient: nothing but
the installed package can lead it to data/. pip uses this machine's ordinary configuration (here: local
package indexes, so it runs offline). What it cannot reproduce: Binder's own base image and its Jupyter
packages, and its network.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT

BINDER_NOTEBOOK = "chapters/legal/01-patent-grants.ipynb"  # the one the README's Binder badge opens
ENV = ROOT / ".venv" / "binder-env"
KEYED = [
    "binder/runtime.txt",
    "binder/requirements.txt",
    "binder/postBuild",
    "requirements.txt",
    "constraints.txt",
    "pyproject.toml",
]


def test_binder_files_say_python_3_11_and_install_from_the_pins():
    assert (ROOT / "binder/runtime.txt").read_text().strip() == "python-3.11"
    req = [
        l.strip()
        for l in (ROOT / "binder/requirements.txt").read_text().splitlines()
        if l.strip() and not l.startswith("#")
    ]
    assert "-r ../requirements.txt" in req and "-c ../constraints.txt" in req
    assert not [l for l in req if re.search(r"[=<>]", l)], "pins live in constraints.txt only"
    assert "pip install --no-deps --no-build-isolation -e ." in (ROOT / "binder/postBuild").read_text()


def test_no_colab_button():
    """Colab cannot run Python 3.11 with the pinned set, so the book offers no Colab button."""
    assert "colab_url" not in (ROOT / "_config.yml").read_text()


def test_package_declares_what_the_helpers_import():
    """Every third-party module the helpers import is a declared dependency of the package."""
    req = metadata.requires("sz-ip-book-helpers") or []
    runtime = {re.split(r"[ <>=!;\[]", r)[0].lower() for r in req if "extra ==" not in r}
    extras = {re.split(r"[ <>=!;\[]", r)[0].lower() for r in req if "extra ==" in r}
    dists = metadata.packages_distributions()
    book_only = {"sphinx_ext.py", "execute.py"}  # run by `make book` / `make execute`, not by a notebook
    missing = []
    for f in sorted((ROOT / "src/helpers").glob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                else []
            )
            for n in names:
                top = n.split(".")[0]
                if top in sys.stdlib_module_names or top in ("helpers", "book_site"):  # this package
                    continue
                d = {x.lower() for x in dists.get(top, [top])}
                wanted = runtime | (extras if f.name in book_only or top == "myst_nb" else set())
                if not d & wanted:
                    missing.append(f"{f.name}: {top} ({', '.join(sorted(d))})")
    assert not missing, "undeclared in pyproject.toml: " + "; ".join(sorted(set(missing)))
    assert {"pandas", "numpy", "matplotlib", "mplfonts", "pillow", "ipython"} <= runtime


def test_make_refuses_another_python_in_one_line(tmp_path):
    fake = tmp_path / "python3"
    fake.write_text("#!/bin/sh\necho 3.10\n")
    fake.chmod(0o755)
    r = subprocess.run(
        ["make", "-s", "--no-print-directory", "check-python", f"PYTHON={fake}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode != 0
    lines = [l for l in r.stderr.splitlines() if l.strip() and not re.match(r"make(\[\d+\])?: \*\*\*", l)]
    assert len(lines) == 1 and "needs Python 3.11" in lines[0] and "is 3.10" in lines[0], r.stderr


# ----------------------------------------------------------------------------- Binder, reproduced


def _key() -> str:
    h = hashlib.sha256()
    for k in KEYED:
        h.update(k.encode() + (ROOT / k).read_bytes())
    return h.hexdigest()


def _run(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert r.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


def binder_env() -> Path:
    """A Python 3.11 venv installed the way Binder installs (cached while the inputs are unchanged)."""
    stamp = ENV / ".binder-key"
    if stamp.exists() and stamp.read_text() == _key():
        return ENV
    py = shutil.which("python3.11")
    assert py, "python3.11 is needed to reproduce Binder (binder/runtime.txt says python-3.11)"
    shutil.rmtree(ENV, ignore_errors=True)
    _run([py, "-m", "venv", str(ENV)])
    env = {**os.environ, "PATH": f"{ENV / 'bin'}{os.pathsep}{os.environ['PATH']}", "VIRTUAL_ENV": str(ENV)}
    env.pop("SZIP_ROOT", None)
    _run([str(ENV / "bin/python"), "-m", "pip", "install", "--quiet", "pip==26.3"], env=env, timeout=600)
    _run(
        [str(ENV / "bin/python"), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt"],
        cwd=ROOT,
        env=env,
        timeout=1800,
    )
    _run(["bash", "binder/postBuild"], cwd=ROOT, env=env, timeout=600)
    stamp.write_text(_key())
    return ENV


RUN_ALONE = r"""
import json, sys
import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell
src, out, cwd = sys.argv[1:]
nb = nbformat.read(src, as_version=4)
nb.cells.append(new_code_cell("import sys, helpers.paths as p; print(sys.prefix); print(p.repo_root())"))
NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
               resources={"metadata": {"path": cwd}}).execute()
nbformat.write(nb, out)
"""

ADDR = re.compile(r"0x[0-9a-fA-F]{6,16}")


def _texts(cell) -> list:
    """What nbval compares: outputs without images, memory addresses masked."""
    out = []
    for o in cell.get("outputs", []):
        if o["output_type"] == "stream":
            out.append((o["name"], ADDR.sub("0x", o["text"])))
        elif "data" in o:
            out.append(
                {
                    k: ADDR.sub("0x", v if isinstance(v, str) else json.dumps(v, sort_keys=True))
                    for k, v in o["data"].items()
                    if not k.startswith("image/")
                }
            )
    return out


@pytest.mark.slow
def test_binder_install_then_one_notebook_alone_in_an_empty_folder(tmp_path):
    env_dir = binder_env()
    py = env_dir / "bin/python"
    _run([str(py), "-m", "pip", "check"])
    for dist in ("pandas", "matplotlib", "mplfonts", "pillow", "ipython", "jupyter-book", "frictionless"):
        assert (
            metadata.version(dist)
            == _run([str(py), "-c", f"import importlib.metadata as m; print(m.version('{dist}'))"]).stdout.strip()
        ), dist
    alone = tmp_path / "empty"
    alone.mkdir()
    src = alone / Path(BINDER_NOTEBOOK).name
    shutil.copy(ROOT / BINDER_NOTEBOOK, src)
    env = {k: v for k, v in os.environ.items() if k not in ("SZIP_ROOT", "PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}"
    script = tmp_path / "run_alone.py"
    script.write_text(RUN_ALONE)
    out = tmp_path / "ran.ipynb"
    _run([str(py), str(script), str(src), str(out), str(alone)], cwd=alone, env=env, timeout=900)
    ran = nbformat.read(out, as_version=4)
    prefix, root = ran.cells[-1].outputs[0]["text"].split()
    assert Path(prefix) == env_dir and Path(root) == ROOT, "ran in the Binder env, found data/ via the package"
    committed = nbformat.read(ROOT / BINDER_NOTEBOOK, as_version=4)
    for i, (a, b) in enumerate(zip(committed.cells, ran.cells)):
        if a.cell_type == "code":
            assert _texts(a) == _texts(b), f"cell {i} of {BINDER_NOTEBOOK} differs from the committed output"
    errors = [o for c in ran.cells if c.cell_type == "code" for o in c.outputs if o["output_type"] == "error"]
    assert not errors
