"""Who did it, as analysts name it: the small rules of attribution that sit between a side's words and its actor.

- a word for the kind of attacker that modifies the event noun ("a terrorist attack", "a guerrilla raid")
  names people of that kind: the actor is "terrorists", "guerrillas", the mention stays as written, so the
  attacker of "a terrorist attack" is the same actor as the "terrorists" of the next sentence;
- unnamed people are named by what they look like: "men wearing army uniforms", "two youths riding a
  motorcycle", "individuals dressed as police" keep that participle phrase in their mention, as coders of
  attacks by unidentified people write them;
- a fighting formation acts: "a rebel column", "a guerrilla unit", "the 6th military detachment", "an
  army patrol" (the lexicon's formation nouns, but "positions", which are places);
- a noun for the role of whoever did it, with nothing that says who ("the authors of this crime", "the
  perpetrators of the attack", "the masterminds of the massacre"), and a word for an event ("the crimes",
  "all these actions") name no one: they are no actor, and an attack told with one is left for the rules
  that find its attacker elsewhere (incidents.py). A kind of people ("paid assassins", "the killers") and
  a role with a name ("the FMLN masterminds", "Ana Ruiz, the author of ...") still act.
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


# the nouns of perpetratorNoun that say only that someone did it, not what kind of people they are
ROLE_ONLY = frozenset({"author", "perpetrator", "mastermind", "instigator", "organiser", "organizer", "culprit",
                       "executor"})


PLACES = frozenset({"position", "positions"})  # formation nouns that name where a side is, not who


def is_formation(tok: Token, words: Words) -> bool:
    """A noun for a fighting formation, which can act ("killed by a rebel column")."""
    return tok.pos_ == "NOUN" and tok.lower_ not in PLACES and (
        tok.lower_ in words.lex.formation_nouns or tok.lemma_.lower() in words.lex.formation_nouns)


def names_no_one(tok: Token, words: Words) -> bool:
    """The head of a side that names no one who could act: a word for an event ("the crimes"), or a role
    noun of whoever did it with no name, country word or possessor that says who ("the authors of the
    crime"; not "the FMLN masterminds", "the cartel's hired perpetrators")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN":
        return False
    if lemma in words.event_words:
        return True
    if lemma not in ROLE_ONLY:
        return False
    return not any(t.dep_ in ("poss", "compound", "amod", "nmod", "appos") and (
        words.is_actor_word(t) or t.pos_ == "PROPN") for t in tok.children)


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
