"""nodes.csv, edges.csv, graph.graphml and graph.gexf: the actor graph for pandas, Gephi and other graph tools.

The rows are built from :func:`graphbuild.graph.build_graph` (one node per actor, one edge per merged event),
so the CSV files, the GraphML file and the networkx graph agree. List values (sources, evidence sentences) are
joined with `` | ``; the full record of every mention is in events.jsonl. graph.gexf gives each edge its date
as a time interval, so Gephi's timeline plays the events in order.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

import networkx as nx

from ..graph import MergedEvent, build_graph
from ..records import Document
from .files import atomic_write

NODE_COLUMNS = ("id", "label", "kind", "country", "resolved", "activity")
EDGE_COLUMNS = ("event_id", "source", "target", "source_label", "target_label", "event_type", "action",
                "action_text", "modality", "mode", "cameo", "date", "place", "place_country", "confidence",
                "mentions", "doc_ids", "article_published", "article_url", "article_source", "attributed_to",
                "evidence", "actor_mentions", "target_mentions")
SEP = " | "


def _flat(value):
    if isinstance(value, (list, tuple)):
        return SEP.join(str(v) for v in value)
    return value


def node_rows(g: nx.MultiDiGraph) -> list[dict]:
    return [{"id": n, **{c: d.get(c) for c in NODE_COLUMNS[1:]}} for n, d in sorted(g.nodes(data=True))]


def _articles(doc_ids: Sequence[str], documents: Mapping[str, Document]) -> dict:
    """The article of each of ``doc_ids``, in the same order (empty where unknown), so the joined
    ``article_*`` columns line up with ``doc_ids``."""
    docs = [documents.get(d) for d in doc_ids]
    return {"article_published": [d.published.isoformat() if d and d.published else "" for d in docs],
            "article_url": [d.url or "" if d else "" for d in docs],
            "article_source": [d.source or "" if d else "" for d in docs]}


def edge_rows(g: nx.MultiDiGraph, documents: Mapping[str, Document] | None = None) -> list[dict]:
    rows = []
    for a, t, key, d in g.edges(keys=True, data=True):
        row = {"event_id": key, "source": a, "target": t, "source_label": g.nodes[a]["label"],
               "target_label": g.nodes[t]["label"]}
        d = {**d, **_articles(d.get("doc_ids") or (), documents or {})}
        row.update({c: _flat(d.get(c)) for c in EDGE_COLUMNS[5:]})
        rows.append(row)
    rows.sort(key=lambda r: r["event_id"])
    return rows


def _write_csv(rows: list[dict], columns: Sequence[str], path: str | Path) -> None:
    with atomic_write(path, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: "" if v is None else v for k, v in row.items()})


def write_csv(merged: Sequence[MergedEvent], nodes_path: str | Path, edges_path: str | Path,
              graph: nx.MultiDiGraph | None = None, documents: Mapping[str, Document] | None = None) -> None:
    """nodes.csv (one actor a row) and edges.csv (one event a row, ``source``/``target`` are node ids, the
    ``article_*`` columns the articles of ``doc_ids``). ``graph``: the actor graph of ``merged`` when the
    caller has built it already."""
    g = build_graph(merged) if graph is None else graph
    _write_csv(node_rows(g), NODE_COLUMNS, nodes_path)
    _write_csv(edge_rows(g, documents), EDGE_COLUMNS, edges_path)


def graphml_graph(merged: Sequence[MergedEvent], graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The actor graph with GraphML-safe attributes: lists joined, unknown values left out (GraphML has
    no null), edge keys = event ids."""
    g = build_graph(merged) if graph is None else graph
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        out.add_node(n, **{k: v for k, v in d.items() if v is not None})
    for a, t, key, d in g.edges(keys=True, data=True):
        out.add_edge(a, t, key=key, **{k: _flat(v) for k, v in d.items() if v not in (None, [], ())})
    return out


def write_graphml(merged: Sequence[MergedEvent], path: str | Path, graph: nx.MultiDiGraph | None = None) -> None:
    g = graphml_graph(merged, graph)
    with atomic_write(path, "wb") as fh:
        nx.write_graphml(g, fh, encoding="utf-8", prettyprint=True, named_key_ids=True)


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """Inverse of :func:`write_graphml` (node ids and event keys kept)."""
    return nx.read_graphml(path, force_multigraph=True)


def gexf_graph(merged: Sequence[MergedEvent], graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """The actor graph for GEXF: like :func:`graphml_graph`, and each dated edge spans its date
    (``start`` = ``end``), which makes the file dynamic for Gephi's timeline; undated edges are always shown."""
    g = graphml_graph(merged, graph)
    for _a, _t, key, d in g.edges(keys=True, data=True):
        d["id"] = key  # GEXF edge ids are the event ids, as in GraphML
        if d.get("date"):
            d["start"] = d["end"] = d["date"]
    return g


def write_gexf(merged: Sequence[MergedEvent], path: str | Path, graph: nx.MultiDiGraph | None = None) -> None:
    g = gexf_graph(merged, graph)
    with atomic_write(path, "wb") as fh:
        nx.write_gexf(g, fh, encoding="utf-8", prettyprint=True, version="1.2draft")


def read_gexf(path: str | Path) -> nx.DiGraph:
    """Inverse of :func:`write_gexf`: node ids kept, the event id in each edge's ``id`` (networkx gives a
    ``MultiDiGraph`` when two events join the same pair of actors, else a ``DiGraph``)."""
    return nx.read_gexf(path)
