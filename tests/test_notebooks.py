"""The notebooks run top to bottom on a build of examples/ (nbclient, the venv's own kernel), show plots, and are
kept in git without outputs."""

from __future__ import annotations

import base64
import json

import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_and_they_are_stored_without_outputs():
    assert len(NOTEBOOKS) >= 3
    for path in NOTEBOOKS:
        cells = json.loads(path.read_text())["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert code and not [c for c in code if c["outputs"] or c["execution_count"]], path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_plots(path, examples_out, tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("GRAPHBUILD_OUT", str(examples_out))         # the notebooks that read a build
    monkeypatch.setenv("GRAPHBUILD_BUILD_OUT", str(tmp_path / "out"))  # the one that builds
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    # every cell ends with something to look at (a table, a value), and no table is empty
    for cell in code:
        results = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert results, cell.source
        assert "Empty DataFrame" not in results[-1]["data"].get("text/plain", ""), cell.source
    pngs = [base64.b64decode(o["data"]["image/png"]) for cell in code for o in cell.outputs
            if "image/png" in o.get("data", {})]
    assert pngs, f"{path.name} shows no plot"
    assert all(p.startswith(b"\x89PNG") and len(p) > 5000 for p in pngs)  # drawn, not blank
