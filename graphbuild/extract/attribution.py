"""Who did it, as analysts name it: the small rules of attribution that sit between a side's words and its actor.

- a word for the kind of attacker that modifies the event noun ("a terrorist attack", "a guerrilla raid")
  names people of that kind: the actor is "terrorists", "guerrillas", the mention stays as written, so the
  attacker of "a terrorist attack" is the same actor as the "terrorists" of the next sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
