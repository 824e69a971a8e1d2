"""Incidents told with a trigger the lexicon lacked (issue 10, MUC-4 recall): verbs of bombing and shooting
that news wire uses. Sentences written for these tests, against the pinned model."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def assaults(events):
    return {(norm(e.actor.mention) if e.actor else None, norm(e.target.mention) if e.target else None)
            for e in events if e.event_type == "ASSAULT"}


TRIGGERS = [  # (sentence, (actor, target))
    ("Rebels dynamited the bridge on Monday.", ("rebels", "bridge")),
    ("The cargo plane was dynamited by drug gangs at the airport.", ("drug gangs", "cargo plane")),
    ("The newspaper offices, which were dynamited by cartel gunmen last week, reopened.",
     ("cartel gunmen", "newspaper offices")),
    ("Unidentified men machinegunned the judge outside his home.", ("unidentified men", "judge")),
    ("The bus was machinegunned by gunmen near the border.", ("gunmen", "bus")),
]


@pytest.mark.parametrize("text,pair", TRIGGERS, ids=[t[:40] for t, _ in TRIGGERS])
def test_verbs_of_bombing_and_shooting_are_assaults(extract, text, pair):
    assert pair in assaults(extract(text))


ARSON = [  # "set" fire: what burns is the target (arson.py)
    ("Guerrillas set fire to three buses on the highway.", ("guerrillas", "three buses")),
    ("The rebels set two schools on fire.", ("rebels", "two schools")),
    ("Two trucks were set on fire by the rebels.", ("rebels", "two trucks")),
    ("The gang burned two buses and set fire to a warehouse.", ("gang", "warehouse")),
]


@pytest.mark.parametrize("text,pair", ARSON, ids=[t[:40] for t, _ in ARSON])
def test_setting_fire_is_an_attack_on_what_burns(extract, text, pair):
    assert pair in assaults(extract(text))


@pytest.mark.parametrize("text", ["The army set a deadline for the talks.",
                                  "The monk set himself on fire outside the embassy."])
def test_a_set_that_burns_nothing_else_is_no_attack(extract, text):
    assert not assaults(extract(text))


def test_set_ablaze_has_the_building_as_target(nlp, ontology):
    """Hand-built reading of the model's parse: "the station" is the subject of "ablaze", a ccomp of "set"."""
    from spacy.tokens import Doc

    from graphbuild.extract.arson import arson_frame
    from graphbuild.extract.lexicon import words_of

    words = ["Rioters", "set", "the", "station", "ablaze", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 3, 4, 1, 1],
              deps=["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
              pos=["NOUN", "VERB", "DET", "NOUN", "ADJ", "PUNCT"],
              tags=["NNS", "VBD", "DT", "NN", "JJ", "."],
              lemmas=["rioter", "set", "the", "station", "ablaze", "."])
    frame = arson_frame(doc[1], words_of(ontology))
    assert frame is not None and [a.tok.text for a in frame.targets] == ["station"]
    assert [a.tok.text for a in frame.actors] == ["Rioters"]


HOSTAGES = [  # "hold"/"take" + "hostage": an abduction by whoever holds (hostages.py)
    ("The ambassador and two diplomats are being held hostage by members of a rebel front.",
     ("members of a rebel front", "ambassador and two diplomats")),
    ("Rebels held the ambassador hostage for a week.", ("rebels", "ambassador")),
    ("The engineer was held captive by the guerrillas for a month.", ("guerrillas", "engineer")),
    ("The rebels took a group of tourists as hostages.", ("rebels", "group of tourists")),
    ("The gunmen fled, taking as hostages two engineers of the company.", ("gunmen", "two engineers of the company")),
]


@pytest.mark.parametrize("text,pair", HOSTAGES, ids=[t[:40] for t, _ in HOSTAGES])
def test_holding_hostages_is_an_abduction(extract, text, pair):
    assert pair in assaults(extract(text))


@pytest.mark.parametrize("text", ["The police held the minister responsible.",
                                  "The army took control of the town."])
def test_holding_and_taking_without_hostages_is_no_attack(extract, text):
    assert not assaults(extract(text))


RIDDLED = [  # "riddle" with a firearm: a shooting (riddling.py)
    ("The judge was riddled with bullets by two gunmen.", ("two gunmen", "judge")),
    ("Gunmen riddled the car with bullets.", ("gunmen", "car")),
    ("A group of men stormed the house and riddled the priests with machinegun fire.",
     ("group of men", "priests")),
]


@pytest.mark.parametrize("text,pair", RIDDLED, ids=[t[:40] for t, _ in RIDDLED])
def test_riddled_with_bullets_is_a_shooting(extract, text, pair):
    assert pair in assaults(extract(text))


def test_riddled_with_anything_else_is_no_attack(extract):
    assert not assaults(extract("The report was riddled with errors."))


USER_TTL = """@prefix cekg: <https://graphbuild.dev/ns/cekg#> .
@prefix plover: <https://graphbuild.dev/ns/plover#> .
plover:ASSAULT cekg:weaponWithVerb "pepper" ; cekg:captiveWord "prisoner" .
"""


@pytest.mark.parametrize("text,pair", [
    ("Gunmen peppered the car with bullets.", ("gunmen", "car")),
    ("The engineer was held prisoner by the guerrillas.", ("guerrillas", "engineer")),
])
def test_the_words_of_these_idioms_are_the_ontologys(nlp, tmp_path, extract, text, pair):
    from graphbuild.extract import extract_events
    from graphbuild.ontology import load_ontology
    from graphbuild.records import Document

    mine = tmp_path / "mine.ttl"
    mine.write_text(USER_TTL)
    onto = load_ontology([mine])
    assert pair not in assaults(extract(text))
    assert pair in assaults(extract_events(nlp(text), Document("t", text), onto))
