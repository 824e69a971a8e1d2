"""One entity, one actor within an article: facilities of one kind and country, surnames."""

import pytest

from graphbuild.extract.entities import as_entity, unify, unify_groups
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


NAMED = Actor("eln", "National Liberation Army", "armed_group", "COL", "ELN guerrillas")


def _group(label, country=None, resolved=False, mention=None):
    gid = f"{country}-armed-groups" if resolved else "x-" + label.replace(" ", "-")
    return Actor(gid, label, "armed_group", country, mention or label, resolved=resolved)


def test_member_nouns_are_the_article_s_one_named_group():
    generic = [_group("guerrillas"), _group("three rebels"), _group("Colombian armed groups", "COL", True,
                                                                   "Colombian guerrillas")]
    same = unify_groups([NAMED, *generic])
    assert {k: v.id for k, v in same.items()} == {a.id: "eln" for a in generic}


def test_two_named_groups_a_foreign_country_or_other_nouns_keep_sides_generic():
    other = Actor("fmln", "Farabundo Marti National Liberation Front", "armed_group", "SLV", "FMLN")
    assert unify_groups([NAMED, other, _group("guerrillas")]) == {}
    assert unify_groups([NAMED, _group("Peruvian armed groups", "PER", True, "Peruvian rebels"), _group("gunmen"),
                         _group("kidnappers"), _group("aid groups")]) == {}
    assert unify_groups([_group("guerrillas"), _group("rebels")]) == {}


@pytest.mark.model
def test_the_guerrillas_of_a_later_sentence_act_as_the_named_group(extract):
    events = extract("ELN guerrillas kidnapped a mayor near the river on Monday. "
                     "Two days later guerrillas burned three trucks on the highway. "
                     "Soldiers killed two guerrillas in a clash.")
    actors = {(e.actor.label, e.actor.mention) for e in events if e.actor is not None}
    assert ("National Liberation Army", "guerrillas") in actors
    assert {e.target.label for e in events if e.target is not None and "guerrillas" in e.target.mention} \
        <= {"two guerrillas", "guerrillas"}


@pytest.mark.model
@pytest.mark.parametrize("text, surname, full", [
    # a role in apposition names a person the recogniser missed
    ("Gunmen kidnapped Miguel Angel Zubieta, mayor of the town, on Monday. "
     "Rebels later murdered Zubieta near the river.", "Zubieta", "Miguel Angel Zubieta"),
    # the father's surname of a three-word name, tagged as a people by the tagger
    ("Guerrillas kidnapped Tomas Varela Duarte, a leader of the party. "
     "Soldiers said that gunmen murdered Varela in the city.", "Varela", "Tomas Varela Duarte"),
])
def test_a_surname_resolves_to_the_full_name_told_earlier(extract, text, surname, full):
    later = [e for e in extract(text) if e.target is not None and e.target.mention.startswith(surname)]
    assert later and all(e.target.label == full for e in later)


@pytest.mark.model
def test_a_title_alone_is_the_article_s_one_person_with_that_title(extract):
    events = extract("Gunmen shot Interior Minister Teresa Abadia Cortes outside her home on Monday. "
                     "Police said rebels had threatened the minister last year.")
    threat = [e for e in events if e.event_type == "THREATEN"]
    assert [(e.target.label, e.target.mention) for e in threat] == [("Teresa Abadia Cortes", "the minister")]


@pytest.mark.model
def test_a_title_two_people_hold_names_no_one(extract):
    events = extract("Gunmen shot Maria Duarte, mayor of the town, and Luis Pena, mayor of the next town. "
                     "Rebels had threatened the mayor last year.")
    threat = [e for e in events if e.event_type == "THREATEN"]
    assert threat and all(e.target.label not in ("Maria Duarte", "Luis Pena") for e in threat)
