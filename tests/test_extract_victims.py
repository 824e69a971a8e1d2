"""What a target is not (extract/victims.py): the damage to a building, unnamed ground, rounds of fire.
Sentences written for these tests, against the pinned model."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def targets(events):
    return {norm(e.target.mention) for e in events if e.target is not None}


NOT_TARGETS = [  # nothing in them was hit but the damage or the ground
    ("A bomb exploded in the market, destroying windows and doors.", {"windows", "doors"}),
    ("The air force bombed residential areas north of the capital.", {"residential areas"}),
    ("The rebels occupied several towns in the north.", {"several towns"}),
]


@pytest.mark.parametrize("text,gone", NOT_TARGETS, ids=[t[:40] for t, _ in NOT_TARGETS])
def test_damage_and_unnamed_ground_are_no_targets(extract, text, gone):
    assert not targets(extract(text)) & gone


def test_rounds_of_fire_are_the_means_and_the_at_phrase_the_target(extract):
    events = extract("Gunmen fired seven shots at the mayor outside his home.")
    assert "mayor" in targets(events) and "seven shots" not in targets(events)


KEPT = [  # named ground, and a singular place that stands for one the article names
    ("Rebels shelled the towns of Ayala and Lerma.", "towns of ayala"),
    ("Rebels attacked the village on Sunday.", "village"),
    ("Rebels destroyed the embassy.", "embassy"),
    ("The army's shelling campaign against rebel villages went on.", "rebel villages"),  # whose ground
]


@pytest.mark.parametrize("text,target", KEPT, ids=[t[:40] for t, _ in KEPT])
def test_named_ground_and_buildings_stay_targets(extract, text, target):
    assert target in targets(extract(text))


def test_mortar_rounds_fired_are_the_means_and_the_at_phrase_the_target(extract):
    events = extract("Guerrillas fired four mortar rounds at the police station.")
    assert "police station" in targets(events) and "four mortar rounds" not in targets(events)
