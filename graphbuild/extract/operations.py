"""Military operations told as such: PLOVER's FIGHT (CAMEO 19, "use conventional military force"), not an
ASSAULT on people or property.

- an occupation ("the rebels occupied the town", "guerrillas are occupying the hotel"): CAMEO 192,
  "occupy territory". Who is hurt or killed in it is told by its own verbs ("killed two guests"), which
  stay as told;
- prisoners taken in the field ("the rebels captured three soldiers", "we captured six prisoners of war"):
  the capture of combatants by an armed side other than the state (the state's own arrests are
  COERCE, arrests.py). Civilians captured are abducted ("captured 13 villagers"), and machines of war
  captured ("capturing drones") are the hardware a side takes, both left as told;
- an offensive against an armed foe ("the army launched an offensive against the cartels", "a
  counteroffensive against the guerrillas"): a campaign of armed force, not one strike. One against
  people or property ("an offensive against private companies") stays an attack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .combat import ARMED_KINDS, is_combatant, is_unarmed, is_war_machine

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .lexicon import Words

OCCUPATION_VERBS = ("occupy",)
CAPTURE_VERBS = ("capture",)
OFFENSIVE_NOUNS = ("offensive", "counteroffensive")
PRISONER_NOUNS = ("prisoner", "prisoners", "pows")


def is_operation(trigger: Token, actors: list[Actor | None], targets: list[Actor | None], words: Words) -> bool:
    """Whether an ASSAULT frame of ``trigger`` is a military operation (FIGHT)."""
    lemma = trigger.lemma_.lower()
    hit = [t for t in targets if t is not None]
    if trigger.pos_ == "VERB" and lemma in OCCUPATION_VERBS:
        # with no place named it stays a statement of who attacks in the article (incidents.py)
        return bool(hit)
    if trigger.pos_ == "VERB" and lemma in CAPTURE_VERBS:
        given = [a for a in actors if a is not None]
        return bool(hit) and not any(a.kind in ("military", "police", "government", "state") for a in given) \
            and all(_taken_in_the_field(t, words) for t in hit)
    if trigger.pos_ == "NOUN" and lemma in OFFENSIVE_NOUNS:
        return bool(hit) and all(t.kind in ARMED_KINDS or is_combatant(t, words) for t in hit)
    return False


def _taken_in_the_field(side: Actor, words: Words) -> bool:
    """Combatants or prisoners ("three soldiers", "six prisoners of war", "two paramilitary members"), not
    civilians."""
    head = side.mention.lower().split(" of ")[0].split()[-1:] or [""]
    if head[0] in PRISONER_NOUNS:
        return True
    return not is_unarmed(side, words) and not is_war_machine(side, words) and is_combatant(side, words)
