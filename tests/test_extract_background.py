"""Violence told as the background of the news, not as an incident of it (extract/background.py, issue 10's
precision work). Sentences written for these tests, against the pinned model."""

import pytest

pytestmark = pytest.mark.model

PEOPLE_IN_GENERAL = [  # a charge against a side, told of a whole population: no incident
    "The junta keeps bombing the civilian population.",
    "The rebels have waged a campaign of terror against the people.",
    "The communique says the regime murders defenseless civilians.",
    "The air force bombed and strafed the population for weeks.",
]


@pytest.mark.parametrize("text", PEOPLE_IN_GENERAL, ids=[t[:40] for t in PEOPLE_IN_GENERAL])
def test_violence_against_people_in_general_is_no_incident(extract, text):
    assert not [e for e in extract(text) if e.event_type in ("ASSAULT", "FIGHT") and e.target is not None]


SINGLED_OUT = [  # some of them, counted, named or told by a clause: victims of an incident
    ("The militia shot six civilians near the well.", "six civilians"),
    ("Gunmen killed several people at the market.", "several people"),
    ("Soldiers fired on civilians outside the bank.", "civilians"),
]


@pytest.mark.parametrize("text,target", SINGLED_OUT, ids=[t[:40] for t, _ in SINGLED_OUT])
def test_victims_singled_out_are_kept(extract, text, target):
    assert target in [e.target.mention for e in extract(text) if e.event_type == "ASSAULT" and e.target]


ATTACKERS_HIT = [  # an attacker hit, no one named as hitting them: the attack's own casualty
    "Two of the kidnappers were killed, and the others escaped on foot.",
    "A third gunman was wounded and fled on foot.",
    "The bomber was killed when his device went off early.",
]


@pytest.mark.parametrize("text", ATTACKERS_HIT, ids=[t[:40] for t in ATTACKERS_HIT])
def test_an_attacker_hit_by_no_one_named_is_no_victim(extract, text):
    assert not [e for e in extract(text) if e.event_type in ("ASSAULT", "FIGHT")]


def test_an_attacker_hit_by_the_police_is_kept(extract):
    found = [(e.actor.mention, e.target.mention) for e in extract("Police shot the gunman dead outside the bank.")
             if e.event_type == "ASSAULT" and e.actor and e.target]
    assert ("Police", "the gunman") in found
