"""Sides as the text writes them, where the parse or the phrase hides them: a passive participle the tagger
read as a past tense, a bare count of victims, a group named by "known as". Hand-built parses where the rule
is about structure; sentences written for these tests against the pinned model where it is about words."""

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.extract import extract_events
from graphbuild.records import Document

VOCAB = spacy.blank("en").vocab


def run(onto, words, heads, deps, pos, tags, lemmas, ents):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas, ents=ents,
              sent_starts=[True] + [False] * (len(words) - 1))
    return list(extract_events(doc, Document("t", doc.text), onto))


def test_a_participle_with_a_by_agent_is_passive_whatever_its_tag(mini_ontology):
    # "Soleimani , killed by Iran , spoke ." with "killed" tagged past tense (VBD), as the tagger does
    # with "shot" between dashes: the by-agent still makes it a reduced passive, Iran the actor
    evs = run(mini_ontology,
              ["Soleimani", ",", "killed", "by", "Iran", ",", "spoke", "."], [6, 0, 0, 2, 3, 0, 6, 6],
              ["nsubj", "punct", "acl", "agent", "pobj", "punct", "ROOT", "punct"],
              ["PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "VERB", "PUNCT"],
              ["NNP", ",", "VBD", "IN", "NNP", ",", "VBD", "."],
              ["Soleimani", ",", "kill", "by", "Iran", ",", "speak", "."],
              ["B-PERSON", "O", "O", "O", "B-GPE", "O", "O", "O"])
    assert [(ev.actor.id, ev.target.mention) for ev in evs if ev.event_type == "ASSAULT"] == [("IRN", "Soleimani")]


COUNTS = [  # (sentence, the victims' mention, their label): a count of people is the victims
    ("The militants killed dozens in the village.", "dozens", "civilians"),
    ("The gunmen killed four guards and wounded 12 more.", "12 more guards", None),  # the guards counted before
    ("The rebels killed ten people and injured dozens more.", "dozens more people", None),  # "more" hung on the verb
    ("Gunmen killed three soldiers, and dozens more were wounded.", "dozens more soldiers", None),  # on the count
]


@pytest.mark.model
@pytest.mark.parametrize("text,mention,label", COUNTS, ids=[t[:40] for t, _, _ in COUNTS])
def test_a_bare_count_is_the_victims(extract, text, mention, label):
    hurt = [ev for ev in extract(text) if ev.event_type == "ASSAULT" and ev.target is not None
            and ev.target.mention == mention]
    assert len(hurt) == 1 and hurt[0].actor is not None
    assert label is None or hurt[0].target.label == label


@pytest.mark.model
def test_a_count_noun_with_its_people_is_no_bare_count(extract):
    (ev,) = [ev for ev in extract("The gunmen wounded dozens of students.") if ev.event_type == "ASSAULT"]
    assert ev.target.mention == "dozens of students" and ev.target.label != "civilians"


NAMED = [  # (sentence, the side's mention, its label): the name a naming participle gives is who it is
    ("Armed men known as the Black Hand burned the village.", "Armed men known as the Black Hand", "Black Hand"),
    ("Rebels shot a farmer named Tomas Ortega near the river.", "a farmer named Tomas Ortega", "Tomas Ortega"),
    ("Bands of armed youths, known as shabiha, beat the students.", "Bands of armed youths, known as shabiha",
     "shabiha"),
]


@pytest.mark.model
@pytest.mark.parametrize("text,mention,label", NAMED, ids=[t[:40] for t, _, _ in NAMED])
def test_a_name_given_by_known_as_or_named_is_the_side(extract, text, mention, label):
    sides = {(s.mention, s.label) for ev in extract(text) if ev.event_type == "ASSAULT"
             for s in (ev.actor, ev.target) if s is not None}
    assert (mention, label) in sides


@pytest.mark.model
def test_a_naming_participle_is_no_request(extract):
    evs = extract("Gunmen of a gang called the Owls shot a taxi driver.")
    assert [ev.event_type for ev in evs] == ["ASSAULT"] and evs[0].actor.label == "Owls"


@pytest.mark.model
def test_a_name_told_later_in_the_clause_is_not_the_sides(extract):
    # the participle names the shop, not the gunmen the clause is about
    (ev,) = extract("Ruiz was shot by two gunmen who waited in a car in front of his shop, called La Rosa.")
    assert ev.actor.mention == "two gunmen"


@pytest.mark.model
@pytest.mark.parametrize("text,label,kind", [
    ("The rebels attacked a farm known as La Esperanza.", "La Esperanza", "facility"),  # not a person
    ("Armed men known as the Black Hand burned the village.", "Black Hand", "armed_group"),
    ("Rebels shot a farmer named Tomas Ortega near the river.", "Tomas Ortega", "person"),
])
def test_a_name_the_ontology_does_not_know_is_of_its_heads_kind(extract, text, label, kind):
    assert (label, kind) in {(s.label, s.kind) for ev in extract(text) for s in (ev.actor, ev.target) if s}


def test_known_as_gives_the_name_right_after_the_phrase(ontology):
    from graphbuild.extract.aliases import is_naming, known_as
    from graphbuild.extract.lexicon import words_of

    # "men known as the Black Hand fled"
    doc = Doc(VOCAB, words=["men", "known", "as", "the", "Black", "Hand", "fled"], heads=[6, 0, 1, 5, 5, 2, 6],
              deps=["nsubj", "acl", "prep", "det", "compound", "pobj", "ROOT"],
              pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "PROPN", "VERB"],
              tags=["NNS", "VBN", "IN", "DT", "NNP", "NNP", "VBD"],
              lemmas=["man", "know", "as", "the", "Black", "Hand", "flee"])
    words = words_of(ontology)
    assert known_as(doc[0], words).text == "the Black Hand" and is_naming(doc[1], words)
    assert not is_naming(doc[6], words)
