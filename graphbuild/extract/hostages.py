"""Hostage-taking told with "hold" or "take": "held the ambassador hostage", "took the guests as hostages",
"are holding hostages", "taking as hostages two engineers", and the passives "the diplomats are being held
hostage by X", "the engineer was held captive by the rebels", "they were taken hostage". Neither verb is a
trigger ("held talks", "took control"), and "hostage" names the people, not the act, so these abductions were
no events. Whoever holds or takes is the actor; the people held, the target. The verbs and words are the
ontology's ``cekg:holdingVerb`` and ``cekg:captiveWord``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Words
from .noun_phrases import split_sides
from .sides import Frame, agents, is_passive, objects, passive_subjects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


def hostage_frame(verb: Token, words: Words) -> Frame | None:
    """The abduction a "hold"/"take" + "hostage" tells, or None when the verb holds no hostage."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.lex.holding_verbs:
        return None
    word = _captive_word(verb, words.lex.captive_words)
    if word is None:
        return None
    passive = is_passive(verb)
    held = [o for o in objects(verb) if o.i != word.i] or passive_subjects(verb)
    if not held and word.dep_ in ("dobj", "obj"):
        # "held the ambassador hostage": the parser makes the held a modifier of "hostage"; "holding hostages"
        held = [c for c in word.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")
                and any(d.dep_ in ("det", "poss") for d in c.children)] or [word]
    actors = agents(verb) if passive else subjects(verb, words=words)
    actors = [a for a in actors if not words.is_instrument(a) and not words.is_event_noun(a)]
    if not held:
        return None
    return Frame(verb, "ASSAULT", actors=split_sides(actors), targets=split_sides(held),
                 mode=words.mode_of(word) or words.first_mode_at_word("hostage"), text=_phrase(verb, word))


def _captive_word(verb: Token, captive: frozenset[str]) -> Token | None:
    """ "hostage" as the verb's complement ("held hostage", "held the envoy hostage") or in its as-phrase
    ("took the guests as hostages")."""
    for c in verb.children:
        if c.lower_ in captive and c.dep_ in ("oprd", "dobj", "obj", "acomp", "npadvmod", "advmod", "attr"):
            return c
        if c.dep_ == "prep" and c.lower_ == "as":
            found = next((p for p in c.children if p.dep_ == "pobj" and p.lower_ in captive), None)
            if found is not None:
                return found
    return None


def _phrase(verb: Token, word: Token) -> str:
    parts = sorted([c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")] + [verb], key=lambda t: t.i)
    return " ".join(t.text for t in parts) + f" {word.text}"
