"""Where and when: the place and date of an event, from its sentence or the article's dateline."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..dates import ISO_DATE, MONTHS, WEEKDAYS, iso_date
from ..gazetteer import locate
from ..records import Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..ontology import Ontology

def is_settlement(tok: Token, ontology: Ontology) -> bool:
    """A common noun for an inhabited place ("the town", "two districts": the ontology's
    ``cekg:settlementNoun``); not "the state" or "the capital", which stand for a government as often as for
    a place (``cekg:placeNoun``)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in ontology.lexicon.settlement_nouns


_ABS = re.compile(r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[a-z]{3,9})\.?|"
                  r"(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
                  r"(?:,?\s+(?P<y>\d{4}))?\b")


def resolve_date(text: str, published: date | None) -> str | None:
    """An absolute date (ISO) for a date expression, against the article's publication date.

    >>> resolve_date("on Saturday", date(2024, 1, 29))   # a Monday
    '2024-01-27'
    >>> resolve_date("yesterday", date(2024, 1, 29))
    '2024-01-28'
    >>> resolve_date("February 28", date(2024, 3, 2))
    '2024-02-28'
    >>> resolve_date("on 1 November", date(1989, 10, 31)), resolve_date("December 30", date(2024, 1, 4))
    ('1989-11-01', '2023-12-30')
    >>> resolve_date("28 Feb 2023", None)
    '2023-02-28'
    >>> resolve_date("in recent weeks", date(2024, 1, 29)) is None
    True
    """
    t = text.lower()
    if m := ISO_DATE.search(t):
        return iso_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _ABS.search(t):
        month = MONTHS.get((m["m1"] or m["m2"] or "")[:4].rstrip(".")) or MONTHS.get((m["m1"] or m["m2"])[:3])
        day = int(m["d1"] or m["d2"])
        if month and 1 <= day <= 31:
            if m["y"]:
                return iso_date(int(m["y"]), month, day)
            if published is None:
                return None
            # no year: the one nearest the article's date ("December 30" in a January article is last year,
            # "1 November" under a dateline of 31 October is this year, the day after)
            found = [d for d in (iso_date(published.year + k, month, day) for k in (-1, 0, 1)) if d]
            return min(found, key=lambda d: abs((date.fromisoformat(d) - published).days), default=None)
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


def sentence_ents(sent: Span) -> list[Span]:
    """The entities wholly inside ``sent``, as ``sent.ents`` gives them, read from the sentence's own tokens:
    spaCy's ``Span.ents`` builds every entity of the document on each call, which costs a long article
    its length for each of its sentences.

    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Rebels from Chad hit Abeche . Troops of the Sudan Army left on Monday .")
    >>> doc.ents = [Span(doc, 2, 3, "GPE"), Span(doc, 4, 5, "GPE"), Span(doc, 9, 11, "ORG"),
    ...             Span(doc, 13, 14, "DATE")]
    >>> doc[6].is_sent_start = True
    >>> [(e.text, e.label_) for e in sentence_ents(doc[6:15])]
    [('Sudan Army', 'ORG'), ('Monday', 'DATE')]
    >>> sentence_ents(doc[6:15]) == list(doc[6:15].ents) and sentence_ents(doc[10:15]) == list(doc[10:15].ents)
    True
    """
    from spacy.tokens import Span

    doc, end, out = sent.doc, sent.end, []
    i = sent.start
    while i < end:
        tok = doc[i]
        if tok.ent_iob != 3 or not tok.ent_type:  # not the first token of an entity ("I" of one begun before)
            i += 1
            continue
        j = i + 1
        while j < len(doc) and doc[j].ent_iob == 1:
            j += 1
        if j > end:
            break  # runs past the sentence: as Span.ents, not one of its entities
        out.append(Span(doc, i, j, label=tok.ent_type, kb_id=tok.ent_kb_id, span_id=tok.ent_id))
        i = j
    return out


def sentence_date(sent: Span, published: date | None, after: int = 0) -> str | None:
    """The first date expression of the sentence (not in the dateline, which ends at ``after``)."""
    for ent in sentence_ents(sent):
        if ent.label_ == "DATE" and ent.start_char >= after:
            found = resolve_date(ent.text, published)
            if found:
                return found
    return None


_DATE_IN_LINE = r"(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)"
_DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Za-z .'/\-]{1,40}?)\s*(?:\([^)]{1,30}\))?"
                       r"(?:,\s*[A-Z][A-Za-z .]{1,25}?)?"
                       r"(?:,\s*" + _DATE_IN_LINE + r")?\s*(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s")


