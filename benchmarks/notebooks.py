"""Run every notebook of notebooks/ top to bottom on a build of examples/ and print how long each takes.

The notebooks are executed as the tests execute them (nbclient, the venv's kernel); nothing is written back.
usage: python benchmarks/notebooks.py [--png DIR]   (--png: save every plot, to look at them)
"""

from __future__ import annotations

import argparse
import base64
import os
import sys
import tempfile
import time
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path, env: dict[str, str]) -> tuple[float, list[bytes]]:
    os.environ.update(env)
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    took = time.perf_counter() - start
    pngs = [base64.b64decode(o["data"]["image/png"]) for c in nb.cells if c.cell_type == "code"
            for o in c.outputs if "image/png" in o.get("data", {})]
    return took, pngs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--png", type=Path, help="folder to save the plots in")
    args = ap.parse_args(argv)
    from graphbuild.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        build([ROOT / "examples"], Path(tmp) / "examples")
        print(f"build of examples/ for the notebooks: {time.perf_counter() - start:.1f} s")
        env = {"GRAPHBUILD_OUT": str(Path(tmp) / "examples"), "GRAPHBUILD_BUILD_OUT": str(Path(tmp) / "quick"),
               "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
        for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
            took, pngs = run(path, env)
            print(f"{path.name:<26} {took:6.1f} s  {len(pngs)} plots")
            if args.png:
                args.png.mkdir(parents=True, exist_ok=True)
                for i, png in enumerate(pngs, 1):
                    (args.png / f"{path.stem}-{i}.png").write_bytes(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
