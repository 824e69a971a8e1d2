"""``graphbuild validate``: check an exported graph against the SHACL shapes of ``ontology/shapes.ttl`` (pyshacl).

The vocabulary and event types go in as the ontology graph, so a shape that targets ``cekg:Event`` also
applies to the PLOVER classes below it; no inference is run on the data (what is checked is what was written).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import GraphbuildError, InputError, OntologyError

SHAPES = "shapes.ttl"
TBOX = ("vocab.ttl", "event_types.ttl")  # the class hierarchy the shapes rely on
_DATA = ("graph.ttl", "graph.nt", "graph.jsonld")


@dataclass(frozen=True)
class Validation:
    conforms: bool
    report: str  # pyshacl's text report
    violations: int


def _parse(path: Path, fmt: str | None = None) -> Graph:
    try:
        return Graph().parse(path, format=fmt)
    except Exception as e:  # rdflib raises many parser exception types
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputError(f"not valid RDF: {msg}", path=path) from None


def data_file(out: str | Path) -> Path:
    """The graph file of a build folder (graph.ttl, else graph.nt / graph.jsonld), or ``out`` itself."""
    out = Path(out)
    if out.is_file():
        return out
    for name in _DATA:
        if (out / name).is_file():
            return out / name
    raise InputError("no graph.ttl here (give the --out folder of `graphbuild build`)", path=out)


def validate(out: str | Path, shapes: str | Path | None = None) -> Validation:
    """Validate the graph of a build folder (or an RDF file) against the bundled SHACL shapes."""
    try:
        import pyshacl
    except ImportError:  # pragma: no cover - a dependency
        raise GraphbuildError("pyshacl is not installed; pip install 'pyshacl>=0.40,<0.41'") from None
    from .ontology import ontology_dir

    folder = ontology_dir()
    shapes_path = Path(shapes) if shapes else folder / SHAPES
    if not shapes_path.is_file():
        raise OntologyError("no SHACL shapes file", path=shapes_path)
    data_path = data_file(out)
    data = _parse(data_path, "json-ld" if data_path.suffix == ".jsonld" else None)
    tbox = Graph()
    for name in TBOX:
        if (folder / name).is_file():
            tbox += _parse(folder / name, "turtle")
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=_parse(shapes_path, "turtle"), ont_graph=tbox, inference="none",
        abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=True)
    if not isinstance(results, Graph):  # pyshacl's ValidationFailure: the shapes themselves are wrong
        raise OntologyError(f"the SHACL shapes cannot be used: {text.strip().splitlines()[-1]}", path=shapes_path)
    from rdflib.namespace import SH

    violations = sum(1 for _ in results.subjects(SH.resultSeverity, SH.Violation))
    return Validation(bool(conforms), text, violations)
