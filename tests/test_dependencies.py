"""Every package the code imports is declared in pyproject.toml, so `pip install graphbuild` brings it."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imports(folder: Path) -> dict[str, str]:
    """Top-level module -> the first file that imports it (absolute imports only)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else []
            for n in names:
                found.setdefault(n.split(".")[0], str(path.relative_to(ROOT)))
    return found


# imported only where an optional feature needs it, behind an ImportError with the install command
OPTIONAL = {"distributed": "dask"}  # module -> the extra that brings it


def test_every_import_of_the_package_is_a_declared_dependency():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {_name(r) for r in project["dependencies"]}
    declared |= {_name(r) for module, extra in OPTIONAL.items() for r in project["optional-dependencies"][extra]
                 if _name(r) == module}
    dists = packages_distributions()
    missing = []
    for module, where in _imports(ROOT / "graphbuild").items():
        if module in sys.stdlib_module_names or module == "graphbuild":
            continue
        names = {d.lower().replace("_", "-") for d in dists.get(module, [module])}
        if not names & declared:
            missing.append(f"{module} ({where})")
    assert not missing, f"imported but not in [project].dependencies: {', '.join(missing)}"
