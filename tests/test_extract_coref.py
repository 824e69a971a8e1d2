"""Sides that restate an entity: a name in apposition, coordinated persons (hand-built parses, and a table of
our own sentences against the pinned model)."""

import pytest
import spacy
from spacy.tokens import Doc

from graphbuild.extract import extract_events
from graphbuild.records import Document

VOCAB = spacy.blank("en").vocab


def run(onto, words, heads, deps, pos, lemmas, ents=None):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)
    return list(extract_events(doc, Document("t", doc.text), onto))


def test_a_name_in_apposition_to_a_noun_side_is_who_it_is(ontology):
    # "Gunmen killed the bodyguard , Jorge Ruiz ."
    (ev,) = run(ontology,
                ["Gunmen", "killed", "the", "bodyguard", ",", "Jorge", "Ruiz", "."],
                [1, 1, 3, 1, 3, 6, 3, 1],
                ["nsubj", "ROOT", "det", "dobj", "punct", "compound", "appos", "punct"],
                ["NOUN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"],
                ["gunman", "kill", "the", "bodyguard", ",", "Jorge", "Ruiz", "."],
                ents=["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    assert (ev.target.label, ev.target.mention, ev.target.kind) == ("Jorge Ruiz", "the bodyguard, Jorge Ruiz",
                                                                    "person")


@pytest.mark.model
@pytest.mark.parametrize("text, labels", [
    ("According to police, Varela and his companion Ana Lucia Duarte were abducted by armed men.",
     {"Varela", "Ana Lucia Duarte"}),
    ("Gunmen killed the mayor and his bodyguard, Jorge Ruiz, on the highway.", {"mayor", "Jorge Ruiz"}),
    ("Guerrillas murdered Ernesto Blanco, Carlos Mejia and Rosa Paz in the village.",
     {"Ernesto Blanco", "Carlos Mejia", "Rosa Paz"}),
    ("Soldiers at a checkpoint killed two local reporters, Mario Vega and Rosa Ibarra, on Sunday.",
     {"Mario Vega", "Rosa Ibarra"}),
])
def test_one_event_per_coordinated_person(extract, text, labels):
    assert {e.target.label for e in extract(text) if e.target is not None} == labels


@pytest.mark.model
@pytest.mark.parametrize("text, side, label, mention", [
    # the pronoun stays in the mention, the antecedent is the label
    ("ELN guerrillas attacked the police post on Monday. They killed two officers.", "actor",
     "National Liberation Army", "They (ELN guerrillas)"),
    # "he" is the person named nearby, not the army that reported it
    ("The Army said Colonel Luis Pena was ambushed near the bridge. He was shot twice.", "target",
     "Luis Pena", "He (Colonel Luis Pena)"),
])
def test_a_pronoun_side_keeps_its_words_and_names_its_antecedent(extract, text, side, label, mention):
    later = [e for e in extract(text) if e.sentence.startswith(mention.split()[0])]
    assert [(getattr(e, side).label, getattr(e, side).mention) for e in later] == [(label, mention)]


@pytest.mark.model
def test_a_description_told_as_written_adds_no_brackets(extract):
    events = extract("Farmers met the rebels near the river. The rebels later kidnapped two engineers.")
    assert {e.actor.mention for e in events if e.event_type == "ASSAULT"} == {"the rebels"}
