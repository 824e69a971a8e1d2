"""graph.html: an interactive pyvis/vis-network view that works offline.

pyvis builds the node and edge records; the page is rendered from our own template with vis-network's JS and
CSS inlined from the pyvis package (its own templates load them, and Bootstrap, from CDNs). All article text
goes into the page as JSON inside a script element with ``<``, ``>`` and ``&`` escaped, and vis-network shows
string tooltips as text, so markup in an article never runs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..graph import MergedEvent, build_graph
from .files import atomic_write

KIND_COLOURS = {"state": "#1f77b4", "government": "#4e79a7", "military": "#2ca02c", "police": "#17becf",
                "armed_group": "#d62728", "person": "#9467bd", "organisation": "#ff7f0e",
                "facility": "#8c564b", "civilians": "#e377c2", "unknown": "#7f7f7f"}
MODALITY_DASHES = {"asserted": False, "claimed": [8, 4], "alleged": [2, 4], "threatened": [12, 3, 2, 3]}
STATIC_LAYOUT_NODES = 2000  # past this many nodes, positions are computed here and physics is off


def _script_json(obj) -> str:
    """JSON safe inside <script>: no '</script>', no HTML comment or CDATA openers."""
    s = json.dumps(obj, ensure_ascii=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def view_model(merged: Sequence[MergedEvent], title: str = "graphbuild") -> dict:
    """Plain data for the page: nodes, edges, legend and filter values (built with pyvis)."""
    from pyvis.network import Network

    g = build_graph(merged)
    net = Network(directed=True, cdn_resources="in_line")
    static = g.number_of_nodes() > STATIC_LAYOUT_NODES
    pos = nx.spring_layout(g, seed=7, iterations=50, scale=1000) if static else {}
    for node, d in g.nodes(data=True):
        activity = d.get("activity", 1)
        tip = f"{d['label']}\nkind: {d['kind']}" + (f"\ncountry: {d['country']}" if d.get("country") else "") \
            + f"\nevents: {activity}" + ("" if d.get("resolved", True) else "\n(provisional actor)")
        extra = {"x": float(pos[node][0]), "y": float(pos[node][1])} if static else {}
        net.add_node(node, label=d["label"], title=tip, color=KIND_COLOURS.get(d["kind"], "#7f7f7f"),
                     size=10 + 4 * min(activity, 15) ** 0.5 * 2, kind=d["kind"], **extra)
    for a, t, key, d in g.edges(keys=True, data=True):
        lines = [f"{d['action']} ({d['event_type']}), {d['modality']}",
                 f"date: {d['date'] or 'unknown'}" + (f"; place: {d['place']}" if d.get("place") else ""),
                 f"mentions: {d['mentions']}; sources: {', '.join(d['doc_ids'])}"]
        lines += [f"\u201c{s}\u201d" for s in d["evidence"][:3]]
        net.add_edge(a, t, id=key, label=f"{d['action']} [{d['event_type']}]", title="\n".join(lines),
                     event_type=d["event_type"], modality=d["modality"], arrows="to",
                     dashes=MODALITY_DASHES.get(d["modality"], [4, 4]), width=1 + min(d["mentions"], 8) * 0.5)
    return {
        "title": title,
        "nodes": net.nodes,
        "edges": net.edges,
        "physics": not static,
        "legend": [{"kind": k, "colour": c} for k, c in KIND_COLOURS.items()
                   if any(d.get("kind") == k for _, d in g.nodes(data=True))],
        "event_types": sorted({d["event_type"] for *_, d in g.edges(keys=True, data=True)}),
        "modalities": sorted({d["modality"] for *_, d in g.edges(keys=True, data=True)}),
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


def write_html(merged: Sequence[MergedEvent], path: str | Path, title: str = "graphbuild") -> None:
    html = render_html(view_model(merged, title))
    with atomic_write(path) as fh:
        fh.write(html)
