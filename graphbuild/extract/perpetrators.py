"""The perpetrator an article names outside its attacks: the one armed group of the story.

Wire copy on one incident often tells the harm without an attacker ("a bomb wrecked the depot", "two
guards were killed") and names the group only where it says something else of it: what it wants, what
it denied, what the police think of it ("the River Front, which has fought the government since 1990,
..."). When an article names no attacker of its own, and names one armed group (a curated one, not a
word for a kind: "the rebels"), or one more than twice as often as all others together, that group is
the perpetrator the article is about; incidents.py lends it to the attacks told without one, at a lower
confidence.

The reverse also holds: a building or a vehicle told as the subject of harm ("a car loaded with dynamite
exploded", "a plane dropped a bomb on the market") is the means or the place, never who attacked.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..ontology import Ontology
    from ..records import Actor
    from .lexicon import Words

GROUP_LABELS = ("ORG", "NORP")
GENERIC = ("-armed-groups", "-backed-groups")  # "Salvadoran armed groups": a kind of group, not one


def named_group(doc: Doc, ontology: Ontology, after: int = 0) -> Actor | None:
    """The named armed group of the article's text after ``after`` (the dateline): the only one, or the one
    named more than twice as often as all others together; else None."""
    found: dict[str, Actor] = {}
    uses: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ not in GROUP_LABELS or ent.start_char < after:
            continue
        actor = ontology.resolve(ent.text, hint=ent.label_)
        if actor.kind == "armed_group" and actor.resolved and not actor.id.endswith(GENERIC):
            found[actor.id] = actor
            uses[actor.id] += 1
    if not uses:
        return None
    (top, n), *rest = uses.most_common()
    return found[top] if n > 2 * sum(k for _, k in rest) else None  # the story's group, others in passing


def is_means(tok: Token, words: Words) -> bool:
    """A building or vehicle as the side that acts in an attack: the means, not the attacker. One named or
    modified by who owns it ("an army truck", "a Salvadoran helicopter", "their planes") stands for its
    owner and stays."""
    if not words.is_facility(tok) or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON") or tok.pos_ == "PROPN":
        return False
    return not any(m.dep_ == "poss" or words.is_modifier_actor(m) for m in tok.subtree if m.i < tok.i)
