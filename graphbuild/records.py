"""Typed records passed between the stages. Frozen: a stage returns new records, never edits old ones."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

KINDS = ("state", "government", "military", "police", "armed_group", "person",
         "organisation", "facility", "civilians", "unknown")
MODALITIES = ("asserted", "claimed", "alleged", "threatened", "hypothetical", "negated", "denied")
EVENT_TYPES = ("ASSAULT", "THREATEN", "ACCUSE", "REQUEST", "SANCTION", "COERCE", "PROTEST", "MOBILIZE",
               "AID", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "RETREAT", "REJECT")


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
    kind: str = "unknown"
    country: str | None = None
    mention: str = ""
    resolved: bool = True

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
    event_type: str
    modality: str = "asserted"
    mode: str | None = None
    cameo: str | None = None
    attributed_to: str | None = None
    place: Place | None = None
    date: str | None = None
    confidence: float = 0.5
    event_id: str | None = field(default=None, compare=False)

    @property
    def id(self) -> str:
        return stable_id(self.doc_id, self.span, self.actor and self.actor.id,
                         self.target and self.target.id, self.event_type, self.action_lemma, prefix="m-")

    def with_event_id(self, event_id: str) -> "Event":
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
            "confidence": round(self.confidence, 3),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Inverse of :meth:`to_dict` (the ``id`` is recomputed, so it must agree)."""

        def actor(x):
            if not x:
                return None
            return Actor(id=x["id"], label=x["label"], kind=x.get("kind") or "unknown",
                         country=x.get("country"), mention=x.get("mention") or "",
                         resolved=not str(x["id"]).startswith("x-"))

        place = d.get("place")
        return cls(
            doc_id=d["doc_id"], sentence=d["sentence"], span=tuple(d["span"]),
            actor=actor(d.get("actor")), target=actor(d.get("target")),
            action_text=d["action"]["text"], action_lemma=d["action"]["lemma"],
            event_type=d["event_type"], modality=d.get("modality") or "asserted", mode=d.get("mode"),
            cameo=d.get("cameo"), attributed_to=(d.get("attributed_to") or {}).get("label"),
            place=Place(**place) if place else None, date=d.get("date"),
            confidence=float(d.get("confidence", 0.5)), event_id=d.get("event_id"),
        )
