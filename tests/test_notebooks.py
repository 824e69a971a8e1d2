"""The notebooks run top to bottom on a fresh build (nbclient, the venv's own kernel)."""

from __future__ import annotations

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, examples_out, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("GRAPHBUILD_OUT", str(examples_out))
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    # every cell ends with a value to look at (a table, a count), and none of them is empty
    for cell in code:
        results = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert results, cell.source
        assert "Empty DataFrame" not in results[-1]["data"].get("text/plain", ""), cell.source
