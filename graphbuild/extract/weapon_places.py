"""Where a weapon was left: the place it hits, not the wider setting around that place.

"Placed a bomb outside the town hall in the parking lot", "hurled bombs at a temple in the capital": the
place the weapon is put at, outside, near or on is the target; a further in-phrase says where that place
is, and is no second target. An in-phrase alone ("left a bomb in the mayor's car") is the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token



def setting_dropped(targets: list[Token], heads: tuple[Token, ...]) -> list[Token]:
    """The places a weapon was left at, less the wider setting: "placed a bomb outside the town hall in the
    parking lot" hits the town hall; the in-phrase says where that is. An in-phrase alone ("left a bomb in
    the mayor's car"), or beside a place told of the target itself ("in the home of the mayor, located at
    ..."), is the target. ``heads``: the verb and the weapon, which the other place must hang on."""
    inside = [t for t in targets if t.dep_ == "pobj" and t.head.lower_ == "in"]
    at = {h.i for h in heads}
    if not inside or not any(t not in inside and t.dep_ == "pobj" and t.head.head.i in at for t in targets):
        return targets
    return [t for t in targets if t not in inside]
