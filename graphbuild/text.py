"""Text keys: the one normalization of names (aliases, places, facility names) and the slugs of ids and IRIs.
The evaluator keeps its own ``norm`` on purpose: it must compare names exactly as the shared reference
scorer does."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = ("the ", "a ", "an ")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\u02bf\u02be`´"), "'")
_INITIAL, _POSSESSIVE, _PUNCT = re.compile(r"\b([a-z])\."), re.compile(r"'s\b"), re.compile(r"[^\w\s]")


@lru_cache(maxsize=1 << 16)  # the extractor asks for the same few thousand words' keys again and again
def normalize(text: str) -> str:
    """The key an alias is indexed under: case, diacritics, articles, possessives, punctuation folded.

    >>> normalize("The U.S.")
    'us'
    >>> normalize("Kata'ib Hizballah's")
    'kataib hizballah'
    >>> normalize("Hashd al-Sha\u2019abi")
    'hashd al shaabi'
    """
    s = text.translate(_DASHES).translate(_QUOTES)
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = _INITIAL.sub(r"\1", s.lower().strip())  # u.s. -> us, u.n. -> un
    s = _POSSESSIVE.sub("", s)
    s = s.replace("'", "")
    s = _PUNCT.sub(" ", s)
    s = " ".join(s.split())
    for art in _ARTICLES:
        if s.startswith(art):
            s = s[len(art):]
    return s


def slug(text: str) -> str:
    """An id or IRI segment: the normalized words joined by hyphens.

    >>> slug("The Green Zone")
    'green-zone'
    >>> slug("Şanlıurfa")
    'sanlurfa'
    """
    return re.sub(r"[^a-z0-9]+", "-", normalize(text)).strip("-") or "x"


_IRREGULAR_PLURALS = {"child": "children", "person": "people", "woman": "women", "man": "men"}
_REGULAR_MAN = ("human", "german", "roman", "shaman", "ottoman")  # "-man" words whose plural is "-mans"


def plural(noun: str) -> str:
    """The regular English plural of a noun for people ("soldier" -> "soldiers"), and the few irregular ones
    news counts of people use.

    >>> [plural(w) for w in ("soldier", "policeman", "child", "deputy", "boy", "witness", "human")]
    ['soldiers', 'policemen', 'children', 'deputies', 'boys', 'witnesses', 'humans']
    """
    low = noun.lower()
    for single, many in _IRREGULAR_PLURALS.items():
        if low == single or single == "man" and low.endswith("man") and not low.endswith(_REGULAR_MAN):
            return noun[: len(noun) - len(single)] + many
    if low.endswith("y") and low[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if low.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"
