"""The Python API for notebooks: graphbuild.build / graphbuild.load and the Graph they return."""

from __future__ import annotations

import html

import networkx as nx
import pandas as pd
import pytest

import graphbuild
from graphbuild.api import Page, select
from graphbuild.errors import InputError, QueryError
from graphbuild.graph import merge_events
from graphbuild.records import Actor, Event, Place

EVENT_COLUMNS = ["event_id", "date", "date_source", "event_type", "mode", "cameo", "modality", "actor", "actor_id",
                 "actor_kind", "actor_country", "target", "target_id", "target_kind", "target_country", "place",
                 "country", "lat", "lon", "fatalities", "injured", "mentions", "doc_ids", "sources", "evidence"]


def test_load_gives_one_row_per_merged_event_with_the_flat_columns(examples_out):
    g = graphbuild.load(examples_out)
    events = g.events
    assert isinstance(events, pd.DataFrame) and len(events) > 0
    assert set(EVENT_COLUMNS) <= set(events.columns)
    assert events["event_id"].is_unique
    assert len(events) == len(g.merged) == g.graph.number_of_edges()
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    # casualties where the text gives them (the examples report deaths), whole numbers, else empty
    assert events["fatalities"].notna().any() and (events["fatalities"].dropna() >= 0).all()
    assert events["mentions"].sum() == len(g.mentions)
    # every row's lists are lists, for explode()
    assert all(isinstance(v, list) and v for v in events["evidence"])
    assert all(isinstance(v, list) and v for v in events["sources"])


def test_mentions_and_articles_carry_where_each_report_was_published(examples_out):
    g = graphbuild.load(examples_out)
    m = g.mentions
    assert m[["published", "url", "source", "sentence"]].notna().all().all()
    assert set(m["event_id"]) == set(g.events["event_id"])
    assert len(g.articles) == g.documents == m["doc_id"].nunique()


def test_actors_table_is_the_actor_graph(examples_out):
    g = graphbuild.load(examples_out)
    actors = g.actors
    assert set(actors["id"]) == set(g.graph.nodes)
    assert (actors["as_actor"] + actors["as_target"] >= 1).all()
    assert actors["events"].is_monotonic_decreasing
    sponsored = actors[actors["id"] == "IRN-backed-groups"]
    assert sponsored["sponsors"].iloc[0] == ["Iran"]


def test_query_returns_typed_dataframes_and_takes_saved_query_names(examples_out):
    g = graphbuild.load(examples_out)
    n = g.query("SELECT (COUNT(?e) AS ?n) WHERE { ?e a sem:Event }")
    assert n["n"].tolist() == [len(g.events)]
    attacks = g.query("who-attacked-whom")
    assert list(attacks.columns) == ["attacker", "target", "events", "mentions"]
    assert pd.api.types.is_integer_dtype(attacks["events"]) and len(attacks) > 0
    dates = g.query("SELECT ?d WHERE { ?e sem:hasTimeStamp ?d } LIMIT 3")
    assert pd.api.types.is_datetime64_any_dtype(dates["d"])
    assert g.query("ASK { ?e a plover:ASSAULT }")["boolean"].tolist() == [True]
    triples = g.query("CONSTRUCT { ?a cekg:assault ?t } WHERE { ?a cekg:assault ?t } LIMIT 2")
    assert list(triples.columns) == ["subject", "predicate", "object"]
    assert triples["subject"].str.startswith("actor:").all()


def test_query_errors_are_graphbuild_errors(examples_out):
    g = graphbuild.load(examples_out)
    with pytest.raises(QueryError, match="no saved query 'who-attacked'"):
        g.query("who-attacked")
    with pytest.raises(QueryError, match="unknown prefix 'foo:'"):
        g.query("SELECT ?x WHERE { ?x a foo:Bar }")


def test_rdf_is_loaded_on_first_use(examples_out):
    g = graphbuild.load(examples_out)
    assert "rdf" not in g.__dict__
    assert len(g.rdf) > 1000 and "rdf" in g.__dict__
    assert len(list(g.rdf.query("SELECT ?e WHERE { ?e a sem:Event }"))) == len(g.events)


