"""Typed records passed between the stages. Frozen: a stage returns new records, never edits old ones."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal, get_args

from .errors import InputError

# ---------------------------------------------------------------- the closed enumerations of events.jsonl

Kind = Literal["state", "government", "military", "police", "armed_group", "person", "organisation", "facility",
               "civilians", "unknown"]
Modality = Literal["asserted", "claimed", "alleged", "threatened", "hypothetical", "negated", "denied"]
EventType = Literal["ASSAULT", "FIGHT", "THREATEN", "ACCUSE", "REQUEST", "SANCTION", "COERCE", "PROTEST", "MOBILIZE",
                    "AID", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "REJECT"]
DateSource = Literal["sentence", "dateline", "published"]
KINDS: tuple[Kind, ...] = get_args(Kind)
DATE_SOURCES: tuple[DateSource, ...] = get_args(DateSource)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)


@dataclass(frozen=True)
class KindInfo:
    """What an actor kind is elsewhere: its class in the vocabulary (``cekg:<cls>``, whose ``cekg:kindCode``
    is the kind), the spaCy entity label of its names, its colour in graph.html."""

    cls: str
    entity_label: str
    colour: str


KIND_TABLE: dict[Kind, KindInfo] = {
    "state": KindInfo("State", "GPE", "#1f77b4"),
    "government": KindInfo("Government", "ORG", "#4e79a7"),
    "military": KindInfo("Military", "ORG", "#2ca02c"),
    "police": KindInfo("Police", "ORG", "#17becf"),
    "armed_group": KindInfo("ArmedGroup", "ORG", "#d62728"),
    "person": KindInfo("Person", "PERSON", "#9467bd"),
    "organisation": KindInfo("Organisation", "ORG", "#ff7f0e"),
    "facility": KindInfo("Facility", "FAC", "#8c564b"),
    "civilians": KindInfo("Civilians", "ORG", "#e377c2"),
    "unknown": KindInfo("Actor", "ORG", "#7f7f7f"),
}


@dataclass(frozen=True)
class ModalityInfo:
    """What a modality says about the event. ``happened``: reported as having happened (whoever says so), so
    the graph draws the direct ``actor cekg:<type> target`` triple and a later sentence may take its actor.
    ``reality``: reports of one reality can be one event: "occurred" (a denial is of something that
    occurred), "possible" (threats, hypotheses) or "not" (negated)."""

    happened: bool
    reality: Literal["occurred", "possible", "not"]


MODALITY_TABLE: dict[Modality, ModalityInfo] = {
    "asserted": ModalityInfo(True, "occurred"),
    "claimed": ModalityInfo(True, "occurred"),
    "alleged": ModalityInfo(True, "occurred"),
    "threatened": ModalityInfo(False, "possible"),
    "hypothetical": ModalityInfo(False, "possible"),
    "negated": ModalityInfo(False, "not"),
    "denied": ModalityInfo(False, "occurred"),
}
# The modalities of reports that the event happened.
HAPPENED: frozenset[Modality] = frozenset(m for m, info in MODALITY_TABLE.items() if info.happened)


def check_value(field_name: str, value: object, allowed: tuple[str, ...]) -> None:
    """Refuse a value outside a closed enumeration, naming the field and what it may be.

    >>> check_value("modality", "claimed", MODALITIES)
    >>> check_value("modality", "maybe", MODALITIES)
    Traceback (most recent call last):
    ...
    graphbuild.errors.InputError: modality 'maybe' is not one of asserted, claimed, alleged, threatened, \
