"""Nominal events: an event noun with its sides.

Target: "attacks on/against X", "the killing of X" (the of-phrase of a deverbal noun), "X came under attack",
a facility where the event "took place", the person a bounty is put on. Actor: the possessor ("the ELF's
raid"), actor words among the modifiers ("Turkish and Syrian shelling", "a French-Malian air raid", "rebel
attacks"; a country word of a strike by military means is its military: "a US airstrike"), "by X", the subject
of a light verb, claim or verb of stopping ("mounted raids against", "launched a drone attack on", "claimed
raids on", "the army must halt its airstrikes on"), and the agent of what counts the events ("a spate of
arsons blamed on X"). An allegation gives the actor in its on/to-phrase ("raids ... blamed on Chad and Sudan";
"the ambush, attributed to X"). "A battle between A and B" gives A as actor and B as target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .blame import blamed_on_noun
from .coordination import agents_under_patient, counted_event_type
from .lexicon import ENT_ACTOR, INDEFINITE, Words
from .noun_phrases import Arg, modifier_actors, modifier_text, split_sides
from .places_hit import is_area_of_occurrence
from .sides import Frame, agents, is_passive, objects, passive_subjects, prep_objects, subjects
from .suspects import suspects
from .threats import received_threat

if TYPE_CHECKING:
    from spacy.tokens import Token

WITH_TYPES = ("CONSULT", "COOPERATE", "AGREE")  # events with a partner: "talks with", "an agreement with"
PROTEST_PREPS = ("against", "outside", "at", "in front of", "near")
TARGET_PREPS = ("on", "against", "targeting", "upon", "at", "toward", "towards", "in")
DEVERBAL = ("ing", "tion", "sion", "ment", "ure", "der", "cre", "ter")  # killing, assassination, murder, massacre


def nominal_frames(noun: Token, etype: str, words: Words) -> Iterator[Frame]:
    if _part_of_verbal_event(noun, words):
        return
    frame = Frame(noun, etype, text=_noun_phrase_text(noun))
    targets = prep_objects(noun, ("on", "against", "targeting", "upon"), words, places=True)
    if blamed := blamed_on_noun(noun, words):  # "blamed the attack on the bank on X": X is no target (blame.py)
        targets = [t for t in targets if t not in blamed]
    targets += [t for t in prep_objects(noun, ("at", "toward", "towards"), words) if words.is_actor_word(t)]
    if not targets and (noun.lemma_.lower().endswith(DEVERBAL) or etype == "COERCE"):  # "the arrest of X"
        targets = [t for t in prep_objects(noun, ("of",), words, places=True)
                   if not words.is_instrument(t) and not words.is_event_noun(t) and t.pos_ != "NUM"]
    if not targets and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in ("occur", "happen", "take"):
        # "the blast occurred at a pharmacy", "a second arson took place at the depot"
        targets = [t for t in prep_objects(noun.head, ("at", "in", "on", "inside"), words)
                   if words.is_facility(t) and not is_area_of_occurrence(t, words)]  # places_hit.py
    if not targets and etype in WITH_TYPES:  # "talks with the envoy", "held talks with the envoy"
        targets = _with_light_verb(noun, ("with",), words)
    if not targets and etype == "ASSAULT":  # "opened fire on protesters", "carried out strikes on"
        targets = [t for t in _with_light_verb(noun, ("on", "against", "targeting", "upon"), words)
                   if words.is_actor_word(t) or words.is_facility(t)]
    if not targets and etype == "PROTEST":  # "staged a protest outside the ministry"
        targets = [t for t in _with_light_verb(noun, PROTEST_PREPS, words) if words.is_actor_word(t)
                   or words.is_facility(t)]
    named = modifier_actors(noun, words)  # words inside the noun phrase: "French-Malian", "the ELF's"
    if not targets:  # "the consulate bombing", "the Camp Lemonnier bombing"
        targets = [c for c in noun.lefts if c.dep_ in ("compound", "nmod") and words.is_facility(c)
                   and c not in named]
    actors, alleged = noun_actors(noun, words)
    actors = actors or agents_under_patient(targets, words)  # "the arrest of X by police"
    for acl in noun.children:
        if acl.dep_ in ("acl", "relcl") and not targets:  # "raids that were apparently aimed at farmers"
            for v in [acl, *[c for c in acl.children if c.dep_ == "xcomp"]]:
                targets += prep_objects(v, ("at", "against"), words, places=True)
    between = prep_objects(noun, ("between",), words, places=True)
    if between and not (named or actors or targets):
        sides = sorted({c for b in between for c in [b, *b.conjuncts]}, key=lambda t: t.i)
        if len(sides) >= 2:
            actors, targets = [sides[0]], sides[1:2]
    frame.mode = _mode_of_noun(noun, words)
    if alleged:
        named, frame.modality = [], "alleged"
    governed = _governing(noun, words)
    if governed is not None:
        kind, heads = governed
        if kind == "actor" and not (named or actors):
            actors = heads
        elif kind == "actor" and not actors and all(_kind_word(t) for t in named) and heads and all(
                _names_someone(h, words) for h in heads) and not any(
                c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME") for c in noun.lefts):
            # "the ESA claimed (Monday's) terrorist attack": the ESA, not "terrorist"; a day's possessive
            # says when, not who
            named, actors = [], heads
        elif kind == "alleged":
            named, actors = [], heads
            frame.modality = "alleged"
        elif kind == "target" and not targets:
            targets = heads
    if etype == "THREATEN" and (received := received_threat(noun, words)) is not None:
        actors, targets = received  # "X received death threats from Y": X is threatened (threats.py)
    if etype == "ASSAULT" and not actors and all(_kind_word(t) for t in named) and \
            (held := suspects(noun, words)):
        named, actors, frame.modality = [], held, "alleged"  # "three men were arrested for the bombing of ..."
    if etype == "THREATEN" and not targets:
        targets = _threat_target(noun, words, {t.i for a in named + actors for t in a.subtree})
    actors = [a for a in actors if not words.is_instrument(a) and not words.is_event_noun(a)]
    targets = [t for t in targets if not words.is_event_noun(t) and t.lower_ not in INDEFINITE]
    frame.actors = modifier_sides(named, frame.mode, words) + split_sides(actors)
    frame.modifiers = {a.i for a in named}
    frame.targets = split_sides(targets)
    if not frame.targets and (etype not in ("ASSAULT", "PROTEST") or not frame.actors):
        return  # a protest needs no target: "students staged a protest in the capital"
    yield frame


def _kind_word(tok: Token) -> bool:
    """ "terrorist" of "a terrorist attack", "guerrilla" of "guerrilla raids": a modifier that says what kind
    of attacker, not who; the clause around the noun that names the attacker outranks it. A name, a people
    or a possessor ("the ELF's raid", "Turkish shelling") says who."""
    return tok.pos_ != "PROPN" and not tok.ent_type_ and tok.dep_ != "poss"


def _names_someone(tok: Token, words: Words) -> bool:
    """A side that says who: not an event or a thing ("the guerrilla actions began"), not no one ("no
    group has claimed the bombing")."""
    if tok.lower_ in INDEFINITE or any(c.lower_ == "no" for c in tok.lefts):
        return False
    if words.is_event_noun(tok) or tok.lemma_.lower() in words.event_words or words.is_instrument(tok):
        return False
    return words.is_actor_word(tok) or tok.ent_type_ in ENT_ACTOR


def modifier_sides(named: list[Token], mode: str | None, words: Words) -> list[Arg]:
    """The actors named among an event noun's modifiers, as written; a country word of a strike by means only
    a state's military has ("a US airstrike", "Turkish drone strikes", "Israeli shelling") stands for that
    military, as coders of event data name it (the ontology's ``cekg:meansOf`` of the mode)."""
    sector = words.lex.mode_sectors.get(mode)
    return [Arg(a, modifier_text(a), sector=sector if words.onto.state_of(a.text) else None) for a in named]


def _with_light_verb(noun: Token, preps: tuple[str, ...], words: Words) -> list[Token]:
    """Objects of ``preps`` under the noun, or under the light verb (or verb of stopping) it is the object of
    ("held talks with X": the parser hangs "with X" on "held"; "halt airstrikes on X")."""
    found = prep_objects(noun, preps, words, places=True)
    if not found and noun.dep_ == "dobj" and (words.light(noun.head) or halts_violence(noun.head, words)):
        found = prep_objects(noun.head, preps, words, places=True)
    return [t for t in found if t.ent_type_ not in ("DATE", "TIME")]


def noun_actors(noun: Token, words: Words) -> tuple[list[Token], bool]:
    """The actors an event noun names after it, and whether they are alleged: "raids by X", "the threat
    posed by X", "a spate of arsons blamed on X", "the ambush, which police attributed to X"."""
    actors = [a for a in prep_objects(noun, ("by", "from"), words, places=True) if words.is_actor_word(a)]
    alleged = False
    carrier = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if carrier is not None:  # "a spate of arsons": what counts the events
        carrier = carrier.head if carrier.head.lemma_.lower() in words.lex.collective_nouns else None
    if not actors:
        actors = _agent_after_victim(noun, words)  # "the murder of X, which was perpetrated by Y"
    for acl in [*noun.children, *(carrier.children if carrier is not None else [])]:
        if acl.dep_ in ("acl", "relcl") and words.token_cue(acl) == "alleged" and not actors:
            actors += prep_objects(acl, ("to", "on"), words, places=True)
            alleged = bool(actors)
        if acl.dep_ in ("acl", "relcl") and acl.tag_ == "VBN" and not actors:
            actors += agents(acl)
    return actors, alleged


def _agent_after_victim(noun: Token, words: Words) -> list[Token]:
    """ "the murder of General Ortega, which was perpetrated by professionals": the parser hangs the clause
    on the victim of the of-phrase, but a victim is not perpetrated; the clause's agent did the deed."""
    out = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for victim in (p for p in prep.children if p.dep_ == "pobj"):
            for acl in victim.children:
                if acl.dep_ in ("acl", "relcl") and acl.tag_ == "VBN" and words.light(acl):
                    out += [a for a in agents(acl) if words.is_actor_word(a) or a.tag_ in ("NNS", "NNPS")]
    return out


def _blamed_on(noun: Token, words: Words) -> list[Token]:
    """ "blamed the murder of two nurses on the River Front": the parser hangs "on the River Front" on the
    victims; an on- or to-phrase inside the of-phrase of the blamed attack names who it is blamed on."""
    out = []
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for victim in (p for p in prep.children if p.dep_ == "pobj"):
            out += [o for c in victim.children if c.dep_ == "prep" and c.lower_ in ("on", "to")
                    for o in c.children if o.dep_ == "pobj" and words.is_actor_word(o)]
    return out


def _part_of_verbal_event(noun: Token, words: Words) -> bool:
    """ "three raids struck ...", "struck by a rocket attack": the verb's frame already reports this event."""
    head = noun.head
    same = words.lex.noun_triggers.get(noun.lemma_.lower())
    if noun.dep_ in ("nsubj", "dobj") and head.pos_ == "VERB" and same is not None and \
            words.lex.verb_triggers.get(head.lemma_.lower()) == same and not words.light(head):
        return not _has_own_target(noun, words, of=noun.dep_ == "nsubj")
    if noun.dep_ == "pobj" and head.dep_ in ("agent", "prep") and head.lower_ in ("by", "in", "during"):
        verb = head.head
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("relcl", "acl") and c.i < head.i]
        # of the noun's kind ("killed in an attack") or a suspicion ("arrested in the killing", suspects.py),
        # not another ("condemned the murder of the mayor in an attack by X")
        if any(v.pos_ == "VERB" and (_same_kind(words.lex.verb_triggers.get(v.lemma_.lower()), same)
                                     or v.lemma_.lower() in words.lex.suspect_verbs) for v in verbs):
            return not _has_own_target(noun, words)
    return False


