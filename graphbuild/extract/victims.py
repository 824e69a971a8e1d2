"""What a target is not: the damage an attack did to a building, or the ground it was fought over, rather
than who or what was hit.

- a part of a building ("destroying windows and doors"): the damage of an attack on the building, which
  its own frame names when the text does ("the bomb hit the school");
- ground with no name ("shelled residential areas", "occupied several towns", "the streets"): where an
  attack happened, not whom it hit; nothing in it says which place. A named one ("the Zacamil
  neighbourhood", "the towns of Ayala and Lerma") or one told as whose it is ("rebel villages") is kept, as
  is a singular "the town" or "the village",
  which stands for a place the article names.

The words are the ontology's (``cekg:buildingPart``, ``cekg:groundNoun``). Rounds of fire ("fired seven
shots at him") are the means of an attack: the lexicon files them as instruments of the mode firearms, so the
at-phrase is the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words


def is_damage_or_ground(tok: Token, words: Words) -> bool:
    """Whether a target head is a part of a building or unnamed ground, not a victim; ground told as whose
    it is ("rebel villages", "Kurdish towns") is someone's, and kept."""
    word, lex = tok.lower_, words.lex
    if word in lex.building_parts:
        return True
    return word in lex.ground_nouns and not any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC", "NORP")
                                                or t.lower_ in words.actor_nouns for t in np_span(tok) if t.i != tok.i)
