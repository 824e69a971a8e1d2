from dataclasses import replace

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
    assert g.number_of_edges() == 2 and g.nodes["unidentified-armed-group-IRN"]["label"] \
        == "Unidentified armed group (Iran)"
    assert g.nodes["IRN"]["activity"] == 2
    eg = event_graph(merged)
    assert sum(1 for _, d in eg.nodes(data=True) if d["node_type"] == "event") == 2


def test_modality_of_merged_event_is_most_assertive():
    merged = merge_events([ev("a", "X claimed it struck Iran.", (3, 9), modality="claimed"),
                           ev("b", "US struck Iran.", (3, 9))])
    assert merged[0].modality == "asserted"


def test_places_must_agree_to_merge():
    merged = merge_events([
        Event("a", "US struck Iran in Baghdad.", (3, 9), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Baghdad", "IRQ")),
        Event("b", "US strikes in central Baghdad.", (0, 10), US, IR, "strikes", "strike", "ASSAULT",
              place=Place("central Baghdad", "IRQ")),
        Event("c", "US struck Iran in Mosul.", (3, 9), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Mosul", "IRQ")),
        Event("d", "US struck Iran in Beirut.", (3, 9), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Beirut", "LBN", 33.89, 35.5)),
        Event("e", "US struck Iran near Beirut.", (3, 9), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Beirut suburbs", "LBN", 33.85, 35.52)),
    ])
    assert sorted(m.mention_count for m in merged) == [1, 2, 2]


def test_merged_event_keeps_every_mention_and_its_evidence():
    a = Event("a", "The US struck Iran.", (7, 13), US, IR, "struck", "strike", "ASSAULT", confidence=0.6,
              attributed_to="officials")
    b = Event("b", "Iran was struck by US jets.", (9, 15), US, IR, "struck", "strike", "ASSAULT", confidence=0.5,
              mode="aerial", date="2024-02-02")
    (m,) = merge_events([b, a, a])  # the same report read twice counts once
    assert m.mention_count == 2 and m.doc_ids == ["a", "b"]
    assert m.evidence == ["The US struck Iran.", "Iran was struck by US jets."]
    assert m.confidence == 0.8 and m.mode == "aerial" and m.date == "2024-02-02"
    assert m.attributed_to == ["officials"]
    assert all(x.event_id == m.event_id for x in m.mentions)


def test_event_ids_do_not_depend_on_input_order():
    evs = [ev("a", "US struck Iran.", (3, 9)), ev("b", "The US hit Iran.", (7, 10)),
           ev("a", "Iran struck the US.", (5, 11), actor=IR, target=US)]
    ids = {e.id: e.event_id for e in mentions_of(merge_events(evs))}
    assert ids == {e.id: e.event_id for e in mentions_of(merge_events(evs[::-1]))}


def test_multigraph_keys_are_event_ids_and_the_event_view_links_roles():
    merged = merge_events([ev("a", "US struck Iran.", (3, 9)), ev("b", "US struck Iran again.", (3, 9),
                                                                  date="2024-03-01"),
                           ev("c", "US jets struck Iran.", (8, 14), date="2024-02-01")])
    g = build_graph(merged)
    assert sorted(k for _, _, k in g.edges(keys=True)) == sorted(m.event_id for m in merged)
    assert g.number_of_edges("USA", "IRN") == 2
    eg = event_graph(merged)
    for m in merged:
        assert eg.nodes[m.event_id]["mentions"] == m.mention_count
        assert eg.edges["USA", m.event_id]["role"] == "actor" and eg.edges[m.event_id, "IRN"]["role"] == "target"


def test_one_facility_named_three_ways_in_one_article_is_one_target():
    full = Actor("USA-fac-1", "US Embassy in Kabul", "facility", "USA")
    short = Actor("USA-fac-2", "US Embassy", "facility", "USA")
    other = Actor("USA-fac-3", "US consulate", "facility", "USA")
    a = Event("a", "Rockets hit the US Embassy in Kabul on Monday.", (8, 11), None, full, "hit", "hit", "ASSAULT")
    b = Event("a", "The US Embassy was attacked twice this year.", (19, 27), None, short, "attacked", "attack",
              "ASSAULT")
    c = Event("a", "A US consulate was also hit.", (24, 27), None, other, "hit", "hit", "ASSAULT")
    d = Event("b", "The US Embassy came under fire.", (21, 25), None, short, "fire", "fire", "ASSAULT")
    merged = merge_events([a, b, c, d])
    assert sorted(m.mention_count for m in merged) == [1, 1, 2]
    (embassy,) = [m for m in merged if m.mention_count == 2]
    assert embassy.target == full and {m.target.id for m in embassy.mentions} == {"USA-fac-1", "USA-fac-2"}


def test_a_threat_or_a_denial_of_the_fact_is_not_the_attack_itself():
    done = ev("a", "Iran attacked US bases.", (5, 13), actor=IR, target=US)
    claimed = ev("b", "Iran said it attacked US bases.", (13, 21), actor=IR, target=US, modality="claimed")
    threat = ev("a", "Iran may attack US bases again.", (9, 15), actor=IR, target=US, modality="hypothetical")
    vow = ev("c", "Iran vowed to attack US bases.", (14, 20), actor=IR, target=US, modality="threatened")
    merged = merge_events([done, claimed, threat, vow])
    assert sorted((m.modality, m.mention_count) for m in merged) == [("asserted", 2), ("threatened", 2)]


def test_facility_named_with_and_without_its_place_in_one_article():
    curated = Actor("embassy-kabul", "US Embassy in Kabul", "facility", "AFG")  # located in, not owned by
    derived = Actor("USA-fac-9", "US Embassy in the Afghan capital", "facility", "USA")
    bare = Actor("embassy", "embassy", "facility", None)
    base = Actor("USA-fac-7", "US base", "facility", "USA")
    evs = [Event("a", "Rockets hit the US Embassy in the Afghan capital.", (8, 11), None, derived, "hit", "hit",
                 "ASSAULT"),
           Event("a", "A rocket struck a wall of the US Embassy in Kabul.", (9, 15), None, curated, "struck",
                 "strike", "ASSAULT"),
           Event("a", "The embassy was hit at dawn.", (16, 19), None, bare, "hit", "hit", "ASSAULT"),
           Event("a", "A US base was hit too.", (15, 18), None, base, "hit", "hit", "ASSAULT")]
    merged = merge_events(evs)
    assert sorted(m.mention_count for m in merged) == [1, 3]


def test_no_catch_all_nodes_unidentified_sides_and_victims_are_per_country():
    """An unknown side is drawn per country of the event (its place, else the other side's country), generic
    victims of one country are one node, and the words of each mention stay on the edge."""
    kids, men = Actor("x-two-kids", "two kids", "civilians", mention="two kids"), \
        Actor("x-men", "men", "civilians", mention="the men")
    so, ye = Place("Baidoa", "SOM"), Place("Taiz", "YEM")
    merged = merge_events([
        replace(ev("a", "Gunfire killed two kids in Baidoa.", (0, 7), actor=None, target=kids), place=so),
        replace(ev("b", "A bomb hurt the men in Baidoa.", (7, 11), actor=None, target=men), place=so),
        replace(ev("c", "A shell hit the men in Taiz.", (8, 11), actor=None, target=men), place=ye),
        ev("d", "Someone threatened Iran.", (8, 18), actor=None, etype="THREATEN"),
        replace(ev("e", "The US struck.", (7, 13), target=None), place=ye),
    ])
    g = build_graph(merged)
    labels = {d["label"] for _, d in g.nodes(data=True)}
    assert {"Unidentified armed group (Somalia)", "Unidentified armed group (Yemen)", "Civilians (Somalia)",
            "Civilians (Yemen)", "Unidentified actor (Iran)", "Unidentified target (Yemen)"} <= labels
    assert g.degree("SOM-civilians") == 2 and g.degree("YEM-civilians") == 1
    assert sorted(w for *_, d in g.in_edges("SOM-civilians", data=True) for w in d["target_mentions"]) \
        == ["the men", "two kids"]
    assert all(d["actor_mentions"] == [] for *_, d in g.in_edges("SOM-civilians", data=True))


def test_two_sentences_of_one_shape_are_two_mentions():
    from graphbuild.records import Actor, Event

    a, t = Actor("IRN", "Iran", "state"), Actor("IRQ", "Iraq", "state")
    one = Event("d", "Iran shelled Iraq.", (5, 12), a, t, "shelled", "shell", "ASSAULT")
    two = Event("d", "Iran shelled Iraq again.", (5, 12), a, t, "shelled", "shell", "ASSAULT")
    assert one.id != two.id
