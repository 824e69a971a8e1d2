"""Sanctions that "hit" someone: "US sanctions hit the bank", "the new embargo struck the port". A verb of
attack whose subject is the noun of a sanction (PLOVER SANCTION: sanctions, an embargo, a blacklisting)
tells a figure of speech, not an attack: the sanction is aimed at whom the verb hits, "US sanctions hit the
bank" is the United States sanctioning the bank. (Subjects of other kinds of event are left as they are: a
verb of attack says less clearly what "the raid" or "the arrest" did.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words


def sanction_subjects(subjects: list[Token], words: Words) -> bool:
    """Whether the subjects of an attack verb are all nouns of a sanction (no attack means).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> from graphbuild.extract.lexicon import words_of
    >>> from graphbuild.ontology import load_ontology
    >>> doc = Doc(spacy.blank("en").vocab, words=["US", "sanctions", "hit", "the", "bank"],
    ...           pos=["PROPN", "NOUN", "VERB", "DET", "NOUN"], lemmas=["US", "sanction", "hit", "the", "bank"])
    >>> words = words_of(load_ontology())
    >>> sanction_subjects([doc[1]], words), sanction_subjects([doc[4]], words)
    (True, False)
    """
    return bool(subjects) and all(
        words.is_event_noun(s) and words.noun_type(s) == "SANCTION" for s in subjects)
