"""Small mis-readings of the pinned model's parses, each a rule with sentences of our own."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def _readings(events):
    return {(e.event_type, e.actor and e.actor.label, e.target and e.target.label) for e in events}


def test_a_vocative_of_many_words_before_a_question_is_no_subject():
    from graphbuild.extract.non_events import is_polar_question

    # "Mr. Prime Minister Ruiz, did the army shell the village?": the parser makes "Ruiz" a subject of "shell"
    words = ["Mr.", "Prime", "Minister", "Ruiz", ",", "did", "the", "army", "shell", "the", "village", "?"]
    doc = Doc(VOCAB, words=words, heads=[3, 3, 3, 8, 3, 8, 7, 8, 8, 10, 8, 8],
              deps=["compound", "compound", "compound", "nsubj", "punct", "aux", "det", "nsubj", "ROOT", "det",
                    "dobj", "punct"],
              pos=["PROPN", "PROPN", "PROPN", "PROPN", "PUNCT", "AUX", "DET", "NOUN", "VERB", "DET", "NOUN",
                   "PUNCT"],
              tags=["NNP", "NNP", "NNP", "NNP", ",", "VBD", "DT", "NN", "VB", "DT", "NN", "."])
    assert is_polar_question(doc[:])
    # a clause before the comma is no vocative: "The army shelled it, did it?" is asked of what was told
    told = Doc(VOCAB, words=["Rebels", "shelled", "the", "town", "of", "Beni", ",", "did", "they", "?"],
               heads=[1, 7, 3, 1, 3, 4, 7, 7, 7, 7],
               deps=["nsubj", "ccomp", "det", "dobj", "prep", "pobj", "punct", "ROOT", "nsubj", "punct"],
               pos=["NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "AUX", "PRON", "PUNCT"],
               tags=["NNS", "VBD", "DT", "NN", "IN", "NNP", ",", "VBD", "PRP", "."])
    assert not is_polar_question(told[:])


@pytest.mark.parametrize("text", [
    "Mr. Prime Minister Ruiz, did the army shell the village?",
    "Defence Minister Ana Ruiz, will your troops attack the rebels?",
])
def test_a_question_put_to_someone_by_name_reports_no_event(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize("text,actors", [
    ("Russian and Syrian government planes struck the town of Ariha.", {"Russian Armed Forces", "Syrian military"}),
    ("Russian planes bombed the market.", {"Russian Armed Forces"}),
])
def test_a_countrys_planes_are_its_military(extract, text, actors):
    assert {e.actor.label for e in extract(text) if e.actor} == actors


def test_planes_are_no_machine_of_war_unless_their_words_say_so(ontology):
    from graphbuild.extract.combat import is_war_machine
    from graphbuild.extract.lexicon import words_of
    from graphbuild.records import Actor

    words = words_of(ontology)
    assert not is_war_machine(Actor(id="x", label="x", mention="two planes"), words)
    assert is_war_machine(Actor(id="x", label="x", mention="two warplanes"), words)


@pytest.mark.parametrize("text,reading", [
    ("US sanctions hit the bank.", ("SANCTION", "United States", "bank")),
    ("Fresh US sanctions struck the refinery.", ("SANCTION", "United States", "refinery")),
])
def test_sanctions_that_hit_someone_are_a_sanction_not_an_attack(extract, text, reading):
    events = extract(text)
    assert reading in _readings(events) and all(e.event_type != "ASSAULT" for e in events)


@pytest.mark.parametrize("text,reading", [
    ("The police blamed the attack on the bank on the River Front.", ("ASSAULT", "River Front", "bank")),
    ("Officials blamed the raid on the checkpoint on the Ardent Brigade.",
     ("ASSAULT", "Ardent Brigade", "checkpoint")),
])
def test_whom_an_attack_is_blamed_on_is_its_alleged_actor_not_a_target(extract, text, reading):
    events = extract(text)
    assert _readings(events) == {reading} and all(e.modality == "alleged" for e in events)
