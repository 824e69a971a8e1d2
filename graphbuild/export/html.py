"""graph.html: an interactive vis-network view that works offline and stays still.

Positions are computed here (:func:`positions`) and physics is off, so nothing moves after the page opens,
whatever the size. The page is rendered from our own template with vis-network's JS and CSS inlined from the
pyvis package (pyvis's own templates load them, and Bootstrap, from CDNs). All article text goes into the page
as JSON inside a script element with ``<``, ``>`` and ``&`` escaped; the page puts it in the DOM as text and
vis-network shows string tooltips as text, so markup in an article never runs.
"""

from __future__ import annotations

import importlib.util
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..graph import MODALITY_RANK, MergedEvent, build_graph
from ..records import KIND_TABLE, Document
from .files import atomic_write

KIND_COLOURS = {kind: info.colour for kind, info in KIND_TABLE.items()}
# edges take the colour of their event type; violent types warm, cooperative ones cool
TYPE_COLOURS = {"ASSAULT": "#d62728", "FIGHT": "#a50f15", "COERCE": "#8c564b", "THREATEN": "#ff7f0e",
                "SANCTION": "#bcbd22",
                "PROTEST": "#e377c2", "MOBILIZE": "#7f7f7f", "ACCUSE": "#9467bd", "REJECT": "#a05d56",
                "REQUEST": "#17becf", "CONSULT": "#6baed6", "AGREE": "#1f77b4", "SUPPORT": "#31a354",
                "AID": "#2ca02c", "COOPERATE": "#74c476", "CONCEDE": "#9e9ac8", "RETREAT": "#bdbdbd"}
MODALITY_DASHES = {"asserted": False, "claimed": [8, 4], "alleged": [2, 4], "threatened": [12, 3, 2, 3]}
SPRING_NODES = 600  # a connected part this large is laid out with a sampled repulsion (the exact one is O(n^2))
TOP_LABELS = 20  # the most active actors, labelled at any zoom; the others when zoomed in


