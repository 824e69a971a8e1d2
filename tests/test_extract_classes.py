"""The classes of issue 10 on sentences written for these tests, against the pinned model: modality of
wishes, plans and hedges; bare counts as victims."""

import pytest

pytestmark = pytest.mark.model

MODALITY = [
    ("The rebels want to strike the police station.", "hypothetical"),
    ("The militia plans to attack the army base.", "hypothetical"),
    ("It is believed that the rebels attacked the convoy.", "alleged"),
    ("It was reported that gunmen attacked the bus.", "alleged"),
    ("The rebels reportedly attacked the convoy.", "alleged"),
    ("Police said gunmen attacked the bus.", "asserted"),
]


@pytest.mark.parametrize("text,modality", MODALITY)
def test_wishes_plans_and_hedges_are_modality(extract, text, modality):
    (ev,) = extract(text)
    assert (ev.event_type, ev.modality) == ("ASSAULT", modality)


def test_a_bare_count_is_the_victims(extract):
    events = extract("Three were killed when gunmen attacked the bus.")
    victims = [e.target for e in events if e.target.mention == "Three"]
    assert victims and victims[0].kind == "civilians" and victims[0].label == "civilians"
    assert all(e.actor.mention == "gunmen" for e in events)


def test_a_bare_count_takes_the_people_counted_before_it(extract):
    events = extract("Four policemen were killed and seven were injured in the ambush.")
    assert {e.target.mention.lower() for e in events} == {"four policemen", "seven policemen"}


@pytest.mark.parametrize("text, counted, kind", [
    ("One policeman was killed and two were wounded when rebels attacked the post.", "two policemen", "police"),
    ("One child died and three were injured when the shell hit the school.", "three children", "civilians"),
])
def test_a_bare_count_after_a_count_of_one_takes_its_noun_in_the_plural(extract, text, counted, kind):
    targets = {e.target.mention.lower(): e.target.kind for e in extract(text) if e.target}
    assert targets.get(counted) == kind


LIGHT_VERBS = [  # a light verb and an event noun: the noun's type, the verb's subject, the noun's partner
    ("Government forces held talks with the rebels.", ("government forces", "CONSULT", "rebels")),
    ("Protesters staged a protest outside the ministry.", ("protesters", "PROTEST", "ministry")),
    ("Students staged a protest in the capital.", ("students", "PROTEST", None)),
    ("Thousands of demonstrators held a rally against the government.",
     ("thousands of demonstrators", "PROTEST", "government")),
    ("The army conducted airstrikes targeting rebel positions.", ("army", "ASSAULT", "rebel positions")),
    ("Rebels mounted raids on army posts.", ("rebels", "ASSAULT", "army posts")),
    ("Police arrested three protesters.", ("police", "COERCE", "three protesters")),
]


@pytest.mark.parametrize("text,want", LIGHT_VERBS)
def test_light_verbs_and_event_nouns(extract, text, want):
    from graphbuild.evaluate import norm

    got = {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention))
           for e in extract(text)}
    assert got == {want}


COORDINATION = [  # sides of a meeting or a clash: one event per pair; names are not cut at a conjunction
    ("France, Qatar and Egypt met in Cairo.",
     {("france", "CONSULT", "qatar"), ("france", "CONSULT", "egypt"), ("qatar", "CONSULT", "egypt")}),
    ("The envoys of France, Qatar and Egypt met in Cairo.",
     {("envoys of france", "CONSULT", "envoys of qatar"), ("envoys of france", "CONSULT", "envoys of egypt"),
      ("envoys of qatar", "CONSULT", "envoys of egypt")}),
    ("A. Smith and B. Jones will meet in Geneva.", {("smith", "CONSULT", "b jones")}),  # norm drops "A"
    ("Herders and farmers clashed near the river.", {("herders", "ASSAULT", "farmers")}),
]


@pytest.mark.parametrize("text,want", COORDINATION)
def test_coordinated_sides_of_mutual_events(extract, text, want):
    from graphbuild.evaluate import norm

    got = {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention))
           for e in extract(text)}
    assert got == want


def test_coordinated_modifiers_of_a_group_noun_clash(extract):
    # the small model parses "Herder and farmer militias" as "Herder" and "farmer militias" coordinated
    assert len(extract("Herder and farmer militias clashed near the river.")) == 1


def test_a_meeting_to_come_is_hypothetical(extract):
    (ev,) = extract("A. Smith and B. Jones will meet in Geneva.")
    assert ev.modality == "hypothetical" and ev.target.mention == "B. Jones"


AGENTS = [  # agents inside nominals and modifiers
    ("A drone strike by the coalition hit a hospital.", ("coalition", "ASSAULT", "hospital")),
    ("Two soldiers were killed by a militia-laid mine.", ("militia", "ASSAULT", "two soldiers")),
    ("An attack by government forces killed four civilians.", ("government forces", "ASSAULT", "four civilians")),
]


@pytest.mark.parametrize("text,want", AGENTS)
def test_agents_inside_nominals_and_modifiers(extract, text, want):
    from graphbuild.evaluate import norm

    assert {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention))
            for e in extract(text)} == {want}


@pytest.mark.parametrize("text,place", [
    ("ADEN, May 3 (Wire) - Rebels attacked a police station in the town of Lahij.", "Lahij"),
    ("ADEN, May 3 (Wire) - Rebels attacked the town of Lahij.", "Lahij"),  # the target's town is still the place
    ("ADEN, May 3 (Wire) - Rebels attacked a police station.", "Aden"),
])
def test_a_place_in_the_sentence_beats_the_dateline(extract, text, place):
    (ev,) = extract(text)
    assert (ev.place.label, ev.place.country) == (place, "YEM")


NO_ONE_HARMED = [  # a subject that names no one it is true of: nothing happened to anyone
    "Neither the driver nor his son was injured.",
    "None of the passengers were wounded.",
    "Neither guard was hurt.",
    "No group attacked the village.",
]


@pytest.mark.parametrize("text", NO_ONE_HARMED, ids=[t[:30] for t in NO_ONE_HARMED])
def test_none_and_neither_harmed_is_no_event(extract, text):
    assert [e for e in extract(text) if e.event_type == "ASSAULT"] == []


def test_none_harmed_leaves_the_attack_told_beside_it(extract):
    events = extract("Rebels attacked the village, but none of the residents were hurt.")
    assert [(e.actor.mention, e.target.mention) for e in events] == [("Rebels", "the village")]


def test_no_organization_that_claims_nothing_is_no_actor(extract):
    events = extract("Gunmen bombed the union hall. As yet no organization has claimed the attack.")
    assert [e.actor.mention for e in events if e.actor] == ["Gunmen"]