def test_show_renders_the_filtered_graph_inline(examples_out):
    g = graphbuild.load(examples_out)
    page = g.show(event_type="ASSAULT", modality=["asserted", "claimed"])
    assert isinstance(page, Page)
    frame = page._repr_html_()
    assert frame.startswith('<iframe sandbox="allow-scripts" srcdoc="') and "<script" not in frame
    inner = html.unescape(frame.split('srcdoc="', 1)[1].split('" style=', 1)[0])
    assert inner == page.html and "vis.Network" in inner
    # the page holds the events that pass the filters, and no other
    shown = set(g.events.query("event_type == 'ASSAULT' and modality in ['asserted', 'claimed']")["event_id"])
    assert shown and all(e in inner for e in shown)
    assert not [e for e in g.events["event_id"] if e not in shown and e in inner]
    with pytest.raises(QueryError, match="no event passes"):
        g.show(actor="no such actor anywhere")


def test_load_names_a_folder_that_is_not_a_build(tmp_path):
    with pytest.raises(InputError, match="no events.jsonl here") as e:
        graphbuild.load(tmp_path)
    assert str(tmp_path) in str(e.value)


def test_build_returns_the_graph_and_keeps_the_build_result_fields(tmp_path, capsys):
    article = tmp_path / "hawks.txt"
    article.write_text("Title: Hawks shell a depot\nSource: Example Wire\nPublished: 2025-03-04\n\n"
                       "The Northern Hawks shelled the army depot in Gao on Monday, a spokesman said.\n")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    g = graphbuild.build([article, bad], tmp_path / "out")
    assert isinstance(g, graphbuild.Graph) and g.documents == 1 and len(g.problems) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err
    assert "1 document," in g.summary() and "1 input skipped " in g.summary()
    assert g.events.loc[0, "sources"] == ["Example Wire"]
    assert [e.event_type for e in g.records] == g.mentions["event_type"].tolist()
    assert {"events.csv", "graph.gexf"} <= set(g.paths)


US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
HAWKS = Actor("x-hawks", "Northern Hawks", "armed_group", resolved=False)


def _events():
    return merge_events([
        Event("a", "US jets struck Iran.", (8, 14), US, IR, "struck", "strike", "ASSAULT", date="2024-02-02",
              place=Place("Isfahan", "IRN", 32.65, 51.67)),
        Event("a", "Iran vowed to hit back at the US.", (5, 10), IR, US, "vowed", "threaten", "THREATEN",
              modality="threatened"),
        Event("b", "The Northern Hawks attacked Iran.", (19, 27), HAWKS, IR, "attacked", "attack", "ASSAULT",
              date="2024-03-01"),
    ])


@pytest.mark.parametrize("filters, types", [
    ({}, ["THREATEN", "ASSAULT", "ASSAULT"]),  # in document order
    ({"event_type": "assault"}, ["ASSAULT", "ASSAULT"]),
    ({"modality": "threatened"}, ["THREATEN"]),
    ({"since": "2024-02-15"}, ["ASSAULT"]),
    ({"until": pd.Timestamp("2024-02-02")}, ["ASSAULT"]),
    ({"actor": "hawks"}, ["ASSAULT"]),
    ({"actor": "USA", "event_type": ["THREATEN"]}, ["THREATEN"]),
])
def test_select_filters(filters, types):
    assert [e.event_type for e in select(_events(), **filters)] == types


def test_graph_without_store_still_gives_tables(tmp_path):
    from graphbuild.export import write_events
    from graphbuild.graph import mentions_of

    write_events(mentions_of(_events()), tmp_path / "events.jsonl")
    g = graphbuild.load(tmp_path)
    assert g.events["actor"].tolist() == ["Iran", "United States", "Northern Hawks"]
    assert isinstance(g.graph, nx.MultiDiGraph)
    with pytest.raises(QueryError, match="no store here"):
        g.query("ASK {}")
