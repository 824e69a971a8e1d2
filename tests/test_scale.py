"""Scale: the RDF streamed through the store, and --append."""

from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuild.export.rdf import dump_store, prefixes, to_rdf, triples, write_ntriples
from graphbuild.graph import merge_events
from graphbuild.records import Actor, Event, Place
from graphbuild.store import load_store, open_store

US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")


def _merged():
    return merge_events([
        Event("a", "US jets struck Iran on Friday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Isfahan", "IRN", 32.65, 51.67), date="2024-02-02", confidence=0.9),
        Event("b", 'Iran said "US drones" hit\nIsfahan again.', (10, 25), US, IR, "hit", "hit", "ASSAULT",
              modality="claimed", attributed_to="Iran", place=Place("Isfahan", "IRN", 32.65, 51.67),
              date="2024-03-09", confidence=0.6),
    ])


def test_streamed_nt_and_the_store_dumps_are_the_graph_of_to_rdf(tmp_path, mini_ontology):
    expected = to_rdf(_merged(), mini_ontology)
    write_ntriples(triples(_merged(), mini_ontology), tmp_path / "graph.nt")
    load_store(tmp_path / "graph.nt", tmp_path / "store")
    store = open_store(tmp_path / "store")
    dump_store(store, tmp_path / "graph.ttl")
    dump_store(store, tmp_path / "graph.jsonld")
    del store
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.nt"))
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.ttl"))
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.jsonld", format="json-ld"))
    ttl = (tmp_path / "graph.ttl").read_text()
    assert f"@prefix actor: <{prefixes()['actor']}> ." in ttl and "actor:USA" in ttl  # prefixes kept


def test_a_place_of_many_events_is_written_once(tmp_path, mini_ontology):
    lines = [t for t in triples(_merged(), mini_ontology) if str(t[0]).endswith("/place/isfahan-IRN")]
    assert len(lines) == len(set(lines))
