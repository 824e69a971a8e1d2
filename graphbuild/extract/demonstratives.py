"""A land told as "this" or "that" after its name: "they fled Smyrna when the army invaded this borderland",
"the rebels held Kidal until troops stormed that town". The target of a verb of taking or hitting land (the
lexicon's territory words) written as a demonstrative and a common noun is the place named just before it:
the nearest place name earlier in the sentence, else in the sentence before. "The town" is left as written
(an article speaks of several); so is a demonstrative with a name of its own ("this Kurdish town")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import Arg, clean_mention, np_span

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

PLACES = ("GPE", "LOC")


def named_land(arg: Arg, trigger: Token, words: Words) -> Arg | None:
    """The place ``arg`` ("this borderland") stands for, as a side with the demonstrative as its words."""
    tok = arg.tok
    if arg.text is not None or tok.pos_ != "NOUN" or trigger.lemma_.lower() not in words.lex.territory_words:
        return None
    lefts = list(tok.lefts)
    if len(lefts) != 1 or lefts[0].lower_ not in ("this", "that") or tok.tag_ != "NN":
        return None
    sent = tok.sent
    doc = tok.doc
    earlier = [t for t in doc[sent.start:tok.i] if _place_name(t)]
    if not earlier and sent.start > 0:
        earlier = [t for t in doc[sent.start - 1].sent if _place_name(t)]
    if not earlier:
        return None
    return Arg(earlier[-1], said=clean_mention(np_span(tok).text))


def _place_name(tok: Token) -> bool:
    """The head of a place name: one the recogniser calls a place, or a name the gazetteer knows (the small
    model calls some towns a people)."""
    from ..gazetteer import locate

    if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "poss", "amod") or not tok.is_alpha:
        return False
    return tok.ent_type_ in PLACES or (tok.ent_type_ in ("", "NORP", "ORG") and locate(tok.text) is not None)
