"""A capture by the state's own forces is an arrest, and a raid by the police a search: PLOVER's COERCE, not
an abduction or an attack.

"Capture" is both: guerrillas who capture an engineer abduct him (ASSAULT), police who capture a gunman
arrest him. The verbs concerned are the ones the lexicon files both as an attack and as what is done to a
suspect (``cekg:verbTrigger`` of ASSAULT and ``cekg:suspectVerb``): "capture". A frame is an arrest when

- everyone said to act is a state's force or authority ("the police captured the gunman", "was
  captured by the army", "colombian authorities captured two suspects"), or no one is named and the
  captured are armed men or suspects ("35 criminals have been captured", "rebels were captured");
- and no one captured is a civilian: troops who capture villagers seize people, which reports tell as an
  abduction, not an arrest ("soldiers captured 13 civilians").

A raid by the police on a place ("police raided the offices of the firm", "a group of policemen raided the
parish centre") is a search, the force of the law on premises; a raid by troops or armed men ("troops
raided the village", "gunmen raided a farm") stays an attack, as does one on people ("police raided the
protesters").
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
    if trigger.pos_ == "VERB" and lemma in lex.search_verbs:  # cekg:searchVerb
        return _is_search(actors, targets, words)
    if trigger.pos_ != "VERB" or lemma not in lex.suspect_verbs or lex.verb_triggers.get(lemma) != "ASSAULT":
        return False
    hit = [t for t in targets if t is not None]
    if not hit or any(is_unarmed(t, words) for t in hit):
        return False
    given = [a for a in actors if a is not None]
    if given:
        return all(a.kind in STATE_KINDS for a in given)
    return all(is_fighter(t, words) for t in hit)  # armed men or suspects: "criminals", "two rebels"



def _is_search(actors: list[Actor | None], targets: list[Actor | None], words: Words) -> bool:
    """A raid by the police on places, not on people; one with troops beside them ("combined army and
    police forces") may be an assault on a stronghold, and stays as told."""
    given = [a for a in actors if a is not None]
    hit = [t for t in targets if t is not None]
    return bool(given and hit) and all(a.kind == "police" for a in given) and \
        all(t.kind not in ("civilians", "person", "armed_group") and not is_unarmed(t, words) for t in hit)
