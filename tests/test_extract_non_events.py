"""Mentions that report no event of the article (extract/non_events.py, the rules of issue 10's precision
work). Sentences written for these tests, against the pinned model."""

import pytest

pytestmark = pytest.mark.model

UNREAL_AND_ANONYMOUS = [  # did not happen, and no one did it: nothing to record
    "More guards could be killed if the road stays open.",
    "The driver was not injured.",
    "The plan to kidnap the judge was discovered last week.",
]


@pytest.mark.parametrize("text", UNREAL_AND_ANONYMOUS, ids=[t[:40] for t in UNREAL_AND_ANONYMOUS])
def test_an_event_that_did_not_happen_with_no_actor_is_left_out(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


def test_an_intent_with_its_actor_and_a_real_anonymous_attack_are_kept(extract):
    (ev,) = extract("The rebels plan to attack the dam.")
    assert (ev.actor.mention, ev.modality) == ("The rebels", "hypothetical")
    (ev,) = extract("A car bomb killed six people outside the market.")
    assert (ev.actor, ev.modality, ev.fatalities) == (None, "asserted", 6)


NOT_ACTORS = [  # sides that are means or unnamed people, not actors: the attack is kept with no actor
    ("The mayor's car was blown up by two explosive charges on the road to the airport.", "the mayor's car"),
    ("Those who attacked the police station fled into the hills.", "the police station"),
    ("A clerk was wounded by bursts of gunfire from a passing car.", "a clerk"),
]


@pytest.mark.parametrize("text,target", NOT_ACTORS, ids=[t[:40] for t, _ in NOT_ACTORS])
def test_means_and_bare_demonstratives_are_no_actors(extract, text, target):
    (ev,) = [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert ev.actor is None and ev.target.mention.lower() == target


def test_charges_filed_in_court_are_no_weapon(extract):
    assert not [e for e in extract("The prosecutor will file charges against the gang.") if e.event_type == "ASSAULT"]


RECOLLECTIONS = [  # the past recalled, not the news reported
    "We must not forget the murder of the judge by the death squads.",
    "Let us remember that the militia burned the market in the spring.",
    "Three years ago, rebels attacked the same bridge.",
    "It should be recalled that gunmen killed two nurses at the clinic.",
]


@pytest.mark.parametrize("text", RECOLLECTIONS, ids=[t[:40] for t in RECOLLECTIONS])
def test_a_recollection_of_the_past_is_no_event_of_the_article(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


def test_the_news_beside_a_recollection_is_kept(extract):
    evs = extract("Rebels attacked the bridge on Monday. Let us remember that they burned the market in the spring.")
    assert [(e.actor.mention, e.target.mention) for e in evs if e.event_type == "ASSAULT"] == [("Rebels", "the bridge")]


CHARACTERISATIONS = [  # what someone is said to do as a habit or trait, no event of the news
    "No one will welcome the envoy of a regime that kills priests.",
    "The minister condemned the bandits who burn the farms of the valley.",
]


@pytest.mark.parametrize("text", CHARACTERISATIONS, ids=[t[:40] for t in CHARACTERISATIONS])
def test_a_habit_told_in_a_relative_clause_is_no_event(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


def test_a_relative_clause_in_the_past_reports_its_event(extract):
    events = [e for e in extract("Police arrested the bandits who burned the farm of the mayor.")
              if e.event_type == "ASSAULT"]
    assert [e.target.mention for e in events] == ["the farm of the mayor"]


SERIES = [  # events in the plural told as a campaign, not as incidents
    "The cartel began a series of attacks on banks and newspapers.",
    "The group has a long history of kidnappings of oil engineers.",
]


@pytest.mark.parametrize("text", SERIES, ids=[t[:40] for t in SERIES])
def test_a_campaign_of_attacks_is_no_incident(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


def test_incidents_in_the_plural_are_kept(extract):
    assert [e.target.mention for e in extract("Two bomb attacks on the bank wounded six guards.")
            if e.event_type == "ASSAULT" and "bank" in e.target.mention]
    assert [e for e in extract("The rebels carried out three attacks on police stations last night.")
            if e.event_type == "ASSAULT" and e.target and "police stations" in e.target.mention]


def test_a_campaign_still_names_the_attacker_of_the_article(extract):
    events = extract("The cartel began a series of bombings against newspapers. "
                     "A bomb destroyed the offices of a daily in the capital.")
    (ev,) = [e for e in events if e.event_type == "ASSAULT"]
    assert ev.target.mention.startswith("the offices") and ev.actor.mention.lower().endswith("cartel")