def _same_kind(verb_type: str | None, noun_type: str | None) -> bool:
    """A verb's event type that can report a noun's event: the same, or violence for violence."""
    return verb_type is not None and (verb_type == noun_type or {verb_type, noun_type} <= {"ASSAULT", "FIGHT"})


def _has_own_target(noun: Token, words: Words, of: bool = False) -> bool:
    """ "strikes on the port", and with ``of`` "the shelling of the hospital" (the of-phrase of a deverbal
    noun): "the invasion of Iraq killed thousands" is the invasion of Iraq and the killing of thousands. Not
    what exploded ("the explosion of a car killed two")."""
    if prep_objects(noun, ("on", "against", "targeting", "upon", "between"), words, places=True):
        return True
    return of and noun.lemma_.lower().endswith(DEVERBAL) and words.mode_of(noun) != "explosives" and any(
        not words.is_instrument(t) and not words.is_event_noun(t) and t.pos_ != "NUM"
        for t in prep_objects(noun, ("of",), words, places=True))


def _governing(noun: Token, words: Words) -> tuple[str, list[Token]] | None:
    """Sides given by the verb that governs the event noun: a light verb or claim ("X mounted raids",
    "X said it was responsible for the ambush"), an allegation ("raids blamed on X", "X accused Y of the
    attack"), "came under attack"."""
    node, rel = noun, noun.dep_
    via_cue = None  # "took responsibility for": the noun carries the claim
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        if rel == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
            return "target", subjects(head.head, words=words)
        if rel == "pobj" and head.pos_ == "ADP" and words.light(head) and head.head.pos_ in ("VERB", "AUX"):
            return "actor", subjects(head.head, words=words)  # "a smuggling ring is behind the arson"
        if head.pos_ in ("VERB", "AUX"):
            cue = words.token_cue(head)
            if cue == "alleged" and rel in ("nsubjpass", "dobj"):
                found = prep_objects(head, ("on", "to"), words, places=True) or (
                    _blamed_on(node, words) + blamed_on_noun(node, words) if node is noun else [])
                if found:
                    return "alleged", found
            if cue == "alleged" and rel in ("pobj", "prep", "pcomp"):
                found = objects(head)
                if found:
                    return "alleged", found
            if words.light(head) and rel in ("pobj", "prep") and _counts_harm(head, words):
                return None  # "a monitor put the death toll in the airstrike at 28": who counts, not who struck
            if words.light(head) or cue in ("claimed", "threatened", "denied", "hypothetical") or via_cue or \
                    halts_violence(head, words):
                if is_passive(head) and rel in ("pobj", "prep") and not agents(head):
                    return "actor", passive_subjects(head)  # "two officers were involved in the shooting"
                if is_passive(head):
                    return "actor", agents(head)
                return "actor", subjects(head, words=words)
            return None
        if head.pos_ == "ADJ" and words.light(head) and head.head.pos_ in ("VERB", "AUX"):
            return "actor", subjects(head.head, words=words)  # "the cell was responsible for the ambush"
        if head.pos_ in ("NOUN", "PROPN") and rel not in ("pobj", "prep"):
            return None
        if head.pos_ == "NOUN" and words.token_cue(head) in ("claimed", "denied"):
            via_cue = head
        node, rel = head, head.dep_
    return None


