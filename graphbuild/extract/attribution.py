"""Who did it, as analysts name it: the small rules of attribution that sit between a side's words and its actor.

- a word for the kind of attacker that modifies the event noun ("a terrorist attack", "a guerrilla raid")
  names people of that kind: the actor is "terrorists", "guerrillas", the mention stays as written, so the
  attacker of "a terrorist attack" is the same actor as the "terrorists" of the next sentence;
- unnamed people are named by what they look like: "men wearing army uniforms", "two youths riding a
  motorcycle", "individuals dressed as police" keep that participle phrase in their mention, as coders of
  attacks by unidentified people write them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..ontology import Ontology
    from ..records import Actor
    from .lexicon import Words


def kind_of_people(actor: Actor, words: Words, onto: Ontology) -> Actor:
    """The people a singular kind word stands for ("terrorist" of "a terrorist attack" -> terrorists), or
    the actor unchanged (a name, a plural, a word that is no kind of people)."""
    word = actor.mention.lower()
    if actor.resolved or " " in word or word.endswith("s") or f"{word}s" not in words.actor_nouns:
        return actor
    return replace(onto.resolve(f"{word}s"), mention=actor.mention)


def described(span: Span, head: Token, words: Words) -> Span:
    """The noun phrase ``span`` of an unnamed people noun (``cekg:unnamedNoun``) with the participle phrase
    that describes them (``cekg:describingVerb``: "men wearing army uniforms"); ``span`` itself for any other
    side."""
    unnamed = words.lex.unnamed_nouns
    if head.lower_ not in unnamed and head.lemma_.lower() not in unnamed:
        return span
    for c in head.rights:
        if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and c.lower_ in words.lex.describing_verbs and \
                c.i >= span.end:
            if all(t.is_punct is False for t in span.doc[span.end:c.i]):
                return span.doc[span.start:c.right_edge.i + 1]
    return span
