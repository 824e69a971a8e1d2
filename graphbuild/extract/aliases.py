"""Who a common noun is, when the text names it with a naming participle: "bands of armed men known as
colectivos", "a gang called the Owls", "a man named Luis Pena", "a faction dubbed the Black Hand". The
name is who the side is; the mention keeps the words as written, the name with them. The naming verbs are
the ontology's (``cekg:namingVerb``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Words


def known_as(tok: Token, words: Words) -> Span | None:
    """The name a naming participle gives the noun phrase of ``tok`` (its head, or the noun of its
    of-phrase: "bands of toughs known as ..."), when the participle follows the phrase; else None."""
    span = np_span(tok)
    for noun in (t for t in span if t.pos_ in ("NOUN", "PROPN")):
        for acl in noun.children:
            if not is_naming(acl, words) or acl.i < span.end:
                continue
            # right after the phrase ("toughs — known as", "extremists, better known as"), not the name of
            # something the phrase's own clause goes on to tell ("men who waited in front of a shop, called ...")
            if all(t.pos_ == "PUNCT" or t.head.i == acl.i for t in tok.doc[span.end:acl.i]):
                return np_span(_name_given(acl))
    return None


def is_naming(verb: Token, words: Words) -> bool:
    """ "a gang called the Owls": the participle gives a name; nobody calls on anyone (no REQUEST)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in words.lex.naming_verbs and \
        _name_given(verb) is not None


def _name_given(acl: Token) -> Token | None:
    names = [p for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
             if p.dep_ == "pobj"] + [c for c in acl.children if c.dep_ in ("oprd", "attr", "dobj")]
    return names[0] if len(names) == 1 and names[0].pos_ in ("NOUN", "PROPN") else None
