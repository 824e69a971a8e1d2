"""Stage: export. Every writer takes the merged events and a path and writes atomically.

The writers are imported when first asked for (``from graphbuild.export import write_html``): the actor
graph's ones bring networkx and Jinja, which a build needs only at its end, where it writes the page and
tables beside the RDF (see :func:`graphbuild.pipeline.write_outputs`), and a worker process never."""

from importlib import import_module

_WHERE = {"atomic_dir": "files", "atomic_write": "files", "event_rows": "flat", "mention_rows": "flat",
          "write_events_csv": "flat", "render_html": "html", "write_html": "html", "read_articles": "jsonl",
          "read_events": "jsonl", "write_events": "jsonl", "to_rdf": "rdf", "write_rdf": "rdf",
          "read_gexf": "tables", "read_graphml": "tables", "write_csv": "tables", "write_gexf": "tables",
          "write_graphml": "tables"}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value
