"""Loading ``ontology/*.ttl`` (the bundled files, then the user's): Turtle errors with their file and line,
and a closed vocabulary: a ``cekg:`` term the vocabulary does not declare is refused with its file and line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from ..errors import OntologyError
from ..namespaces import CEKG
from ..records import EVENT_TYPES, KINDS
from .index import Ontology


def ontology_dir() -> Path:
    """The bundled ontology: inside the wheel, or the source tree's ``ontology/`` (editable install)."""
    package = Path(__file__).resolve().parent.parent  # graphbuild/
    for candidate in (package / "_ontology", package.parent / "ontology"):
        if candidate.is_dir() and any(candidate.glob("*.ttl")):
            return candidate
    raise OntologyError("the bundled ontology folder is missing; reinstall graphbuild")



def _parse(graph: Graph, path: Path) -> None:
    try:
        graph.parse(path, format="turtle")
    except Exception as e:  # rdflib raises several parser exception types
        line = None
        m = re.search(r"line (\d+)", str(e))
        if m:
            line = int(m[1])
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise OntologyError(f"not valid Turtle: {msg}", path=path, line=line) from None


def _declared(graph: Graph) -> frozenset[str]:
    """The local names of the ``cekg:`` terms a graph declares (every one has an ``rdf:type``)."""
    ns = str(CEKG._NS)
    return frozenset(str(s)[len(ns):] for s in graph.subjects(RDF.type, None) if str(s).startswith(ns))


def _line_of(path: Path, graph: Graph, iri: str) -> int | None:
    """The first line of ``path`` that writes ``iri``, prefixed or in full: rdflib keeps no line numbers."""
    forms = [re.escape(f"<{iri}>")]
    for prefix, ns in graph.namespaces():
        if iri.startswith(str(ns)) and prefix:
            forms.append(r"(?<![\w:.-])" + re.escape(f"{prefix}:{iri[len(str(ns)):]}") + r"(?![\w-])")
    pattern = re.compile("|".join(forms))
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if pattern.search(line.split("#", 1)[0] if line.lstrip().startswith("#") else line):
            return n
    return None


def check_terms(graph: Graph, path: Path, declared: frozenset[str]) -> None:
    """Refuse a file that uses a ``cekg:`` term the vocabulary does not declare (a typo such as
    ``cekg:contry`` or ``a cekg:Armedgroup`` would otherwise load silently), or a kind, event type or
    modality outside the closed enumerations of events.jsonl."""
    import difflib

    ns = str(CEKG._NS)
    used = sorted({str(x) for triple in graph for x in triple
                   if isinstance(x, URIRef) and str(x).startswith(ns) and str(x) != ns})
    for iri in used:
        local = iri[len(ns):]
        if local not in declared:
            near = difflib.get_close_matches(local, declared, n=1)
            hint = f"; did you mean cekg:{near[0]}?" if near else ""
            raise OntologyError(f"cekg:{local} is not a term of the graphbuild vocabulary (ontology/vocab.ttl)"
                                f"{hint}", path=path, line=_line_of(path, graph, iri))
    for cls, code in graph.subject_objects(CEKG.kindCode):
        if str(code) not in KINDS:
            raise OntologyError(f"kind code {str(code)!r} is not one of {', '.join(KINDS)}", path=path,
                                line=_line_of(path, graph, str(cls)))
    for etype in graph.subjects(RDFS.subClassOf, CEKG.Event):
        if str(etype).rsplit("#", 1)[-1] not in EVENT_TYPES:
            raise OntologyError(f"event class {etype} is not a PLOVER type ({', '.join(EVENT_TYPES)})",
                                path=path, line=_line_of(path, graph, str(etype)))


def load_ontology(extra: Iterable[str | Path] = (), base: Path | None = None) -> Ontology:
    """The bundled ontology plus ``extra`` Turtle files (later files add and override). A user file may use
    only the terms of the bundled vocabulary: anything else is refused with its file and line."""
    folder = base or ontology_dir()
    files = sorted(folder.glob("*.ttl"))
    graph = Graph()
    for f in files:
        _parse(graph, f)
    declared = _declared(graph)
    overrides: list[Path] = []
    for x in extra:
        p = Path(x)
        if not p.is_file():
            raise OntologyError("no such ontology file", path=p)
        g2 = Graph()
        _parse(g2, p)
        check_terms(g2, p, declared)
        # A user file overrides labels and kinds of the actors it names.
        for s in set(g2.subjects(SKOS.prefLabel, None)):
            graph.remove((s, SKOS.prefLabel, None))
        for s in set(g2.subjects(RDF.type, None)):
            graph.remove((s, RDF.type, None))
        graph += g2
        overrides.append(p)
    return Ontology(graph, [*files, *overrides])
