"""Stage: extraction. ``extract_events(doc, document, ontology)`` turns a parsed article into event mentions:
actor, action, target, type, modality, attribution, place and date. Pure functions over spaCy Docs.

Modules: ``verbal`` and ``nominal`` (frames of trigger verbs and event nouns), ``phrases`` (noun phrases,
coordination), ``coref`` (pronouns and definite descriptions), ``modality`` (claims, allegations, threats,
reported speech), ``reports`` (questions and tallies, which report no event), ``incidents`` (one incident told
over several sentences: perpetrators filled across sentences), ``context`` (place and date), ``affiliations``
(membership facts), ``core`` (the driver).
"""

from .affiliations import extract_affiliations
from .core import extract_events

__all__ = ["extract_events", "extract_affiliations"]
