import json
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
