"""Tokenized text, as research corpora ship it ("the facility 's gate , he said ."), put back as prose so
the parser reads it as it reads news. Only text that is clearly tokenized is touched.
"""

from __future__ import annotations

import re

# a space before punctuation that prose writes attached to the word before it
_DETACHED = re.compile(r"\w \s*(?:[,.;:!?%)\]]|n't\b|['’](?:s|re|ve|ll|d|m)\b)", re.IGNORECASE)
_ATTACHED = re.compile(r"\w(?:[,;:!?)\]]|\.(?=\s)|n't\b|['’](?:s|re|ve|ll|d|m)\b)", re.IGNORECASE)
# the period of an abbreviation ("Mr.", "Gen.", "U.S."), which a tokenizer leaves on its word too
_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z][a-z]{0,2}|(?:[A-Za-z]\.)+[A-Za-z])\.(?=\s)")


def is_tokenized(text: str) -> bool:
    """Whether most punctuation of the text stands apart from its words, as a tokenizer leaves it; a few
    detached commas in prose are not enough.

    >>> is_tokenized("The convoy was hit , officials said . It 's the third attack .")
    True
    >>> is_tokenized("The convoy was hit, officials said. It's the third attack ; a fourth failed.")
    False
    >>> is_tokenized("Mr. Ruiz met Gen. Sola and U.S. envoys , aides said , and left .")
    True
    """
    detached = len(_DETACHED.findall(text))
    attached = len(_ATTACHED.findall(text)) - len(_ABBREVIATION.findall(text))
    return detached >= 3 and detached > 2 * attached


_RULES = (
    (re.compile(r" +([,.;:!?%)\]}])"), r"\1"),                             # "hit ," -> "hit,"
    (re.compile(r"([(\[{$]) +"), r"\1"),                                    # "( AP" -> "(AP"
    (re.compile(r" +(n't|['’](?:s|re|ve|ll|d|m))\b", re.IGNORECASE), r"\1"),  # "It 's" -> "It's"
    (re.compile(r"(?<=\w) +([-–/]) +(?=\w)"), r"\1"),                        # "kick - off" -> "kick-off"
    (re.compile(r"([“‘]) +"), r"\1"),                                       # curly quotes open ...
    (re.compile(r" +([”’])"), r"\1"),                                       # ... and close
)
_STRAIGHT_QUOTE = re.compile(r'(^|\s)"(\s|$)')


def _straight_quotes(line: str) -> str:
    """Straight double quotes alternate: the odd ones open (attach right), the even ones close (attach left)."""
    out, opening = [], True
    pos = 0
    for m in _STRAIGHT_QUOTE.finditer(line):
        out.append(line[pos:m.start()])
        out.append(m[1] + '"' if opening else '"' + m[2])
        opening = not opening
        pos = m.end()
    out.append(line[pos:])
    return "".join(out)


def detokenize(text: str) -> str:
    """Tokenized text as prose; any other text is returned unchanged. Line breaks stay where they are.

    >>> detokenize('Gunmen hit the facility \\'s gate , police said . " We fled , " one said .')
    'Gunmen hit the facility\\'s gate, police said. "We fled," one said.'
    >>> detokenize("A 1 - 1 draw ( in Lyon ) : fans do n't agree .")
    "A 1-1 draw (in Lyon): fans don't agree."
    >>> detokenize("Rebels took the town, officials said.")
    'Rebels took the town, officials said.'
    """
    if not is_tokenized(text):
        return text
    lines = []
    for line in text.split("\n"):
        for pattern, repl in _RULES:
            line = pattern.sub(repl, line)
        lines.append(_straight_quotes(line))
    return "\n".join(lines)
