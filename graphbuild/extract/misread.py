"""Words the small parser tags wrongly, read as what they are.

An event noun that has no verb of the same spelling is sometimes tagged a verb ("Daily airstrikes by the
coalition pushed the toll up": "airstrikes" as VBZ), most often in long sentences of tokenized text. Such a
word keeps a noun's place in the sentence (a subject, an object, the object of a preposition) and a noun's
dependents ("by the coalition", "against the town"), so the rules for event nouns read it as one.

The reverse: a participle between a group noun and a name ("jets from the Saudi-led coalition bombing Sanaa")
is read as one noun phrase, the participle a compound of the name. It is a clause, its subject the noun
phrase before it and its object the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import Arg
from .sides import Frame

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

NOUN_SLOTS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")


def misread_event_noun(tok: Token, words: Words) -> str | None:
    """The event type of an event noun tagged as a verb in a noun's slot, else None. A word that is also
    a verb of the lexicon ("attacks", "raids") is a verb wherever the parser says so."""
    if tok.pos_ != "VERB" or tok.dep_ not in NOUN_SLOTS:
        return None
    lex = words.lex
    if any(f in lex.verb_triggers for f in (tok.lemma_.lower(), tok.lower_)):
        return None
    return words.noun_type(tok)


def gerund_event_type(tok: Token, words: Words) -> str | None:
    """The event type of a gerund of an attack verb used as a noun with its object in an of-phrase ("the
    storming of the parliament", "the torching of two buses"), which the lexicon need not list as a noun.
    "Firing" stays out: "the firing of the minister" is a dismissal (the ontology's ``cekg:nonEventGerund``)."""
    if tok.pos_ != "NOUN" or not tok.lower_.endswith("ing") or tok.lower_ in words.lex.noun_triggers:
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" for p in c.children)
               for c in tok.children):
        return None
    stem = tok.lower_[:-3]
    verb = next((f for f in (stem, stem + "e", stem[:-1]) if f in words.lex.verb_triggers), None)
    if verb is None or verb in words.lex.non_event_gerunds:
        return None
    etype = words.lex.verb_triggers[verb]
    return etype if etype == "ASSAULT" else None


def participle_read_as_compound(tok: Token, words: Words) -> Frame | None:
    """The attack of a participle the parser made a compound of the name after it ("the US-led coalition
    bombing IS": the coalition bombs IS), when an actor noun stands right before it; else None."""
    if tok.pos_ != "NOUN" or tok.dep_ != "compound" or not tok.lower_.endswith("ing") or tok.i == 0:
        return None
    name = tok.head
    if name.i != tok.i + 1 or not (name.pos_ == "PROPN" or name.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")):
        return None
    etype = words.lex.noun_triggers.get(tok.lower_)
    doc = tok.doc
    actor = doc[tok.i - 1]
    if etype != "ASSAULT" or actor.dep_ != "compound" or actor.head.i not in (tok.i, name.i) or \
            not words.is_actor_word(actor) or words.is_instrument(actor):
        return None
    start = name.left_edge.i
    while start < actor.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    return Frame(tok, etype, actors=[Arg(actor, doc[start:actor.i + 1].text)],
                 targets=[Arg(name, name.text)], text=tok.text, mode=words.mode_of(tok))


def is_event_gerund(tok: Token, words: Words) -> bool:
    """A gerund the parser makes a clause subject ("Shelling by the army wounded six"): the event noun of a
    verb of the lexicon, whose by-phrase names who acted."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or tok.dep_ not in ("csubj", "nsubj"):
        return False
    if any(c.dep_ in ("dobj", "nsubj") for c in tok.children):
        return False  # "Shelling the town was a mistake": a clause with its own object is no noun
    return tok.lower_ in words.lex.noun_triggers
