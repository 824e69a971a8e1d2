"""Stage: extraction. ``extract_events(doc, document, ontology)`` turns a parsed article into event mentions:
actor, action, target, type, modality, attribution, place and date. Pure functions over spaCy Docs."""

from .core import extract_events, extract_affiliations

__all__ = ["extract_events", "extract_affiliations"]
