"""Stage: the graph. Duplicate reports of one event are merged (same actor, type and target, compatible place
and date), keeping every mention; then networkx views for analysis."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from .records import Actor, Event, stable_id

UNIDENTIFIED = Actor(id="unidentified", label="Unidentified actor", kind="unknown", mention="")
MODALITY_RANK = ("asserted", "claimed", "alleged", "threatened", "hypothetical", "denied", "negated")


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event and every mention that reports it."""

    event_id: str
    mentions: tuple[Event, ...]

    @property
    def first(self) -> Event:
        return self.mentions[0]

    @property
    def actor(self) -> Actor | None:
        return self.first.actor

    @property
    def target(self) -> Actor | None:
        return self.first.target

    @property
    def event_type(self) -> str:
        return self.first.event_type

    @property
    def date(self) -> str | None:
        return next((m.date for m in self.mentions if m.date), None)

    @property
    def place(self):
        return next((m.place for m in self.mentions if m.place), None)

    @property
    def modality(self) -> str:
        """The most assertive modality any mention gives (a claim reported as fact is asserted)."""
        return min((m.modality for m in self.mentions), key=MODALITY_RANK.index)

    @property
    def confidence(self) -> float:
        # independent reports raise confidence: 1 - prod(1 - c)
        p = 1.0
        for m in self.mentions:
            p *= 1 - m.confidence
        return round(1 - p, 3)

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(m.doc_id for m in self.mentions))


def _compatible(a: Event, b: Event) -> bool:
    if a.date and b.date and a.date != b.date:
        return False
    if a.place and b.place and a.place.country and b.place.country and a.place.country != b.place.country:
        return False
    if a.actor is None or a.target is None:
        # with a side unknown, only reports in the same article are taken for one event
        return a.doc_id == b.doc_id
    return True


def merge_events(events: Iterable[Event]) -> list[MergedEvent]:
    """Group mentions into events and give every mention its ``event_id``. Deterministic: the id hashes the
    event's key and its earliest mention, so the same input gives the same ids.

    >>> from graphbuild.records import Event, Actor
    >>> us, ir = Actor("USA", "United States"), Actor("IRN", "Iran")
    >>> e1 = Event("d1", "US strikes hit Iran.", (3, 10), us, ir, "strikes", "strike", "ASSAULT")
    >>> e2 = Event("d2", "The US struck Iran.", (7, 13), us, ir, "struck", "strike", "ASSAULT")
    >>> [len(m.mentions) for m in merge_events([e1, e2])]
    [2]
    """
    groups: dict[tuple, list[list[Event]]] = defaultdict(list)
    for ev in events:
        key = (ev.actor.id if ev.actor else None, ev.event_type, ev.target.id if ev.target else None)
        clusters = groups[key]
        for cluster in clusters:
            if all(_compatible(ev, other) for other in cluster):
                cluster.append(ev)
                break
        else:
            clusters.append([ev])
    merged = []
    for key, clusters in groups.items():
        for cluster in clusters:
            cluster.sort(key=lambda e: (e.doc_id, e.span, e.sentence))
            head = cluster[0]
            date = next((e.date for e in cluster if e.date), None)
            eid = stable_id(key, date, head.doc_id, head.sentence, head.span, prefix="e-")
            merged.append(MergedEvent(eid, tuple(e.with_event_id(eid) for e in cluster)))
    merged.sort(key=lambda m: (m.first.doc_id, m.first.span, m.event_id))
    return merged


def mentions_of(merged: Sequence[MergedEvent]) -> list[Event]:
    """All mentions, in document order, each carrying its ``event_id``."""
    out = [m for ev in merged for m in ev.mentions]
    out.sort(key=lambda e: (e.doc_id, e.sentence, e.span))
    return out


def actors_of(merged: Sequence[MergedEvent]) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for ev in merged:
        for m in ev.mentions:
            for a in (m.actor, m.target):
                if a is not None:
                    out.setdefault(a.id, a)
    return out


def build_graph(merged: Sequence[MergedEvent]) -> nx.MultiDiGraph:
    """Actor nodes and one edge per merged event (key = event_id). An unknown side is the node
    ``unidentified``. Node attribute ``activity`` counts the events an actor takes part in."""
    g = nx.MultiDiGraph()
    activity: Counter[str] = Counter()
    for ev in merged:
        a, t = ev.actor or UNIDENTIFIED, ev.target or UNIDENTIFIED
        for node in (a, t):
            if node.id not in g:
                g.add_node(node.id, label=node.label, kind=node.kind, country=node.country,
                           resolved=node.resolved)
            activity[node.id] += 1
        g.add_edge(a.id, t.id, key=ev.event_id, event_type=ev.event_type,
                   action=ev.first.action_lemma, modality=ev.modality, mentions=len(ev.mentions),
                   date=ev.date, place=ev.place.label if ev.place else None, confidence=ev.confidence,
                   evidence=[m.sentence for m in ev.mentions], doc_ids=ev.doc_ids, mode=ev.first.mode)
    nx.set_node_attributes(g, dict(activity), "activity")
    return g


def event_graph(merged: Sequence[MergedEvent]) -> nx.DiGraph:
    """Events as nodes (for analysis): actor -> event -> target, with role on the edges."""
    g = nx.DiGraph()
    for ev in merged:
        g.add_node(ev.event_id, node_type="event", event_type=ev.event_type, date=ev.date,
                   mentions=len(ev.mentions), modality=ev.modality)
        for role, side in (("actor", ev.actor), ("target", ev.target)):
            if side is None:
                continue
            g.add_node(side.id, node_type="actor", label=side.label, kind=side.kind, country=side.country)
            if role == "actor":
                g.add_edge(side.id, ev.event_id, role=role)
            else:
                g.add_edge(ev.event_id, side.id, role=role)
    return g
