"""Shootings told with "riddle": "was riddled with bullets by two gunmen", "riddled the car with machinegun
fire". "Riddle" (``cekg:weaponWithVerb``) is no trigger of its own ("a report riddled with errors"); with a weapon
in its with-phrase it is a shooting, told with the sides of any attack verb (verb_events.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import Words
from .sides import Frame
from .verb_events import verbal_frames

if TYPE_CHECKING:
    from spacy.tokens import Token


def riddled_frame(verb: Token, words: Words) -> Frame | None:
    """The shooting a "riddle ... with bullets" tells, or None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in words.lex.weapon_with_verbs:
        return None
    means = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
             for p in c.children if p.dep_ == "pobj" for t in p.subtree if t.i <= p.i and words.is_instrument(t)]
    if not means:
        return None
    frame = next(verbal_frames(verb, "ASSAULT", words), None)
    if frame is not None:
        frame.mode = frame.mode or words.mode_of(means[0])
    return frame
