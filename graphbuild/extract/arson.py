"""Arson told with "set": "set fire to the depot", "set two buses on fire", "set the station ablaze", and the
passive "two trucks were set on fire by the rebels". "Set" is a light verb and "fire" an event noun, but
neither frame finds what burned (the to-phrase, or the object that is set on fire), so these attacks were no
events. The fire is the means; what burns is the target; whoever sets it, the actor. The verbs and words are the
ontology's ``cekg:kindlingVerb`` and ``cekg:fireWord``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import REFLEXIVE, Words
from .noun_phrases import split_sides
from .sides import Frame, agents, is_passive, objects, passive_subjects, prep_objects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


def arson_frame(verb: Token, words: Words) -> Frame | None:
    """The attack of an arson told with "set", or None when the verb is no such "set"."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.lex.kindling_verbs:
        return None
    heads = _burned(verb, words)
    if heads is None:
        return None
    passive = is_passive(verb)
    actors = agents(verb) if passive else subjects(verb, words=words)
    actors = [a for a in actors if not words.is_instrument(a) and not words.is_event_noun(a)]
    targets = [t for t in heads if t.lower_ not in REFLEXIVE and not words.is_instrument(t)
               and not words.is_event_noun(t) and t.pos_ != "NUM"]  # "set himself on fire": self-immolation
    if not targets:
        return None
    return Frame(verb, "ASSAULT", actors=split_sides(actors), targets=split_sides(targets),
                 mode=words.first_mode_at_word("set on fire"), text=_phrase(verb))


def _burned(verb: Token, words: Words) -> list[Token] | None:
    """What a "set" sets on fire: the to-phrase of "set fire to X", the object (or passive subject) of "set X
    on fire" and "set X ablaze"; None when the verb sets no fire ("set a deadline")."""
    fire_words = words.lex.fire_words
    fire = next((o for o in objects(verb) if o.lower_ in fire_words), None)
    if fire is not None:  # "set fire to X", the parser hangs "to X" on the verb or on "fire"
        return prep_objects(verb, ("to",), words, places=True) + prep_objects(fire, ("to",), words, places=True)
    on_fire = any(c.dep_ == "prep" and c.lower_ in ("on", "to") and any(p.lower_ in fire_words for p in c.children)
                  for c in verb.children)
    burning = [c for c in verb.children if c.lower_ in fire_words and c.pos_ in ("ADJ", "ADV")]  # "ablaze"
    if not on_fire and not burning:
        return None
    heads = [o for o in objects(verb) if o.lower_ not in fire_words] or passive_subjects(verb)
    if not heads and burning:  # "set the station ablaze": the parser makes "the station" the subject of "ablaze"
        heads = [c for b in burning for c in b.children if c.dep_ in ("nsubj", "dobj")]
    return heads


def _phrase(verb: Token) -> str:
    parts = sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")] + [verb], key=lambda t: t.i)
    return " ".join(t.text for t in parts)
