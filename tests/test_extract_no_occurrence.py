"""Event words told of something that does not occur (extract/no_occurrence.py): pledges not to, existential
negation, abilities, exhortations, threats someone poses. Hand-built parses for the structure, and sentences
written for these tests against the pinned model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.extract.no_occurrence import (
    is_ability,
    is_exhortation,
    is_existential_negation,
    is_habit_passive,
    is_pledged_not,
    is_threat_posed,
)

VOCAB = spacy.blank("en").vocab


def _doc(rows):
    """(word, head index, dep, pos, lemma) rows -> a Doc."""
    words, heads, deps, pos, lemmas = zip(*rows, strict=True)
    return Doc(VOCAB, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos), lemmas=list(lemmas))


def test_a_pledge_not_to_attack_is_its_own_negation_under_will():
    doc = _doc([("they", 3, "nsubj", "PRON", "they"), ("will", 3, "aux", "AUX", "will"),
                ("not", 3, "neg", "PART", "not"), ("attack", 3, "ROOT", "VERB", "attack"),
                ("or", 3, "cc", "CCONJ", "or"), ("shell", 3, "conj", "VERB", "shell"),
                ("it", 5, "dobj", "PRON", "it")])
    assert is_pledged_not(doc[3]) and is_pledged_not(doc[5])  # the coordinated verb shares "will not"
    # "will not stop bombing it": the negation is the stopping's, the bombing goes on
    doc = _doc([("they", 3, "nsubj", "PRON", "they"), ("will", 3, "aux", "AUX", "will"),
                ("not", 3, "neg", "PART", "not"), ("stop", 3, "ROOT", "VERB", "stop"),
                ("bombing", 3, "xcomp", "VERB", "bomb"), ("it", 4, "dobj", "PRON", "it")])
    assert not is_pledged_not(doc[4])


def test_what_has_not_happened_or_is_not_happening_is_negated_in_the_present():
    def clause(aux, tag):  # "they <aux> not attacked"
        words = ["they", aux, "not", "attacked"]
        return Doc(VOCAB, words=words, heads=[3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT"],
                   pos=["PRON", "AUX", "PART", "VERB"], tags=["PRP", tag, "RB", "VBN"],
                   lemmas=["they", "have", "not", "attack"])[3]

    assert is_pledged_not(clause("have", "VBP")) and is_pledged_not(clause("has", "VBZ"))
    assert not is_pledged_not(clause("had", "VBD"))  # "had not attacked (by noon)": a moment of the past


def test_what_someone_can_do_is_an_ability():
    doc = _doc([("gangs", 2, "nsubj", "NOUN", "gang"), ("can", 2, "aux", "AUX", "can"),
                ("burn", 2, "ROOT", "VERB", "burn"), ("farms", 2, "dobj", "NOUN", "farm"),
                ("and", 2, "cc", "CCONJ", "and"), ("kill", 2, "conj", "VERB", "kill"),
                ("herders", 5, "dobj", "NOUN", "herder")])
    assert is_ability(doc[2]) and is_ability(doc[5])
    doc = _doc([("they", 1, "nsubj", "PRON", "they"), ("know", 1, "ROOT", "VERB", "know"),
                ("how", 4, "advmod", "SCONJ", "how"), ("to", 4, "aux", "PART", "to"),
                ("loot", 1, "xcomp", "VERB", "loot")])
    assert is_ability(doc[4])
    doc = _doc([("gangs", 2, "nsubj", "NOUN", "gang"), ("could", 2, "aux", "AUX", "could"),
                ("burn", 2, "ROOT", "VERB", "burn"), ("farms", 2, "dobj", "NOUN", "farm")])
    assert not is_ability(doc[2])  # "could" is a possibility, kept as the modality tells it


def test_let_us_strike_is_an_exhortation():
    doc = _doc([("Let", 0, "ROOT", "VERB", "let"), ("us", 2, "nsubj", "PRON", "we"),
                ("rise", 0, "ccomp", "VERB", "rise"), ("and", 2, "cc", "CCONJ", "and"),
                ("strike", 2, "conj", "VERB", "strike"), ("them", 4, "dobj", "PRON", "they")])
    assert is_exhortation(doc[2]) and is_exhortation(doc[4])
    doc = _doc([("They", 1, "nsubj", "PRON", "they"), ("let", 1, "ROOT", "VERB", "let"),
                ("guards", 3, "nsubj", "NOUN", "guard"), ("shoot", 1, "ccomp", "VERB", "shoot")])
    assert not is_exhortation(doc[3])  # "they let the guards shoot": permission given, told as done


def test_a_present_passive_in_a_relative_clause_is_a_habit():
    def relcl(auxes):  # "victims who <auxes> killed"
        words = ["victims", "who", *auxes, "killed"]
        n = len(words) - 1
        return Doc(VOCAB, words=words, heads=[0, n, *[n] * len(auxes), 0],
                   deps=["ROOT", "nsubjpass", *(["aux"] * (len(auxes) - 1)), "auxpass", "relcl"],
                   tags=["NNS", "WP", *(["VBP"] * len(auxes)), "VBN"])[n]

    assert is_habit_passive(relcl(["are"]))
    assert not is_habit_passive(relcl(["were"]))  # a past event
    assert not is_habit_passive(relcl(["are", "being"]))  # happening now: "who are being held"
    assert not is_habit_passive(relcl(["have", "been"]))  # "who have been killed": an event


def test_there_were_no_attacks_is_an_existential_negation():
    doc = _doc([("There", 1, "expl", "PRON", "there"), ("were", 1, "ROOT", "VERB", "be"),
                ("no", 3, "det", "DET", "no"), ("raids", 1, "attr", "NOUN", "raid"),
                ("or", 3, "cc", "CCONJ", "or"), ("murders", 3, "conj", "NOUN", "murder")])
    assert is_existential_negation(doc[3]) and is_existential_negation(doc[5])
    doc = _doc([("There", 1, "expl", "PRON", "there"), ("were", 1, "ROOT", "VERB", "be"),
                ("two", 3, "nummod", "NUM", "two"), ("raids", 1, "attr", "NOUN", "raid")])
    assert not is_existential_negation(doc[3])


def test_a_threat_posed_is_no_threat_made():
    doc = _doc([("militias", 1, "nsubj", "NOUN", "militia"), ("pose", 1, "ROOT", "VERB", "pose"),
                ("a", 3, "det", "DET", "a"), ("threat", 1, "dobj", "NOUN", "threat")])
    assert is_threat_posed(doc[3])
    doc = _doc([("militias", 1, "nsubj", "NOUN", "militia"), ("issued", 1, "ROOT", "VERB", "issue"),
                ("a", 3, "det", "DET", "a"), ("threat", 1, "dobj", "NOUN", "threat")])
    assert not is_threat_posed(doc[3])


NO_OCCURRENCE = [  # sentences of our own: nothing occurs, whoever is named
    "The rebels said they will not attack the polling stations.",
    "The commander promised that his men would not shell the camp.",
    "Peasants have not captured any hostages.",
    "Their fighters are not attacking the garrison.",
    "There were no attacks on the convoy yesterday.",
    "The spokesman said there will not be any more bombings of the power lines.",
    "The militia can destroy the bridge and kill the guards.",
    "Let us rise together and strike the invaders.",
    "The war takes the lives of villagers who are killed in indiscriminate shelling.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", NO_OCCURRENCE, ids=[t[:40] for t in NO_OCCURRENCE])
def test_an_event_that_does_not_occur_is_left_out(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


@pytest.mark.model
def test_a_threat_posed_is_left_out_and_a_threat_made_kept(extract):
    assert not [e for e in extract("The armed group poses a threat to the region.") if e.event_type == "THREATEN"]
    assert [e for e in extract("The armed group threatened the mayor.") if e.event_type == "THREATEN"]


KEPT = [  # the same words around an event that occurs, or may have: kept
    ("The army will not stop bombing the rebel camps.", "The army"),
    ("Officials said soldiers could have killed the priests.", "soldiers"),
    ("The rebels had not captured the envoy by noon.", "The rebels"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,actor", KEPT, ids=[t[:40] for t, _ in KEPT])
def test_an_event_that_occurs_or_may_have_is_kept(extract, text, actor):
    assert [e.actor.mention for e in extract(text) if e.event_type == "ASSAULT" and e.actor] == [actor]


# -------------------------------------------------------------------- years before (extract/years_before.py)
PASSING_MENTIONS = [  # an incident of years before, told in a clause that hangs on a noun or another clause
    "The brigade is named for the priest Camilo Ruiz, who was killed by soldiers in 1966.",
    "Ana Ruiz took over the party after its leader was assassinated in October 1985.",
]


@pytest.mark.model
@pytest.mark.parametrize("text", PASSING_MENTIONS, ids=[t[:40] for t in PASSING_MENTIONS])
def test_an_incident_of_years_before_told_in_passing_is_background(extract, text):
    from datetime import date

    assert not [e for e in extract(text, published=date(1990, 3, 1)) if e.event_type == "ASSAULT"]
    # with no date for the article, or a year before it, it is kept
    assert [e for e in extract(text) if e.event_type == "ASSAULT"]
    assert [e for e in extract(text, published=date(1967, 1, 5) if "1966" in text else date(1986, 1, 5))
            if e.event_type == "ASSAULT"]


@pytest.mark.model
def test_an_old_incident_told_as_the_sentences_own_statement_is_kept(extract):
    from datetime import date

    evs = extract("Soldiers killed the priest Camilo Ruiz in 1966.", published=date(1990, 3, 1))
    assert [e.actor.mention for e in evs if e.event_type == "ASSAULT"] == ["Soldiers"]
    # "since 1981" is a period up to the article's day, not the date of the killing
    evs = extract("The priest, who has been threatened by the gang since 1981, was killed by its gunmen.",
                  published=date(1990, 3, 1))
    assert [e for e in evs if e.event_type == "ASSAULT"]


def test_a_clock_time_of_wire_copy_is_no_year():
    from datetime import date

    from graphbuild.extract.years_before import _years

    assert _years("in May 1966", date(1990, 1, 1)) == [1966]
    assert _years("2130 [0330 gmt]", date(1990, 1, 1)) == []
    assert _years("1850", date(1990, 1, 1)) == []  # more than a century before: a time, not a year


@pytest.mark.model
def test_what_someone_did_in_the_past_is_a_record_that_still_names_who_attacks(extract):
    assert not extract("Police said the suspect has attacked army posts in the past.")
    (ev,) = extract("Rebels have attacked three army posts in the past few days.")  # recent: kept
    assert ev.target.mention == "three army posts"
    # the record is no incident, but says who attacks in the article
    evs = extract("The mayor was shot dead on Monday. Police said the Black Hand gang has attacked officials "
                  "in the past.")
    assert [(e.actor.mention, e.target.mention) for e in evs] == [("the Black Hand gang", "The mayor")]


@pytest.mark.model
def test_an_event_in_an_if_clause_is_a_condition(extract):
    # with no one doing it, nothing is told (non_events.is_unreal_and_anonymous); with its actor, hypothetical
    assert not extract("Searching the deputies is unpleasant, but it would be worse if a deputy were shot.")
    (ev,) = extract("If the rebels attack the convoy, the army will respond.")
    assert (ev.actor.mention, ev.modality) == ("the rebels", "hypothetical")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The gang is known for frequent kidnappings of traders on the coast road.",
    "The militias have been blamed for repeated massacres of herders.",
])
def test_events_in_the_plural_told_as_a_habit_are_a_record(extract, text):
    assert not [e for e in extract(text) if e.event_type == "ASSAULT"]


def test_a_habit_word_on_a_plural_event_noun_is_a_record_a_count_is_not():
    from graphbuild.extract.years_before import is_record

    def noun(modifier):  # "<modifier> kidnappings"
        return Doc(VOCAB, words=[modifier, "kidnappings"], heads=[1, 1], deps=["amod", "ROOT"],
                   pos=["ADJ", "NOUN"], tags=["JJ", "NNS"])[1]

    assert is_record(noun("frequent")) and not is_record(noun("two"))



@pytest.mark.model
def test_a_present_passive_of_support_is_a_state_and_kept(extract):
    evs = extract("The army stepped up its offensive against the rebels, which is backed by allied troops.")
    assert [e for e in evs if e.event_type == "SUPPORT"]
