"""Where a weapon was put or thrown, told apart from the scene of the sentence.

A verb that moves a weapon ("placed a bomb", "bombs were hurled", "set off a charge") takes its target from a
place phrase: "at the temple", "on the pipeline", "in a car", "near a power tower". Two kinds of place phrase
are the scene instead, not what was hit:

- a place phrase written before the verb ("In the town of Ayala, rebels placed a bomb at the school", "In the
  opinion of the police, the charge was set off ..."): it opens the sentence and sets its scene or its source;
- an in-phrase beside an at- or on-phrase ("bombs were hurled at the temple, in Santiago", "a charge was
  placed on the pipeline, in the area of El Carmen"): the at-phrase says what was hit, the in-phrase
  where that is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# the prepositions of a weapon's place that name where it was, not only what it was aimed at
SCENE_PREPS = ("in", "near", "inside", "outside", "toward", "towards")
AIMED_PREPS = ("at", "on", "against", "upon", "into")


def weapon_place_targets(verb: Token, found: list[Token]) -> list[Token]:
    """The place-phrase targets of a weapon ``found`` under ``verb`` (or under the weapon noun), without the
    scene: place phrases before the verb, and in-phrases when an at- or on-phrase names what was hit.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["bombs", "were", "hurled", "at", "a", "temple", ",", "in", "Santiago"]
    >>> heads = [2, 2, 2, 2, 5, 3, 2, 2, 7]
    >>> deps = ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct", "prep", "pobj"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    >>> [t.text for t in weapon_place_targets(doc[2], [doc[5], doc[8]])]
    ['temple']
    >>> words = ["In", "Ayala", ",", "rebels", "placed", "a", "bomb", "at", "the", "school"]
    >>> heads = [4, 0, 4, 4, 4, 6, 4, 4, 9, 7]
    >>> deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    >>> [t.text for t in weapon_place_targets(doc[4], [doc[9], doc[1]])]
    ['school']
    """
    kept = [t for t in found if not _fronted(t, verb)]
    aimed = any(_prep(t).lower_ in AIMED_PREPS for t in kept)
    return [t for t in kept if not (aimed and _prep(t).lower_ == "in")]


def _prep(pobj: Token) -> Token:
    return pobj.head


def _fronted(pobj: Token, verb: Token) -> bool:
    """A scene phrase written before the verb ("In Ayala, rebels placed ...")."""
    prep = _prep(pobj)
    return prep.lower_ in SCENE_PREPS and prep.i < verb.i and prep.head.i == verb.i
