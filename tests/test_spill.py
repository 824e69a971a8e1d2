"""The mentions of a build spilled to disk and merged through the key index give what merging them in memory
gives: the same events, ids, mention order and values."""

import random

from graphbuild.graph import mentions_of, merge_events
from graphbuild.records import Actor, Event, Place
from graphbuild.spill import Spill

US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
EMBASSY = Actor("x-us-embassy-in-baghdad", "US Embassy in Baghdad", "facility", "IRQ")
EMBASSY2 = Actor("x-the-embassy", "the embassy", "facility", "IRQ")
MILITIA = Actor("x-militia", "a militia", "armed_group", "IRQ")
BAGHDAD, MOSUL = Place("Baghdad", "IRQ", 33.34, 44.4), Place("Mosul", "IRQ", 36.34, 43.13)


def _events() -> list[Event]:
    s1 = "US jets struck Iran on Friday."
    s2 = "A militia shelled the US Embassy in Baghdad, and the embassy was hit again."
    return [
        Event("b", s1, (8, 14), US, IR, "struck", "strike", "ASSAULT", date="2024-02-02", confidence=0.123456),
        Event("a", "Iran said US drones hit Isfahan.", (19, 22), US, IR, "hit", "hit", "ASSAULT",
              modality="claimed", date="2024-02-02", confidence=0.6),
        Event("c", "US jets struck Iran again on Monday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              date="2024-02-05"),
        Event("d", s2, (10, 17), MILITIA, EMBASSY, "shelled", "shell", "ASSAULT", place=BAGHDAD),
        Event("d", s2, (65, 68), MILITIA, EMBASSY2, "hit", "hit", "ASSAULT", place=BAGHDAD, confidence=0.7),
        Event("e", "Gunmen attacked a checkpoint in Mosul.", (7, 15), None, MILITIA, "attacked", "attack",
              "ASSAULT", place=MOSUL),
        Event("f", "Gunmen attacked a checkpoint in Mosul.", (7, 15), None, MILITIA, "attacked", "attack",
              "ASSAULT", place=MOSUL),
        Event("f", "Police denied that gunmen attacked Mosul.", (27, 35), None, MILITIA, "attacked", "attack",
              "ASSAULT", modality="denied", place=MOSUL),
        # one sentence, one action, two targets: a tie in document order between two events
        Event("g", "US jets struck Iran and a militia.", (8, 14), US, MILITIA, "struck", "strike", "ASSAULT"),
        Event("g", "US jets struck Iran and a militia.", (8, 14), US, IR, "struck", "strike", "ASSAULT"),
    ]


def _spilled(tmp_path, events):
    spill = Spill(tmp_path / "events.spill")
    by_doc: dict[str, list[Event]] = {}
    for ev in events:
        by_doc.setdefault(ev.doc_id, []).append(ev)
    for doc in by_doc.values():  # a document's mentions at a time, documents in any order
        spill.add(doc)
    return spill


def test_spilled_merge_is_merge_events(tmp_path):
    events = _events() + [_events()[0]]  # one mention twice: one report
    for seed in range(3):
        random.Random(seed).shuffle(events)
        expected = merge_events(events)
        with _spilled(tmp_path, events) as spill:
            merged = spill.merge()
            got = list(merged)
            assert len(merged) == len(expected) and merged.mention_count == sum(m.mention_count for m in expected)
            assert [(m.event_id, m.mentions) for m in got] == [(m.event_id, m.mentions) for m in expected]
            assert [(e.id, e.event_id) for e in merged.mentions()] == \
                [(e.id, e.event_id) for e in mentions_of(expected)]
            assert list(merged) == got  # read again from disk, the same
    assert any(m.mention_count > 1 for m in expected)


def test_the_spill_keeps_values_exactly_and_is_deleted(tmp_path):
    with _spilled(tmp_path, _events()) as spill:
        b = [m for m in spill.merge().mentions() if m.doc_id == "b"]
        assert spill.path.exists()
    assert [m.confidence for m in b] == [0.123456]  # not rounded, as events.jsonl rounds it
    assert not (tmp_path / "events.spill").exists()


def test_a_build_leaves_no_spill_behind(tmp_path, nlp, ontology, monkeypatch):
    from graphbuild import pipeline

    monkeypatch.setattr(pipeline, "load_ontology", lambda files=(): ontology)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: nlp)
    src = tmp_path / "a.txt"
    src.write_text("Israel struck Hezbollah in southern Lebanon on Saturday, the army said.\n")
    result = pipeline.build([src], tmp_path / "out")
    assert not list((tmp_path / "out").glob(".*")) and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert result.counts[:2] == (len(result.merged), len(result.events))
    assert "1 document, 1 event (1 mention)" in result.summary()
