"""Stage: export. Every writer takes the merged events and a path and writes atomically."""

from .files import atomic_dir, atomic_write
from .html import render_html, write_html
from .jsonl import read_events, write_events
from .rdf import to_rdf, write_rdf
from .tables import read_graphml, write_csv, write_graphml

__all__ = ["atomic_dir", "atomic_write", "read_events", "read_graphml", "render_html", "to_rdf", "write_csv",
           "write_events", "write_graphml", "write_html", "write_rdf"]
