"""Threats told from the side of whoever is threatened, and verbs of threat that are no threat.

"The mayor received death threats from a militia": the receiver is the target and the from-phrase the actor
(the subject of a light verb would be the actor). "The cabinet was sworn in", "a sworn statement": an oath,
not a vow against anyone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Words
from .sides import is_passive, passive_subjects, prep_objects, subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

def received_threat(noun: Token, words: Words) -> tuple[list[Token], list[Token]] | None:
    """(actor heads, target heads) of a threat its target receives ("X received threats from Y",
    "X has been facing a threat from Y"), or None when the noun is not the object of such a verb (the
    ontology's ``cekg:receivingVerb``)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in words.lex.receiving_verbs:
        return None
    targets = passive_subjects(verb) if is_passive(verb) else subjects(verb, words=words)
    actors = [a for h in (noun, verb) for a in prep_objects(h, ("from", "by"), words, places=True)
              if words.is_actor_word(a)]
    return actors, targets


def is_oath(verb: Token, words: Words) -> bool:
    """ "was sworn in", "swearing in the new governors", "swore an oath": taking office or testifying (what is
    sworn, the ontology's ``cekg:oathNoun``)."""
    if verb.lemma_.lower() != "swear":
        return False
    return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "in" and c.i == verb.i + 1 or
               c.dep_ in ("dobj", "nsubjpass") and c.lower_ in words.lex.oath_nouns for c in verb.children)
