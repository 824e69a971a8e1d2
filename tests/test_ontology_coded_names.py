"""The resolver accepts the actor names of coded event data (the conventions analysts join against)."""

import pytest

NAMES = [  # name as coded -> (kind, country), and the id where the ontology curates the actor
    ("Military Forces of Somalia (2022-)", "military", "SOM", None),
    ("Police Forces of Kenya", "police", "KEN", None),
    ("Civilians (Mali)", "civilians", "MLI", "MLI-civilians"),
    ("Protesters (Iraq)", "civilians", "IRQ", None),
    ("Unidentified Armed Group (Nigeria)", "armed_group", "NGA", "NGA-unidentified-armed-group"),
    ("AQAP: Al Qaeda in the Arabian Peninsula", "armed_group", "YEM", "aqap"),
    ("Islamic State (Sahel)", "armed_group", "MLI", "islamic-state-sahel"),
    ("Islamic State (West Africa)", "armed_group", "NGA", "iswap"),
    ("Islamic State (Somalia)", "armed_group", "SOM", "islamic-state-somalia"),
]


@pytest.mark.parametrize("name,kind,country,aid", NAMES)
def test_coded_event_data_names(ontology, name, kind, country, aid):
    actor = ontology.resolve(name)
    assert (actor.kind, actor.country) == (kind, country), actor
    assert aid is None or actor.id == aid
    assert actor.mention == name


def test_ordinary_of_phrases_are_not_coded_names(ontology):
    assert ontology.resolve("leaders of the militia").country is None
