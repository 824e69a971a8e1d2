"""Stage: the SPARQL store. An embedded Oxigraph store (pyoxigraph) at ``OUT/store``, bulk-loaded from
``graph.nt``; queries from the CLI, the Python API and the HTTP endpoint (:mod:`graphbuild.serve`) go through
here, so their prefixes, errors and result formats agree.

>>> store = memory_store('<https://graphbuild.dev/id/actor/USA> <https://graphbuild.dev/ns/cekg#assault> '
...                      '<https://graphbuild.dev/id/actor/IRN> .')
>>> print(format_results(query(store, "SELECT ?a ?t WHERE { ?a cekg:assault ?t }"), "table"))
a         | t
----------+----------
actor:USA | actor:IRN
(1 row)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphbuildError, OutputError, QueryError
from .export.files import atomic_dir
from .namespaces import DEFAULT_BASE

STORE_DIR = "store"
FORMATS = ("table", "csv", "tsv", "json", "xml")
TABLE_WIDTH = 72  # a table cell longer than this is cut (use csv or json for whole values)
_FILE_FORMATS = {".nt": "N_TRIPLES", ".ttl": "TURTLE", ".jsonld": "JSON_LD", ".nq": "N_QUADS"}


def _ox():
    try:
        import pyoxigraph
    except ImportError:  # pragma: no cover - a dependency
        raise GraphbuildError("pyoxigraph is not installed; pip install 'pyoxigraph>=0.5,<0.6'") from None
    return pyoxigraph


def default_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes every query may use without declaring them (those of graph.ttl)."""
    from .export.rdf import prefixes

    return prefixes(base)


# --------------------------------------------------------------------------- loading and opening

def load_store(source: str | Path, path: str | Path) -> int:
    """Bulk-load an RDF file (``.nt`` is the fastest) into a new store at ``path``, replacing any store there.
    The store is built beside ``path`` and moved in place when complete. Returns the number of triples."""
    ox = _ox()
    source = Path(source)
    fmt = getattr(ox.RdfFormat, _FILE_FORMATS.get(source.suffix, "N_TRIPLES"))
    with atomic_dir(path) as tmp:
        try:
            store = ox.Store(str(tmp))
            store.bulk_load(path=str(source), format=fmt)
            store.optimize()
            store.flush()
            n = len(store)
        except (SyntaxError, OSError, RuntimeError, ValueError) as e:
            raise OutputError(f"cannot load the graph into the store: {_one_line(e)}", path=path) from None
        finally:
            store = None  # closes RocksDB before the folder is moved
    return n


def memory_store(data: str | bytes = b"", fmt: str = "N_TRIPLES"):
    """An in-memory store with ``data`` (N-Triples by default): for tests and small graphs."""
    ox = _ox()
    store = ox.Store()
    if data:
        store.load(data, format=getattr(ox.RdfFormat, fmt))
    return store


def open_store(out: str | Path, *, read_only: bool = True):
    """The store of a build folder ``out`` (``out/store``); without one, ``graph.nt`` or ``graph.ttl`` is loaded
    into memory. ``out`` may also be a store folder or an RDF file."""
    ox = _ox()
    out = Path(out)
    if out.is_file():
        store = ox.Store()
        fmt = getattr(ox.RdfFormat, _FILE_FORMATS.get(out.suffix, "TURTLE"))
        try:
            store.load(path=str(out), format=fmt)
        except (SyntaxError, ValueError) as e:
            raise QueryError(f"not valid RDF: {e}", path=out) from None
        return store
    folder = out / STORE_DIR if (out / STORE_DIR).is_dir() else out
    if (folder / "CURRENT").is_file():  # a RocksDB folder
        try:
            return ox.Store.read_only(str(folder)) if read_only else ox.Store(str(folder))
        except OSError as e:
            raise QueryError(f"cannot open the store: {e}", path=folder) from None
    for name in ("graph.nt", "graph.ttl"):
        if (out / name).is_file():
            return open_store(out / name)
    raise QueryError("no store here (expected store/ or graph.nt from `graphbuild build`)", path=out)


# --------------------------------------------------------------------------- queries

