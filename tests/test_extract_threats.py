"""Threats (issue 10, MUC-4's THREATEN): sentences written for these tests, against the pinned model
(en_core_web_sm 3.8)."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def triples(events):
    return {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention)) for e in events}


RECEIVED = [
    # whoever receives or faces a threat is its target; the from-phrase is who threatens
    ("The mayor of the town has received death threats from a paramilitary group.",
     ("paramilitary group", "THREATEN", "mayor of the town")),
    ("The judge got anonymous threats last week.", (None, "THREATEN", "judge")),
]


@pytest.mark.parametrize("text,expected", RECEIVED, ids=[c[0][:40] for c in RECEIVED])
def test_the_receiver_of_a_threat_is_its_target(extract, text, expected):
    found = triples(extract(text))
    assert expected in found
    actor, _etype, target = expected
    assert (target, "THREATEN", actor) not in found  # never the sides reversed


OATHS = [
    "The new cabinet was sworn in on Monday.",
    "Swearing in the new governors, the president promised reforms.",
]


@pytest.mark.parametrize("text", OATHS, ids=[t[:40] for t in OATHS])
def test_an_oath_of_office_is_no_threat(extract, text):
    assert not [e for e in extract(text) if e.event_type == "THREATEN"]


def test_a_vow_to_kill_stays_a_threat(extract):
    assert ("rebels", "THREATEN", "governor") in triples(extract("The rebels swore to kill the governor."))


def test_investigators_are_people_not_a_means(extract):
    # "investigators" names the mode of an investigation too; as an object it is still who is threatened
    found = triples(extract("Two men on a motorbike threatened three investigators outside the court."))
    assert ("two men", "THREATEN", "three investigators") in found


def test_the_infinitive_of_a_threat_noun_is_threatened_not_done(extract):
    # "threats to kill": no one was killed, the killing is what the threat says
    events = extract("The mafias issued threats to kill officials and judges.")
    kills = [e for e in events if e.action_lemma == "kill"]
    assert kills and all(e.event_type == "THREATEN" and e.modality == "threatened" for e in kills)
