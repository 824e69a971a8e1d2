"""Suspects and perpetrators as the (alleged) actors of an attack told without one (suspects.py): sentences of
our own against the pinned model, and a hand-built parse for the structure."""

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.extract.lexicon import words_of
from graphbuild.extract.suspects import suspects

HELD = [
    ("Three men were arrested in connection with the bombing of the depot.", "Three men", "the depot"),
    ("Two youths were charged with the murder of a guard.", "Two youths", "a guard"),
    ("Police detained a farmer for the killing of a teacher.", "a farmer", "a teacher"),
    ("A woman suspected of shooting the mayor was held.", "A woman", "the mayor"),
    ("The inquiry showed that a former guard was the perpetrator of the murder of the judge.",
     "a former guard", "the judge"),
    ("Ortega is said to be the mastermind of the raid on the barracks.", "Ortega", "the barracks"),
    ("The president confirmed the involvement of two officers in the killing of the priest.",
     "two officers", "the priest"),
    ("The arrest of four soldiers for the killing of five farmers was announced.", "four soldiers", "five farmers"),
    ("The court found that the soldiers were guilty of the killing of the farmers.", "the soldiers", "the farmers"),
    ("Two men are suspected of involvement in the murder of a nurse.", "Two men", "a nurse"),
    ("Death squads are to blame for the murder of six farmers.", "Death squads", "six farmers"),
    # a role with a word that says who; "the perpetrators of the attack" alone names no one (attribution.py)
    ("Police are hunting the rebel perpetrators of the attack on the clinic.",
     "the rebel perpetrators of the attack", "the clinic"),
]


@pytest.fixture(scope="module")
def words(ontology):
    return words_of(ontology)


@pytest.mark.parametrize(("text", "actor", "target"), HELD)
def test_who_is_held_for_an_attack_is_its_alleged_actor(extract, text, actor, target):
    found = [(e.actor.mention, e.modality) for e in extract(text)
             if e.event_type == "ASSAULT" and e.target is not None and e.target.mention == target and e.actor]
    assert found == [(actor, "alleged")]


@pytest.mark.parametrize("text", [
    "Police investigated the killing of a nurse.",       # the investigator did not kill
    "The army said the killing of a nurse was a crime.",  # nor the speaker
])
def test_who_looks_into_or_tells_of_an_attack_is_not_its_actor(extract, text):
    assert [e.actor for e in extract(text) if e.event_type == "ASSAULT"] == [None]


def _parse(words, heads, deps, pos, tags=None, lemmas=None):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
              tags=tags or ["" for _ in words], lemmas=lemmas or [w.lower() for w in words])
    return doc


def test_the_connection_phrase_is_looked_through_to_the_arrest(words):
    # "two men were arrested in connection with the attack"
    doc = _parse(["two", "men", "were", "arrested", "in", "connection", "with", "the", "attack"],
                 [1, 3, 3, 3, 3, 4, 5, 8, 6],
                 ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "prep", "det", "pobj"],
                 ["NUM", "NOUN", "AUX", "VERB", "ADP", "NOUN", "ADP", "DET", "NOUN"],
                 tags=["CD", "NNS", "VBD", "VBN", "IN", "NN", "IN", "DT", "NN"],
                 lemmas=["two", "man", "be", "arrest", "in", "connection", "with", "the", "attack"])
    assert [t.text for t in suspects(doc[8], words)] == ["men"]


def test_an_attack_outside_any_suspicion_has_no_suspect(words):
    # "the attack on the depot was condemned"
    doc = _parse(["the", "attack", "on", "the", "depot", "was", "condemned"],
                 [1, 6, 1, 4, 2, 6, 6],
                 ["det", "nsubjpass", "prep", "det", "pobj", "auxpass", "ROOT"],
                 ["DET", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB"],
                 lemmas=["the", "attack", "on", "the", "depot", "be", "condemn"])
    assert suspects(doc[1], words) == []


@pytest.mark.parametrize(("text", "actor"), [
    ("The mayor was shot when two men opened fire on his car.", "two men"),
    ("The judge was wounded when gunmen tried to enter his house.", "gunmen"),
])
def test_the_when_clause_of_a_passive_attack_tells_who_acted(extract, text, actor):
    first = next(e for e in extract(text) if e.event_type == "ASSAULT")
    assert first.actor is not None and first.actor.mention == actor


def test_a_when_clause_that_is_no_act_of_violence_gives_no_actor(extract):
    assert [e.actor for e in extract("The farmer was shot when police arrived.")] == [None]
