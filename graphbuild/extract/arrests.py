"""A capture by the state's own forces is an arrest: PLOVER's COERCE, not an abduction.

"Capture" is both: guerrillas who capture an engineer abduct him (ASSAULT), police who capture a gunman
arrest him. The verbs concerned are the ones the lexicon files both as an attack and as what is done to a
suspect (``cekg:verbTrigger`` of ASSAULT and ``cekg:suspectVerb``): "capture". A frame is an arrest when

- everyone said to act is a state's force or authority ("the police captured the gunman", "was
  captured by the army", "colombian authorities captured two suspects"), or no one is named and the
  captured are armed men or suspects ("35 criminals have been captured", "rebels were captured");
- and no one captured is a civilian: troops who capture villagers seize people, which reports tell as an
  abduction, not an arrest ("soldiers captured 13 civilians").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .combat import is_fighter, is_unarmed

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .lexicon import Words

STATE_KINDS = ("military", "police", "government", "state")


def is_arrest(trigger: Token, actors: list[Actor | None], targets: list[Actor | None], words: Words) -> bool:
    """Whether an ASSAULT frame of ``trigger`` is a capture by the state, an arrest (COERCE)."""
    lemma, lex = trigger.lemma_.lower(), words.lex
    if trigger.pos_ != "VERB" or lemma not in lex.suspect_verbs or lex.verb_triggers.get(lemma) != "ASSAULT":
        return False
    hit = [t for t in targets if t is not None]
    if not hit or any(is_unarmed(t, words) for t in hit):
        return False
    given = [a for a in actors if a is not None]
    if given:
        return all(a.kind in STATE_KINDS for a in given)
    return all(is_fighter(t, words) for t in hit)  # armed men or suspects: "criminals", "two rebels"

