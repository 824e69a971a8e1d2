"""Stage: the graph. Duplicate reports of one event are merged (same actor, type and target, compatible place
and date), keeping every mention and counting them, as GDELT counts mentions; then networkx views for analysis:
``build_graph`` (actors as nodes, one edge per event) and ``event_graph`` (events as nodes).

In the actor graph no catch-all node stands for "someone": an unidentified side is one node per country of
the event ("Unidentified armed group (Somalia)", as ACLED codes it) and generic victims ("two men",
"residents", "civilians") one "Civilians (Country)" node, so degree and centrality mean something. The
words of each mention stay on the edge; events.jsonl keeps ``null`` and the words as written."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .records import MODALITY_TABLE, Actor, Event, Place, stable_id
from .text import normalize

if TYPE_CHECKING:
    import networkx as nx

MODALITY_RANK = ("asserted", "claimed", "alleged", "threatened", "hypothetical", "denied", "negated")
NEAR_KM = 25.0  # two reports whose places are this close are taken for the same place


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event and every mention that reports it (in document order)."""

    event_id: str
    mentions: tuple[Event, ...]

    @property
    def first(self) -> Event:
        return self.mentions[0]

    @property
    def actor(self) -> Actor | None:
        return _most_specific([m.actor for m in self.mentions])

    @property
    def target(self) -> Actor | None:
        return _most_specific([m.target for m in self.mentions])

    @property
    def event_type(self) -> str:
        return self.first.event_type

    @property
    def mention_count(self) -> int:
        return len(self.mentions)

    @property
    def date(self) -> str | None:
        """A date a sentence gives first; a dateline or publication date only when no report tells one."""
        return next((m.date for m in self.mentions if m.date and m.date_source in (None, "sentence")),
                    next((m.date for m in self.mentions if m.date), None))

    @property
    def fatalities(self) -> int | None:
        """The largest number killed any report gives (later reports count more of the dead)."""
        return max((m.fatalities for m in self.mentions if m.fatalities is not None), default=None)

    @property
    def injured(self) -> int | None:
        return max((m.injured for m in self.mentions if m.injured is not None), default=None)

    @property
    def place(self) -> Place | None:
        """The most specific place any mention gives (one with coordinates, else the first named)."""
        places = [m.place for m in self.mentions if m.place]
        return next((p for p in places if p.lat is not None), places[0] if places else None)

    @property
    def mode(self) -> str | None:
        return next((m.mode for m in self.mentions if m.mode), None)

    @property
    def cameo(self) -> str | None:
        return next((m.cameo for m in self.mentions if m.cameo), None)

    @property
    def modality(self) -> str:
        """The most assertive modality any mention gives (a claim also reported as fact is asserted)."""
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

    @property
    def evidence(self) -> list[str]:
        """The distinct evidence sentences, in order."""
        return list(dict.fromkeys(m.sentence for m in self.mentions))

    @property
    def attributed_to(self) -> list[str]:
        return list(dict.fromkeys(m.attributed_to for m in self.mentions if m.attributed_to))


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Two places can be one: either is unknown, the names agree (or one contains the other: "Baghdad",
    "central Baghdad"), or they lie within ``NEAR_KM``; never in two different countries.

    >>> places_compatible(Place("Baghdad", "IRQ"), Place("central Baghdad", "IRQ"))
    True
    >>> places_compatible(Place("Baghdad", "IRQ"), Place("Mosul", "IRQ"))
    False
    >>> places_compatible(Place("Erbil"), None)
    True
    """
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a, b) <= NEAR_KM
    na, nb = normalize(a.label), normalize(b.label)
    return na == nb or f" {na} " in f" {nb} " or f" {nb} " in f" {na} " or not na or not nb


def _most_specific(actors: Sequence[Actor | None]) -> Actor | None:
    """The name to show for one actor named several ways: resolved, the most often used, with a country,
    the first used."""
    known = [a for a in actors if a is not None]
    if not known:
        return None
    uses = Counter(a.id for a in known)
    first = {a.id: i for i, a in reversed(list(enumerate(known)))}
    return max(known, key=lambda a: (a.resolved, uses[a.id], a.country is not None, -first[a.id]))


_QUALIFIER = re.compile(r"\s+(?:in|at|near|outside|of)\s+.*$", re.I)


def _facility_name(label: str) -> tuple[str, ...]:
    """A facility's name without where it is, head noun singular: "US Embassy in Baghdad" -> ("us", "embassy")."""
    words = normalize(_QUALIFIER.sub("", label)).split()
    if words and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    return tuple(words)


