"""events.csv and the flat tables of the Python API: one merged event a row, in the shape analysts know from
ACLED, so a spreadsheet or ``pandas.read_csv`` needs no unpacking of nested records.

:func:`event_rows` and :func:`mention_rows` are plain dicts (lists kept as lists); the API turns them into
DataFrames, :func:`write_events_csv` renames the columns that mean what ACLED's mean and joins lists with
`` | ``. ``fatalities`` and ``injured`` of a merged event are its largest report; empty when no report gives
them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from ..graph import MergedEvent
from ..records import Actor, Affiliation, Document, Event
from .files import atomic_write

EVENT_COLUMNS = ("event_id", "date", "date_source", "event_type", "mode", "cameo", "modality", "action",
                 "actor", "actor_id", "actor_kind", "actor_country", "actor_sponsors",
                 "target", "target_id", "target_kind", "target_country", "target_sponsors",
                 "place", "country", "lat", "lon", "fatalities", "injured", "mentions", "confidence",
                 "attributed_to", "doc_ids", "sources", "urls", "evidence")
MENTION_COLUMNS = ("mention_id", "event_id", "doc_id", "date", "date_source", "event_type", "modality",
                   "action", "action_lemma", "actor", "actor_id", "actor_mention", "target", "target_id",
                   "target_mention", "attributed_to", "place", "country", "lat", "lon", "fatalities", "injured",
                   "confidence", "sentence", "span_start", "span_end", "published", "url", "source")
# events.csv: ACLED's names where the column means the same thing (ACLED codebook), ours elsewhere
CSV_NAMES = {"date": "event_date", "actor": "actor1", "actor_id": "actor1_id", "actor_kind": "actor1_kind",
             "actor_country": "actor1_country", "actor_sponsors": "assoc_actor_1", "target": "actor2",
             "target_id": "actor2_id", "target_kind": "actor2_kind", "target_country": "actor2_country",
             "target_sponsors": "assoc_actor_2", "place": "location", "country": "iso3", "lat": "latitude",
             "lon": "longitude", "sources": "source", "urls": "source_url", "evidence": "notes"}
CSV_COLUMNS = tuple(CSV_NAMES.get(c, c) for c in EVENT_COLUMNS[:19]) + ("country",) + \
    tuple(CSV_NAMES.get(c, c) for c in EVENT_COLUMNS[19:])
SEP = " | "
Sponsors = Mapping[str, Sequence[str]]


def _first(mentions: Iterable[Event], name: str):
    # fields of the second wave (date source, casualties) are read where the records have them
    return next((v for m in mentions if (v := getattr(m, name, None)) is not None), None)


def _side(prefix: str, actor: Actor | None, sponsors: Sponsors) -> dict:
    if actor is None:
        return {prefix: None, f"{prefix}_id": None, f"{prefix}_kind": None, f"{prefix}_country": None,
                f"{prefix}_sponsors": []}
    return {prefix: actor.label, f"{prefix}_id": actor.id, f"{prefix}_kind": actor.kind,
            f"{prefix}_country": actor.country, f"{prefix}_sponsors": list(sponsors.get(actor.id, ()))}


def event_rows(merged: Sequence[MergedEvent], documents: Mapping[str, Document] | None = None,
               sponsors: Sponsors | None = None) -> list[dict]:
    """One dict per merged event, the columns of ``EVENT_COLUMNS``; ``sources`` and ``urls`` are those of the
    distinct articles (``doc_ids``) that report it, ``sponsors`` maps an actor id to its sponsors' labels.

    >>> from graphbuild.graph import merge_events
    >>> us, ir = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
    >>> row = event_rows(merge_events([Event("d1", "US jets hit Iran.", (8, 11), us, ir, "hit", "hit",
    ...                                      "ASSAULT", date="2024-02-02")]))[0]
    >>> row["actor"], row["target"], row["date"], row["mentions"], row["fatalities"]
    ('United States', 'Iran', '2024-02-02', 1, None)
    """
    return list(_event_rows(merged, documents or {}, sponsors or {}))


def _event_rows(merged: Iterable[MergedEvent], documents: Mapping[str, Document], sponsors: Sponsors
                ) -> Iterator[dict]:
    for ev in merged:
        place = ev.place
        docs = [documents.get(d) for d in ev.doc_ids]
        row = {"event_id": ev.event_id, "date": ev.date, "date_source": _first(ev.mentions, "date_source"),
               "event_type": ev.event_type, "mode": ev.mode, "cameo": ev.cameo, "modality": ev.modality,
               "action": ev.first.action_lemma}
        row |= _side("actor", ev.actor, sponsors)
        row |= _side("target", ev.target, sponsors)
        row |= {"place": place.label if place else None, "country": place.country if place else None,
                "lat": place.lat if place else None, "lon": place.lon if place else None,
                "fatalities": ev.fatalities, "injured": ev.injured,  # the largest report
                "mentions": ev.mention_count, "confidence": ev.confidence, "attributed_to": ev.attributed_to,
                "doc_ids": ev.doc_ids,
                "sources": list(dict.fromkeys(d.source for d in docs if d is not None and d.source)),
                "urls": [d.url for d in docs if d is not None and d.url], "evidence": ev.evidence}
        yield row


def mention_rows(merged: Sequence[MergedEvent], documents: Mapping[str, Document] | None = None) -> list[dict]:
    """One dict per report (mention), the columns of ``MENTION_COLUMNS``, with its article."""
    documents = documents or {}
    rows = []
    for ev in merged:
        for m in ev.mentions:
            doc, place = documents.get(m.doc_id), m.place
            rows.append({
                "mention_id": m.id, "event_id": ev.event_id, "doc_id": m.doc_id, "date": m.date,
                "date_source": getattr(m, "date_source", None), "event_type": m.event_type,
                "modality": m.modality, "action": m.action_text, "action_lemma": m.action_lemma,
                "actor": m.actor.label if m.actor else None, "actor_id": m.actor.id if m.actor else None,
                "actor_mention": m.actor.mention if m.actor else None,
                "target": m.target.label if m.target else None, "target_id": m.target.id if m.target else None,
                "target_mention": m.target.mention if m.target else None, "attributed_to": m.attributed_to,
                "place": place.label if place else None, "country": place.country if place else None,
                "lat": place.lat if place else None, "lon": place.lon if place else None,
                "fatalities": getattr(m, "fatalities", None), "injured": getattr(m, "injured", None),
                "confidence": m.confidence, "sentence": m.sentence, "span_start": m.span[0],
                "span_end": m.span[1],
                "published": doc.published.isoformat() if doc is not None and doc.published else None,
                "url": doc.url if doc is not None else None, "source": doc.source if doc is not None else None})
    rows.sort(key=lambda r: (r["doc_id"], r["span_start"], r["span_end"], r["mention_id"]))
    return rows


def sponsors_of(merged: Sequence[MergedEvent], ontology=None, affiliations: Iterable[Affiliation] = ()) -> dict:
    """Actor id -> the labels of its sponsors (``backedBy``): curated in the ontology, or read in the articles."""
    out: dict[str, list[str]] = {}
    sides = {a.id: a for ev in merged for m in ev.mentions for a in (m.actor, m.target) if a is not None}
    for actor in sides.values():
        for rel, other in (ontology.links(actor) if ontology is not None else ()):
            if rel == "backedBy":
                info = ontology.actors.get(other)
                out.setdefault(actor.id, []).append(info.label if info else other)
    for aff in affiliations:
        if aff.relation == "backedBy" and aff.subject.id in sides:
            labels = out.setdefault(aff.subject.id, [])
            if aff.object.label not in labels:
                labels.append(aff.object.label)
    return out


def _country_names(ontology) -> dict[str, str]:
    """ISO3 -> the country's name as news writes it (the ontology's label: "Iran", not pycountry's
    "Iran, Islamic Republic of")."""
    if ontology is None:
        return {}
    return {aid: info.label for aid, info in ontology.actors.items() if info.kind == "state" and len(aid) == 3}


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return SEP.join(str(v) for v in value)
    return value


def write_events_csv(merged: Sequence[MergedEvent], path: str | Path,
                     documents: Mapping[str, Document] | None = None, ontology=None,
                     affiliations: Iterable[Affiliation] = ()) -> int:
    """events.csv: one merged event a row, ACLED-like column names (``CSV_COLUMNS``); ``country`` is the
    country's name, ``iso3`` its code. Every value is written whole (lists joined with `` | ``)."""
    names = _country_names(ontology)
    rows = _event_rows(merged, documents or {}, sponsors_of(merged, ontology, affiliations))  # a second pass
    n = 0
    with atomic_write(path, newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
        w.writeheader()
        for row in rows:
            out = {CSV_NAMES.get(k, k): _cell(v) for k, v in row.items()}
            out["country"] = names.get(row["country"], row["country"] or "")
            w.writerow(out)
            n += 1
    return n
