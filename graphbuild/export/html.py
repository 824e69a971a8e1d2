"""graph.html: an interactive pyvis/vis-network view that works offline.

pyvis builds the node and edge records; the page is rendered from our own template with vis-network's JS and
CSS inlined from the pyvis package (its own templates load them, and Bootstrap, from CDNs). All article text
goes into the page as JSON inside a script element with ``<``, ``>`` and ``&`` escaped, and vis-network shows
string tooltips as text, so markup in an article never runs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..graph import MODALITY_RANK, MergedEvent, build_graph
from ..records import KIND_TABLE, Document
from .files import atomic_write

KIND_COLOURS = {kind: info.colour for kind, info in KIND_TABLE.items()}
MODALITY_DASHES = {"asserted": False, "claimed": [8, 4], "alleged": [2, 4], "threatened": [12, 3, 2, 3]}
STATIC_LAYOUT_NODES = 1000  # past this many nodes, positions are computed here and physics is off
EVIDENCE_IN_TOOLTIP = 3


def _script_json(obj) -> str:
    """JSON safe inside <script>: no '</script>', no HTML comment or CDATA openers."""
    s = json.dumps(obj, ensure_ascii=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def layout(g: nx.Graph, iterations: int = 50, seed: int = 7, scale: float = 1000.0, sample: int = 96) -> dict:
    """Force-directed positions for large graphs, in numpy: Fruchterman-Reingold with the repulsion estimated
    from a random sample of nodes each step, so a step costs O(n * sample + edges) rather than O(n^2).

    >>> pos = layout(nx.path_graph(5))
    >>> sorted(pos) == [0, 1, 2, 3, 4] and all(abs(x) <= 1000 and abs(y) <= 1000 for x, y in pos.values())
    True
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (n, 2))
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in g.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    k = 2.0 / np.sqrt(n)  # ideal edge length in a [-1, 1] square
    step = 0.1
    for _ in range(iterations):
        pick = rng.choice(n, size=min(n, sample), replace=False)
        delta = pos[:, None, :] - pos[None, pick, :]
        dist2 = np.maximum((delta ** 2).sum(-1), 1e-6)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(1) * (n / len(pick))
        if len(edges):
            d = pos[edges[:, 0]] - pos[edges[:, 1]]
            f = d * (np.sqrt(np.maximum((d ** 2).sum(-1), 1e-6)) / k)[:, None]
            np.add.at(disp, edges[:, 0], -f)
            np.add.at(disp, edges[:, 1], f)
        length = np.sqrt(np.maximum((disp ** 2).sum(-1), 1e-12))
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
        step = max(step * 0.95, 0.002)
    pos -= pos.mean(0)
    pos *= scale / max(float(np.abs(pos).max()), 1e-9)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _source_name(doc_id: str, documents: Mapping[str, Document]) -> str:
    doc = documents.get(doc_id)
    if doc is None:
        return doc_id
    bits = [doc.source, doc.title, doc.published.isoformat() if doc.published else None]
    return " \u2014 ".join(b for b in bits if b) or doc_id


def view_model(merged: Sequence[MergedEvent], title: str = "graphbuild",
               documents: Mapping[str, Document] | None = None, graph: nx.MultiDiGraph | None = None) -> dict:
    """Plain data for the page: nodes, edges, legend and filter values (records built with pyvis's Node and
    Edge; tooltips are plain text, which vis-network shows as text, never as HTML)."""
    from pyvis.edge import Edge
    from pyvis.node import Node

    documents = documents or {}
    g = build_graph(merged) if graph is None else graph
    static = g.number_of_nodes() > STATIC_LAYOUT_NODES
    pos = layout(g) if static else {}
    nodes, edges = [], []
    for node, d in g.nodes(data=True):
        activity = d.get("activity", 1)
        tip = [d["label"], f"kind: {d['kind']}"] + ([f"country: {d['country']}"] if d.get("country") else []) \
            + [f"events: {activity}"] + ([] if d.get("resolved", True) else ["(provisional actor)"])
        extra = {"x": pos[node][0], "y": pos[node][1]} if static else {}
        nodes.append(Node(node, "dot", d["label"], title="\n".join(tip), kind=d["kind"],
                          color=KIND_COLOURS.get(d["kind"], KIND_COLOURS["unknown"]),
                          size=round(min(8 + 6 * activity ** 0.5, 40), 1), **extra).options)
    for a, t, key, d in g.edges(keys=True, data=True):
        lines = [f"{d['action']} ({d['event_type']}), {d['modality']}",
                 f"date: {d['date'] or 'unknown'}" + (f"; place: {d['place']}" if d.get("place") else ""),
                 f"mentions: {d['mentions']}"]
        if d.get("attributed_to"):
            lines.append("according to: " + "; ".join(d["attributed_to"]))
        lines.append("sources: " + "; ".join(_source_name(x, documents) for x in d["doc_ids"]))
        lines += [f"\u201c{s}\u201d" for s in d["evidence"][:EVIDENCE_IN_TOOLTIP]]
        if len(d["evidence"]) > EVIDENCE_IN_TOOLTIP:
            lines.append(f"(and {len(d['evidence']) - EVIDENCE_IN_TOOLTIP} more)")
        edges.append(Edge(a, t, directed=True, id=key, label=f"{d['action']} [{d['event_type']}]",
                          title="\n".join(lines), event_type=d["event_type"], modality=d["modality"],
                          dashes=MODALITY_DASHES.get(d["modality"], [4, 4]),
                          width=1 + min(d["mentions"], 8) * 0.5).options)
    kinds = {d.get("kind") for _, d in g.nodes(data=True)}
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "physics": not static,
        "legend": [{"kind": k, "colour": c} for k, c in KIND_COLOURS.items() if k in kinds],
        "event_types": sorted({d["event_type"] for *_, d in g.edges(keys=True, data=True)}),
        "modalities": sorted({d["modality"] for *_, d in g.edges(keys=True, data=True)},
                             key=lambda m: MODALITY_RANK.index(m) if m in MODALITY_RANK else 99),
    }


def _asset(*parts: str) -> str:
    return resources.files("pyvis").joinpath("lib", *parts).read_text(encoding="utf-8")


def render_html(model: dict) -> str:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                      autoescape=select_autoescape(["html"]))
    env.filters["script_json"] = _script_json
    return env.get_template("graph.html").render(
        model=model, vis_js=_asset("vis-9.1.2", "vis-network.min.js"),
        vis_css=_asset("vis-9.1.2", "vis-network.css"))


def write_html(merged: Sequence[MergedEvent], path: str | Path, title: str = "graphbuild",
               documents: Mapping[str, Document] | None = None, graph: nx.MultiDiGraph | None = None) -> None:
    html = render_html(view_model(merged, title, documents, graph))
    with atomic_write(path) as fh:
        fh.write(html)
