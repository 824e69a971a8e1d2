"""Word lists of the extraction rules are the ontology's vocabulary: a user's ``--ontology`` file that adds a
word changes the reading (cekg:wagingVerb, cekg:wreckingVerb, cekg:civilWord, cekg:civilHardwareNoun,
cekg:seriesNoun, cekg:receivingVerb). Sentences of our own, against the pinned model."""

from __future__ import annotations

import pytest

USER_TTL = """@prefix cekg: <https://graphbuild.dev/ns/cekg#> .
@prefix plover: <https://graphbuild.dev/ns/plover#> .
plover:ASSAULT cekg:wagingVerb "prosecute" .
plover:FIGHT cekg:wreckingVerb "hammer" .
cekg:Military cekg:civilWord "rescue" ; cekg:civilHardwareNoun "aircraft" .
cekg:Event cekg:seriesNoun "flurry" .
plover:THREATEN cekg:receivingVerb "endure" .
"""


@pytest.fixture(scope="module")
def extract_with_user_words(nlp, tmp_path_factory):
    from graphbuild.extract import extract_events
    from graphbuild.ontology import load_ontology
    from graphbuild.records import Document

    mine = tmp_path_factory.mktemp("onto") / "mine.ttl"
    mine.write_text(USER_TTL)
    onto = load_ontology([mine])

    def run(text: str):
        return list(extract_events(nlp(text), Document("t", text), onto))

    return run


def _readings(events):
    return {(e.event_type, e.actor and e.actor.label, e.target and e.target.label) for e in events}


@pytest.mark.parametrize("text,bundled,with_user_words", [
    # a verb of waging the user adds: who prosecutes the war wages it
    ("Russia prosecuted a war against Ukraine.", set(), {("ASSAULT", "Russia", "Ukraine")}),
    # a verb of wrecking: machines wrecked where they stand are attacked, not fought
    ("The rebels hammered two helicopters.", {("FIGHT", "rebels", "two helicopters")},
     {("ASSAULT", "rebels", "two helicopters")}),
    # a civil word: a rescue helicopter is no machine of war
    ("The rebels hit two rescue helicopters.", {("FIGHT", "rebels", "two rescue helicopters")},
     {("ASSAULT", "rebels", "two rescue helicopters")}),
    # a civil hardware noun: aircraft are civilian unless their words say otherwise
    ("The rebels shot down two aircraft.", {("FIGHT", "rebels", "two aircraft")},
     {("ASSAULT", "rebels", "two aircraft")}),
    # a series noun: a flurry of attacks is a campaign, no incident
    ("The militia took part in a flurry of attacks on checkpoints.", {("ASSAULT", None, "checkpoints")}, set()),
    # a receiving verb: whoever endures threats is their target
    ("The judge endured death threats from the cartel.", set(), {("THREATEN", "cartel", "judge")}),
])
def test_a_word_a_user_ontology_adds_changes_the_reading(extract, extract_with_user_words, text, bundled,
                                                         with_user_words):
    assert _readings(extract(text)) == bundled
    assert _readings(extract_with_user_words(text)) == with_user_words


def test_the_moved_word_lists_are_read_from_the_bundled_ontology(ontology):
    lex = ontology.lexicon
    assert {"wage", "launch"} <= lex.waging_verbs and {"destroy", "torch"} <= lex.wrecking_verbs
    assert {"private", "fuel"} <= lex.civil_words and {"ship", "planes"} <= lex.civil_hardware_nouns
    assert {"wave", "possibility"} <= lex.series_nouns and "number" not in lex.series_nouns


@pytest.mark.parametrize("text,target", [
    ("An airstrike hit a missile launcher in the desert.", ("missile launcher", "military")),
    ("The army seized a launcher.", ("launcher", "military")),
])
def test_a_launcher_is_a_machine_of_war_not_a_facility(extract, ontology, text, target):
    assert "launcher" not in ontology.lexicon.facility_nouns
    assert target in {(e.target.label, e.target.kind) for e in extract(text) if e.target}
