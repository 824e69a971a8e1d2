"""One entity, one actor within an article: facilities of one kind and country, surnames."""

import pytest

from graphbuild.extract.entities import as_entity, unify
from graphbuild.records import Actor

CURATED = Actor("us-embassy-baghdad", "US Embassy in Baghdad", "facility", "USA", "the US Embassy in Baghdad")
LONG = Actor("USA-fac-1", "US Embassy in The Iraqi Capital", "facility", "USA", resolved=False)
SHORT = Actor("USA-fac-2", "US embassy", "facility", "USA", resolved=False)
BARE = Actor("x-the-embassy", "the embassy", "facility", None, resolved=False)
BASES = Actor("USA-fac-3", "US bases", "facility", "USA", resolved=False)


def test_facilities_of_one_kind_and_country_are_the_curated_one(ontology):
    same = unify([CURATED, LONG, SHORT, BARE, BASES], ontology)
    assert {k: v.id for k, v in same.items()} == {"USA-fac-1": CURATED.id, "USA-fac-2": CURATED.id,
                                                  "x-the-embassy": CURATED.id}
    assert as_entity(SHORT, same).mention == SHORT.mention and as_entity(BASES, same) is BASES


def test_two_cities_keep_two_embassies(ontology):
    beirut = Actor("USA-fac-4", "US Embassy in Beirut", "facility", "USA", resolved=False)
    assert unify([CURATED, beirut, SHORT], ontology) == {}


def test_without_a_curated_one_the_fullest_name_wins(ontology):
    same = unify([LONG, SHORT], ontology)
    assert {k: v.id for k, v in same.items()} == {"USA-fac-2": "USA-fac-1"}


@pytest.mark.model
def test_a_surname_is_the_article_s_one_person_of_that_name(extract):
    events = extract("Gunmen kidnapped Ricardo Alfonso Ortega near the river. "
                     "Later that day rebels murdered Ortega in the village.")
    targets = {e.target.label for e in events if e.target is not None}
    assert targets == {"Ricardo Alfonso Ortega"}


@pytest.mark.model
def test_two_people_of_one_surname_stay_apart(extract):
    events = extract("Ana Ortega met Luis Ortega in the capital. Rebels murdered Ortega in the village.")
    assert {e.target.label for e in events if e.event_type == "ASSAULT"} == {"Ortega"}