hypothetical, negated, denied
    """
    if value not in allowed:
        raise InputError(f"{field_name} {value!r} is not one of {', '.join(allowed)}")


def check_closed_fields(d: dict[str, Any]) -> None:
    """Refuse an events.jsonl record whose type, modality or side kinds fall outside the contract; the
    other fields may be absent (an evaluation reads only the sides, type and sentence).

    >>> check_closed_fields({"event_type": "ASSAULT", "modality": "claimed", "actor": {"kind": "police"}})
    >>> check_closed_fields({"event_type": "BLOWUP"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphbuild.errors.InputError: event_type 'BLOWUP' is not one of ASSAULT, ..., REJECT
    """
    check_value("event_type", d.get("event_type"), EVENT_TYPES)
    if d.get("date_source") is not None:
        check_value("date_source", d["date_source"], DATE_SOURCES)
    if d.get("modality") is not None:
        check_value("modality", d["modality"], MODALITIES)
    for side in ("actor", "target"):
        x = d.get(side)
        if isinstance(x, dict) and x.get("kind") is not None:
            check_value(f"{side}.kind", x["kind"], KINDS)


def stable_id(*parts: object, prefix: str = "", length: int = 16) -> str:
    """A short id from normalized content: same input, same id.

    >>> stable_id("doc1", 3, "attack") == stable_id("doc1", 3, "attack")
    True
    >>> stable_id("a", prefix="e-").startswith("e-")
    True
    """
    text = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One article: ``id`` is the JSONL id or the file stem."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) it came from, for messages
    author: str | None = None
    language: str | None = None  # ISO 639-1 code, from the page's metadata or detected in the text


@dataclass(frozen=True)
class Actor:
    """A resolved actor mention. ``resolved`` is False for provisional actors (unknown names)."""

    id: str
    label: str
    kind: Kind = "unknown"
    country: str | None = None
    mention: str = ""
    resolved: bool = True

    def __post_init__(self) -> None:
        check_value("kind", self.kind, KINDS)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "mention": self.mention, "kind": self.kind,
                "country": self.country}


@dataclass(frozen=True)
class Place:
    label: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Affiliation:
    """A fact read from text: ``subject`` is related to ``object`` (memberOf, partOf, backedBy, alliedWith)."""

    subject: Actor
    relation: str
    object: Actor
    doc_id: str
    sentence: str


@dataclass(frozen=True)
class Event:
    """One event mention, the events.jsonl contract (see DESIGN.md). ``event_id`` names the merged event."""

    doc_id: str
    sentence: str
    span: tuple[int, int]
    actor: Actor | None
    target: Actor | None
    action_text: str
    action_lemma: str
    event_type: EventType
    modality: Modality = "asserted"
    mode: str | None = None
    cameo: str | None = None
    attributed_to: str | None = None
    place: Place | None = None
    date: str | None = None
    confidence: float = 0.5
    event_id: str | None = field(default=None, compare=False)
    date_source: DateSource | None = None  # where the date came from; None when there is no date
    fatalities: int | None = None  # people killed, the lower bound the text gives; None when it gives none
    injured: int | None = None

    def __post_init__(self) -> None:
        check_value("event_type", self.event_type, EVENT_TYPES)
        check_value("modality", self.modality, MODALITIES)
        if self.date_source is not None:
            check_value("date_source", self.date_source, DATE_SOURCES)

    @property
    def id(self) -> str:
        # the span counts from the sentence start, so the sentence is part of the key: two sentences of the same
        # shape in one article are two mentions
        return stable_id(self.doc_id, self.sentence, self.span, self.actor and self.actor.id,
                         self.target and self.target.id, self.event_type, self.action_lemma, prefix="m-")

    def with_event_id(self, event_id: str) -> Event:
        return replace(self, event_id=event_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_id": self.event_id or self.id,
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "span": list(self.span),
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "action": {"text": self.action_text, "lemma": self.action_lemma},
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "modality": self.modality,
            "attributed_to": {"label": self.attributed_to} if self.attributed_to else None,
            "place": self.place.to_dict() if self.place else None,
            "date": self.date,
            "date_source": self.date_source,
            "fatalities": self.fatalities,
            "injured": self.injured,
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """Inverse of :meth:`to_dict`; the closed fields (type, modality, kinds) are checked, so a record
        outside the contract is refused with the field named (:class:`InputError`)."""

        def actor(x):
            if not x:
                return None
            return Actor(id=str(x["id"]), label=str(x["label"]), kind=x.get("kind") or "unknown",
                         country=x.get("country"), mention=x.get("mention") or "",
                         resolved=not str(x["id"]).startswith("x-"))

        place = d.get("place")
        start, end = d["span"]
        return cls(
            doc_id=str(d["doc_id"]), sentence=str(d["sentence"]), span=(int(start), int(end)),
            actor=actor(d.get("actor")), target=actor(d.get("target")),
            action_text=d["action"]["text"], action_lemma=d["action"]["lemma"],
            event_type=d["event_type"], modality=d.get("modality") or "asserted", mode=d.get("mode"),
            cameo=d.get("cameo"), attributed_to=(d.get("attributed_to") or {}).get("label"),
            place=Place(**place) if place else None, date=d.get("date"),
            confidence=float(d.get("confidence", 0.5)), event_id=d.get("event_id"),
            date_source=d.get("date_source"), fatalities=_count(d.get("fatalities"), "fatalities"),
            injured=_count(d.get("injured"), "injured"),
        )


def _count(value: Any, name: str) -> int | None:
    """A casualty count of a record: a non-negative whole number or null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"{name} {value!r} is not a whole number of people or null")
    return value
