"""Notebooks narrate, helpers compute (issue 24): a notebook's code cells only call helpers.

Each notebook imports once, in one line; its cells define nothing, join no statements with `;` and hold
no loops. The analysis lives in src/helpers, so notebook code stays a small share of the analysis code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from helpers.paths import repo_root

ROOT = repo_root()
NOTEBOOKS = sorted((ROOT / "chapters").rglob("*.ipynb"))
SHARE = 0.20  # notebook code as a share of all analysis code (notebook code cells + src/helpers), at most


def code_cells(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code"]


def code_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "chapters")))
def test_notebook_only_calls(path):
    imports, problems = 0, []
    for i, src in enumerate(code_cells(path), 1):
        tree = ast.parse(src)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                imports += 1
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                problems.append(f"cell {i}: defines {getattr(node, 'name', 'a lambda')}")
            elif isinstance(node, ast.For | ast.While):
                problems.append(f"cell {i}, line {node.lineno}: a loop (move it into the page's helper module)")
        lines = src.splitlines()
        starts = [stmt.lineno for stmt in tree.body]
        for n in sorted({n for n in starts if starts.count(n) > 1}):
            problems.append(f"cell {i}, line {n}: statements joined with ';' ({lines[n - 1].strip()!r})")
    if imports != 1:
        problems.append(f"{imports} import statements; a notebook imports its page module in one line")
    assert not problems, f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


def test_notebook_code_is_a_small_share_of_the_analysis():
    nb_lines = sum(code_lines(s) for p in NOTEBOOKS for s in code_cells(p))
    helper_lines = sum(code_lines(p.read_text(encoding="utf-8")) for p in (ROOT / "src" / "helpers").rglob("*.py"))
    share = nb_lines / (nb_lines + helper_lines)
    assert share <= SHARE, (
        f"notebook code is {nb_lines} of {nb_lines + helper_lines} analysis lines ({share:.0%}); "
        f"at most {SHARE:.0%}: move the analysis into src/helpers"
    )
