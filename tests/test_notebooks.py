"""Properties of the committed notebooks that nbval alone does not check."""

import json
import re

import pytest
from conftest import ROOT

NOTEBOOKS = sorted(p for p in (ROOT / "chapters").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def test_there_are_notebooks():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_committed_executed_and_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert any(c.get("outputs") for c in code), f"{path.name} has no stored outputs: run `make execute`"
    assert all(c.get("execution_count") for c in code), f"{path.name} has cells that were never executed"
    assert not any("execution" in c.get("metadata", {}) for c in code), f"{path.name} carries timing metadata"
    errors = [o for c in code for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{path.name} has stored errors"
    stderr = [o for c in code for o in c.get("outputs", []) if o.get("name") == "stderr"]
    assert not stderr, f"{path.name} has stderr output"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_uses_the_helpers_not_copies(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"]) if nb["cells"][0]["cell_type"] == "code" else ""
    if not first:
        first = "".join(next(c for c in nb["cells"] if c["cell_type"] == "code")["source"])
    assert "from helpers." in first, f"{path.name}: the first code cell must import the helpers"
    src = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "import *" not in src
    assert not re.search(r"rcParams|addfont|def repo_root", src), f"{path.name} copies helper code"


TYPED = re.compile(r"(?<![\w.#{-])\d[\d,]*(\.\d+)?(?![\w-])")
LITERALS = re.compile(r"\{glue(:\w+)?\}`[^`]*`|\{(numref|ref|doc|download)\}`[^`]*`|`[^`]*`|\[[^\]]*\]\([^)]*\)")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_number_is_typed_into_prose(path):
    """Numbers in markdown cells must be glued; years and list numbers are allowed."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    typed = []
    for c in nb["cells"]:
        if c["cell_type"] != "markdown":
            continue
        for line in "".join(c["source"]).splitlines():
            if line.lstrip().startswith(("#", ":", "```", "|")):
                continue
            for m in TYPED.finditer(LITERALS.sub(" ", line)):
                v = m.group().replace(",", "")
                if re.fullmatch(r"(19|20)\d\d", v) or len(v) < 2:
                    continue
                typed.append(m.group())
    assert not typed, f"{path.name}: numbers typed in prose: {typed}"
