"""Every saved query in queries/ against an answer computed another way: from events.jsonl of the examples
build (grouped by ``event_id`` into the graph stage's merged events) and the ontology, in plain Python, with no
SPARQL. A query that joins the wrong way (an unbound variable matching every node) or counts twice fails here.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

import pytest

from graphbuild.graph import MergedEvent
from graphbuild.records import Event
from graphbuild.store import open_store, query, read_query

DIRECT = ("asserted", "claimed", "alleged")  # reported as having happened


@pytest.fixture(scope="module")
def events(examples_out) -> list[MergedEvent]:
    """The merged events of the build, rebuilt from events.jsonl alone."""
    by_event: dict[str, list[Event]] = defaultdict(list)
    with (examples_out / "events.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            e = Event.from_dict(json.loads(line))
            by_event[e.event_id].append(e)
    return [MergedEvent(eid, tuple(ms)) for eid, ms in by_event.items()]


@pytest.fixture(scope="module")
def rows(examples_out):
    store = open_store(examples_out)

    def run(name: str) -> list[dict]:
        """The rows as plain values: IRIs in full, literals as their lexical form, unbound as None."""
        result = query(store, read_query(name))
        columns = [v.value for v in result.variables]
        return [{c: None if sol[c] is None else sol[c].value for c in columns} for sol in result]

    return run


def label(ontology, actor) -> str:
    """The actor's skos:prefLabel in the graph: the ontology's for a curated actor, else the name found."""
    info = ontology.actors.get(actor.id) if actor.resolved else None
    return info.label if info else actor.label


def test_who_attacked_whom(events, rows, ontology):
    pairs: dict[tuple, list[MergedEvent]] = defaultdict(list)
    for ev in events:
        if ev.event_type == "ASSAULT" and ev.actor and ev.target and ev.modality in DIRECT:
            pairs[(ev.actor.id, ev.target.id)].append(ev)
    expected = Counter((label(ontology, evs[0].actor), label(ontology, evs[0].target), len(evs),
                        sum(e.mention_count for e in evs)) for evs in pairs.values())
    got = Counter((r["attacker"], r["target"], int(r["events"]), int(r["mentions"]))
                  for r in rows("who-attacked-whom"))
    assert got == expected and len(expected) > 10


def _country_of(ontology, target) -> str | None:
    """A facility's owner, else the target's own country (as the graph states them)."""
    owners = [o for rel, o in ontology.links(target) if rel == "ownedBy"]
    if owners:
        return owners[0]
    info = ontology.actors.get(target.id) if target.resolved else None
    return info.country if info else target.country


def test_attacks_on_country_forces(events, rows, ontology):
    expected = Counter()
    for ev in events:
        t = ev.target
        if ev.event_type != "ASSAULT" or ev.modality not in DIRECT or t is None:
            continue
        if t.kind not in ("military", "police", "government", "facility"):
            continue
        country = _country_of(ontology, t)
        if country in ontology.actors:
            expected[(ev.date, ontology.actors[country].label, label(ontology, t),
                      label(ontology, ev.actor) if ev.actor else "(unidentified)", ev.mention_count)] += 1
    got = Counter((r["date"], r["country"], r["target"], r["attacker"], int(r["mentions"]))
                  for r in rows("attacks-on-country-forces"))
    assert got == expected and expected
    assert sum(got.values()) <= sum(1 for ev in events if ev.event_type == "ASSAULT")


def test_claimed_vs_asserted(events, rows):
    expected = Counter(
        (ev.modality, tuple(sorted({m.modality for m in ev.mentions})), ev.mention_count,
         tuple(sorted({m.attributed_to for m in ev.mentions if m.attributed_to})))
        for ev in events)
    got = Counter((r["modality"], tuple(sorted(r["reported_as"].split(", "))), int(r["reports"]),
                   tuple(sorted(x for x in (r["according_to"] or "").split("; ") if x)))
                  for r in rows("claimed-vs-asserted"))
    assert got == expected
    # events not simply asserted come first
    order = [r["modality"] == "asserted" for r in rows("claimed-vs-asserted")]
    assert order == sorted(order)


def test_events_by_actor(events, rows, ontology, examples_out):
    expected = Counter()
    for ev in events:
        if ev.actor is None:
            continue
        for m in ev.mentions:
            expected[(label(ontology, ev.actor), ev.event_type, label(ontology, ev.target) if ev.target else None,
                      m.modality, ev.date, m.sentence, m.doc_id)] += 1
    got = Counter((r["actor"], r["type"], r["target"], r["modality"], r["date"], r["evidence"],
                   r["article"].rsplit("/", 1)[-1]) for r in rows("events-by-actor"))
    assert got == expected


def test_events_by_place(events, rows, ontology):
    by_place: dict[tuple, list[MergedEvent]] = defaultdict(list)
    for ev in events:
        if ev.place:
            country = ontology.actors[ev.place.country].label if ev.place.country in ontology.actors else ""
            by_place[(ev.place.label, country)].append(ev)
    expected = {(place, country, len(evs), tuple(sorted({e.event_type for e in evs})))
                for (place, country), evs in by_place.items()}
    got = {(r["place"], r["country"], int(r["events"]), tuple(sorted(r["types"].split(", "))))
           for r in rows("events-by-place")}
    assert got == expected


def test_most_active_actors(events, rows, ontology):
    did, got_, mentions = Counter(), Counter(), Counter()
    names = {}
    for ev in events:
        for side, count in ((ev.actor, did), (ev.target, got_)):
            if side is not None:
                count[side.id] += 1
                mentions[side.id] += ev.mention_count
                names[side.id] = label(ontology, side)
    table = [(names[a], did[a], got_[a], did[a] + got_[a], mentions[a]) for a in names]
    table.sort(key=lambda r: (-r[3], -r[4], r[0]))
    got = [(r["actor"], int(r["as_actor"]), int(r["as_target"]), int(r["events"]), int(r["mentions"]))
           for r in rows("most-active-actors")]
    # ties past the 25th row may fall either way; the counts of every row must agree
    assert len(got) == 25
    cut = table[24][3:]
    assert [r for r in got if r[3:] > cut] == [r for r in table if r[3:] > cut]
    assert all(r in table for r in got)


def test_sources_per_event(events, rows):
    expected = Counter((ev.mention_count, len(ev.doc_ids), tuple(sorted(ev.doc_ids))) for ev in events)
    got = Counter((int(r["mentions"]), int(r["articles"]),
                   tuple(sorted(s.rsplit(": ", 1)[-1] for s in r["sources"].split("; "))))
                  for r in rows("sources-per-event"))
    assert got == expected


def test_affiliations(examples_out, rows):
    """Read from graph.ttl with rdflib, by walking triples: every affiliation of a labelled actor."""
    from rdflib import Graph
    from rdflib.namespace import SKOS

    from graphbuild.namespaces import CEKG

    g = Graph().parse(examples_out / "graph.ttl")
    expected = set()
    for rel in ("backedBy", "memberOf", "partOf", "alliedWith"):
        for s, o in g.subject_objects(CEKG[rel]):
            for name in g.objects(s, SKOS.prefLabel):
                other = g.value(o, SKOS.prefLabel)
                expected.add((str(name), rel, str(other) if other else str(o).rsplit("/actor/", 1)[-1]))
    got = {(r["actor"], r["relation"], r["other"]) for r in rows("affiliations")}
    assert got == expected and expected