def saved_queries_dir() -> Path | None:
    """The ``queries/`` folder of saved queries (source tree or wheel)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_queries", here.parent / "queries"):
        if candidate.is_dir():
            return candidate
    return None


def saved_queries() -> dict[str, Path]:
    """Saved queries by name (file stem), in name order."""
    folder = saved_queries_dir()
    return {p.stem: p for p in sorted(folder.glob("*.rq"))} if folder else {}


_NAME = re.compile(r"[\w][\w.-]*")


def _saved_list() -> str:
    return ", ".join(saved_queries()) or "none"


def read_query(arg: str) -> str:
    """A query given as text, as a path to a ``.rq`` file, or as the name of a saved query.

    >>> read_query("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    >>> read_query("who-attacked")
    Traceback (most recent call last):
    ...
    graphbuild.errors.QueryError: no saved query 'who-attacked'; saved queries: affiliations, ...
    """
    path = Path(arg)
    if arg.endswith((".rq", ".sparql")) or ("\n" not in arg and _is_file(path)):
        if not _is_file(path):
            saved = saved_queries().get(path.stem)
            if saved is None:
                raise QueryError(f"no such query file; saved queries: {_saved_list()}", path=arg)
            path = saved
        return path.read_text(encoding="utf-8")
    saved = saved_queries()
    if arg in saved:
        return saved[arg].read_text(encoding="utf-8")
    if _NAME.fullmatch(arg.strip()):  # one word is no SPARQL: a saved query's name mistyped
        raise QueryError(f"no saved query {arg.strip()!r}; saved queries: {_saved_list()}")
    return arg


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # query text too long to be a file name
        return False


def _one_line(e: Exception) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= 300 else text[:299] + "\u2026"


def query(store, text: str, *, base: str = DEFAULT_BASE, **options):
    """Run a SPARQL query; the graph's prefixes need no declaration. Returns pyoxigraph's result
    (``QuerySolutions``, ``QueryBoolean`` or ``QueryTriples``)."""
    prefixes = default_prefixes(base)
    try:
        return store.query(text, prefixes=prefixes, **options)
    except SyntaxError as e:
        unknown = _unknown_prefix(text, prefixes) if "Prefix not found" in str(e) else None
        if unknown is not None:
            raise QueryError(f"unknown prefix '{unknown}:' (declare it with PREFIX {unknown}: <...>; known "
                             f"prefixes: {', '.join(sorted(prefixes))})") from None
        raise QueryError(f"not valid SPARQL: {_one_line(e)}") from None
    except (OSError, RuntimeError, ValueError, TypeError) as e:
        raise QueryError(f"query failed: {_one_line(e)}") from None


_QUOTED = re.compile(r"<[^<>\s]*>|\"\"\"[\s\S]*?\"\"\"|'[^'\n]*'|\"[^\"\n]*\"|#[^\n]*")
_PREFIXED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%\\])")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.I)


def _unknown_prefix(text: str, prefixes: Mapping[str, str]) -> str | None:
    """The first prefix the query uses and neither declares nor has by default (IRIs, strings and comments
    left out).

    >>> _unknown_prefix('SELECT ?x WHERE { ?x a foo:Bar ; rdfs:label "a:b" } # ex:c', {"rdfs": ""})
    'foo'
    """
    bare = _QUOTED.sub(" ", text)
    known = set(prefixes) | {p or "" for p in _DECLARED.findall(bare)}
    return next((p or "" for p in _PREFIXED.findall(bare) if (p or "") not in known), None)


def update(store, text: str, *, base: str = DEFAULT_BASE) -> None:
    try:
        store.update(text, prefixes=default_prefixes(base))
    except SyntaxError as e:
        raise QueryError(f"not valid SPARQL Update: {_one_line(e)}") from None
    except (OSError, RuntimeError, ValueError, TypeError) as e:
        raise QueryError(f"update failed: {_one_line(e)}") from None


def result_kind(result) -> str:
    """``select``, ``ask`` or ``graph`` (CONSTRUCT / DESCRIBE)."""
    ox = _ox()
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


@dataclass(frozen=True)
class Table:
    """SELECT results as plain values: column names and rows of terms (IRIs compacted)."""

    columns: list[str]
    rows: list[list[str | None]]


def compact(iri: str, prefixes: Mapping[str, str]) -> str:
    """``prefix:local`` for an IRI under a known prefix, else ``<iri>``.

    >>> compact("https://graphbuild.dev/id/actor/USA", {"actor": "https://graphbuild.dev/id/actor/"})
    'actor:USA'
    """
    best = max((p for p in prefixes.items() if iri.startswith(p[1])), key=lambda p: len(p[1]), default=None)
    if best and all(c.isalnum() or c in "-_." for c in iri[len(best[1]):]):
        return f"{best[0]}:{iri[len(best[1]):]}"
    return f"<{iri}>"


def _plain(term, prefixes: Mapping[str, str]) -> str | None:
    ox = _ox()
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return compact(term.value, prefixes)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def to_table(result, base: str = DEFAULT_BASE) -> Table:
    prefixes = default_prefixes(base)
    columns = [v.value for v in result.variables]
    rows = [[_plain(sol[c], prefixes) for c in columns] for sol in result]
    return Table(columns, rows)


def _cut(s: str | None) -> str:
    s = "" if s is None else " ".join(s.split())
    return s if len(s) <= TABLE_WIDTH else s[: TABLE_WIDTH - 1] + "\u2026"


def render_table(table: Table) -> str:
    cells = [[_cut(x) for x in row] for row in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    line = lambda xs: " | ".join(x.ljust(w) for x, w in zip(xs, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(table.columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'' if len(cells) == 1 else 's'})")
    return "\n".join(out)


def format_results(result, fmt: str = "table", base: str = DEFAULT_BASE) -> str:
    """Results as text: ``table`` (aligned, IRIs compacted, long values cut), ``csv`` / ``tsv`` (SPARQL 1.1
    CSV/TSV), ``json`` (SPARQL 1.1 Query Results JSON), ``xml``. CONSTRUCT results are Turtle (``json``:
    JSON-LD, ``csv``: N-Triples)."""
    ox = _ox()
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    kind = result_kind(result)
    if kind == "graph":
        rdf = {"json": ox.RdfFormat.JSON_LD, "csv": ox.RdfFormat.N_TRIPLES, "tsv": ox.RdfFormat.N_TRIPLES,
               "xml": ox.RdfFormat.RDF_XML}.get(fmt, ox.RdfFormat.TURTLE)
        if rdf == ox.RdfFormat.TURTLE:
            return ox.serialize(result, format=rdf, prefixes=default_prefixes(base)).decode("utf-8")
        return result.serialize(format=rdf).decode("utf-8")
    if fmt == "table":
        if kind == "ask":
            return "true" if bool(result) else "false"
        return render_table(to_table(result, base))
    qf = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
          "tsv": ox.QueryResultsFormat.TSV, "csv": ox.QueryResultsFormat.CSV}[fmt]
    text = result.serialize(format=qf).decode("utf-8")
    return json.dumps(json.loads(text), ensure_ascii=False) if fmt == "json" else text


def run(out: str | Path, text: str, fmt: str = "table") -> str:
    """Open the store of ``out``, run one query (text, ``.rq`` file or saved query name) and format it."""
    store = open_store(out)
    return format_results(query(store, read_query(text)), fmt)
