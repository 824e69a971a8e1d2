"""Classes of misses on modern conflict news (issue 10): sentences written for these tests, against the pinned
model (en_core_web_sm 3.8), and hand-built parses where the rule is about structure."""

import pytest

from graphbuild.evaluate import norm

pytestmark = pytest.mark.model


def triples(events):
    return {(e.actor and norm(e.actor.mention), e.event_type, e.target and norm(e.target.mention)) for e in events}


CASES = [
    # people named by what they do, though the same word names a means ("hackers" of a cyber attack)
    ("Pro-government hackers hijacked the news agency's website.",
     {("pro government hackers", "ASSAULT", "news agency website")}),
    # verbs of attack missing from the lexicon
    ("The strike was claimed by the navy, which sank a Russian landing ship off the coast.",
     {("navy", "ASSAULT", "russian landing ship")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_triples(extract, text, expected):
    assert expected <= triples(extract(text))


def test_no_attack_without_a_victim(extract):
    assert not [e for e in extract("Economic growth sank to two percent last year.") if e.event_type == "ASSAULT"]
