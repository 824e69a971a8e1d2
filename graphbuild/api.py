"""The Python API for notebooks: ``build(inputs, out)`` and ``load(out)`` give a :class:`Graph` whose tables are
pandas DataFrames, whose actor graph is networkx and whose RDF is rdflib, each made on first use.

>>> import graphbuild
>>> g = graphbuild.load(getfixture("built_out"))          # the output folder of a build
>>> g.events.loc[0, ["actor", "event_type", "target"]].tolist()
['Northern Hawks', 'ASSAULT', 'Kessa']
>>> g.query("SELECT (COUNT(*) AS ?n) WHERE { ?e a sem:Event }")["n"].tolist()
[1]
>>> sorted(g.graph.nodes)
['x-kessa', 'x-northern-hawks']
"""

from __future__ import annotations

import html as _html
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from .errors import GraphbuildError, InputError, QueryError
from .graph import MergedEvent, build_graph, mentions_of
from .namespaces import DEFAULT_BASE
from .records import Document, Event

__all__ = ["Graph", "Page", "build", "load", "select"]

# xsd datatypes whose values become numbers, booleans or timestamps in a query's DataFrame
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                            "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {_XSD + t for t in ("double", "float", "decimal")}
_DATES = {_XSD + "date", _XSD + "dateTime"}


def _warn(err: GraphbuildError) -> None:
    print(f"graphbuild: warning: {err}", file=sys.stderr)


def build(inputs: str | Path | Iterable[str | Path], out: str | Path, **options) -> Graph:
    """Build the graph of ``inputs`` (files, folders, ``-``) into the folder ``out`` and load it. ``options``
    are those of :func:`graphbuild.pipeline.build` (``force``, ``model``, ``ontology_files``, ``base``,
    ``n_process``, ``warn``, ``progress``); input problems are printed on stderr unless ``warn`` is given, and
    kept in ``.problems``."""
    from .pipeline import build as run

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    options.setdefault("warn", _warn)
    result = run(inputs, out, **options)
    g = load(out, base=options.get("base", DEFAULT_BASE))
    return Graph(g.out, g.merged, g.articles_by_id, base=g.base, problems=tuple(result.problems),
                 paths=dict(result.paths), documents=result.documents)


def load(out: str | Path, *, base: str = DEFAULT_BASE) -> Graph:
    """The graph of a finished build: ``out`` is the output folder (its ``events.jsonl`` is read; the store and
    the RDF are opened when first asked for)."""
    from .export import read_articles, read_events
    from .pipeline import OUTPUTS

    out = Path(out)
    path = out / "events.jsonl"
    if not path.is_file():
        raise InputError("no events.jsonl here; run graphbuild build first", path=out)
    groups: dict[str, list[Event]] = {}
    for ev in read_events(path):  # the file is in document order, each mention carrying its event_id
        groups.setdefault(ev.event_id or ev.id, []).append(ev)
    merged = tuple(MergedEvent(eid, tuple(ms)) for eid, ms in groups.items())
    articles = read_articles(path)
    paths = {name: out / name for name in OUTPUTS if (out / name).exists()}
    return Graph(out, merged, articles, base=base, paths=paths, documents=len(articles))


def _as_set(value) -> set[str] | None:
    if value is None:
        return None
    return {value} if isinstance(value, str) else set(value)


def _day(value) -> str | None:
    if value is None:
        return None
    return value.isoformat()[:10] if isinstance(value, date) or hasattr(value, "isoformat") else str(value)[:10]


def select(merged: Sequence[MergedEvent], *, event_type=None, modality=None, since=None, until=None,
           actor=None) -> list[MergedEvent]:
    """The events that pass every filter given: ``event_type`` and ``modality`` (one value or several),
    ``since`` / ``until`` (dates, inclusive; undated events are left out when either is given) and ``actor``
    (an actor id or a label, or a part of a label, on either side; case does not matter).

    >>> from graphbuild.graph import merge_events
    >>> from graphbuild.records import Actor
    >>> us, ir = Actor("USA", "United States", "state"), Actor("IRN", "Iran", "state")
    >>> evs = merge_events([Event("d", "US jets hit Iran.", (8, 11), us, ir, "hit", "hit", "ASSAULT",
    ...                           date="2024-01-02"),
    ...                     Event("d", "Iran threatened the US.", (5, 15), ir, us, "threatened", "threaten",
    ...                           "THREATEN", modality="threatened")])
    >>> [e.event_type for e in select(evs, actor="iran", since="2024-01-01")]
    ['ASSAULT']
    >>> [e.event_type for e in select(evs, modality=["threatened", "claimed"])]
    ['THREATEN']
    """
    types, modalities = _as_set(event_type), _as_set(modality)
    types = {t.upper() for t in types} if types else types
    since, until = _day(since), _day(until)
    who = actor.lower() if isinstance(actor, str) else None

    def keep(ev: MergedEvent) -> bool:
        if types and ev.event_type not in types:
            return False
        if modalities and ev.modality not in modalities:
            return False
        if (since or until) and not ev.date:
            return False
        if (since and ev.date < since) or (until and ev.date > until):
            return False
        if who is not None:
            sides = [s for s in (ev.actor, ev.target) if s is not None]
            if not any(who == s.id.lower() or who in s.label.lower() for s in sides):
                return False
        return True

    return [ev for ev in merged if keep(ev)]


