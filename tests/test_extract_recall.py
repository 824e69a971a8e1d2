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
