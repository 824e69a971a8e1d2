"""The place an attack hits, not the wider setting around it.

- where a weapon was left: "placed a bomb outside the town hall in the parking lot", "hurled bombs at a
  temple in the capital". The place the weapon is put at, outside, near or on is the target; a further
  in-phrase says where that place is, and is no second target. An in-phrase alone ("left a bomb in the
  mayor's car") is the target;
- where an event took place: "the attack took place in the Las Flores neighborhood", "the blast occurred in
  Bello municipality" name a town, a district or an area: the setting, not what was hit. "Took place at a
  checkpoint", "occurred in a pharmacy" name a facility, which is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

# of the ontology's place nouns (cekg:placeNoun, cekg:settlementNoun), those that may be hit as a facility ("a
# camp", "the port") or stand for a government ("the capital", "the state"): the rest is a settlement or an
# area ("the Las Flores neighborhood", "Bello municipality"), where and not what
NOT_AREAS = frozenset({"camp", "port", "capital", "state"})



def setting_dropped(targets: list[Token], heads: tuple[Token, ...]) -> list[Token]:
    """The places a weapon was left at, less the wider setting: "placed a bomb outside the town hall in the
    parking lot" hits the town hall; the in-phrase says where that is. An in-phrase alone ("left a bomb in
    the mayor's car"), or beside a place told of the target itself ("in the home of the mayor, located at
    ..."), is the target. ``heads``: the verb and the weapon, which the other place must hang on."""
    inside = [t for t in targets if t.dep_ == "pobj" and t.head.lower_ == "in"]
    at = {h.i for h in heads}
    if not inside or not any(t not in inside and t.dep_ == "pobj" and t.head.head.i in at for t in targets):
        return targets
    return [t for t in targets if t not in inside]


def is_area_of_occurrence(tok: Token, words: Words) -> bool:
    """ "(took place) in the Las Flores neighborhood": the object of "in" whose head noun is a settlement or
    an area."""
    lemma = tok.lemma_.lower()
    return tok.dep_ == "pobj" and tok.head.lower_ == "in" and lemma in words.lex.place_nouns and \
        lemma not in NOT_AREAS
