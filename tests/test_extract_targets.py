"""Who or what an attack hit (extract/targets.py). Sentences written for these tests, against the pinned
model."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def targets(events):
    return {norm(e.target.mention) for e in events if e.target is not None}


SCENE = [  # the scene of a weapon put or thrown is not what it hit
    ("Gunmen hurled a grenade at the police post, in the Santa Rita neighbourhood.", "police post",
     "santa rita neighbourhood"),
    ("Rebels placed a bomb on the gas line near the river, in the area of El Molino.", "gas line",
     "area of el molino"),
    ("In the opinion of the harbour police, the bomb was planted by the smugglers.", None,
     "opinion of the harbour police"),
]


@pytest.mark.parametrize("text,hit,scene", SCENE, ids=[t[:40] for t, _, _ in SCENE])
def test_the_scene_of_a_weapon_is_no_target(extract, text, hit, scene):
    found = targets(extract(text))
    assert scene not in found
    assert hit is None or hit in found


KEPT = [  # a weapon's place that is all the sentence says of what was hit
    ("Two men placed a bomb in a cinema near the base.", "cinema"),
    ("Rebels left a parcel bomb outside the tax office.", "tax office"),
]


@pytest.mark.parametrize("text,hit", KEPT, ids=[t[:40] for t, _ in KEPT])
def test_a_weapon_s_only_place_is_its_target(extract, text, hit):
    assert hit in targets(extract(text))


def test_a_partitive_relative_names_its_antecedent(extract):
    # "three of whom" is three of the guards: the words of the side say whom
    found = targets(extract("Gunmen fired on the guards, three of whom were wounded."))
    assert "three of the guards" in found and "three of whom" not in found


PREDICATE = [  # the subject of "is the second mayor murdered" is who was murdered
    ("Ruiz is the second mayor who has been murdered in the valley since May.", "ruiz", "second mayor"),
    ("Ana Ruiz and Luis Pena were the reporters killed.", "ana ruiz and luis pena", "reporters"),
]


@pytest.mark.parametrize("text,hit,predicate", PREDICATE, ids=[t[:40] for t, _, _ in PREDICATE])
def test_the_subject_of_a_predicate_victim_is_the_target(extract, text, hit, predicate):
    found = targets(extract(text))
    assert hit in found and predicate not in found


def test_a_place_is_no_subject_of_a_predicate_victim(extract):
    # "the first city hit": where the attack was, not whom it hit
    assert "tunja" not in targets(extract("Tunja was the first city hit by the cartel's bombs."))


def test_a_quarter_of_a_city_is_where_an_attack_happened(extract):
    assert "escalon neighbourhood" not in targets(extract("Army helicopters bombed the Escalon neighbourhood."))
    found = targets(extract("Army helicopters wounded six residents of the Escalon neighbourhood."))
    assert "six residents of the escalon neighbourhood" in found


def test_an_area_is_where_a_bomb_was_planted(extract):
    found = targets(extract("Rebels planted a bomb in a busy commercial area of the capital."))
    assert not any("area" in t for t in found)
