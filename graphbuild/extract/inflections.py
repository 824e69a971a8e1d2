"""The lexicon's form of a verb the lemmatizer got wrong: "machinegunned" is lemmatized "machinegunne", and a
rare verb of attack ("dynamited", "machine-gunned", "riddled") would be missed with it."""

from __future__ import annotations

from collections.abc import Container
from typing import TYPE_CHECKING

from .lexicon import forms

if TYPE_CHECKING:
    from spacy.tokens import Token


def verb_lemma(tok: Token, listed: Container[str]) -> str:
    """The token's lemma; for a verb whose lemma is not ``listed``, the first regular stem that is ("-ed",
    "-ing", "-s" taken off, a doubled last consonant made single: "machinegunned" -> "machinegun").

    >>> import spacy
    >>> tok = spacy.blank("en")("machinegunned")[0]
    >>> tok.pos_, tok.lemma_ = "VERB", "machinegunne"
    >>> verb_lemma(tok, {"machinegun"}), verb_lemma(tok, {"gun"})
    ('machinegun', 'machinegunne')
    """
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma in listed:
        return lemma
    for f in forms(tok)[1:]:
        for stem in (f, f[:-1] if len(f) > 3 and f[-1] == f[-2] and f[-1] not in "aeiousl" else None):
            if stem and stem in listed:
                return stem
    return lemma
