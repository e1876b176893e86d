"""`make execute` rewrites a notebook only when its outputs change."""

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from helpers.execute import execute_notebook


def test_unchanged_outputs_leave_the_file_untouched(tmp_path):
    p = tmp_path / "n.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("print(6 * 7)")]), p)
    assert execute_notebook(p) is True  # first run: outputs appear
    before, mtime = p.read_bytes(), p.stat().st_mtime_ns
    assert execute_notebook(p) is False
    assert p.read_bytes() == before and p.stat().st_mtime_ns == mtime
    assert "42" in before.decode()
    nb = nbformat.read(p, as_version=4)
    nb.cells[0].source = "print(6 * 9)"
    nbformat.write(nb, p)
    assert execute_notebook(p) is True and "54" in p.read_text()
