"""Stage: export. Every writer takes the merged events and a path and writes atomically."""

from .files import atomic_dir, atomic_write
from .flat import event_rows, mention_rows, write_events_csv
from .html import render_html, write_html
from .jsonl import read_articles, read_events, write_events
from .rdf import to_rdf, write_rdf
from .tables import read_gexf, read_graphml, write_csv, write_gexf, write_graphml

__all__ = ["atomic_dir", "atomic_write", "event_rows", "mention_rows", "read_articles", "read_events",
           "read_gexf", "read_graphml", "render_html", "to_rdf", "write_csv", "write_events",
           "write_events_csv", "write_gexf", "write_graphml", "write_html", "write_rdf"]