def coreferent_facilities(events: Sequence[Event]) -> dict[tuple[str, str], Actor]:
    """Within one article, facilities with one name once the place is dropped ("the British Embassy in
    the Yemeni capital Sanaa", "the UK Embassy in Sanaa", "the British Embassy") are one facility, and so is a
    shorter name ("the embassy") that fits only one of them. Maps (doc_id, actor id) to the name shown for
    it. Across articles only the actor id counts, and reports still merge only when their places agree."""
    by_doc: dict[str, dict[tuple[str, ...], list[Actor]]] = defaultdict(lambda: defaultdict(list))
    for ev in events:
        for side in (ev.actor, ev.target):
            if side is not None and side.kind == "facility":
                name = _facility_name(side.label)
                if name and side not in by_doc[ev.doc_id][name]:
                    by_doc[ev.doc_id][name].append(side)
    out: dict[tuple[str, str], Actor] = {}
    for doc_id, names in by_doc.items():
        merged: dict[tuple[str, ...], list[Actor]] = {}
        for name in sorted(names, key=len, reverse=True):
            fuller = [n for n in merged if n[-1] == name[-1] and set(name) < set(n)]
            if len(fuller) == 1:  # "embassy" fits "us embassy" only: one facility
                merged[fuller[0]] += names[name]
            else:
                merged.setdefault(name, []).extend(names[name])
        for actors in merged.values():
            best = _most_specific(actors)
            for a in actors:
                out[(doc_id, a.id)] = best
    return out


def _told_date(e: Event) -> str | None:
    """The date a report tells; a publication or dateline date is when it was written, which two reports
    of one event need not share."""
    return e.date if e.date_source in (None, "sentence") else None


def mention_order(e: Event) -> tuple:
    """Document order of mentions, with ties broken by what the mention says: the order every merge keeps."""
    return (e.doc_id, e.span[0], e.span[1], e.sentence, e.event_type, e.action_lemma)


@dataclass
class _Cluster:
    """What the greedy merge needs to know of one event: its mentions' modality reality, told dates, places and
    article (when a side is unknown), its first mention and first told date (for the id), and its members."""

    key: tuple
    head: Event
    reality: str
    one_doc: str | None
    date: str | None = None
    dates: set[str] = field(default_factory=set)
    places: set[Place] = field(default_factory=set)
    members: list = field(default_factory=list)


class Clusters:
    """The grouping of :func:`merge_events`, one mention at a time, mentions given in document order
    (:func:`mention_key` gives each its key). Each event keeps what the comparisons need (its distinct places
    and told dates, its first mention) and, per mention, only the reference the caller passes in (the
    mention itself, or where it lies on disk), so a corpus can be merged without holding its mentions."""

    def __init__(self):
        self.groups: dict[tuple, list[_Cluster]] = defaultdict(list)

    def add(self, ev: Event, key: tuple, ref) -> _Cluster:
        """Put ``ev`` (referred to as ``ref``) in the first event of its key it fits, else a new one."""
        told, reality = _told_date(ev), MODALITY_TABLE[ev.modality].reality
        one_doc = ev.actor is None or ev.target is None
        clusters = self.groups[key]
        for cluster in clusters:  # the first event every mention of which could be this one's
            if told and cluster.dates - {told}:  # told another date
                continue
            # reports that it occurred, that it may occur, that it did not: reports of different events
            if cluster.reality != reality:
                continue
            # with a side unknown, only reports in the same article are taken for one event
            if one_doc and cluster.one_doc != ev.doc_id:
                continue
            if ev.place is not None and not all(places_compatible(ev.place, p) for p in cluster.places):
                continue
            break
        else:
            cluster = _Cluster(key, ev, reality, ev.doc_id)
            clusters.append(cluster)
        if cluster.one_doc != ev.doc_id:
            cluster.one_doc = None
        if told:
            cluster.dates.add(told)
            cluster.date = cluster.date or told
        if ev.place is not None:
            cluster.places.add(ev.place)
        cluster.members.append(ref)
        return cluster

    def events(self) -> list[tuple[str, _Cluster]]:
        """(event id, cluster) of every event, in the order of :func:`merge_events`."""
        out = [(stable_id(c.key, c.date, c.head.doc_id, c.head.sentence, c.head.span, prefix="e-"), c)
               for clusters in self.groups.values() for c in clusters]
        out.sort(key=lambda x: (mention_order(x[1].head), x[0]))
        return out