def _script_json(obj) -> str:
    """JSON safe inside <script>: no '</script>', no HTML comment or CDATA openers."""
    s = json.dumps(obj, ensure_ascii=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def spring(g: nx.Graph, nodes: list, seed: int = 7, iterations: int | None = None, sample: int | None = None):
    """Fruchterman-Reingold positions of ``nodes``, a connected part of ``g`` (rows in their order), with the
    exact O(n^2) repulsion of networkx's ``spring_layout``, but in float32 on flat coordinate arrays, the
    attraction summed along the edges only: a tenth of networkx's time (0.2 s instead of 2 s for the 600 actors
    of the dev corpus). A small part settles in fewer steps (default: 30 up to 50 nodes, else 100). With
    ``sample``, a large part's repulsion is estimated each step from that many random nodes, so a step costs
    O(n * sample + edges) rather than O(n^2).

    >>> pos = spring(nx.path_graph(4), [0, 1, 2, 3])
    >>> pos.shape, bool(abs(pos[0, 0] - pos[3, 0]) + abs(pos[0, 1] - pos[3, 1]) > abs(pos[0, 0] - pos[1, 0]))
    ((4, 2), True)
    """
    import numpy as np

    n = len(nodes)
    if iterations is None:
        iterations = 30 if n <= 50 else 100
    index = {v: i for i, v in enumerate(nodes)}
    # the edges in the order of ``nodes``: a subgraph view iterates a set, whose order changes from run to run
    edges = np.array([(i, index[w]) for i, v in enumerate(nodes) for w in g[v] if index.get(w, -1) > i],
                     dtype=np.int64).reshape(-1, 2)
    a, b = edges[:, 0], edges[:, 1]
    rng = np.random.default_rng(seed)
    x, y = rng.uniform(0.0, 1.0, (2, n)).astype(np.float32)  # float32: half the memory traffic, enough here
    k = np.float32(1.5 / n ** 0.5)  # the ideal edge length in the unit square (networkx's k, as before)
    t = 0.1  # the largest step, cooled to nothing
    dt = t / (iterations + 1)
    sampled = sample is not None and sample < n
    for _ in range(iterations):
        # from every node (or a random sample of them, its pull scaled up to all): k^2 / d^2
        others = rng.choice(n, size=sample, replace=False) if sampled else slice(None)
        dx, dy = x[:, None] - x[None, others], y[:, None] - y[None, others]
        repulsion = (k * k) / np.maximum(dx * dx + dy * dy, np.float32(1e-4))
        fx, fy = (dx * repulsion).sum(1), (dy * repulsion).sum(1)
        if sampled:
            fx, fy = fx * np.float32(n / sample), fy * np.float32(n / sample)
        ex, ey = x[a] - x[b], y[a] - y[b]  # attraction along the edges: d / k
        pull = np.maximum(np.sqrt(ex * ex + ey * ey), np.float32(0.01)) / k
        np.subtract.at(fx, a, ex * pull)
        np.subtract.at(fy, a, ey * pull)
        np.add.at(fx, b, ex * pull)
        np.add.at(fy, b, ey * pull)
        step = np.float32(t) / np.maximum(np.sqrt(fx * fx + fy * fy), np.float32(0.01))
        x += fx * step
        y += fy * step
        t -= dt
    return np.column_stack([x, y]).astype(float)


def positions(g: nx.Graph, seed: int = 7, spacing: float = 70.0) -> dict:
    """Node positions computed before the page opens, so nothing moves once it is drawn: each connected part
    is laid out on its own (:func:`spring`, sampled for large parts) in a disc whose area
    grows with its size, and the parts are packed in rows, largest first, so small clusters do not fly off.

    >>> pos = positions(nx.Graph([(1, 2), (3, 4), (4, 5)]))
    >>> sorted(pos) == [1, 2, 3, 4, 5] and len(set(pos.values())) == 5
    True
    """
    import numpy as np

    und = nx.Graph(g)
    und.remove_edges_from(nx.selfloop_edges(und))
    parts = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(map(str, c))))
    discs = []
    for part in parts:
        nodes = [v for v in und if v in part]  # graph order: deterministic
        if len(nodes) == 1:
            local = np.zeros((1, 2))
        elif len(nodes) == 2:  # level, and shorter than its disc, so that a row of pairs does not read as a chain
            local = np.array([[-0.6, 0.0], [0.6, 0.0]])
        else:
            local = spring(und, nodes, seed=seed) if len(nodes) < SPRING_NODES else \
                spring(und, nodes, seed=seed, iterations=80, sample=96)
            local -= np.median(local, 0)
            # scaled by the bulk, not the outliers: a dense core with a few far leaves still gets room
            local /= max(float(np.quantile(np.sqrt((local ** 2).sum(1)), 0.9)), 1e-9)
        radius = spacing * max(1.0, float(np.sqrt(len(nodes)))) * (1.3 if len(nodes) > 50 else 1.0)
        local = local * radius
        if len(nodes) > 2:
            _fan_out_leaves(und, nodes, local, spacing)
        discs.append((nodes, local, radius))
    # shelf packing: rows about as wide as the whole is tall, on a screen's proportions
    area = sum((2 * r + spacing) ** 2 for *_, r in discs)
    width = max(2 * discs[0][2] if discs else 0.0, 1.6 * area ** 0.5)
    out: dict = {}
    x = y = row = 0.0
    for nodes, local, radius in discs:
        d = 2 * radius + spacing
        if x > 0 and x + d > width:
            x, y, row = 0.0, y + row, 0.0
        cx, cy = x + d / 2, y + d / 2
        for v, (px, py) in zip(nodes, local, strict=True):
            out[v] = (round(cx + float(px), 1), round(cy + float(py), 1))
        x, row = x + d, max(row, d)
    return out


