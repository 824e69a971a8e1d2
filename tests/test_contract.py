"""The closed contract: the enumerations of events.jsonl are checked where records come in, the cekg
vocabulary is closed against ontology/vocab.ttl, and any valid event survives events.jsonl and the RDF."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import RDF, Graph, URIRef

from graphbuild.cli import main
from graphbuild.errors import InputError, OntologyError
from graphbuild.export import read_events, to_rdf, write_events, write_rdf
from graphbuild.graph import merge_events
from graphbuild.namespaces import CEKG
from graphbuild.ontology import check_terms, load_ontology, ontology_dir
from graphbuild.records import EVENT_TYPES, KIND_TABLE, KINDS, MODALITIES, MODALITY_TABLE, Actor, Event, Place

NS = str(CEKG._NS)


def _declared() -> set[str]:
    g = Graph().parse(ontology_dir() / "vocab.ttl")
    return {str(s)[len(NS):] for s in g.subjects(RDF.type, None) if str(s).startswith(NS)}


def _event(**kw) -> Event:
    base = dict(doc_id="d", sentence="Rebels shelled the base.", span=(7, 14),
                actor=Actor("x-rebels", "rebels", "armed_group", mention="Rebels", resolved=False),
                target=Actor("x-base", "base", "facility", mention="the base", resolved=False),
                action_text="shelled", action_lemma="shell", event_type="ASSAULT")
    return Event(**{**base, **kw})


# ---------------------------------------------------------------- enumerations checked where records come in

def test_tables_cover_the_enumerations(ontology):
    assert set(KIND_TABLE) == set(KINDS) and set(MODALITY_TABLE) == set(MODALITIES)
    assert len(EVENT_TYPES) == 17 and "FIGHT" in EVENT_TYPES
    assert set(ontology.lexicon.cameo) == set(EVENT_TYPES)  # one PLOVER class in event_types.ttl per type


def test_kind_table_agrees_with_the_vocabulary(ontology):
    """The kind of each class in KIND_TABLE is the class's cekg:kindCode in vocab.ttl."""
    for kind, info in KIND_TABLE.items():
        if info.cls != "Actor":
            assert ontology.kind_of_class[CEKG[info.cls]] == kind


@pytest.mark.parametrize("field,value", [("event_type", "BLOWUP"), ("modality", "maybe")])
def test_records_outside_the_contract_are_refused(field, value):
    d = _event().to_dict()
    with pytest.raises(InputError, match=f"{field} '{value}'"):
        Event.from_dict({**d, field: value})


def test_an_unknown_kind_is_refused():
    d = _event().to_dict()
    d["actor"]["kind"] = "militia"
    with pytest.raises(InputError, match="actor.kind|kind 'militia'"):
        Event.from_dict(d)


def test_read_events_names_file_and_line(tmp_path):
    path = tmp_path / "events.jsonl"
    good = _event().to_dict()
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "modality": "maybe"}) + "\n")
    with pytest.raises(InputError) as e:
        list(read_events(path))
    assert str(e.value).startswith(f"{path}:2: ") and "modality 'maybe'" in str(e.value)


@pytest.mark.parametrize("field,value", [("event_type", "BLOWUP"), ("modality", "maybe")])
def test_evaluate_refuses_an_events_file_outside_the_contract(tmp_path, capsys, field, value):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "d", "source": "test", "text": "Rebels shelled the base.",
                                "events": []}) + "\n")
    events = tmp_path / "events.jsonl"
    good = _event().to_dict()
    events.write_text(json.dumps(good) + "\n" + json.dumps(good) + "\n" + json.dumps({**good, field: value}) + "\n")
    assert main(["evaluate", str(gold), "--events", str(events)]) != 0
    err = capsys.readouterr().err
    assert f"{events}:3: " in err and f"'{value}'" in err and "Traceback" not in err


# ---------------------------------------------------------------- the closed vocabulary

def test_cekg_namespace_is_the_vocabulary():
    """namespaces.CEKG declares exactly the terms of ontology/vocab.ttl, and refuses any other."""
    assert set(CEKG.__annotations__) == _declared()
    with pytest.raises(AttributeError):
        CEKG.contry  # noqa: B018


def test_every_cekg_term_of_a_built_graph_is_declared(mini_ontology):
    """Every type, modality and kind, written as RDF: no cekg: term outside the vocabulary."""
    kinds = itertools.cycle(KINDS)
    events = [_event(event_type=t, modality=m, span=(i, i + 3),
                     actor=Actor(f"x-a{i}", f"a{i}", next(kinds), resolved=False),
                     target=Actor(f"x-t{i}", f"t{i}", next(kinds), resolved=False))
              for i, (t, m) in enumerate((t, m) for t in EVENT_TYPES for m in MODALITIES)]
    g = to_rdf(merge_events(events), mini_ontology)
    used = {str(x)[len(NS):] for triple in g for x in triple if isinstance(x, URIRef) and str(x).startswith(NS)}
    assert used and used <= _declared()
    assert {e.lower() for e in EVENT_TYPES} <= used  # the direct triples, one property per type


