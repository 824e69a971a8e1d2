from graphbuild.graph import build_graph, event_graph, mentions_of, merge_events
from graphbuild.records import Actor, Event, Place

US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")


def ev(doc, sent, span, actor=US, target=IR, date=None, etype="ASSAULT", modality="asserted"):
    return Event(doc, sent, span, actor, target, "struck", "strike", etype, modality=modality, date=date)


def test_reports_of_one_event_merge_and_count_mentions():
    merged = merge_events([ev("a", "US struck Iran.", (3, 9), date="2024-02-28"),
                           ev("b", "Iran was struck by the US.", (9, 15)),
                           ev("b", "The US struck Iran again.", (7, 13), date="2024-03-02")])
    assert sorted(len(m.mentions) for m in merged) == [1, 2]
    ids = {e.event_id for e in mentions_of(merged)}
    assert len(ids) == 2


def test_unknown_actor_merges_only_within_one_article():
    a = ev("a", "A missile hit Iran.", (10, 13), actor=None)
    b = ev("b", "A rocket hit Iran.", (9, 12), actor=None)
    assert len(merge_events([a, b])) == 2
    assert len(merge_events([a, ev("a", "The strike on Iran.", (4, 10), actor=None)])) == 1


def test_event_ids_are_stable():
    evs = [ev("a", "US struck Iran.", (3, 9)), ev("b", "Iran hit.", (5, 8), actor=IR, target=US)]
    assert [m.event_id for m in merge_events(evs)] == [m.event_id for m in merge_events(list(reversed(evs)))]


def test_graph_views():
    merged = merge_events([ev("a", "US struck Iran.", (3, 9)), ev("a", "A missile hit Iran.", (10, 13), actor=None)])
    g = build_graph(merged)
    assert g.number_of_edges() == 2 and "unidentified" in g
    assert g.nodes["IRN"]["activity"] == 2
    eg = event_graph(merged)
    assert sum(1 for _, d in eg.nodes(data=True) if d["node_type"] == "event") == 2


def test_modality_of_merged_event_is_most_assertive():
    merged = merge_events([ev("a", "X claimed it struck Iran.", (3, 9), modality="claimed"),
                           ev("b", "US struck Iran.", (3, 9))])
    assert merged[0].modality == "asserted"
