"""Rule logic on hand-built parses (no model): the structures the extractor relies on."""

import spacy
from spacy.tokens import Doc

from graphbuild.extract import extract_events
from graphbuild.records import Document

VOCAB = spacy.blank("en").vocab  # lexical attributes (lower case, shape) without a trained model


def parsed(words, heads, deps, pos, lemmas, ents=None):
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1), ents=ents)
    return doc


def run(doc, onto):
    return list(extract_events(doc, Document("t", doc.text), onto))


def test_active_voice(mini_ontology):
    # "Iran attacked US bases ."
    doc = parsed(["Iran", "attacked", "US", "bases", "."], [1, 1, 3, 1, 1],
                 ["nsubj", "ROOT", "compound", "dobj", "punct"], ["PROPN", "VERB", "PROPN", "NOUN", "PUNCT"],
                 ["Iran", "attack", "US", "base", "."], ents=["B-GPE", "O", "B-GPE", "O", "O"])
    (ev,) = run(doc, mini_ontology)
    assert (ev.actor.id, ev.event_type, ev.target.kind, ev.modality) == ("IRN", "ASSAULT", "facility", "asserted")


def test_passive_with_agent(mini_ontology):
    # "Iraq was attacked by Iran ."
    doc = parsed(["Iraq", "was", "attacked", "by", "Iran", "."], [2, 2, 2, 2, 3, 2],
                 ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                 ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"], ["Iraq", "be", "attack", "by", "Iran", "."])
    (ev,) = run(doc, mini_ontology)
    assert (ev.actor.id, ev.target.id) == ("IRN", "IRQ")


def test_instrument_subject_is_no_actor(mini_ontology):
    # "A missile hit Iraq ."
    doc = parsed(["A", "missile", "hit", "Iraq", "."], [1, 2, 2, 2, 2],
                 ["det", "nsubj", "ROOT", "dobj", "punct"], ["DET", "NOUN", "VERB", "PROPN", "PUNCT"],
                 ["a", "missile", "hit", "Iraq", "."])
    (ev,) = run(doc, mini_ontology)
    assert ev.actor is None and ev.target.id == "IRQ" and ev.mode == "missile"


def test_claim_is_modality(mini_ontology):
    # "Kataib Hezbollah claimed attacks on US bases ."
    doc = parsed(["Kataib", "Hezbollah", "claimed", "attacks", "on", "US", "bases", "."],
                 [1, 2, 2, 2, 3, 6, 4, 2],
                 ["compound", "nsubj", "ROOT", "dobj", "prep", "compound", "pobj", "punct"],
                 ["PROPN", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "NOUN", "PUNCT"],
                 ["Kataib", "Hezbollah", "claim", "attack", "on", "US", "base", "."])
    (ev,) = run(doc, mini_ontology)
    assert (ev.actor.id, ev.event_type, ev.modality) == ("kataib-hezbollah", "ASSAULT", "claimed")
    assert ev.target.country == "USA"
