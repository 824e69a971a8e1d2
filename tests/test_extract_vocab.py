"""Word lists of the extraction rules are the ontology's vocabulary: a user's ``--ontology`` file that adds a
word changes the reading (cekg:wagingVerb, cekg:wreckingVerb, cekg:civilWord, cekg:civilHardwareNoun,
cekg:seriesNoun, cekg:receivingVerb, and the lists moved next: cekg:attackerNoun, cekg:nonEventGerund,
cekg:unnamedNoun, cekg:describingVerb, cekg:personNoun, cekg:affiliationNoun, cekg:searchVerb,
cekg:settlementNoun, cekg:placeNoun, cekg:oathNoun, cekg:oneSided, cekg:meansOf).
Sentences of our own, against the pinned model."""

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


# the word lists moved next: what a user's file adds to each of them
MORE_USER_TTL = """@prefix cekg: <https://graphbuild.dev/ns/cekg#> .
@prefix plover: <https://graphbuild.dev/ns/plover#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
plover:ASSAULT cekg:attackerNoun "marauder" ; cekg:nonEventGerund "storm" .
cekg:Person cekg:unnamedNoun "figures" ; cekg:describingVerb "wielding" ; cekg:personNoun "locksmith" .
cekg:partOf cekg:affiliationNoun "cell" .
plover:COERCE cekg:searchVerb "storm" .
sem:Place cekg:settlementNoun "township" ; cekg:placeNoun "commune" .
plover:THREATEN cekg:oathNoun "allegiance" .
plover:mode-firearms cekg:oneSided true .
plover:mode-explosives cekg:meansOf cekg:Military .
"""


@pytest.fixture(scope="module")
def more_user_words(nlp, tmp_path_factory):
    from graphbuild.ontology import load_ontology

    mine = tmp_path_factory.mktemp("onto") / "more.ttl"
    mine.write_text(MORE_USER_TTL)
    return load_ontology([mine])


def _full_readings(doc, onto):
    from graphbuild.extract import extract_events
    from graphbuild.records import Document

    return {(e.event_type, e.actor and e.actor.label, e.actor and e.actor.mention, e.target and e.target.label,
             e.fatalities, e.place and e.place.label)
            for e in extract_events(doc, Document("t", doc.text), onto)}


@pytest.mark.parametrize("text,bundled,with_user_words", [
    # cekg:attackerNoun: an attacker hit with no one named hitting him is the attack's own casualty
    ("Two of the marauders were killed.", {("ASSAULT", None, None, "Two of the marauders", 2, None)}, set()),
    # cekg:nonEventGerund: the gerund of the verb is no attack
    ("The storming of the parliament by the rebels left three dead.",
     {("ASSAULT", "rebels", "the rebels", "parliament", None, None)}, set()),
    # cekg:unnamedNoun and cekg:describingVerb: unnamed people named by what they look like
    ("Two figures wearing masks shot the mayor.", {("ASSAULT", "Two figures", "Two figures", "mayor", None, None)},
     {("ASSAULT", "Two figures wearing masks", "Two figures wearing masks", "mayor", None, None)}),
    ("Two men wielding machetes attacked the farmer.", {("ASSAULT", "Two men", "Two men", "farmer", None, None)},
     {("ASSAULT", "Two men wielding machetes", "Two men wielding machetes", "farmer", None, None)}),
    # cekg:personNoun: "a locksmith" counts one victim
    ("A gunman killed a locksmith.", {("ASSAULT", "gunman", "A gunman", "locksmith", None, None)},
     {("ASSAULT", "gunman", "A gunman", "locksmith", 1, None)}),
    # cekg:searchVerb: the police storming offices search them
    ("Police stormed the offices of the newspaper.",
     {("ASSAULT", "Police", "Police", "offices of the newspaper", None, None)},
     {("COERCE", "Police", "Police", "offices of the newspaper", None, None)}),
    # cekg:settlementNoun: a verb of territory hits the township
    ("Troops shelled the township.", set(), {("ASSAULT", "Troops", "Troops", "township", None, None)}),
    # cekg:placeNoun: "the commune of X" names a place, whatever the recogniser says X is
    ("Gunmen killed two farmers in the commune of La Loma.",
     {("ASSAULT", "Gunmen", "Gunmen", "two farmers", 2, None)},
     {("ASSAULT", "Gunmen", "Gunmen", "two farmers", 2, "La Loma")}),
    # cekg:oathNoun: swearing allegiance is no threat
    ("The fighters swore allegiance to the emir.", {("THREATEN", "fighters", "The fighters", None, None, None)},
     set()),
    # cekg:oneSided: shooting at positions from afar is an attack, not a fight
    ("The rebels shot at army positions.", {("FIGHT", "rebels", "The rebels", "army positions", None, None)},
     {("ASSAULT", "rebels", "The rebels", "army positions", None, None)}),
    # cekg:meansOf: a country word of a bombing stands for that country's military
    ("A Turkish bombing hit the village.", {("ASSAULT", "Turkey", "Turkish", "village", None, None)},
     {("ASSAULT", "Turkish Armed Forces", "Turkish", "village", None, None)}),
])
def test_a_word_added_to_the_moved_lists_changes_the_reading(nlp, ontology, more_user_words, text, bundled,
                                                              with_user_words):
    doc = nlp(text)
    assert _full_readings(doc, ontology) == bundled
    assert _full_readings(doc, more_user_words) == with_user_words


def test_an_affiliation_noun_a_user_adds_relates_two_named_actors(nlp, ontology, more_user_words):
    from graphbuild.extract import extract_affiliations
    from graphbuild.records import Document

    text = "The Omega Brigade, a cell of Hezbollah, claimed the attack."
    doc = nlp(text)

    def facts(onto):
        return {(a.subject.label, a.relation, a.object.label)
                for a in extract_affiliations(doc, Document("t", text), onto)}

    assert facts(ontology) == set()
    assert facts(more_user_words) == {("Omega Brigade", "partOf", "Hezbollah")}


def test_the_lists_moved_next_are_read_from_the_bundled_ontology(ontology):
    lex = ontology.lexicon
    assert {"gunman", "kidnapper"} <= lex.attacker_nouns and {"fire", "target"} <= lex.non_event_gerunds
    assert {"men", "individuals"} <= lex.unnamed_nouns and {"wearing", "dressed"} <= lex.describing_verbs
    assert {"policeman", "driver"} <= lex.person_nouns and lex.search_verbs == {"raid"}
    assert lex.affiliation_nouns["wing"] == "partOf" and lex.affiliation_nouns["faction"] == "memberOf"
    assert "town" in lex.settlement_nouns and "capital" not in lex.settlement_nouns
    assert lex.settlement_nouns < lex.place_nouns and {"state", "capital"} <= lex.place_nouns
    assert "oath" in lex.oath_nouns
    assert lex.one_sided_modes == {"aerial", "drone", "missile", "artillery", "explosives", "suicide bombing",
                                   "naval"}
    assert lex.mode_sectors == dict.fromkeys(("aerial", "drone", "missile", "artillery", "naval"), "military")


def test_an_event_noun_is_typed_by_its_lemma_then_as_written(nlp, ontology):
    from graphbuild.extract.lexicon import words_of

    words = words_of(ontology)
    doc = nlp("The airstrikes and the sanctions hit the town.")
    assert [words.noun_type(t) for t in doc if t.pos_ == "NOUN"][:2] == ["ASSAULT", "SANCTION"]
    assert words.noun_type(doc[-2]) is None
