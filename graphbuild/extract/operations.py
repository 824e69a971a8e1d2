"""Military operations told as such: PLOVER's FIGHT (CAMEO 19, "use conventional military force"), not an
ASSAULT on people or property.

- an occupation ("the rebels occupied the town", "guerrillas are occupying the hotel"): CAMEO 192,
  "occupy territory". Who is hurt or killed in it is told by its own verbs ("killed two guests"), which
  stay as told;
- prisoners taken in the field ("the rebels captured three soldiers", "we captured six prisoners of war"):
  the capture of combatants by an armed side other than the state (the state's own arrests are
  COERCE, arrests.py). Civilians captured are abducted ("captured 13 villagers"), and machines of war
  captured ("capturing drones") are the hardware a side takes, both left as told;
- combatants hit with no one named in a sentence that tells of an operation ("56 rebels have been killed
  since the start of the offensive", "one guerrilla was killed and four soldiers wounded in this action"):
  the toll of the fighting, whoever fought. With an attacker named it stays as told ("militants killed
  five soldiers during the operation");
- an offensive against an armed foe ("the army launched an offensive against the cartels", "a
  counteroffensive against the guerrillas"): a campaign of armed force, not one strike. One against
  people or property ("an offensive against private companies") stays an attack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .arrests import STATE_KINDS
from .combat import ARMED_KINDS, is_combatant, is_unarmed, is_war_machine

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .lexicon import Words

OCCUPATION_VERBS = ("occupy",)
CAPTURE_VERBS = ("capture",)
OFFENSIVE_NOUNS = ("offensive", "counteroffensive")
PRISONER_NOUNS = ("prisoner", "prisoners", "pows")
OPERATION_NOUNS = ("offensive", "counteroffensive", "operation", "action")  # "in this action", "armed actions"


def is_operation(trigger: Token, actors: list[Actor | None], targets: list[Actor | None], words: Words) -> bool:
    """Whether an ASSAULT frame of ``trigger`` is a military operation or its toll (FIGHT)."""
    lemma = trigger.lemma_.lower()
    hit = [t for t in targets if t is not None]
    if hit and not any(a is not None for a in actors) and _toll_of_operation(trigger, hit, words):
        return True
    if trigger.pos_ == "VERB" and lemma in OCCUPATION_VERBS:
        # with no place named it stays a statement of who attacks in the article (incidents.py)
        return bool(hit)
    if trigger.pos_ == "VERB" and lemma in CAPTURE_VERBS:
        given = [a for a in actors if a is not None]
        return bool(hit) and not any(a.kind in STATE_KINDS for a in given) \
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


def _toll_of_operation(trigger: Token, hit: list[Actor], words: Words) -> bool:
    """Combatants hit, in a sentence that tells of an operation (its noun, not the trigger itself)."""
    if not all(is_combatant(t, words) and not is_unarmed(t, words) and not is_war_machine(t, words) for t in hit):
        return False
    return any(t.i != trigger.i and t.pos_ == "NOUN" and t.lemma_.lower() in OPERATION_NOUNS and _of_arms(t)
               for t in trigger.sent)


def _of_arms(noun: Token) -> bool:
    """An operation noun that tells of armed force: "action" only as one action or an armed one ("in this
    action", "armed actions"); "these actions" are as often the attacks told before."""
    if noun.lemma_.lower() != "action":
        return True
    return noun.tag_ == "NN" or any(c.lower_ in ("armed", "military") for c in noun.children)
