"""Suspects and perpetrators: who an attack is pinned on when the attack itself is told without an actor.

Reports of arrests, charges and findings name the people held for an attack in the clause around it, not as
the subject of an attack verb. Each of these gives the attack its (alleged) actor:

- a predicate of suspicion, arrest or charge whose prepositional phrase holds the attack: "three men were
  arrested in connection with the bombing of the depot", "two youths were charged with the murder of a
  guard", "police detained a farmer for the killing of", "a woman suspected of shooting the mayor";
- a noun for the one who did it: "the inquiry showed that a former guard was the perpetrator of the
  murder", "he is said to be the mastermind of the raid", "punish the killers of the nurse" (the noun
  itself), and guilt: "the soldiers were guilty of the killings";
- a noun for taking part in it: "the involvement of two officers in the killing", "their suspected role in
  the kidnapping".

The arrester, the court and whoever tells of the suspicion are never the actor. The words are the
ontology's: ``cekg:suspectVerb``, ``cekg:arrestNoun``, ``cekg:perpetratorNoun``, ``cekg:participationNoun``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .sides import is_passive, objects, passive_subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

SUSPECT_PREPS = frozenset({"for", "with", "in", "of", "over"})
GUILT_ADJS = frozenset({"guilty", "culpable"})
OF_VERBS = frozenset({"accuse", "suspect", "convict"})  # "accused the militia of bombing", not "arrested a man of"
TRYING = frozenset({"try", "attempt", "seek"})  # "when gunmen tried to enter his house"


def suspects(trigger: Token, words: Words) -> list[Token]:
    """The heads of the people an attack (an event noun, or a verb under "of"/"for"/"with") is pinned on;
    empty when the attack is not told as a suspicion or finding.

    The rules are about structure; see tests/test_extract_suspects.py for parses of sentences of our own.
    """
    prep = _governing_prep(trigger)
    if prep is None:
        return []
    head, lex = prep.head, words.lex
    lemma = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX") and lemma in lex.suspect_verbs and prep.lower_ in SUSPECT_PREPS:
        if is_passive(head):
            return passive_subjects(head)
        held = [o for o in objects(head) if o.i < trigger.i]
        if not held and head.dep_ == "xcomp" and lemma == "blame":  # "the squads are to blame for the murder"
            held = [c for c in head.head.children if c.dep_ == "nsubj"]
        return held
    if head.pos_ == "ADJ" and lemma in GUILT_ADJS and prep.lower_ in ("of", "for"):
        return _copula_subjects(head)  # "the soldiers were guilty of the killings"
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in lex.suspect_verbs and \
            (prep.lower_ in SUSPECT_PREPS - {"of", "in"} or prep.lower_ == "of" and head.head.lemma_.lower() in OF_VERBS
             and trigger.lemma_.lower() not in words.event_words):  # "of the crimes" says of no attack which
        return [head]  # "detained a farmer for the killing": the parser hangs the phrase on the suspect
    if lemma in lex.perpetrator_nouns and prep.lower_ == "of":
        # "X was the perpetrator of the murder"; else the noun itself ("punish the killers of the nurse")
        return _copula_subjects(head) or ([] if head.dep_ in ("attr", "appos") else [head])
    if lemma in lex.participation_nouns and prep.lower_ in ("in", "of"):
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i != prep.i
                   for p in c.children if p.dep_ == "pobj"]
        return owners or suspects(head, words)  # "two men are suspected of involvement in the killing"
    if lemma in lex.arrest_nouns and prep.lower_ in ("for", "in", "over"):
        return [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < prep.i
                for p in c.children if p.dep_ == "pobj"]
    return []


def _governing_prep(trigger: Token) -> Token | None:
    """The preposition whose phrase the attack is: "for the killing", "of killing", "in connection with
    the bombing" (the connection phrase is looked through)."""
    if trigger.dep_ not in ("pobj", "pcomp") or trigger.head.pos_ != "ADP":
        return None
    prep = trigger.head
    if prep.lower_ == "with" and prep.head.lower_ == "connection" and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "in connection with"
    return prep


def _copula_subjects(noun: Token) -> list[Token]:
    """ "X was the perpetrator", "X is said to be the mastermind", "X, the author of ...": who the noun is."""
    if noun.dep_ == "appos":
        return [noun.head]
    if noun.dep_ not in ("attr", "acomp"):
        return []
    verb = noun.head
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj
        if verb.dep_ != "xcomp":
            break
        verb = verb.head  # "is said to be"
    return []


def when_actors(verb: Token, words: Words) -> list[Token]:
    """Who acted in the when-clause of a passive attack told without an agent: "the mayor was shot when two
    men opened fire on his car", "he was wounded when gunmen tried to enter his house". Only a clause of
    violence or of an attempt (its verb a trigger, a light verb, "try") with a subject that can act: "when
    police arrived" tells who came later, not who shot."""
    out = []
    for c in verb.children:
        if c.dep_ != "advcl" or not any(m.dep_ == "advmod" and m.lower_ == "when" for m in c.children):
            continue
        if is_passive(c):
            continue
        acting = c.lemma_.lower() in words.lex.verb_triggers or words.light(c) or c.lemma_.lower() in TRYING
        subj = [s for s in c.children if s.dep_ == "nsubj" and s.pos_ != "PRON" and words.is_actor_word(s)]
        if acting and subj:
            out += subj
    return out
