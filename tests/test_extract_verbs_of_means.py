"""Verbs of attack named by their means ("machinegunned", "dynamited", "riddled with bullets"), also when
the lemmatizer gets their lemma wrong: sentences of our own against the pinned model."""

import pytest

CASES = [
    ("Unidentified individuals machinegunned the minister's car as he left his home.",
     "Unidentified individuals", "the minister's car"),
    ("The judge was riddled with bullets by three young men.", "three young men", "The judge"),
    ("The rebels dynamited the bridge over the river.", "The rebels", "the bridge"),
]


@pytest.mark.parametrize(("text", "actor", "target"), CASES)
def test_a_verb_of_attack_by_its_means_is_an_attack(extract, text, actor, target):
    found = [(e.actor.mention if e.actor else None, e.target.mention) for e in extract(text)
             if e.event_type == "ASSAULT" and e.target is not None]
    assert (actor, target) in found, found


def test_the_words_of_means_are_no_attack_as_nouns(extract):
    # "dynamite" and "riddle" as nouns: a means and a puzzle, no event of their own
    assert [e for e in extract("The riddle of the missing dynamite puzzled the miners.")
            if e.event_type == "ASSAULT"] == []