@dataclass(frozen=True)
class Page:
    """A rendered graph page: shown inline by Jupyter and VS Code (an iframe whose ``srcdoc`` is the page,
    scripts sandboxed away from the notebook), or saved with :meth:`save`."""

    html: str
    height: int = 600

    def _repr_html_(self) -> str:
        return (f'<iframe sandbox="allow-scripts" srcdoc="{_html.escape(self.html, quote=True)}" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd"></iframe>')

    def save(self, path: str | Path) -> Path:
        from .export import atomic_write

        with atomic_write(path) as fh:
            fh.write(self.html)
        return Path(path)


def _frame(rows: list[dict], columns: Sequence[str]):
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for name in ("date", "published"):
        if name in df:
            df[name] = pd.to_datetime(df[name], format="%Y-%m-%d", errors="coerce")
    for name in ("fatalities", "injured"):
        if name in df:
            df[name] = df[name].astype("Int64")
    for name in ("lat", "lon", "confidence"):
        if name in df:
            df[name] = df[name].astype("float64")
    return df


@dataclass(frozen=True, eq=False, repr=False)
class Graph:
    """A built graph for analysis. Tables are pandas DataFrames made on first use:

    - ``events``: one merged event a row (flat columns, :data:`graphbuild.export.flat.EVENT_COLUMNS`;
      ``date`` a timestamp, lists such as ``doc_ids``, ``sources``, ``evidence`` kept as lists);
    - ``mentions``: one report a row, with its sentence and article; ``actors``: one actor a row;
      ``affiliations``: sponsors, memberships and alliances of the actors;
    - ``graph``: the actor graph (networkx ``MultiDiGraph``, one edge per event keyed by ``event_id``);
    - ``rdf``: the rdflib ``Graph`` of graph.nt; ``query(sparql)``: a SPARQL query as a DataFrame;
    - ``show(**filters)``: the interactive graph inline in a notebook.

    ``merged`` holds the events as records; ``records`` the mentions as :class:`~graphbuild.records.Event`
    (what ``graphbuild.build(...).events`` was before this API).
    """

    out: Path
    merged: tuple[MergedEvent, ...]
    articles_by_id: Mapping[str, Document] = field(default_factory=dict)
    base: str = DEFAULT_BASE
    problems: tuple[GraphbuildError, ...] = ()
    paths: Mapping[str, Path] = field(default_factory=dict)
    documents: int = 0

    def __repr__(self) -> str:
        return (f"<graphbuild.Graph {str(self.out)!r}: {len(self.merged)} events, "
                f"{self.documents} document{'' if self.documents == 1 else 's'}>")

    def __len__(self) -> int:
        return len(self.merged)

    # ------------------------------------------------------------------ records, as before

    @property
    def records(self) -> list[Event]:
        """Every mention as an Event record, in document order, each with its ``event_id``."""
        return mentions_of(self.merged)

    def summary(self) -> str:
        from .pipeline import BuildResult

        return BuildResult(out=self.out, documents=self.documents, merged=list(self.merged),
                           problems=list(self.problems), paths=dict(self.paths)).summary()

    # ------------------------------------------------------------------ tables

    @cached_property
    def sponsors(self) -> dict[str, list[str]]:
        """Actor id -> the labels of its sponsors (``cekg:backedBy`` in the graph; none without the graph)."""
        out: dict[str, list[str]] = {}
        if not any((self.out / name).exists() for name in ("store", "graph.nt", "graph.ttl")):
            return out  # events.jsonl alone: the tables, without what only the RDF knows
        for row in self.affiliations.itertuples():
            if row.relation == "backedBy":
                out.setdefault(row.actor_id, []).append(row.other)
        return out

    @cached_property
    def events(self):
        from .export.flat import EVENT_COLUMNS, event_rows

        return _frame(event_rows(self.merged, self.articles_by_id, self.sponsors), EVENT_COLUMNS)

    @cached_property
    def mentions(self):
        from .export.flat import MENTION_COLUMNS, mention_rows

        return _frame(mention_rows(self.merged, self.articles_by_id), MENTION_COLUMNS)

    @cached_property
    def articles(self):
        """One article a row (those that report an event): ``doc_id``, ``published``, ``url``, ``source``."""
        rows = [{"doc_id": d.id, "published": d.published.isoformat() if d.published else None, "url": d.url,
                 "source": d.source} for d in self.articles_by_id.values()]
        return _frame(rows, ("doc_id", "published", "url", "source"))

    @cached_property
    def actors(self):
        """One node of the actor graph a row: ``id``, ``label``, ``kind``, ``country``, ``resolved``,
        ``events`` (taken part in), ``as_actor``, ``as_target``, ``sponsors``; most active first."""
        import pandas as pd

        g = self.graph
        rows = [{"id": n, "label": d.get("label"), "kind": d.get("kind"), "country": d.get("country"),
                 "resolved": d.get("resolved", True), "events": d.get("activity", 0),
                 "as_actor": g.out_degree(n), "as_target": g.in_degree(n),
                 "sponsors": self.sponsors.get(n, [])} for n, d in g.nodes(data=True)]
        df = pd.DataFrame(rows, columns=["id", "label", "kind", "country", "resolved", "events", "as_actor",
                                         "as_target", "sponsors"])
        return df.sort_values(["events", "label"], ascending=[False, True], ignore_index=True)

    @cached_property
    def affiliations(self):
        """Affiliations of the actors in the graph (curated and read in the articles): ``actor_id``,
        ``actor``, ``relation`` (backedBy, memberOf, partOf, alliedWith), ``other_id``, ``other``."""
        df = self.query("""
            SELECT ?actor_id ?actor ?relation ?other_id ?other WHERE {
              VALUES ?p { cekg:backedBy cekg:memberOf cekg:partOf cekg:alliedWith }
              ?a ?p ?o . ?a skos:prefLabel ?actor .
              OPTIONAL { ?o skos:prefLabel ?olabel }
              BIND(STRAFTER(STR(?a), "/actor/") AS ?actor_id) BIND(STRAFTER(STR(?o), "/actor/") AS ?other_id)
              BIND(STRAFTER(STR(?p), "#") AS ?relation) BIND(COALESCE(?olabel, ?other_id) AS ?other)
            } ORDER BY ?relation ?actor ?other""")
        return df.drop_duplicates(["actor_id", "relation", "other_id"], ignore_index=True)

    # ------------------------------------------------------------------ graphs

    @cached_property
    def graph(self):
        return build_graph(self.merged)

    @cached_property
    def rdf(self):
        import rdflib

        for name, fmt in (("graph.nt", "nt"), ("graph.ttl", "turtle")):
            if (self.out / name).is_file():
                g = rdflib.Graph()
                try:
                    g.parse(self.out / name, format=fmt)
                except Exception as e:  # rdflib raises many kinds; one message naming the file
                    raise InputError(f"not valid RDF: {e}", path=self.out / name) from None
                from .export.rdf import prefixes

                for prefix, ns in prefixes(self.base).items():
                    g.bind(prefix, ns, override=True)
                return g
        raise InputError("no graph.nt or graph.ttl here", path=self.out)

    # ------------------------------------------------------------------ SPARQL

    @cached_property
    def _store(self):
        from .store import open_store

        return open_store(self.out)

    def query(self, sparql: str):
        """A SPARQL query (text, a ``.rq`` file or the name of a saved query) as a DataFrame; the graph's
        prefixes need no PREFIX lines. IRIs are shortened (``actor:USA``), numbers and dates typed. An ASK
        gives one column ``boolean``; a CONSTRUCT the columns ``subject``, ``predicate``, ``object``."""
        import pandas as pd

        from .store import _plain, default_prefixes, query, read_query, result_kind

        result = query(self._store, read_query(sparql), base=self.base)
        kind = result_kind(result)
        prefixes = default_prefixes(self.base)
        if kind == "ask":
            return pd.DataFrame({"boolean": [bool(result)]})
        if kind == "graph":
            rows = [[_plain(t, prefixes) for t in (q.subject, q.predicate, q.object)] for q in result]
            return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
        columns = [v.value for v in result.variables]
        rows = [[_value(sol[c], prefixes) for c in columns] for sol in result]
        return pd.DataFrame(rows, columns=columns)

    # ------------------------------------------------------------------ the view

    def show(self, *, event_type=None, modality=None, since=None, until=None, actor=None, height: int = 600,
             title: str | None = None) -> Page:
        """The interactive graph (graph.html) of the events that pass the filters (see :func:`select`),
        shown inline in JupyterLab and VS Code; ``.save(path)`` writes it as a page."""
        from .export.html import render_html, view_model

        events = select(self.merged, event_type=event_type, modality=modality, since=since, until=until,
                        actor=actor)
        if not events:
            raise QueryError("no event passes these filters")
        title = title or f"graphbuild: {len(events)} event{'' if len(events) == 1 else 's'}"
        model = view_model(events, title, self.articles_by_id, build_graph(events))
        return Page(render_html(model), height)


def _value(term, prefixes: Mapping[str, str]):
    """A query result term as a plain Python value: numbers and booleans typed, dates as timestamps, IRIs
    shortened with the graph's prefixes."""
    from .store import _plain

    datatype = getattr(getattr(term, "datatype", None), "value", None)
    if datatype is None:
        return _plain(term, prefixes)
    try:
        if datatype in _INTS:
            return int(term.value)
        if datatype in _FLOATS:
            return float(term.value)
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        if datatype in _DATES:
            import pandas as pd

            return pd.Timestamp(term.value)
    except ValueError:
        pass  # an ill-typed literal stays as written
    return term.value


