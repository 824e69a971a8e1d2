"""Verbal events: a trigger verb with its subject (actor) and object (target).

Passive: the subject is the target and the by-agent the actor; without an agent the actor is unidentified.
An instrument or event noun as subject or agent ("a missile hit", "killed by a US-Israeli air strike") is no
actor: it gives the mode, and the actors named in the event noun ("US-Israeli") become the actors. A verb
whose object is a weapon ("hurled grenades at the offices", "planted a bomb in front of the church") is an
attack on the object of its preposition. A verb without its own subject shares the governing clause's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .frames import Frame, agents, is_passive, objects, passive_subjects, prep_objects, subjects
from .phrases import Arg, modifier_actors, modifier_text, split_sides
from .words import REFLEXIVE, Words

if TYPE_CHECKING:
    from spacy.tokens import Token

AT_PREPS = ("at", "on", "against", "upon", "into", "toward", "towards", "in", "near", "inside", "outside")
ON_PREPS = ("on", "against", "upon", "at", "into")


def verbal_frames(verb: "Token", etype: str, words: Words) -> Iterator[Frame]:
    if verb.dep_ in ("amod", "compound") or _carried_by_another(verb, words):
        return  # "Iran-backed groups": a modifier, not an event
    frame = Frame(verb, etype, text=_verb_phrase(verb))
    passive = is_passive(verb)
    if passive:
        actor_heads = agents(verb)
        target_heads = passive_subjects(verb)
        if not actor_heads:
            actor_heads = _event_in_pp(verb, words)  # "killed in IS attacks": the event noun
    else:
        actor_heads = subjects(verb, words=words)
        target_heads = objects(verb)
    # instruments and event nouns are not sides
    actors: list[Token] = []
    named: list[Token] = []  # actor words inside an event noun: "a US-Israeli air strike"
    for a in actor_heads:
        if words.is_event_noun(a):
            frame.mode = frame.mode or _mode_in(a, words)
            named += modifier_actors(a, words)
            actors += prep_objects(a, ("by",), words, places=True)
        elif words.is_instrument(a):
            frame.mode = frame.mode or words.mode_of(a)
            for acl in a.children:  # "two bombs set off by guerrillas destroyed ..."
                if acl.dep_ in ("acl", "relcl") and acl.tag_ == "VBN":
                    actors += agents(acl)
        else:
            actors.append(a)
    targets: list[Token] = []
    weapon = None
    for t in target_heads:
        if words.is_instrument(t) and not passive:
            weapon = t
        elif words.is_instrument(t) and passive:
            weapon = t  # "the bomb was placed at a chapel"
        elif words.is_event_noun(t) or t.lower_ in REFLEXIVE:
            continue
        else:
            targets.append(t)
    if weapon is not None:
        frame.mode = frame.mode or words.mode_of(weapon)
        for head in (verb, weapon):  # "fired rockets at Israel", "planted a bomb near the base"
            targets += prep_objects(head, ON_PREPS, words, places=True)
            targets += [t for t in prep_objects(head, AT_PREPS, words) if t not in targets]
    elif not target_heads and etype == "ASSAULT":
        targets += prep_objects(verb, ON_PREPS, words)  # "fired on the crowd", "crashed into a patrol"
    elif not target_heads and etype != "ASSAULT":
        targets += prep_objects(verb, ("on", "against", "to", "with", "for"), words, places=True)
    frame.actors = [Arg(a, modifier_text(a)) for a in named] + split_sides(actors)
    frame.targets = split_sides(targets)
    if not frame.actors and not frame.targets:
        return
    if etype != "ASSAULT" and not frame.targets and not frame.actors:
        return
    yield frame


def _carried_by_another(verb: "Token", words: Words) -> bool:
    """A verb that only frames another event: "pledged to attack" (the attack is the event, a threat),
    "warned that ..." (reported speech), "blamed the attacks on" (an allegation about the attack)."""
    lex = words.lex
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in lex.verb_triggers:
            return True
        if c.dep_ == "ccomp" and not objects(verb):
            return True
    if words.light(verb) and objects(verb) and all(words.is_event_noun(o) for o in objects(verb)):
        return True  # "offered a bounty", "launched an offensive": the noun's frame reports it
    if words.token_cue(verb) in ("alleged", "claimed", "denied"):
        sides = objects(verb) + passive_subjects(verb)
        if sides and all(words.is_event_noun(s) for s in sides):
            return True
    return False


def _event_in_pp(verb: "Token", words: Words) -> list["Token"]:
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "by"):
            for p in c.children:
                if p.dep_ == "pobj" and words.is_event_noun(p):
                    out.append(p)
    return out


def _mode_in(noun: "Token", words: Words) -> str | None:
    for t in noun.subtree:
        if t.i <= noun.i and (m := words.mode_of(t)):
            return m
    return None


def _verb_phrase(verb: "Token") -> str:
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)
