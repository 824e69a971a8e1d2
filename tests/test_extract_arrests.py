"""A capture by the state's forces is an arrest (COERCE); one by an armed group, or of civilians, stays an
abduction (ASSAULT) (extract/arrests.py). Sentences written for these tests, against the pinned model."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def kinds(events):
    return {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention)) for e in events}


ARREST = [
    ("The police captured the gunman outside the bus station.", ("police", "COERCE", "gunman")),
    ("The suspect was captured by the army in a village near the border.", ("army", "COERCE", "suspect")),
    ("Federal agents captured two gang leaders in a raid on Tuesday.",
     ("federal agents", "COERCE", "two gang leaders")),
    ("Twelve criminals have been captured since the curfew began.", (None, "COERCE", "twelve criminals")),
]


@pytest.mark.parametrize("text,want", ARREST, ids=[t[:40] for t, _ in ARREST])
def test_a_capture_by_the_state_is_an_arrest(extract, text, want):
    events = extract(text)
    assert want in kinds(events)
    assert not [e for e in events if e.event_type == "ASSAULT"]


ABDUCTION = [
    ("Rebels captured an engineer of the oil company on the road to the port.",
     ("rebels", "ASSAULT", "engineer of the oil company")),
    ("Soldiers captured four farmers and took them to the barracks.", ("soldiers", "ASSAULT", "four farmers")),
]


@pytest.mark.parametrize("text,want", ABDUCTION, ids=[t[:40] for t, _ in ABDUCTION])
def test_a_capture_by_armed_men_or_of_civilians_stays_an_abduction(extract, text, want):
    assert want in kinds(extract(text))


def test_a_raid_by_the_police_on_a_place_is_a_search(extract):
    events = extract("A group of policemen raided the offices of the newspaper on Monday.")
    assert ("group of policemen", "COERCE", "offices of the newspaper") in kinds(events)
    assert not [e for e in events if e.event_type == "ASSAULT"]


RAID = [
    ("Troops raided the village at dawn.", ("troops", "ASSAULT", "village")),
    ("Gunmen raided a farm near the border.", ("gunmen", "ASSAULT", "farm")),
]


@pytest.mark.parametrize("text,want", RAID, ids=[t[:40] for t, _ in RAID])
def test_a_raid_by_troops_or_armed_men_stays_an_attack(extract, text, want):
    assert want in kinds(extract(text))
