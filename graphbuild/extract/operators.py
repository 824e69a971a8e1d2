"""Who flies or sails a machine of war that a modifier names: "coalition warplanes bombed the port", "Army
helicopters fired on the crowd", "Saudi-led coalition jets". A machine with no country word is the means,
not who acts (events.py drops it); a modifier that names an actor (a group or sector noun, an organisation)
is its operator, and the operator is the actor. "fighter jets", "two jets", "unmarked helicopters" name none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import Arg

if TYPE_CHECKING:
    from .lexicon import Words


def operator(arg: Arg, words: Words) -> Arg | None:
    """The side that operates the machine ``arg`` names, when a modifier names it ("coalition" of "coalition
    warplanes", "Saudi-led coalition" of "Saudi-led coalition jets"); None otherwise."""
    tok = arg.tok
    if arg.text is not None:
        return None
    for mod in tok.lefts:
        if mod.dep_ not in ("compound", "nmod") or not _names_operator(mod, words):
            continue
        # "Saudi-led" before "coalition": the leader is part of the name of who operates it
        led = [c for c in tok.lefts if c.i < mod.i and c.dep_ == "amod" and c.pos_ == "VERB"]
        start = min([mod.left_edge.i] + [c.left_edge.i for c in led])
        return Arg(mod, tok.doc[start:mod.i + 1].text)
    return None


def _names_operator(mod, words: Words) -> bool:
    """An institution ("army", "coalition", "police") or a name ("Hezbollah"), not a kind of machine
    ("fighter" of "fighter jets") or a count."""
    if words.is_instrument(mod) or words.is_hardware(mod) or mod.pos_ not in ("NOUN", "PROPN"):
        return False
    if mod.pos_ == "NOUN":
        return mod.lemma_.lower() in words.lex.sector_nouns or mod.lower_ in words.lex.sector_nouns
    return words.is_modifier_actor(mod)
