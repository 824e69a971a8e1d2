"""Scale: the RDF streamed through the store, and --append."""

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from graphbuild.export.rdf import convert, prefixes, to_rdf, triples, write_ntriples
from graphbuild.graph import merge_events
from graphbuild.records import Actor, Event, Place
from graphbuild.store import load_store

US, IR = Actor("USA", "United States", "state", "USA"), Actor("IRN", "Iran", "state", "IRN")


def _merged():
    return merge_events([
        Event("a", "US jets struck Iran on Friday.", (8, 14), US, IR, "struck", "strike", "ASSAULT",
              place=Place("Isfahan", "IRN", 32.65, 51.67), date="2024-02-02", confidence=0.9, fatalities=4),
        Event("b", 'Iran said "US drones" hit\nIsfahan again.', (10, 25), US, IR, "hit", "hit", "ASSAULT",
              modality="claimed", attributed_to="Iran", place=Place("Isfahan", "IRN", 32.65, 51.67),
              date="2024-03-09", confidence=0.6),
    ])


def test_streamed_nt_its_conversions_and_the_store_are_the_graph_of_to_rdf(tmp_path, mini_ontology):
    expected = to_rdf(_merged(), mini_ontology)
    write_ntriples(triples(_merged(), mini_ontology), tmp_path / "graph.nt")
    assert load_store(tmp_path / "graph.nt", tmp_path / "store") == len(expected)
    convert(tmp_path / "graph.nt", tmp_path / "graph.ttl")
    convert(tmp_path / "graph.nt", tmp_path / "graph.jsonld")
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.nt"))
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.ttl"))
    assert isomorphic(expected, Graph().parse(tmp_path / "graph.jsonld", format="json-ld"))
    ttl = (tmp_path / "graph.ttl").read_text()
    assert f"@prefix actor: <{prefixes()['actor']}> ." in ttl and "actor:USA" in ttl  # prefixes kept


def test_a_place_of_many_events_is_written_once(tmp_path, mini_ontology):
    lines = [t for t in triples(_merged(), mini_ontology) if str(t[0]).endswith("/place/isfahan-IRN")]
    assert len(lines) == len(set(lines))


# --------------------------------------------------------------------------- build --append

ARTICLES = {  # the same strike reported in two articles, so the halves must merge across the split
    "a1": "Israel struck Hezbollah in southern Lebanon on Saturday, the army said.",
    "a2": "Lebanese officials said Israel struck Hezbollah on Saturday.",
    "a3": "Police arrested twelve protesters in Lagos on Monday, witnesses said.",
    "a4": "Turkey struck Kurdish militant positions in northern Iraq on Wednesday, the ministry said.",
}


@pytest.fixture
def fast_build(nlp, ontology, monkeypatch):
    """build() with the session's pipeline and ontology (loading them is the slow part)."""
    from graphbuild import pipeline

    monkeypatch.setattr(pipeline, "load_ontology", lambda files=(): ontology)
    monkeypatch.setattr(pipeline, "load_pipeline", lambda model=None, onto=None: nlp)
    return pipeline.build


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(f"Title: Report {name}\nPublished: 2025-03-0{name[1]}\n\n{text}\n")
    return sorted(folder.glob("*.txt"))


def _lines(out):
    return sorted((out / "events.jsonl").read_text().splitlines())


def test_a_build_in_two_halves_with_append_is_one_build(tmp_path, articles, fast_build):
    whole = fast_build(articles, tmp_path / "whole")
    first = fast_build(articles[::2], tmp_path / "split")
    second = fast_build(articles[1::2], tmp_path / "split", append=True)
    assert first.kept is None and second.kept == 2 and second.documents == 4
    assert {e.event_id for e in second.events} == {e.event_id for e in whole.events}
    assert _lines(tmp_path / "split") == _lines(tmp_path / "whole")
    assert any(m.mention_count > 1 for m in whole.merged)  # a merge across the halves was tested
    for name in ("graph.nt", "events.csv", "documents.jsonl", "affiliations.jsonl"):
        a, b = (tmp_path / d / name for d in ("whole", "split"))
        assert sorted(a.read_text().splitlines()) == sorted(b.read_text().splitlines()), name


def test_append_skips_documents_already_there_and_replaces_a_new_text(tmp_path, articles, fast_build):
    out = tmp_path / "out"
    fast_build(articles, out)
    before = (out / "events.jsonl").read_bytes()
    again = fast_build(articles, out, append=True)
    assert again.kept == 4 and again.documents == 4 and (out / "events.jsonl").read_bytes() == before
    articles[2].write_text("Title: Report a3\n\nRebels shelled a market in Juba on Friday, residents said.\n")
    changed = fast_build([articles[2]], out, append=True)
    assert changed.kept == 3 and changed.documents == 4
    text = (out / "events.jsonl").read_text()
    assert "Juba" in text and "Lagos" not in text


def test_an_interrupted_append_leaves_the_output_and_resumes(tmp_path, articles, fast_build, monkeypatch):
    from graphbuild import pipeline

    out = tmp_path / "out"
    fast_build(articles[:2], out)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}

    def interrupted(*args, **kw):
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(pipeline, "write_outputs", interrupted)
        with pytest.raises(KeyboardInterrupt):
            fast_build(articles[2:], out, append=True)
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    resumed = fast_build(articles, out, append=True)
    assert resumed.kept == 2 and resumed.documents == 4
    assert _lines(out) == _lines(fast_build(articles, tmp_path / "whole") and tmp_path / "whole")


def test_append_refuses_a_build_of_other_settings_and_leaves_it(tmp_path, articles, fast_build):
    from graphbuild.errors import InputError

    out, mine = tmp_path / "out", tmp_path / "mine.ttl"
    fast_build(articles[:2], out)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    mine.write_text("@prefix cekg: <https://example.org/cekg/> .\n")
    with pytest.raises(InputError, match=r"--base https://graphbuild\.dev/id/ \(now http://other/\)"):
        fast_build(articles[2:], out, append=True, base="http://other/")
    with pytest.raises(InputError, match="other --ontology files"):
        fast_build(articles[2:], out, append=True, ontology_files=[mine])
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before
    assert fast_build(articles[2:], out, append=True).documents == 4  # the same settings: added


def test_append_refuses_a_folder_that_holds_no_build(tmp_path, articles):
    from graphbuild.cli import main

    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    assert main(["build", str(articles[0]), "--out", str(out), "--append"]) == 1
    assert (out / "notes.txt").read_text() == "mine" and len(list(out.iterdir())) == 1


def test_an_event_of_two_reports_in_one_article_writes_each_triple_once(tmp_path, mini_ontology):
    a = Event("d", "US jets struck Iran.", (8, 14), US, IR, "struck", "strike", "ASSAULT")
    b = Event("d", "US jets struck Iran.", (8, 14), US, IR, "struck", "hit", "ASSAULT")
    write_ntriples(triples(merge_events([a, b]), mini_ontology), tmp_path / "graph.nt")
    lines = (tmp_path / "graph.nt").read_text().splitlines()
    assert len(lines) == len(set(lines)) and len(merge_events([a, b])) == 1
