"""Who did it, across the words and sentences of an article (sentences and parses of our own)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from graphbuild.extract.lexicon import words_of


def _doc(words, pos, ents=None):
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    for t in doc:
        t.lemma_ = t.lower_
    return doc


def test_a_curated_group_name_a_recaser_wrote_in_lower_case_can_act(ontology):
    # upper-case wire copy recased: "THE ELN KIDNAPPED" -> "The eln kidnapped", "eln" a common noun
    words = words_of(ontology)
    doc = _doc(["The", "eln", "kidnapped", "a", "rancher", "at", "night"],
               ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN"])
    assert words.is_actor_word(doc[1])
    assert not words.is_actor_word(doc[6])   # "night": no name, no actor noun


def test_a_word_for_the_kind_of_attacker_names_people_of_that_kind(extract):
    cases = [
        ("A terrorist attack on the power station left two guards dead.", ("terrorists", "terrorist")),
        ("Two farmers were hurt in a guerrilla raid on the village.", ("guerrillas", "guerrilla")),
    ]
    for text, expected in cases:
        found = {(e.actor.label, e.actor.mention) for e in extract(text) if e.event_type == "ASSAULT" and e.actor}
        assert expected in found, (text, found)


def test_a_named_or_plural_attacker_keeps_its_name(extract):
    found = {(e.actor.label, e.actor.mention) for e in extract("Militants attacked the power station.")
             if e.actor}
    assert found == {("Militants", "Militants")}


def test_arrests_made_are_no_means_of_attack(extract):
    # "made" with a means of attack is an attack ("made a bomb go off"); with arrests it is no attack, and
    # the police who made them are not the attackers of the harm told beside them
    text = "Two guards were killed at the depot, and several arrests were made by the police."
    assert [(e.actor, e.target.mention) for e in extract(text) if e.event_type == "ASSAULT"] == [
        (None, "Two guards")]
