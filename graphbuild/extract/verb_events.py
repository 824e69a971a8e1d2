"""Verbal events: a trigger verb with its subject (actor) and object (target).

Passive: the subject is the target and the by-agent the actor; without an agent the actor is unidentified.
An instrument or event noun as subject or agent ("a shell hit", "wounded by a Franco-Malian air raid") is no
actor: it gives the mode, and the actors named in the event noun ("Franco-Malian") become the actors. A
casualty of a fight ("killed in clashes") is no event of its own. A verb whose object is a weapon ("lobbed
grenades at the depot", "left a parcel bomb outside the tax office") is an attack on the object of its
preposition. A verb without its own subject shares the governing clause's; a phrasal verb ("blew up") is
looked up with its particle.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .aliases import is_naming
from .coordination import participle_clause_head, shared_objects
from .lexicon import REFLEXIVE, Words
from .measures import sanction_subjects
from .misread import is_event_gerund
from .noun_events import halts_violence, modifier_sides, noun_actors
from .noun_phrases import modifier_actors, split_sides
from .sides import Frame, agents, is_passive, objects, passive_subjects, prep_objects, subjects
from .suspects import suspects, when_actors
from .targets import weapon_place_targets
from .threats import is_oath

if TYPE_CHECKING:
    from spacy.tokens import Token

AT_PREPS = ("at", "on", "against", "upon", "into", "toward", "towards", "in", "near", "inside", "outside")
ON_PREPS = ("on", "against", "upon", "at", "into")


def verbal_frames(verb: Token, etype: str, words: Words) -> Iterator[Frame]:
    if verb.dep_ in ("amod", "compound") or _carried_by_another(verb, words) or is_oath(verb, words) or _moved(verb):
        return  # "Syria-backed groups": a modifier, not an event; "was sworn in": an oath (threats.py)
    if is_naming(verb, words):
        return  # "a gang called the Owls": a name, no request (aliases.py)
    frame = Frame(verb, etype, text=_verb_phrase(verb))
    passive = is_passive(verb)
    if passive:
        actor_heads = agents(verb)
        target_heads = passive_subjects(verb)
        if not actor_heads:
            actor_heads = _event_in_pp(verb, words)  # "killed in ELF raids": the event noun
        if not actor_heads and etype == "ASSAULT":
            actor_heads = when_actors(verb, words)  # "was shot when two men opened fire"
    else:
        actor_heads = subjects(verb, words=words)
        target_heads = objects(verb) or shared_objects(verb, words)  # "attacked and looted the depot"
        if not actor_heads and (clause := participle_clause_head(verb)) is not None:
            actor_heads = subjects(clause, words=words)  # "... with siege tactics, shelling and starving ..."
    if not actor_heads and etype == "ASSAULT" and (held := suspects(verb, words)):
        actor_heads, frame.modality = held, "alleged"  # "a man suspected of shooting the mayor"
    if actor_heads and all(words.is_fight(a) for a in actor_heads):
        return  # "died in clashes with the militia": a casualty of the fight, which is the event
    if etype == "ASSAULT" and not passive and sanction_subjects(actor_heads, words):
        etype = frame.etype = "SANCTION"  # "US sanctions hit the bank": aimed at the bank, no attack (measures.py)
    # instruments and event nouns are not sides
    actors: list[Token] = []
    named: list[Token] = []  # actor words inside an event noun: "a French-Malian air raid"
    for a in actor_heads:
        if words.is_event_noun(a):
            frame.mode = frame.mode or _mode_in(a, words)
            found, alleged = noun_actors(a, words)  # "the raid, blamed on X, left ..."
            named += [] if alleged else modifier_actors(a, words)
            actors += found
            frame.modality = frame.modality or ("alleged" if alleged else None)
        elif is_event_gerund(a, words):  # "Shelling by government forces wounded six": its by-phrase acted
            frame.mode = frame.mode or words.mode_of(a)
            actors += [x for x in agents(a) if words.is_actor_word(x)]
        elif a.lemma_.lower() in words.event_words:  # "wounded in a cowardly act by the militia"
            actors += prep_objects(a, ("by",), words, places=True) + [c for c in a.children if c.dep_ == "poss"]
        elif words.is_instrument(a):
            frame.mode = frame.mode or words.mode_of(a)
            for acl in a.children:  # "a mine laid by insurgents wrecked ..."
                if acl.dep_ in ("acl", "relcl") and acl.tag_ == "VBN":
                    actors += agents(acl)
                elif acl.dep_ == "amod" and acl.tag_ == "VBN":  # "a militia-laid mine", "rebel-planted bombs"
                    actors += [c for c in acl.children if c.dep_ in ("npadvmod", "compound", "nmod")
                               and words.is_actor_word(c)]
        else:
            actors.append(a)
    targets: list[Token] = []
    weapon = None
    for t in target_heads:
        if words.is_instrument(t):  # "fired mortars", and passive "the mine was laid near a school"
            weapon = t
        elif words.is_event_noun(t) or t.lower_ in REFLEXIVE:
            continue
        else:
            targets.append(t)
    if weapon is not None:
        frame.mode = frame.mode or words.mode_of(weapon)
        for head in (verb, weapon):  # "fired mortars at the port", "left a bomb near the depot"
            targets += prep_objects(head, ON_PREPS, words, places=True)
            targets += [t for t in prep_objects(head, AT_PREPS, words) if t not in targets]
        # "at 2130": a time; "outside the hall in the car park": the in-phrase is the setting (targets.py)
        targets = weapon_place_targets(verb, [t for t in targets if t.pos_ != "NUM"], (weapon,))
    elif not target_heads and etype == "ASSAULT":
        targets += prep_objects(verb, ON_PREPS, words)  # "fired on the crowd", "crashed into a patrol"
    elif not target_heads and etype != "ASSAULT":
        targets += prep_objects(verb, ("on", "against", "to", "with", "for"), words, places=True)
    frame.actors = modifier_sides(named, frame.mode, words) + split_sides(actors)
    frame.modifiers = {a.i for a in named}
    frame.targets = split_sides(targets)
    # "the raid left three dead", "hurt in the blast", "the mine was laid ...": told before
    frame.anaphoric = not frame.actors and any(
        (words.is_event_noun(a) or words.is_instrument(a)) and _definite(a)
        for a in actor_heads + ([weapon] if weapon is not None else []))
    if not frame.actors and not frame.targets:
        return
    yield frame


def attribution_frames(verb: Token, words: Words) -> Iterator[Frame]:
    """ "... deplored the ambush and blamed it on a splinter faction": an attack told just before, referred
    to by a pronoun, alleged ("blamed it on", "attributes it to") or claimed by the object of to/on. The
    attack is the event; this only says who carried it out."""
    cue = words.token_cue(verb)
    if cue not in ("alleged", "claimed") or not any(o.lower_ in ("it", "them", "this") for o in objects(verb)):
        return
    actors = prep_objects(verb, ("to", "on"), words, places=True)
    sent = verb.sent
    before = [t for t in verb.doc[max(sent.start - 60, 0):verb.i]]
    if actors and any(words.is_event_noun(t) and words.lex.noun_triggers.get(t.lemma_.lower()) == "ASSAULT"
                      for t in before):
        yield Frame(verb, "ASSAULT", actors=split_sides(actors), text=_verb_phrase(verb), modality=cue)


def _carried_by_another(verb: Token, words: Words) -> bool:
    """A verb that only frames another event: "vowed to strike" (the strike is the event, a threat),
    "warned that ..." (reported speech), "blamed the raids on" (an allegation about the raids)."""
    lex = words.lex
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in lex.verb_triggers and \
                not words.requests(verb):
            return True  # but "urged Washington to strike": the request is an event, the strike only asked for
        if c.dep_ == "ccomp" and not objects(verb):
            return True
    if words.light(verb) and objects(verb) and all(words.is_event_noun(o) for o in objects(verb)):
        return True  # "offered a reward", "began an offensive": the noun's frame reports it
    if halts_violence(verb, words):
        return True  # "suspended its air campaign": no sanction; the campaign is the event (noun_events.py)
    if words.token_cue(verb) in ("alleged", "claimed", "denied"):
        sides = objects(verb) + passive_subjects(verb)
        if sides and all(words.is_event_noun(s) for s in sides):
            return True
    return False


def _moved(verb: Token) -> bool:
    """ "took the priests out to the garden": "take out" with where to or from is a move, not a kill ("a
    drone took out the radar")."""
    return verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("to", "into", "of", "from", "onto", "toward", "towards")
                for c in verb.children)


def _definite(noun: Token) -> bool:
    """ "the raid", "this blast", "those ambushes", "the militia's raid": told before."""
    return any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another", "no", "any", "some")
               for c in noun.lefts)


def _event_in_pp(verb: Token, words: Words) -> list[Token]:
    """The event noun a passive verb is the result of: "killed in ELF raids", "hurt during the ambush",
    "as a result of that blast"."""
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "by", "as"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ == "result":
                    p = next((x for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                              for x in q.children if x.dep_ == "pobj"), p)
                if p.dep_ == "pobj" and (words.is_event_noun(p) or p.lemma_.lower() in words.event_words):
                    out.append(p)
    return out


def _mode_in(noun: Token, words: Words) -> str | None:
    for t in noun.subtree:
        if t.i <= noun.i and (m := words.mode_of(t)):
            return m
    return None


def _verb_phrase(verb: Token) -> str:
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)
