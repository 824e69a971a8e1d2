"""Sides that coordinated verbs share, the clause a stray participle belongs to, and events named as the
compound of a noun that counts them.

- "attacked and looted the depot", "bombarding and starving residents": a verb with no object of its own,
  coordinated with a later verb that has one and no subject of its own, shares that object.
- "... took the district with siege tactics, shelling and starving residents": the small model hangs the
  participle on the noun before it ("tactics") as a conjunct; the participle is an adverbial clause of the
  verb above that noun, whose subject it shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import OBJ, SUBJ

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words


def shared_objects(verb: Token, words: Words) -> list[Token]:
    """The objects of the next coordinated verb, when ``verb`` has none and that verb no subject of its own.
    Not when that verb is a trigger of the same type: its own frame reports the same sides ("shot and killed")."""
    if any(c.dep_ in OBJ for c in verb.children):
        return []
    same = words.lex.verb_triggers.get(verb.lemma_.lower())
    for conj in verb.children:
        if conj.dep_ == "conj" and conj.pos_ == "VERB" and conj.i > verb.i and \
                not any(c.dep_ in SUBJ for c in conj.children) and \
                words.lex.verb_triggers.get(conj.lemma_.lower()) != same:
            objs = [c for c in conj.children if c.dep_ in OBJ]
            if objs:
                return objs
    return []


def participle_clause_head(verb: Token) -> Token | None:
    """The verb whose adverbial clause a participle is when the parser made it a conjunct of a noun ("tactics,
    shelling ..."): the nearest verb above that noun, within four steps."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    node = verb.head
    for _ in range(6):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def counted_event_type(noun: Token, words: Words) -> str | None:
    """The event type of a noun that counts events named by its compound: "a bombing campaign against X",
    "a shelling campaign", whose sides are the campaign's ("the US-led bombing campaign against X"), or
    named with it as a mode of attack ("the air campaign against X")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in words.lex.collective_nouns:
        return None
    triggers = words.lex.noun_triggers
    for c in noun.lefts:
        if c.dep_ in ("compound", "amod") and c.lower_ in triggers:  # "shelling", tagged a verb or a noun
            return triggers[c.lower_]
        if c.dep_ in ("compound", "amod") and words.is_event_noun(c):
            return triggers[c.lemma_.lower()]
        mode = words.lex.modes.get(f"{c.lower_} {noun.lower_}")
        if c.dep_ in ("compound", "amod") and mode is not None and mode[1] == "ASSAULT":
            return "ASSAULT"  # "the air campaign against X": a mode of attack names the events it counts
    return None


def agents_under_patient(targets: list[Token], words: Words) -> list[Token]:
    """ "the arrest of the opposition leader by police": the parser hangs the by-phrase on the of-phrase's
    object; its actor words are the event's actors (the arrester), never the one arrested."""
    out = []
    for t in targets:
        if t.dep_ == "pobj" and t.head.lower_ == "of":
            out += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "by"
                    for p in c.children if p.dep_ == "pobj" and words.is_actor_word(p)]
    return out