def _fan_out_leaves(g: nx.Graph, nodes: list, local, spacing: float) -> None:
    """Actors known only through one other (most victims and targets) sit evenly on a ring around it, in
    the order the layout gave them, so a hub's many one-off targets do not pile up on one spot."""
    import math

    where = {v: i for i, v in enumerate(nodes)}
    leaves: dict = {}
    for v in nodes:
        if g.degree(v) == 1:
            (hub,) = g.neighbors(v)
            if g.degree(hub) > 1:
                leaves.setdefault(hub, []).append(v)
    for hub, vs in leaves.items():
        hx, hy = local[where[hub]]
        vs.sort(key=lambda v: math.atan2(local[where[v]][1] - hy, local[where[v]][0] - hx))
        ring = max(0.8 * spacing, len(vs) * spacing * 0.9 / (2 * math.pi))
        start = math.atan2(local[where[vs[0]]][1] - hy, local[where[vs[0]]][0] - hx)
        for k, v in enumerate(vs):
            a = start + 2 * math.pi * k / len(vs)
            local[where[v]] = (hx + ring * math.cos(a), hy + ring * math.sin(a))


def _source_name(doc_id: str, documents: Mapping[str, Document]) -> str:
    doc = documents.get(doc_id)
    if doc is None:
        return doc_id
    bits = [doc.source, doc.title, doc.published.isoformat() if doc.published else None]
    return " \u2014 ".join(b for b in bits if b) or doc_id


def view_model(merged: Sequence[MergedEvent], title: str = "graphbuild",
               documents: Mapping[str, Document] | None = None, graph: nx.MultiDiGraph | None = None) -> dict:
    """Plain data for the page: actors with their positions, events with their evidence and sources, and
    the legend and filter values. The page draws one edge per pair of actors for the events shown."""
    documents = documents or {}
    g = build_graph(merged) if graph is None else graph
    pos = positions(g)
    index = {v: i for i, v in enumerate(g)}
    nodes = []
    for v, d in g.nodes(data=True):
        activity = d.get("activity", 1)
        nodes.append({"id": v, "label": d["label"], "kind": d["kind"], "country": d.get("country"),
                      "activity": activity, "provisional": not d.get("resolved", True),
                      "x": pos[v][0], "y": pos[v][1], "size": round(min(6 + 5 * activity ** 0.5, 45), 1),
                      "color": KIND_COLOURS.get(d["kind"], KIND_COLOURS["unknown"])})
    events, docs = [], {}
    for a, t, key, d in g.edges(keys=True, data=True):
        for doc_id in d["doc_ids"]:
            docs.setdefault(doc_id, _source_name(doc_id, documents))
        events.append({"id": key, "s": index[a], "t": index[t], "type": d["event_type"], "action": d["action"],
                       "text": d.get("action_text"), "modality": d["modality"], "date": d.get("date"),
                       "place": d.get("place"), "mentions": d["mentions"], "mode": d.get("mode"),
                       "evidence": d["evidence"], "docs": d["doc_ids"], "by": d.get("attributed_to") or [],
                       "words": [d.get("actor_mentions") or [], d.get("target_mentions") or []]})
    types = Counter(e["type"] for e in events)
    dates = sorted(e["date"] for e in events if e["date"])
    kinds = {n["kind"] for n in nodes}
    return {
        "title": title,
        "nodes": nodes,
        "events": events,
        "sources": docs,
        "legend": [{"kind": k, "colour": c} for k, c in KIND_COLOURS.items() if k in kinds],
        "event_types": [{"type": t, "colour": TYPE_COLOURS.get(t, "#888888"), "count": types[t]}
                        for t in sorted(types, key=lambda t: (-types[t], t))],
        "modalities": sorted({e["modality"] for e in events},
                             key=lambda m: MODALITY_RANK.index(m) if m in MODALITY_RANK else 99),
        "dates": [dates[0], dates[-1]] if dates else None,
        "dashes": MODALITY_DASHES,
        "top_labels": TOP_LABELS,
    }


def _asset(*parts: str) -> str:
    # found, not imported: importing pyvis imports IPython and networkx's drawing code, for files we only read
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        return resources.files("pyvis").joinpath("lib", *parts).read_text(encoding="utf-8")
    return Path(spec.submodule_search_locations[0], "lib", *parts).read_text(encoding="utf-8")


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
