"""Who carried out an event told only by a word for an event ("the incident", "this act", "the crime").

Such a noun names no kind of event, so it is no event of its own; but the sentence around it often says who
did it, and that is the perpetrator of the attack the article tells in the sentences near it ("a bomb
wrecked two cars ... the incident, for which the River Front is held responsible, ..."). The frames here are
statements of that: an ASSAULT with an actor and no target, which incidents.py lends to a nearby attack told
without one and never outputs. The actor comes from

- the by-phrase or a participle: "the crime perpetrated by armed men", "the act, attributed to the cell";
- the verb that governs the noun, as for any event noun: "the cell claimed responsibility for the incident";
- a relative clause of blame: "the incident, for which the rebels are held responsible";
- "the work of": "the act was the work of the River Front".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .noun_events import nominal_frames
from .noun_phrases import Arg
from .sides import Frame, is_passive, passive_subjects

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words


def statement_frames(noun: Token, words: Words) -> Iterator[Frame]:
    """The statement of who did the event a definite event word stands for (none when the sentence does not
    say, or when the noun has a target of its own: then it is not about an attack told elsewhere)."""
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another", "no", "any", "some")
               for c in noun.lefts):
        return  # "an act of courage", "a crime": not one told before
    for frame in nominal_frames(noun, "ASSAULT", words):
        if frame.actors and not frame.targets:
            yield frame
            return
    actors, modality = _blame_clause(noun, words)
    if not actors:
        actors = _work_of(noun)
    if actors:
        yield Frame(noun, "ASSAULT", actors=[Arg(a) for a in actors], text=noun.text, modality=modality)


def _blame_clause(noun: Token, words: Words) -> tuple[list[Token], str | None]:
    """ "the incident, for which the rebels are held responsible" (alleged), "..., for which the cell claimed
    responsibility" (claimed)."""
    for rel in noun.children:
        if rel.dep_ != "relcl" or not any(p.dep_ == "prep" and any(w.lower_ == "which" for w in p.children)
                                          for p in rel.subtree):
            continue
        cue = words.token_cue(rel) or next((c for x in rel.children if x.dep_ in ("oprd", "acomp", "dobj")
                                            and (c := words.cue(f"{rel.lemma_.lower()} {x.lower_}")
                                                 or words.token_cue(x))), None)  # "held responsible"
        if cue not in ("alleged", "claimed"):
            continue
        heads = passive_subjects(rel) if is_passive(rel) else [c for c in rel.children if c.dep_ == "nsubj"]
        heads = [h for h in heads if h.lower_ != "which"]
        if heads:
            return heads, cue
    return [], None


def _work_of(noun: Token) -> list[Token]:
    """ "the act was the work of the River Front"."""
    if noun.dep_ != "nsubj":
        return []
    return [p for attr in noun.head.children if attr.dep_ == "attr" and attr.lemma_.lower() == "work"
            for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
