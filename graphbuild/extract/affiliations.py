"""Affiliations read from text, for the ontology layer: "X, which is part of Y" (partOf), "X, a member of Y"
(memberOf), "Iran-backed X" (backedBy), "groups allied under an umbrella known as Y" (memberOf)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..records import Actor, Affiliation, Document
from .lexicon import words_of
from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ontology import Ontology

def extract_affiliations(doc: Doc, document: Document, ontology: Ontology) -> Iterator[Affiliation]:
    words = words_of(ontology)
    seen: set[tuple] = set()
    for tok in doc:
        for subj, rel, obj in _facts(tok, words):
            s, o = _resolve(subj, ontology), _resolve(obj, ontology)
            if s is None or o is None or s.id == o.id or (key := (s.id, rel, o.id)) in seen:
                continue
            seen.add(key)
            yield Affiliation(s, rel, o, document.id, tok.sent.text.strip())


def _facts(tok: Token, words) -> Iterator[tuple[Token, str, Token]]:
    # "X, which is part of Y" / "X, a member of Y": the ontology's cekg:affiliationNoun, by its property
    part_nouns = words.lex.affiliation_nouns
    if tok.lemma_.lower() in part_nouns and tok.dep_ in ("attr", "appos"):
        owner = tok.head.head if tok.dep_ == "attr" and tok.head.dep_ == "relcl" else tok.head
        if tok.dep_ == "attr" and tok.head.dep_ != "relcl":
            owner = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if owner is not None and owner.pos_ in ("PROPN", "NOUN") and owner.lower_ not in ("which", "who"):
            for p in tok.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            yield owner, part_nouns[tok.lemma_.lower()], o
    # "Syria-backed Harakat Nour": the sponsor of a named group (generic groups are the ontology's job)
    if tok.lower_ in words.lex.sponsor_cues and tok.dep_ == "amod" and tok.head.pos_ == "PROPN":
        sponsors = [c for c in tok.lefts if c.dep_ in ("npadvmod", "compound", "nmod") and words.onto.state_of(c.text)]
        for s in sponsors:
            yield tok.head, "backedBy", s
    # "militias ... joined under a coalition calling itself Y"
    if tok.lemma_.lower() == "know" and tok.dep_ == "acl":
        as_obj = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children
                  if o.dep_ == "pobj"]
        umbrella = tok.head
        if as_obj and umbrella.dep_ == "pobj" and umbrella.head.lower_ == "under":
            verb = umbrella.head.head
            members = [c for c in verb.children if c.dep_ == "nsubj"] or (
                [verb.head] if verb.dep_ in ("acl", "relcl") else [])
            for m in members:
                if m.pos_ in ("NOUN", "PROPN") and m.lower_ not in ("which", "who"):
                    yield m, "memberOf", as_obj[0]


def _resolve(tok: Token, onto: Ontology) -> Actor | None:
    text = np_span(tok).text.strip(" ,;:")
    if not text or tok.pos_ == "PRON":
        return None
    return onto.resolve(text, hint=tok.ent_type_ or None)
