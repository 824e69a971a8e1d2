"""events.csv, graph.gexf and the article of each mention in events.jsonl and edges.csv."""

from __future__ import annotations

import csv
import json
from datetime import date

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild.export import read_articles, read_events, write_csv, write_events, write_events_csv, write_gexf
from graphbuild.export.flat import CSV_COLUMNS
from graphbuild.graph import mentions_of, merge_events
from graphbuild.records import Actor, Affiliation, Document, Event, Place

US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")
HAWKS = Actor("x-hawks", "Northern Hawks (NH)", "armed_group", resolved=False)
LONG = ("The Northern Hawks (NH) said, in a statement read on radio | TV, that its fighters had shelled the "
        "army depot \"for the last time\"; nobody else confirmed it.")
DOCS = {"a": Document("a", "", title="Jets strike", url="https://example.org/a", published=date(2024, 2, 3),
                      source="Example Wire"),
        "b": Document("b", "", url="https://example.org/b", source="Other Desk")}


def merged():
    return merge_events([
        Event("a", "US jets struck Iran on Friday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              mode="aerial", cameo="19", place=Place("Isfahan", "IRN", 32.65, 51.67), date="2024-02-02"),
        Event("b", "Iran said US aircraft hit Isfahan.", (10, 22), US, IR, "hit", "hit", "ASSAULT",
              place=Place("Isfahan", "IRN"), attributed_to="Iran", modality="alleged"),
        Event("b", LONG, (30, 37), HAWKS, None, "shelled", "shell", "ASSAULT", modality="claimed",
              attributed_to="The Northern Hawks (NH)", date="2024-03-01"),
    ])


def test_events_jsonl_carries_each_mentions_article(tmp_path):
    path = tmp_path / "events.jsonl"
    write_events(mentions_of(merged()), path, DOCS)
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert [x["article"] for x in lines] == [
        {"published": "2024-02-03", "url": "https://example.org/a", "source": "Example Wire"},
        {"published": None, "url": "https://example.org/b", "source": "Other Desk"},
        {"published": None, "url": "https://example.org/b", "source": "Other Desk"}]
    assert len(list(read_events(path))) == 3  # the reader takes the new field
    assert read_articles(path)["a"].published == date(2024, 2, 3)


def test_events_csv_is_one_event_a_row_with_acled_like_columns(tmp_path, mini_ontology):
    path = tmp_path / "events.csv"
    aff = Affiliation(HAWKS, "backedBy", US, "b", LONG)
    assert write_events_csv(merged(), path, DOCS, mini_ontology, [aff]) == 2
    df = pd.read_csv(path, dtype={"cameo": str})
    assert tuple(df.columns) == CSV_COLUMNS
    for name in ("event_date", "actor1", "assoc_actor_1", "actor2", "country", "location", "latitude",
                 "longitude", "fatalities", "source", "notes"):
        assert name in df.columns
    strike = df[df["actor1"] == "United States"].iloc[0]
    assert (strike["event_date"], strike["actor2"], strike["location"], strike["iso3"]) == \
        ("2024-02-02", "Iran", "Isfahan", "IRN")
    assert strike["mentions"] == 2 and strike["source"] == "Example Wire | Other Desk"
    assert strike["cameo"] == "19" and pd.isna(strike["fatalities"])
    hawks = df[df["actor1_id"] == "x-hawks"].iloc[0]
    assert hawks["assoc_actor_1"] == "United States" and pd.isna(hawks["actor2"])
    assert hawks["notes"] == LONG and hawks["attributed_to"] == "The Northern Hawks (NH)"  # never cut


def test_edges_csv_has_the_articles_in_the_order_of_doc_ids_and_cuts_nothing(tmp_path):
    write_csv(merged(), tmp_path / "nodes.csv", tmp_path / "edges.csv", documents=DOCS)
    with open(tmp_path / "edges.csv", newline="") as fh:
        rows = {r["source"]: r for r in csv.DictReader(fh)}
    us = rows["USA"]
    assert us["doc_ids"] == "a | b" and us["article_source"] == "Example Wire | Other Desk"
    assert us["article_published"] == "2024-02-03 | " and us["article_url"].count("https://") == 2
    assert rows["x-hawks"]["evidence"] == LONG and rows["x-hawks"]["attributed_to"] == "The Northern Hawks (NH)"


def test_gexf_gives_dated_edges_a_time_interval(tmp_path):
    path = tmp_path / "graph.gexf"
    write_gexf(merged(), path)
    text = path.read_text()
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    g = nx.read_gexf(path)
    edges = {d["id"]: d for *_, d in g.edges(data=True)}
    assert len(edges) == 2
    assert sorted(d.get("start") for d in edges.values()) == ["2024-02-02", "2024-03-01"]
    assert all(d.get("end") == d.get("start") for d in edges.values())
    assert g.nodes["USA"]["label"] == "United States"


def test_a_build_writes_the_new_outputs(examples_out):
    events = pd.read_csv(examples_out / "events.csv")
    assert len(events) > 0 and "fatalities" in events.columns
    assert events["source"].notna().all() and events["notes"].notna().all()
    g = nx.read_gexf(examples_out / "graph.gexf")
    assert g.number_of_edges() == len(events)
    lines = (examples_out / "events.jsonl").read_text().splitlines()
    assert all(json.loads(x)["article"]["source"] for x in lines)
    edges = pd.read_csv(examples_out / "edges.csv")
    assert edges["article_source"].notna().all()


@pytest.mark.model
def test_a_name_with_its_acronym_in_brackets_is_not_cut(extract):
    # the parser may make the acronym the head ("... al-Muslimin (JNIM) said"): the bracket is closed
    events = extract("Jama'at Nusrat al-Islam wal-Muslimin (JNIM) said its fighters had stormed the barracks. "
                     "The Popular Defence Brigades (PDB) said they had shelled the army depot.")
    said = {e.attributed_to for e in events}
    assert "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" in said
    assert not [s for s in said if s and s.count("(") != s.count(")")]
    assert not [e for e in events for a in (e.actor, e.target) if a and a.mention.count("(") != a.mention.count(")")]


def test_the_readme_documents_every_events_csv_column():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    table = readme.split("**`events.csv`**", 1)[1].split("\n\n", 2)[1]
    documented = {name for line in table.splitlines() for name in line.split("|")[1].replace("`", " ")
                  .replace(",", " ").replace(":", " ").split() if name in CSV_COLUMNS}
    assert documented == set(CSV_COLUMNS)


TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=TEXT, sentence=TEXT, said=TEXT, outlet=TEXT)
def test_events_csv_keeps_every_value_whole(tmp_path, label, sentence, said, outlet):
    actor = Actor("x-a", label, "armed_group", resolved=False)
    ev = Event("d", sentence, (0, 1), actor, IR, "hit", "hit", "ASSAULT", attributed_to=said)
    path = tmp_path / "events.csv"
    write_events_csv(merge_events([ev]), path, {"d": Document("d", "", source=outlet)})
    with open(path, newline="", encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert (row["actor1"], row["notes"], row["attributed_to"], row["source"]) == (label, sentence, said, outlet)
