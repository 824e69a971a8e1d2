"""The place an attack hits, not its setting (extract/places_hit.py): where a weapon was put, where an attack
took place. A hand-built parse for the structure, and sentences of our own against the pinned
model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.extract.places_hit import setting_dropped


def test_an_in_phrase_beside_a_place_on_the_verb_is_the_setting():
    # "placed a bomb outside the hall in the park"
    words = ["placed", "a", "bomb", "outside", "the", "hall", "in", "the", "park"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[0, 2, 0, 0, 5, 3, 0, 8, 6],
              deps=["ROOT", "det", "dobj", "prep", "det", "pobj", "prep", "det", "pobj"])
    verb, bomb, hall, park = doc[0], doc[2], doc[5], doc[8]
    assert setting_dropped([hall, park], (verb, bomb)) == [hall]
    assert setting_dropped([park], (verb, bomb)) == [park]  # an in-phrase alone is the target
    # the other place hangs on neither head given ("the home of X, located at ..."): the in-phrase stays
    assert setting_dropped([park, doc[5]], (bomb,)) == [park, doc[5]]


@pytest.mark.model
@pytest.mark.parametrize("text,target", [
    ("A bomb was placed outside the town hall in the parking lot.", "the town hall"),
    ("Rebels placed a bomb outside the bank in the car park used by its staff.", "the bank"),
    ("Gunmen left a bomb in the mayor's car.", "the mayor's car"),
])
def test_the_place_a_weapon_is_put_at_is_the_one_target(extract, text, target):
    assert [e.target.mention for e in extract(text) if e.event_type == "ASSAULT"] == [target]


@pytest.mark.model
def test_the_area_an_attack_took_place_in_is_its_setting_a_facility_its_target(extract):
    told = "Gunmen attacked a bus on Monday. "
    evs = extract(told + "The attack took place in the Las Flores neighborhood.")
    assert [e.target.mention for e in evs if e.event_type == "ASSAULT"] == ["a bus"]
    evs = extract(told + "The attack took place at a checkpoint near the border.")
    assert [e.target.mention for e in evs if e.event_type == "ASSAULT"] == ["a bus", "a checkpoint"]
