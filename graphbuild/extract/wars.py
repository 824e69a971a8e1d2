"""A war waged on someone: "the army waged war against the Tamil rebels", "Russia's war on Ukraine", "the junta
launched a war in Darfur" (PLOVER ASSAULT, the one who wages it the actor, the one it is waged on the target).

A war noun (the ontology's ``cekg:warNoun``) is an event only when the sentence says who wages it and on whom
by name: its on- or against-phrase, or that of the verb of waging (``cekg:wagingVerb``) it is the object of
("waged war on X", where the parser hangs "on X" on the verb), or the land a verb of waging brings it to
("launched a war in Darfur"), with the subject of that verb, the possessor or a modifier naming who wages it.
A war with no directed side
("the civil war", "the war in Yemen" told alone, "a war between two clans"), on an abstraction or people in
general ("the war on drugs", "a war against the workers"), waged by no one named ("the war against the
cartels"), declared ("declared war on the state": a statement, not yet violence) or told as what a group
does ("an organisation waging war on the state") reports no attack of one side on another: those are the
generic statements of political speech, not news of violence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lexicon import INDEFINITE
from .noun_events import noun_actors
from .noun_phrases import Arg, modifier_actors, modifier_text, split_sides
from .sides import Frame, agents, is_passive, prep_objects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

DIRECTED = ("on", "against", "upon")


def war_frames(noun: Token, words: Words) -> Iterator[Frame]:
    """The attack a war noun reports, when it names both sides and is directed (none otherwise)."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" else None
    if verb is not None and verb.dep_ in ("acl", "relcl") and verb.tag_ in ("VBG", "VBZ", "VBP"):
        return  # "an organisation waging a war against the state", "a group that wages war on": what it is
    waging = verb is not None and (verb.lemma_.lower() in words.lex.waging_verbs or words.light(verb))
    targets = prep_objects(noun, DIRECTED, words, places=True)
    if not targets and waging:
        targets = prep_objects(verb, DIRECTED, words, places=True)
    if not targets and waging:  # "launched a war in Darfur": the land a war is brought to
        targets = [t for h in (noun, verb) for t in prep_objects(h, ("in",), words, places=True)
                   if t.ent_type_ == "GPE"]
    targets = [t for t in targets if t.lower_ not in INDEFINITE and not words.is_event_noun(t) and _named(t, words)]
    if not targets:
        return
    named = modifier_actors(noun, words)  # "the junta's war", "the Russian war"
    actors, _alleged = noun_actors(noun, words)  # "the war waged by the junta"
    if not (named or actors) and waging:
        actors = agents(verb) if is_passive(verb) else subjects(verb, words=words)
    actors = [a for a in actors if not words.is_event_noun(a) and not words.is_instrument(a)]
    if not (named or actors):
        return
    said = " ".join(t.text for t in sorted([verb, *(c for c in verb.children if c.dep_ == "prt")],
                                           key=lambda t: t.i)) + " " if waging else ""
    frame = Frame(noun, "ASSAULT", text=f"{said}{noun.text}")  # "carried out war"
    frame.actors = [Arg(a, modifier_text(a)) for a in named] + split_sides(actors)
    frame.modifiers = {a.i for a in named}
    frame.targets = split_sides(targets)
    yield frame


def _named(tok: Token, words: Words) -> bool:
    """A side a war is waged on is named: a name or a state ("Britain", "IS"), or a noun a name or a country
    word modifies ("Tamil rebels", "the Peruvian government"); not people in general ("the workers", "drug
    traffickers"), which the war of political speech is waged on."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP", "ORG") or words.onto.state_of(tok.text):
        return not words.is_instrument(tok)
    return words.is_actor_word(tok) and any(
        c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
                                            or words.onto.state_of(c.text)) for c in tok.lefts)
