"""Military operations told as such, PLOVER FIGHT rather than ASSAULT (extract/operations.py, issue 10's
precision work). Sentences written for these tests, against the pinned model."""

import pytest

pytestmark = pytest.mark.model


def _types(extract, text):
    return {e.event_type for e in extract(text) if e.event_type in ("ASSAULT", "FIGHT")}


OPERATIONS = [
    "The rebels occupied the town of Ayala on Sunday.",
    "Guerrillas are still occupying two floors of the hotel.",
    "The rebels said they captured four soldiers near the bridge.",
    "The militia captured six prisoners of war during the operation.",
    "The army launched an offensive against the guerrillas in the north.",
]


@pytest.mark.parametrize("text", OPERATIONS, ids=[t[:40] for t in OPERATIONS])
def test_an_operation_is_no_assault(extract, text):
    assert "ASSAULT" not in _types(extract, text)


ATTACKS = [  # the same words, told of people or property not in combat: attacks
    "The rebels captured two engineers of the oil company.",
    "Since April the rebels have been carrying out an offensive against private companies.",
]


@pytest.mark.parametrize("text", ATTACKS, ids=[t[:40] for t in ATTACKS])
def test_the_same_words_against_civilians_stay_attacks(extract, text):
    assert "ASSAULT" in _types(extract, text)


def test_hardware_captured_stays_as_told(extract):
    assert "FIGHT" not in _types(extract, "Militants captured two drones over the valley.")


TOLLS = [  # combatants hit, no one named, in a sentence of an operation: the toll of the fighting
    "Forty rebels have been killed since the start of the army's offensive.",
    "One guerrilla was killed and three soldiers were wounded in the action.",
]


@pytest.mark.parametrize("text", TOLLS, ids=[t[:40] for t in TOLLS])
def test_the_toll_of_an_operation_is_no_assault(extract, text):
    assert "ASSAULT" not in _types(extract, text)


def test_a_toll_with_its_attacker_named_stays_as_told(extract):
    assert "ASSAULT" in _types(extract, "Militants killed five soldiers during the operation in the valley.")
