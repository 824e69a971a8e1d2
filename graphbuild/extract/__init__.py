"""Stage: extraction. ``extract_events(doc, document, ontology)`` turns a parsed article into event mentions:
actor, action, target, type, modality, attribution, place and date. Pure functions over spaCy Docs.

Modules, named for what they decide: ``events`` (the driver: which words trigger an event, which sides can
act or be hit, the event records), ``verb_events`` and ``noun_events`` (the frame of a trigger verb or event
noun), ``sides`` (frames and the grammar of their sides: subjects, agents, objects, prepositions),
``noun_phrases`` (the span of a side, coordination), ``coreference`` (pronouns and definite descriptions),
``modality`` (claims, allegations, threats, reported speech), ``non_events`` (questions and tallies, which
report no event), ``incidents`` (one incident told over several sentences: perpetrators filled across
sentences), ``setting`` (place and date), ``affiliations`` (membership facts), ``lexicon`` (the extractor's
view of the ontology's lexicon).
"""

from .affiliations import extract_affiliations
from .events import extract_events

__all__ = ["extract_events", "extract_affiliations"]
