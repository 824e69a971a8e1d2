"""Stage: export. Every writer takes the merged events and a path and writes atomically."""

from .files import atomic_write
from .html import render_html, write_html
from .jsonl import read_events, write_events
from .rdf import to_rdf, write_rdf

__all__ = ["atomic_write", "read_events", "render_html", "to_rdf", "write_events", "write_html", "write_rdf"]