def mention_key(ev: Event, same: dict[tuple[str, str], Actor]) -> tuple:
    """The key of a mention's event: its two sides (one name for a facility named several ways in an article,
    ``same`` from :func:`coreferent_facilities`) and its type."""
    def side(actor: Actor | None) -> str | None:
        return None if actor is None else same.get((ev.doc_id, actor.id), actor).id

    return (side(ev.actor), ev.event_type, side(ev.target))


def merge_events(events: Iterable[Event]) -> list[MergedEvent]:
    """Group mentions into events and give every mention its ``event_id``. Deterministic: mentions are taken
    in document order whatever the input order, and the id hashes the event's key and its earliest mention.

    >>> from graphbuild.records import Event, Actor
    >>> us, ir = Actor("USA", "United States"), Actor("IRN", "Iran")
    >>> e1 = Event("d1", "US strikes hit Iran.", (3, 10), us, ir, "strikes", "strike", "ASSAULT")
    >>> e2 = Event("d2", "The US struck Iran.", (7, 13), us, ir, "struck", "strike", "ASSAULT")
    >>> [m.mention_count for m in merge_events([e1, e2])]
    [2]
    """
    unique: dict[str, Event] = {}
    for ev in sorted(events, key=mention_order):
        unique.setdefault(ev.id, ev)  # the same mention twice (an input read twice) is one report, not two
    same = coreferent_facilities(list(unique.values()))
    clusters = Clusters()
    for ev in unique.values():
        clusters.add(ev, mention_key(ev, same), ev)
    return [MergedEvent(eid, tuple(e.with_event_id(eid) for e in c.members)) for eid, c in clusters.events()]


def mentions_of(merged: Sequence[MergedEvent]) -> list[Event]:
    """All mentions, in document order, each carrying its ``event_id``."""
    out = [m for ev in merged for m in ev.mentions]
    out.sort(key=mention_order)
    return out


def actors_of(merged: Sequence[MergedEvent]) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for ev in merged:
        for m in ev.mentions:
            for a in (m.actor, m.target):
                if a is not None:
                    out.setdefault(a.id, a)
    return out


# pycountry's names that news does not use
_COUNTRY_NAMES = {"RUS": "Russia", "PSE": "Palestine", "COD": "DR Congo", "COG": "Republic of the Congo",
                  "GBR": "United Kingdom", "FSM": "Micronesia", "VAT": "Vatican City"}


def country_name(iso3: str | None) -> str:
    """The short English name of an ISO 3166 alpha-3 code, as news writes it.

    >>> [country_name(c) for c in ("SOM", "IRN", "RUS", None)]
    ['Somalia', 'Iran', 'Russia', 'country unknown']
    """
    if not iso3:
        return "country unknown"
    if iso3 in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[iso3]
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3)
    return iso3 if c is None else getattr(c, "common_name", None) or c.name


def _event_country(ev: MergedEvent, side: Actor | None, other: Actor | None) -> str | None:
    """Where a side belongs: its own country, else where the event took place, else the other side's."""
    place = ev.place
    return (side and side.country) or (place and place.country) or (other and other.country) or None