def halts_violence(verb: Token, words: Words) -> bool:
    """A verb of stopping whose objects are all attacks ("the army must halt its airstrikes on the port", "the militia
    suspended its raids"): who stops them is who has been making them. Talks or aid suspended are a
    sanction, and the object of a verb of stopping is never its actor's victim."""
    objs = objects(verb)
    return verb.lemma_.lower() in words.lex.halt_verbs and bool(objs) and all(
        words.lex.noun_triggers.get(o.lemma_.lower()) == "ASSAULT" or counted_event_type(o, words) == "ASSAULT"
        for o in objs)


def _counts_harm(verb: Token, words: Words) -> bool:
    """A verb whose object counts the harm of an event ("put the death toll", "gave the number of dead")."""
    lex = words.lex
    for o in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        heads = [o, *(p for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)]
        if any(f in lex.fatality_words or f in lex.injury_words or f in lex.harm_nouns
               for h in heads for f in (h.lemma_.lower(), h.lower_)):
            return True
    return False


def _threat_target(noun: Token, words: Words, exclude: set[int]) -> list[Token]:
    """The one a bounty or threat is aimed at: the first actor phrase after it in its clause."""
    clause = noun
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    for t in clause.subtree:
        if t.i <= noun.i or t.dep_ not in ("pobj", "dobj") or t.i in exclude:
            continue
        if t.lower_ in INDEFINITE or t.ent_type_ in ("MONEY", "DATE", "CARDINAL"):
            continue
        if words.is_actor_word(t) or t.ent_type_ in ENT_ACTOR:
            return [t]
    return []


def _mode_of_noun(noun: Token, words: Words) -> str | None:
    for t in [*noun.lefts, noun]:
        for x in [t, *t.conjuncts]:
            if m := words.mode_of(x):
                return m
    mods = " ".join(t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod")) + " " + noun.lower_
    return words.first_mode_at_word(mods.strip())


def _noun_phrase_text(noun: Token) -> str:
    """ "claimed ... raids on", "mounted raids against": the governing verb, the noun, its preposition."""
    parts = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod")]
    for t in list(parts):
        parts += [c for c in t.conjuncts if c not in parts]
    head = noun.head
    verb = ""
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
        verb = head.text + (" ..." if head.i + 1 < min([noun.i, *[p.i for p in parts]]) else "") + " "
    prep = next((c.text for c in noun.rights if c.dep_ == "prep" and c.lower_ in TARGET_PREPS + ("of",)), "")
    words_ = " ".join(t.text for t in sorted(set(parts), key=lambda t: t.i) + [noun])
    return (verb + words_ + (" " + prep if prep else "")).strip()

