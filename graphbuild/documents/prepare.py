"""The text NLP sees: each document kind's text through the same last steps."""

from __future__ import annotations

from .detok import detokenize
from .furniture import clean_text
from .recase import drop_leading_notes, english_word, recase


def prepare_text(text: str, furniture: bool = True) -> str:
    """Tokenized text put back as prose, page furniture removed (plain text only: ``furniture=False`` for a
    web page's main text, which trafilatura has already found), all-capitals copy recased (words that are
    not English capitalized as names), paragraph labels blanked.

    >>> prepare_text("Share\\nGunmen attacked the post , police said . It 's the third attack .\\n9 minutes -")
    "Gunmen attacked the post, police said. It's the third attack."
    """
    text = detokenize(text)
    if furniture:
        text = clean_text(text)
    return drop_leading_notes(recase(text, known=english_word))
