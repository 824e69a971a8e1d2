"""Page furniture in plain text (link lists, bylines, time stamps, share widgets, section heads), removed by
the structure of the lines, never by their wording. Web pages do not come here: trafilatura finds their
main text (see :mod:`graphbuild.documents.html`).
"""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]$")
_TIMESTAMP = re.compile(
    r"^\W*(\d+\s*(s|sec|secs|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)\s*(ago)?|"
    r"(an?|one)\s+(minute|hour|day|week)\s+ago|yesterday|just now|"
    r"\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?)\W*$",
    re.IGNORECASE,
)
_ONLY_SYMBOLS = re.compile(r"^[\W_]*$")
# a headline in a list of other stories is short; a paragraph of the body next to a time stamp (a live
# blog's entry) is longer
_LIST_ITEM_WORDS = 20

PROSE, HEAD, SHORT, STAMP = "prose", "head", "short", "stamp"


def line_kind(line: str) -> str:
    """What a line is by its shape: ``prose`` (six words or more, ending like a sentence), ``head`` (as long,
    but no sentence end: a headline), ``short`` (bylines, labels, section heads) or ``stamp`` (a time stamp
    or only symbols).

    >>> [line_kind(s) for s in ("Rebels shelled the town on Sunday, police said.", "Rebels shell the town "
    ...  "overnight as talks stall", "Second attack", "9 minutes -")]
    ['prose', 'head', 'short', 'stamp']
    """
    if _ONLY_SYMBOLS.match(line) or _TIMESTAMP.match(line):
        return STAMP
    if len(line.split()) < 6:
        return SHORT
    return PROSE if _TERMINAL.search(line) else HEAD


def clean_text(text: str) -> str:
    """Remove page furniture from plain text, line by line, by its structure.

    Dropped: time stamps and lines of only symbols, short lines (bylines, widget labels, section heads),
    headlines that stand in a list (next to a time stamp or another headline, or with no sentence beside
    them), and short sentences that stand as items of a list of stories (time stamps beside and near them,
    no prose beside them).
    Every other sentence stays, wherever it is on the page: prose after a run of short lines is kept.

    >>> clean_text("Share\\nRockets hit the base on Sunday, officials said.\\nMore news\\n-\\nA headline\\n"
    ...            "5 minutes -\\nAnother headline here\\n1 hour -")
    'Rockets hit the base on Sunday, officials said.'
    >>> clean_text("Gunmen attacked a post, police said.\\nMore\\nBy Staff\\nPhoto\\nTroops returned fire at "
    ...            "dawn, witnesses said.")
    'Gunmen attacked a post, police said.\\nTroops returned fire at dawn, witnesses said.'
    """
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    if len(lines) <= 1:
        return text.strip()
    kinds = [line_kind(ln) for ln in lines]
    kept = []
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        around = {kinds[i - 1] if i else None, kinds[i + 1] if i + 1 < len(kinds) else None}
        if kind == HEAD:
            keep = PROSE in around and not around & {HEAD, STAMP}
        elif kind == PROSE:
            # an item of a list of stories: a time stamp beside it, another one close by, no prose beside it
            listed = STAMP in around and kinds[max(0, i - 3):i + 4].count(STAMP) >= 2
            keep = not (listed and PROSE not in around and len(line.split()) <= _LIST_ITEM_WORDS)
        else:
            keep = False
        if keep:
            kept.append(line)
    return "\n".join(kept)