def graph_side(ev: MergedEvent, role: str) -> Actor:
    """The node that stands for the ``role`` ("actor" or "target") side of ``ev`` in the actor graph.

    >>> from graphbuild.records import Event, Actor, Place
    >>> men = Actor("x-two-men", "two men", "civilians", mention="two men")
    >>> ev = merge_events([Event("d", "Gunmen shot two men in Mogadishu.", (7, 11), None, men, "shot", "shoot",
    ...                          "ASSAULT", place=Place("Mogadishu", "SOM"))])[0]
    >>> [(a.id, a.label) for a in (graph_side(ev, "actor"), graph_side(ev, "target"))]
    [('unidentified-armed-group-SOM', 'Unidentified armed group (Somalia)'), ('SOM-civilians', 'Civilians (Somalia)')]
    """
    side, other = (ev.actor, ev.target) if role == "actor" else (ev.target, ev.actor)
    if side is not None and side.kind != "civilians":
        return side
    country = _event_country(ev, side, other)
    code, name = country or "unknown", country_name(country)
    if side is not None:  # generic victims: one node per country, with the ontology's id for it
        return Actor(f"{code}-civilians", f"Civilians ({name})", "civilians", country)
    what = ("target" if role == "target" else "armed group" if ev.event_type in ("ASSAULT", "FIGHT") else "actor")
    return Actor(f"unidentified-{what.replace(' ', '-')}-{code}", f"Unidentified {what} ({name})", "unknown",
                 country)


def _mention_words(ev: MergedEvent, role: str) -> list[str]:
    """The distinct words each report used for one side ("two adults", "residents"); empty when none named it."""
    sides = (m.actor if role == "actor" else m.target for m in ev.mentions)
    return list(dict.fromkeys(s.mention or s.label for s in sides if s is not None))


def build_graph(merged: Sequence[MergedEvent]) -> nx.MultiDiGraph:
    """Actor nodes and one edge per merged event (key = event_id). An unidentified side or generic victims
    are the per-country nodes of :func:`graph_side`; the edge keeps the words of each mention
    (``actor_mentions``, ``target_mentions``). Node attribute ``activity`` counts the events an actor takes
    part in.

    >>> from graphbuild.records import Event, Actor
    >>> us, ir = Actor("USA", "United States", "state"), Actor("IRN", "Iran", "state")
    >>> g = build_graph(merge_events([Event("d", "US jets hit Iran.", (8, 11), us, ir, "hit", "hit", "ASSAULT")]))
    >>> [(a, t, d["event_type"], d["mentions"]) for a, t, d in g.edges(data=True)]
    [('USA', 'IRN', 'ASSAULT', 1)]
    """
    import networkx as nx  # 0.1 s to import: a build imports it where it writes the actor graph's outputs

    g = nx.MultiDiGraph()
    activity: Counter[str] = Counter()
    for ev in merged:
        a, t = graph_side(ev, "actor"), graph_side(ev, "target")
        for node in (a, t):
            if node.id not in g:
                g.add_node(node.id, label=node.label, kind=node.kind, country=node.country,
                           resolved=node.resolved)
            activity[node.id] += 1
        place = ev.place
        g.add_edge(a.id, t.id, key=ev.event_id, event_type=ev.event_type, action=ev.first.action_lemma,
                   action_text=ev.first.action_text, modality=ev.modality, mentions=ev.mention_count,
                   date=ev.date, place=place.label if place else None,
                   place_country=place.country if place else None, confidence=ev.confidence,
                   evidence=ev.evidence, doc_ids=ev.doc_ids, attributed_to=ev.attributed_to, mode=ev.mode,
                   cameo=ev.cameo, actor_mentions=_mention_words(ev, "actor"),
                   target_mentions=_mention_words(ev, "target"))
    nx.set_node_attributes(g, dict(activity), "activity")
    return g


def event_graph(merged: Sequence[MergedEvent]) -> nx.DiGraph:
    """Events as nodes (for analysis): actor -> event -> target, with ``role`` on the edges, so an event's
    actor, target and evidence are one node's neighbourhood. An unknown side is left out."""
    import networkx as nx

    g = nx.DiGraph()
    for ev in merged:
        g.add_node(ev.event_id, node_type="event", event_type=ev.event_type, action=ev.first.action_lemma,
                   date=ev.date, place=ev.place.label if ev.place else None, mentions=ev.mention_count,
                   modality=ev.modality, confidence=ev.confidence, evidence=ev.evidence, doc_ids=ev.doc_ids)
        for role, side in (("actor", ev.actor), ("target", ev.target)):
            if side is None:
                continue
            if side.id not in g:
                g.add_node(side.id, node_type="actor", label=side.label, kind=side.kind, country=side.country)
            if role == "actor":
                g.add_edge(side.id, ev.event_id, role=role)
            else:
                g.add_edge(ev.event_id, side.id, role=role)
    return g
