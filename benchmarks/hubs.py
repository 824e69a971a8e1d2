"""The largest share of edges on one node of the actor graph of a build: no catch-all node should carry a
large part of the events (issue 12 asks for at most 15%).

    python benchmarks/hubs.py OUT [--top 10]

Reads OUT/events.jsonl, merges and builds the actor graph as `graphbuild build` does, and prints the
nodes with the most edges and their share of all edges.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from graphbuild.graph import build_graph, merge_events
from graphbuild.records import Event


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    with (args.out / "events.jsonl").open(encoding="utf-8") as fh:
        events = [Event.from_dict(json.loads(line)) for line in fh if line.strip()]
    g = build_graph(merge_events(events))
    n = g.number_of_edges()
    print(f"{g.number_of_nodes()} actors, {n} events (edges)")
    top = sorted(g.nodes, key=lambda v: -g.degree(v))[: args.top]
    for v in top:
        print(f"{g.degree(v):5d}  {g.degree(v) / n:6.1%}  {g.nodes[v]['label']}")
    print(f"top edge share: {g.degree(top[0]) / n:.1%}" if top else "empty graph")


if __name__ == "__main__":
    main()
