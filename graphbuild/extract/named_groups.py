"""The armed groups an article names anywhere in its text, not only as a side of an event.

Wire copy often names the group once in a sentence that reports no attack ("the Shining Path has been active
in the region for years", "a communique of the River Front said ...") and tells the attacks themselves with
a member noun ("terrorists attacked a bus"). The groups named here let entities.unify_groups give those
member nouns the article's one named group, as it does when the group is a side of an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..ontology import Ontology


def named_groups(doc: Doc, ontology: Ontology, after: int = 0) -> list[Actor]:
    """The curated armed groups named by the recogniser's organisations after ``after`` (the dateline), one
    each. Only groups the ontology knows by name count: an unknown name may be a party or a firm."""
    out: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP") or ent.start_char < after:
            continue
        actor = ontology.resolve(ent.text, hint=ent.label_)
        if actor.kind == "armed_group" and actor.resolved and actor.id != f"{actor.country}-armed-groups":
            out.setdefault(actor.id, actor)
    return list(out.values())
