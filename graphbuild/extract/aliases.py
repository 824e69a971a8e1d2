"""Who a common noun is, when the text names it with a naming participle: "bands of armed men known as
colectivos", "a gang called the Owls", "a man named Luis Pena", "a faction dubbed the Black Hand". The
name is who the side is; the mention keeps the words as written, the name with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NAMING = frozenset({"know", "call", "dub", "name", "nickname"})  # the participles that give a name


def known_as(tok: Token) -> Span | None:
    """The name a naming participle gives the noun phrase of ``tok`` (its head, or the noun of its
    of-phrase: "bands of toughs known as ..."), when the participle follows the phrase; else None.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["men", "known", "as", "the", "Black", "Hand", "fled"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[6, 0, 1, 5, 5, 2, 6],
    ...           deps=["nsubj", "acl", "prep", "det", "compound", "pobj", "ROOT"],
    ...           pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "PROPN", "VERB"], tags=["NNS", "VBN", "IN", "DT",
    ...           "NNP", "NNP", "VBD"], lemmas=["man", "know", "as", "the", "Black", "Hand", "flee"])
    >>> known_as(doc[0]).text
    'the Black Hand'
    """
    span = np_span(tok)
    for noun in (t for t in span if t.pos_ in ("NOUN", "PROPN")):
        for acl in noun.children:
            if acl.dep_ != "acl" or acl.tag_ != "VBN" or acl.lemma_.lower() not in NAMING or acl.i < span.end:
                continue
            # right after the phrase ("toughs — known as", "extremists, better known as"), not the name of
            # something the phrase's own clause goes on to tell ("men who waited in front of a shop, called ...")
            if any(t.pos_ != "PUNCT" and t.head.i != acl.i for t in tok.doc[span.end:acl.i]):
                continue
            name = _name_given(acl)
            if name is not None:
                return np_span(name)
    return None


def is_naming(verb: Token) -> bool:
    """ "a gang called the Owls": the participle gives a name; nobody calls on anyone (no REQUEST)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in NAMING and \
        _name_given(verb) is not None


def _name_given(acl: Token) -> Token | None:
    names = [p for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
             if p.dep_ == "pobj"] + [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj")]
    return names[0] if len(names) == 1 and names[0].pos_ in ("NOUN", "PROPN") else None
