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

from .casualties import number
from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Words


def is_damage_or_ground(tok: Token, words: Words) -> bool:
    """Whether a target head is a part of a building or unnamed ground, not a victim; ground told as whose
    it is ("rebel villages", "Kurdish towns") is someone's, and kept."""
    word, lex = tok.lower_, words.lex
    if word in lex.building_parts:
        return True
    return word in lex.ground_nouns and not any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC", "NORP")
                                                or t.lower_ in words.actor_nouns for t in np_span(tok) if t.i != tok.i)


def count_words(tok: Token) -> Span | None:
    """The words of a side that is a number of people and nothing else, "more" included ("six", "at least
    12", "another 15", "12 more", "dozens", "scores more", where the parser hangs "more" on the verb); None
    for anything else ("six soldiers", "dozens of people", "2021").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["wounded", "dozens", "more", "."], heads=[0, 0, 0, 0],
    ...           deps=["ROOT", "dobj", "advmod", "punct"], pos=["VERB", "NOUN", "ADJ", "PUNCT"],
    ...           tags=["VBD", "NNS", "JJR", "."])
    >>> count_words(doc[1]).text
    'dozens more'
    """
    if tok.lower_ == "more":  # "12 more": the count is the number that modifies it
        counted = any(c.dep_ == "nummod" and (c.pos_ == "NUM" or number(c) is not None) for c in tok.children)
    elif tok.pos_ == "NUM":
        counted = tok.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT")
    else:
        counted = tok.tag_ == "NNS" and number(tok) is not None  # "killed dozens", tagged CARDINAL like a number
    span = np_span(tok)
    if not counted or any(t.i != tok.i and t.pos_ not in ("NUM", "ADV", "ADP", "ADJ", "DET", "PUNCT") for t in span):
        return None  # "dozens of people", "six soldiers": who they are is written
    nxt = tok.doc[span.end] if span.end < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "more" and nxt.dep_ == "advmod" and nxt.head.i in (tok.i, tok.head.i):
        return tok.doc[span.start:span.end + 1]
    return span