def dateline_place(text: str) -> str | None:
    """The place of a wire dateline ("BAGHDAD, Jan 28 (Wire) - ...").

    >>> dateline_place("BAGHDAD, Jan 28 (Meridian Wire) - Rockets hit a base.")
    'Baghdad'
    >>> dateline_place("Port Town (Islandia), 23 Aug 88 (Radio One) -- [Text] Rebels attacked a post.")
    'Port Town'
    >>> dateline_place("Rockets hit a base.") is None
    True
    >>> dateline_place("ADEN/CAIRO, Feb 3 (Wire) - Rockets hit a base.")   # filed from two cities: the first
    'Aden'
    """
    m = _DATELINE.match(text[:160])
    if not m:
        return None
    place = m["place"].split("/")[0].strip()
    return place.title() if place.isupper() else place


def dateline_end(text: str) -> int:
    """Where the dateline ends (0 when there is none)."""
    m = _DATELINE.match(text[:160])
    return m.end() if m else 0


def dateline_date(text: str) -> date | None:
    """The date of a wire dateline, when it has one: the publication date of wire copy.

    >>> dateline_date("PORT TOWN, 23 AUG 88 (Radio One) -- Rebels attacked a post.")
    datetime.date(1988, 8, 23)
    >>> dateline_date("BAGHDAD, Jan 28, 2024 (Wire) - Rockets hit a base.")
    datetime.date(2024, 1, 28)
    """
    m = _DATELINE.match(text[:160])
    if not m or not m["date"]:
        return None
    parts = re.findall(r"[A-Za-z]+|\d+", m["date"])
    nums = [int(p) for p in parts if p.isdigit()]
    month = next((MONTHS.get(p.lower()[:4].rstrip(".")) or MONTHS.get(p.lower()[:3]) for p in parts
                  if not p.isdigit()), None)
    if not month or not nums:
        return None
    day = nums[0]
    if len(nums) < 2:
        return None  # no year: the article's own date is unknown
    year = nums[1] + (1900 if nums[1] >= 50 else 2000) if nums[1] < 100 else nums[1]
    found = iso_date(year, month, day)
    return date.fromisoformat(found) if found else None


def place_of(name: str, ontology: Ontology) -> Place:
    """A place with its country and, for a city or town, its coordinates: a country's own name first
    ("Lebanon" is the country, not the town in Tennessee), then the gazetteer, then the ontology (a named
    facility or a region an actor is tied to).

    >>> from graphbuild.ontology import load_ontology
    >>> onto = load_ontology()
    >>> place_of("Lebanon", onto).country, place_of("Mosul", onto).country
    ('LBN', 'IRQ')
    """
    info = ontology.lookup(name)
    if info is not None and info.cls == "State" and not ontology.is_capital(name):
        return Place(label=name, country=info.country)
    found = locate(name)
    if found is not None:
        return found
    iso = ontology.state_of(name) or (info.country if info else None)
    return Place(label=name, country=iso)


def sentence_place(sent: Span, ontology: Ontology, exclude: set[int], near: Place | None = None) -> Place | None:
    """The first named location of the sentence that is not the actor or the target; a region of no one
    country ("the Middle East") only when the sentence names no more specific place. A town the gazetteer
    does not know ("in the town of Lahij") lies in the country of the dateline ``near``, when there is one:
    it beats the dateline's city."""
    region, places = None, ontology.lexicon.place_nouns  # cekg:placeNoun
    for ent in sentence_ents(sent):
        named_place = ent.start >= 2 and ent.doc[ent.start - 1].lower_ == "of" and \
            ent.doc[ent.start - 2].lower_ in places  # "the town of X", whatever the recogniser says X is
        if (ent.label_ in ("GPE", "LOC", "FAC") or named_place) and not (set(range(ent.start, ent.end)) & exclude):
            prev = ent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ in ("in", "near", "at", "on", "outside", "inside", "across",
                                                     "from", "over", "around", "into", "of"):
                place = place_of(ent.text, ontology)
                if place.country is None and (ent.label_ == "GPE" or named_place) and near is not None and near.country:
                    place = Place(label=place.label, country=near.country)
                if place.country is not None:
                    return place
                region = region or place
    return region


def is_region(place: Place | None) -> bool:
    """A place of no one country: a region or sea ("the Middle East", "the Red Sea")."""
    return place is not None and place.country is None
