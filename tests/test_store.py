"""The store, saved queries, `graphbuild query` and `graphbuild validate`, on examples/ and on the seed article."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graphbuild.cli import main
from graphbuild.errors import QueryError
from graphbuild.namespaces import CEKG
from graphbuild.store import (
    format_results,
    load_store,
    memory_store,
    open_store,
    query,
    read_query,
    saved_queries,
    update,
)

from .conftest import ROOT

TRIPLES = """\
<https://graphbuild.dev/id/actor/USA> <https://graphbuild.dev/ns/cekg#assault> <https://graphbuild.dev/id/actor/IRN> .
<https://graphbuild.dev/id/actor/USA> <http://www.w3.org/2004/02/skos/core#prefLabel> "United States"@en .
<https://graphbuild.dev/id/actor/IRN> <http://www.w3.org/2004/02/skos/core#prefLabel> "Iran, \\"the state\\""@en .
"""


def test_bulk_load_open_read_only_and_query(tmp_path):
    nt = tmp_path / "g.nt"
    nt.write_text(TRIPLES)
    assert load_store(nt, tmp_path / "store") == 3
    store = open_store(tmp_path)  # the folder holding store/
    assert bool(query(store, "ASK { actor:USA cekg:assault actor:IRN }"))
    with pytest.raises(QueryError, match="not valid SPARQL"):
        query(store, "SELECT WHERE {")
    # read-only: a second reader at the same time is fine, a write is refused
    other = open_store(tmp_path / "store")
    with pytest.raises(QueryError, match="update failed"):
        update(other, "INSERT DATA { <http://a> <http://b> <http://c> }")


def test_result_formats():
    store = memory_store(TRIPLES)
    q = "SELECT ?a ?label WHERE { ?a skos:prefLabel ?label } ORDER BY ?label"
    data = json.loads(format_results(query(store, q), "json"))
    assert data["head"]["vars"] == ["a", "label"]
    assert data["results"]["bindings"][1]["label"] == {"type": "literal", "value": "United States",
                                                       "xml:lang": "en"}
    rows = list(csv.DictReader(io.StringIO(format_results(query(store, q), "csv"))))
    assert rows[0] == {"a": "https://graphbuild.dev/id/actor/IRN", "label": 'Iran, "the state"'}
    table = format_results(query(store, q), "table")
    assert "actor:IRN" in table and table.endswith("(2 rows)")
    assert "<sparql" in format_results(query(store, q), "xml")
    assert format_results(query(store, "ASK { ?s ?p ?o }"), "table") == "true"
    assert json.loads(format_results(query(store, "ASK { ?s ?p ?o }"), "json"))["boolean"] is True
    ttl = format_results(query(store, "CONSTRUCT WHERE { ?a cekg:assault ?t }"), "table")
    assert "actor:USA cekg:assault actor:IRN" in ttl


def test_read_query_takes_text_a_file_or_a_saved_name(tmp_path):
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s ?p ?o }")
    assert read_query(str(f)) == "ASK { ?s ?p ?o }"
    assert read_query("who-attacked-whom") == (ROOT / "queries" / "who-attacked-whom.rq").read_text()
    assert read_query("SELECT * WHERE { ?s ?p ?o }").startswith("SELECT")
    with pytest.raises(QueryError, match="no such query file"):
        read_query(str(tmp_path / "missing.rq"))


def test_there_are_saved_queries_and_the_readme_shows_each():
    names = saved_queries()
    assert len(names) >= 8
    readme = (ROOT / "README.md").read_text()
    for name in names:
        assert f"queries/{name}.rq" in readme, name
    for command in ("graphbuild query", "graphbuild serve", "graphbuild validate"):
        assert command in readme


def test_every_saved_query_returns_rows_on_the_examples(examples_out):
    store = open_store(examples_out)
    for name, path in saved_queries().items():
        rows = json.loads(format_results(query(store, path.read_text()), "json"))["results"]["bindings"]
        assert rows, name


def test_every_saved_query_returns_rows_on_the_seed_article(seed_out):
    store = open_store(seed_out)
    empty = [name for name, path in saved_queries().items()
             if not json.loads(format_results(query(store, path.read_text()), "json"))["results"]["bindings"]]
    assert empty == []


def test_the_three_rdf_files_are_one_graph_and_the_store_holds_it(seed_out):
    ttl = Graph().parse(seed_out / "graph.ttl")
    assert isomorphic(ttl, Graph().parse(seed_out / "graph.nt"))
    assert isomorphic(ttl, Graph().parse(seed_out / "graph.jsonld", format="json-ld"))
    store = open_store(seed_out)
    n = int(next(iter(query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)
    assert n == len(ttl)


def test_embassy_attack_reported_in_several_sentences_is_one_event(seed_out):
    """The missile attack on the US Embassy in Baghdad is one event with its mentions counted."""
    events = [json.loads(x) for x in (seed_out / "events.jsonl").read_text().splitlines()]
    on_embassy = [e for e in events if e["event_type"] == "ASSAULT" and e["target"]
                  and "embassy" in (e["target"]["label"] + " " + e["target"]["mention"]).lower()]
    assert on_embassy
    by_event: dict[str, list] = {}
    for e in on_embassy:
        by_event.setdefault(e["event_id"], []).append(e)
    main_event = max(by_event.values(), key=len)
    assert len(main_event) >= 2 and len({e["sentence"] for e in main_event}) >= 2
    g = Graph().parse(seed_out / "graph.ttl")
    node = next(s for s in g.subjects(CEKG.mentionCount, None) if str(s).endswith(main_event[0]["event_id"]))
    assert g.value(node, CEKG.mentionCount).toPython() == len(main_event)
    assert len(set(g.objects(node, CEKG.hasMention))) == len(main_event)


# --------------------------------------------------------------------------- the CLI

def test_query_cli_formats_and_errors(examples_out, capsys):
    assert main(["query", str(examples_out), "ASK { ?e a sem:Event }", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}
    assert main(["query", str(examples_out), str(ROOT / "queries" / "sources-per-event.rq"), "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {"event", "mentions", "articles", "sources"} <= set(rows[0])
    assert main(["query", str(examples_out), "most-active-actors"]) == 0
    assert capsys.readouterr().out.splitlines()[0].split(" | ")[0].strip() == "actor"
    assert main(["query", str(examples_out), "SELECT ?x WHERE { oops"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("graphbuild: not valid SPARQL") and err.count("\n") == 1


def test_query_cli_without_a_store_reads_graph_nt(tmp_path, examples_out, capsys):
    shutil.copy(examples_out / "graph.nt", tmp_path / "graph.nt")
    assert main(["query", str(tmp_path), "ASK { ?a cekg:actor ?b }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    assert main(["query", str(tmp_path / "nowhere"), "ASK {}"]) == 2
    assert "no store here" in capsys.readouterr().err


def test_validate_passes_on_the_build_and_fails_on_a_broken_graph(tmp_path, examples_out, capsys):
    assert main(["validate", str(examples_out)]) == 0
    assert "conforms" in capsys.readouterr().out
    g = Graph().parse(examples_out / "graph.ttl")
    event = next(g.subjects(CEKG.mentionCount, None))
    g.add((event, CEKG.modality, CEKG.claimed))  # a second modality
    g.set((event, CEKG.mentionCount, Literal(99)))
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    assert main(["validate", str(tmp_path)]) == 1
    out = capsys.readouterr()
    assert "exactly one modality" in out.out and "mentionCount 99 is not the number of the event's mentions" in out.out
    assert "SHACL violations" in out.err


def test_validate_passes_on_the_seed_article(seed_out, capsys):
    assert main(["validate", str(seed_out)]) == 0


def test_a_build_writes_every_output(examples_out):
    from graphbuild.pipeline import OUTPUTS

    for name in OUTPUTS:
        path = examples_out / name
        assert path.exists() and (path.is_dir() or path.stat().st_size > 0), name


def test_long_one_line_query_text_is_not_taken_for_a_file_name():
    from graphbuild.store import read_query

    text = "SELECT * WHERE { ?s ?p ?o } " + "#" * 400
    assert read_query(text) == text
