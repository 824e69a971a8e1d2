"""Where and when: the place and date of an event, from its sentence or the article's dateline."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..records import Place

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..ontology import Ontology

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_ABS = re.compile(r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?|(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
                  r"(?:,?\s+(?P<y>\d{4}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def resolve_date(text: str, published: date | None) -> str | None:
    """An absolute date (ISO) for a date expression, against the article's publication date.

    >>> resolve_date("on Saturday", date(2024, 1, 29))   # a Monday
    '2024-01-27'
    >>> resolve_date("yesterday", date(2024, 1, 29))
    '2024-01-28'
    >>> resolve_date("February 28", date(2024, 3, 2))
    '2024-02-28'
    >>> resolve_date("28 Feb 2023", None)
    '2023-02-28'
    >>> resolve_date("in recent weeks", date(2024, 1, 29)) is None
    True
    """
    t = text.lower()
    if m := _ISO.search(t):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _ABS.search(t):
        month = MONTHS.get((m["m1"] or m["m2"] or "")[:4].rstrip(".")) or MONTHS.get((m["m1"] or m["m2"])[:3])
        day = int(m["d1"] or m["d2"])
        if month and 1 <= day <= 31:
            year = int(m["y"]) if m["y"] else (published.year if published else None)
            if year is None:
                return None
            if not m["y"] and published and (month, day) > (published.month, published.day):
                year -= 1  # "December 30" in a January article is last year
            return _iso(year, month, day)
    if published is None:
        return None
    if re.search(r"\byesterday\b", t):
        return (published - timedelta(days=1)).isoformat()
    if re.search(r"\b(today|tonight|this morning|this evening)\b", t):
        return published.isoformat()
    for i, wd in enumerate(WEEKDAYS):
        if re.search(rf"\b{wd}\b", t):
            back = (published.weekday() - i) % 7
            if "next" in t:
                return (published + timedelta(days=(i - published.weekday()) % 7 or 7)).isoformat()
            return (published - timedelta(days=back)).isoformat()
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def sentence_date(sent: "Span", published: date | None) -> str | None:
    for ent in sent.ents:
        if ent.label_ == "DATE":
            found = resolve_date(ent.text, published)
            if found:
                return found
    return None


_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}?)(?:,\s*[A-Za-z .]{2,30})?\s*"
                       r"(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s")


def dateline_place(text: str) -> str | None:
    """The place of a wire dateline ("BAGHDAD, Jan 28 (Wire) - ...").

    >>> dateline_place("BAGHDAD, Jan 28 (Meridian Wire) - Rockets hit a base.")
    'Baghdad'
    >>> dateline_place("Rockets hit a base.") is None
    True
    """
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    place = m["place"].strip()
    return place.title() if place.isupper() else place


def place_of(name: str, ontology: "Ontology") -> Place:
    iso = ontology.state_of(name)
    if iso is None:
        info = ontology.lookup(name)
        iso = info.country if info else None
    return Place(label=name, country=iso)


def sentence_place(sent: "Span", ontology: "Ontology", exclude: set[int]) -> Place | None:
    """The first named location of the sentence that is not the actor or the target."""
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and not (set(range(ent.start, ent.end)) & exclude):
            prev = ent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ in ("in", "near", "at", "on", "outside", "inside", "across",
                                                     "from", "over", "around", "into", "of"):
                return place_of(ent.text, ontology)
    return None