def test_every_cekg_term_of_the_examples_graph_is_declared(examples_out):
    g = Graph().parse(examples_out / "graph.nt", format="nt")
    used = {str(x)[len(NS):] for triple in g for x in triple if isinstance(x, URIRef) and str(x).startswith(NS)}
    assert "assault" in used and used <= _declared(), sorted(used - _declared())


def test_bundled_files_use_only_declared_terms():
    folder = ontology_dir()
    whole = Graph()
    for f in sorted(folder.glob("*.ttl")):
        whole.parse(f)
    declared = frozenset(str(s)[len(NS):] for s in whole.subjects(RDF.type, None) if str(s).startswith(NS))
    for f in sorted(folder.glob("*.ttl")):
        check_terms(Graph().parse(f), f, declared)


USER = """@prefix cekg:  <https://graphbuild.dev/ns/cekg#> .
@prefix actor: <https://graphbuild.dev/id/actor/> .
@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .
# a user's own actors
actor:northern-hawks a {cls} ;
    skos:prefLabel "Northern Hawks"@en ;
    {prop} actor:SYR .
"""


@pytest.mark.parametrize("cls,prop,line,term", [
    ("cekg:Armedgroup", "cekg:country", 5, "cekg:Armedgroup"),
    ("cekg:ArmedGroup", "cekg:contry", 7, "cekg:contry"),
    ("<https://graphbuild.dev/ns/cekg#Armedgroup>", "cekg:country", 5, "cekg:Armedgroup"),
])
def test_user_ontology_with_an_undeclared_term_is_refused(tmp_path, cls, prop, line, term):
    mine = tmp_path / "mine.ttl"
    mine.write_text(USER.format(cls=cls, prop=prop))
    with pytest.raises(OntologyError) as e:
        load_ontology([mine], base=ontology_dir())
    assert str(e.value).startswith(f"{mine}:{line}: {term} is not a term")


def test_user_ontology_with_an_unknown_kind_code_is_refused(tmp_path):
    mine = tmp_path / "mine.ttl"
    mine.write_text('@prefix cekg: <https://graphbuild.dev/ns/cekg#> .\n'
                    '@prefix ex: <https://example.org/> .\n\nex:Militia cekg:kindCode "militia" .\n')
    with pytest.raises(OntologyError, match=f"{mine}:4: kind code 'militia'"):
        load_ontology([mine])


def test_a_declared_user_ontology_loads(tmp_path):
    mine = tmp_path / "mine.ttl"
    mine.write_text(USER.format(cls="cekg:ArmedGroup", prop="cekg:country"))
    actor = load_ontology([mine]).resolve("Northern Hawks")
    assert (actor.kind, actor.country) == ("armed_group", "SYR")


# ---------------------------------------------------------------- round trips (hypothesis)

# valid: a country is one the ontology knows (the mini ontology of tests/data has these)
COUNTRIES = ["IRQ", "IRN", "USA"]
_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30)
_word = st.text("abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=12).filter(lambda s: s.strip("-"))
_actors = st.builds(lambda i, label, kind, country, mention: Actor(("x-" if i % 2 else "a-") + f"{label}-{i}",
                                                                   label, kind, country, mention, not i % 2),
                    st.integers(0, 50), _word, st.sampled_from(KINDS),
                    st.none() | st.sampled_from(COUNTRIES), _text)
_places = st.builds(Place, _text, st.none() | st.sampled_from(COUNTRIES),
                    st.none() | st.floats(-90, 90, allow_nan=False), st.none() | st.floats(-180, 180, allow_nan=False))
_events = st.builds(
    Event, doc_id=_word, sentence=_text, span=st.tuples(st.integers(0, 500), st.integers(0, 500)),
    actor=st.none() | _actors, target=st.none() | _actors, action_text=_text, action_lemma=_word,
    event_type=st.sampled_from(EVENT_TYPES), modality=st.sampled_from(MODALITIES),
    mode=st.none() | st.sampled_from(["aerial", "drone", "firearms"]), cameo=st.none() | st.sampled_from(["18", "19"]),
    attributed_to=st.none() | _text, place=st.none() | _places,
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    confidence=st.floats(0, 1).map(lambda c: round(c, 3)))


@given(_events)
@settings(max_examples=60, deadline=None)
def test_any_valid_event_survives_to_dict_and_from_dict(ev):
    back = Event.from_dict(json.loads(json.dumps(ev.to_dict())))
    assert back == ev and back.id == ev.id


@given(st.lists(_events, max_size=6))
@settings(max_examples=25, deadline=None)
def test_any_valid_events_survive_events_jsonl(events):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.jsonl"
        assert write_events(events, path) == len(events)
        assert list(read_events(path)) == events


@given(st.lists(_events, min_size=1, max_size=4))
# pyshacl is slow: few examples, and no shrinking (a failure prints its example as it was drawn)
@settings(max_examples=5, deadline=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_rdf_of_any_valid_events_conforms_to_the_shapes(mini_ontology, events):
    from graphbuild.validate import validate

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.ttl"
        write_rdf(to_rdf(merge_events(events), mini_ontology), path)
        result = validate(path)
        assert result.conforms, result.report
