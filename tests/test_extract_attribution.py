"""Who did it, across the words and sentences of an article (sentences and parses of our own)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from graphbuild.extract.lexicon import words_of


def _doc(words, pos, ents=None):
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    for t in doc:
        t.lemma_ = t.lower_
    return doc


def test_a_curated_group_name_a_recaser_wrote_in_lower_case_can_act(ontology):
    # upper-case wire copy recased: "THE ELN KIDNAPPED" -> "The eln kidnapped", "eln" a common noun
    words = words_of(ontology)
    doc = _doc(["The", "eln", "kidnapped", "a", "rancher", "at", "night"],
               ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "NOUN"])
    assert words.is_actor_word(doc[1])
    assert not words.is_actor_word(doc[6])   # "night": no name, no actor noun
