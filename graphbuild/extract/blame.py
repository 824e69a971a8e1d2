"""Whom an attack is blamed on, when the parser hangs the blame on the attack: "police blamed the attack on
the bank on the River Front" gives the attack two on-phrases (or hangs the second on the first one's object);
the first is its target, the last is whom a verb of allegation ("blame", "pin") puts it on, its alleged actor,
never a target."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words


def blamed_on_noun(noun: Token, words: Words) -> list[Token]:
    """The alleged actors of the last of two or more on-phrases of an attack noun that a verb of allegation
    governs with no on- or to-phrase of its own; [] otherwise."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB" or words.token_cue(verb) != "alleged":
        return []
    if any(c.dep_ == "prep" and c.lower_ in ("on", "to") for c in verb.children):
        return []  # "blamed the attack on the bank on X" read right: the verb's own phrase is the blame
    ons = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"]
    if len(ons) == 1:  # "blamed the raid on the checkpoint on X", the second phrase hung on the checkpoint
        ons += [c for p in ons[0].children if p.dep_ == "pobj" for c in p.children
                if c.dep_ == "prep" and c.lower_ == "on"]
    if len(ons) < 2:
        return []
    return [o for p in ons[-1].children if p.dep_ == "pobj" for o in (p, *p.conjuncts) if words.is_actor_word(o)]
