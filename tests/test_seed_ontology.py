"""Issue 4's checks on the seed article (../shared/eval/seed, read as input only)."""

import json

from graphbuild.cli import main


def _events(out):
    return [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]


def test_us_washington_and_united_states_are_one_actor(seed_out):
    sides = [e[k] for e in _events(seed_out) for k in ("actor", "target") if e[k]]
    ids = {s["id"] for s in sides if s["mention"] in ("US", "Washington", "United States", "the US",
                                                        "the United States")}
    assert ids == {"USA"}


def test_kataib_hezbollah_is_an_armed_group_part_of_the_pmf_backed_by_iran(seed_out, capsys):
    query = """
    SELECT ?kind ?pmf ?sponsor WHERE {
      ?kh skos:prefLabel "Kataib Hezbollah"@en ; a ?kind ; cekg:backedBy ?s .
      ?kh cekg:partOf|cekg:memberOf ?p . ?p skos:prefLabel ?pmf . ?s skos:prefLabel ?sponsor .
      FILTER(?kind = cekg:ArmedGroup)
    }"""
    assert main(["query", str(seed_out), query, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert {(r["pmf"]["value"], r["sponsor"]["value"]) for r in rows} >= {("Popular Mobilization Forces", "Iran")}


def test_affiliation_read_from_the_article_keeps_its_evidence(seed_out, capsys):
    query = """
    SELECT ?evidence WHERE {
      ?st rdf:subject ?kh ; rdf:predicate cekg:partOf ; rdf:object ?pmf ; cekg:evidence ?evidence ;
          prov:wasDerivedFrom ?article .
      ?kh skos:prefLabel "Kataib Hezbollah"@en . ?pmf skos:prefLabel "Popular Mobilization Forces"@en .
    }"""
    assert main(["query", str(seed_out), query, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows and "Popular Mobilisation Forces" in rows[0]["evidence"]["value"]


def test_sponsored_group_is_backed_by_its_sponsor_in_the_graph(seed_out, capsys):
    query = 'ASK { actor:IRN-backed-groups cekg:backedBy actor:IRN ; a cekg:ArmedGroup }'
    assert main(["query", str(seed_out), query, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["boolean"] is True
