import json
import os
import re

from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuild.export import read_events, to_rdf, write_events, write_html, write_rdf
from graphbuild.graph import mentions_of, merge_events
from graphbuild.namespaces import CEKG
from graphbuild.records import Actor, Event, Place

US, IR = Actor("USA", "United States", "state", "USA", "Washington"), Actor("IRN", "Iran", "state", "IRN")
EVIL = 'Officials said <script>alert(1)</script> and <img src=x onerror="alert(2)"> nothing more.'


def merged():
    return merge_events([
        Event("a", "US jets struck Iran on Friday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Isfahan", "IRN"), date="2024-02-02", confidence=0.9),
        Event("b", EVIL, (0, 9), None, IR, "said", "strike", "ASSAULT", modality="claimed",
              attributed_to="Officials"),
    ])


def test_events_jsonl_round_trip(tmp_path):
    path = tmp_path / "events.jsonl"
    events = mentions_of(merged())
    write_events(events, path)
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert {"id", "event_id", "doc_id", "sentence", "span", "actor", "target", "action", "event_type", "mode",
            "cameo", "modality", "attributed_to", "place", "date", "confidence"} <= set(lines[0])
    back = list(read_events(path))
    assert [e.to_dict() for e in back] == [e.to_dict() for e in events]


def test_rdf_has_event_nodes_direct_triples_and_round_trips(tmp_path, mini_ontology):
    g = to_rdf(merged(), mini_ontology)
    direct = list(g.triples((None, CEKG.assault, None)))
    assert len(direct) == 1
    for suffix in (".ttl", ".nt", ".jsonld"):
        write_rdf(g, tmp_path / f"graph{suffix}")
        back = Graph().parse(tmp_path / f"graph{suffix}")
        assert isomorphic(g, back), suffix


def test_html_is_offline_and_escapes_article_text(tmp_path):
    path = tmp_path / "graph.html"
    write_html(merged(), path)
    html = path.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "vis.Network" in html


def test_merged_event_node_carries_every_report(mini_ontology):
    from rdflib.namespace import PROV

    a = Event("a", "US jets struck Iran on Friday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              mode="aerial", place=Place("Isfahan", "IRN", 32.65, 51.67), date="2024-02-02", confidence=0.9)
    b = Event("b", "Iran said US aircraft hit Isfahan.", (10, 22), US, IR, "hit", "hit", "ASSAULT",
              modality="claimed", attributed_to="Iran", confidence=0.5)
    g = to_rdf(merge_events([a, b]), mini_ontology)
    (event,) = g.subjects(CEKG.mentionCount, None)
    assert g.value(event, CEKG.mentionCount).toPython() == 2
    assert len(set(g.objects(event, PROV.wasDerivedFrom))) == 2
    assert {str(x) for x in g.objects(event, CEKG.evidence)} == {a.sentence, b.sentence}
    assert list(g.objects(event, CEKG.modality)) == [CEKG.asserted]
    from rdflib import RDF

    assert g.value(event, CEKG.mode) in set(mini_ontology.graph.subjects(RDF.type, CEKG.Mode))  # "aerial"
    mentions = set(g.objects(event, CEKG.hasMention))
    assert {g.value(m, CEKG.modality) for m in mentions} == {CEKG.asserted, CEKG.claimed}
    assert {str(g.value(m, CEKG.attributedTo)) for m in mentions} == {"None", "Iran"}


def test_csv_and_graphml_agree_with_the_graph(tmp_path):
    import csv

    from graphbuild.export import read_graphml, write_csv, write_graphml

    write_csv(merged(), tmp_path / "nodes.csv", tmp_path / "edges.csv")
    write_graphml(merged(), tmp_path / "graph.graphml")
    nodes = list(csv.DictReader((tmp_path / "nodes.csv").open()))
    edges = list(csv.DictReader((tmp_path / "edges.csv").open()))
    assert {n["id"] for n in nodes} == {"USA", "IRN", "unidentified-armed-group-IRN"}
    assert {e["event_id"] for e in edges} == {m.event_id for m in merged()}
    evil = next(e for e in edges if e["source"] == "unidentified-armed-group-IRN")
    assert evil["evidence"] == EVIL and evil["modality"] == "claimed"
    g = read_graphml(tmp_path / "graph.graphml")
    assert set(g.nodes) == {n["id"] for n in nodes}
    assert {k for *_, k in g.edges(keys=True)} == {e["event_id"] for e in edges}
    assert g.nodes["USA"]["activity"] == 1 and g.nodes["IRN"]["kind"] == "state"


def test_every_graph_gets_its_positions_in_advance():
    from graphbuild.export import html

    model = html.view_model(merged())
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in model["nodes"])
    assert model == html.view_model(merged())  # deterministic
    assert {"kind", "colour"} <= set(model["legend"][0])
    assert model["modalities"] == ["asserted", "claimed"]


def test_the_layout_is_the_same_in_every_run():
    # small parts of a larger graph: networkx iterates their subgraphs in set order, which changes with the
    # hash seed of the run; the page must not
    import subprocess
    import sys

    code = ("import networkx as nx; from graphbuild.export.html import positions; "
            "g = nx.Graph([(f'a{i}', f'b{i}') for i in range(40)] + [(f'a{i}', f'c{i}') for i in range(40)]"
            " + [('a0', f'h{j}') for j in range(30)] + [('h1', 'h2'), ('b3', 'c3')]); print(positions(g))")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and "a0" in runs.pop()


def test_shapes_accept_the_export_and_catch_a_direct_triple_without_an_event(tmp_path, mini_ontology):
    from rdflib import Literal, URIRef

    from graphbuild.export.rdf import prefixes
    from graphbuild.validate import validate

    threat = Event("c", "Iran threatened to strike US bases.", (5, 15), IR, US, "threatened", "threaten",
                   "ASSAULT", modality="threatened")
    g = to_rdf(merged() + merge_events([threat]), mini_ontology)
    assert len(list(g.triples((None, CEKG.assault, None)))) == 1  # the strike's, not the threat's
    write_rdf(g, tmp_path / "graph.ttl")
    assert validate(tmp_path).conforms
    actor = prefixes()["actor"]
    g.remove((URIRef(actor + "USA"), CEKG.assault, URIRef(actor + "IRN")))  # the strike loses its triple
    g.add((URIRef(actor + "IRN"), CEKG.assault, URIRef(actor + "USA")))  # and the threat gains one
    g.set((next(g.subjects(CEKG.actionLemma, Literal("threaten"))), CEKG.confidence, Literal(2.0)))
    write_rdf(g, tmp_path / "graph.ttl")
    result = validate(tmp_path)
    assert not result.conforms and result.violations == 3
    assert "is missing beside this event" in result.report
    assert "has no event reported as having happened behind it" in result.report
    assert "MaxInclusiveConstraintComponent" in result.report
