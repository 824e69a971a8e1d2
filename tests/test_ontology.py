import pytest

from graphbuild.errors import OntologyError
from graphbuild.ontology import load_ontology, normalize


@pytest.mark.parametrize("mention,expected", [
    ("US", "USA"), ("U.S.", "USA"), ("the United States", "USA"), ("Washington", "USA"),
    ("America", "USA"), ("Americans", "USA"), ("Tehran", "IRN"),
    ("Kataib Hezbollah", "kataib-hezbollah"), ("Kata'ib Hizballah", "kataib-hezbollah"),
    ("Kataib Hizbollah", "kataib-hezbollah"),  # fuzzy spelling variant
    ("the powerful Iran-backed Kataib Hezbollah", "kataib-hezbollah"),
    ("Ayatollah Ali Khamenei", "khamenei"),
])
def test_alias_rules(mini_ontology, mention, expected):
    assert mini_ontology.resolve(mention).id == expected


def test_sector_of_country(mini_ontology):
    a = mini_ontology.resolve("Iraqi security forces")
    assert (a.id, a.kind, a.country) == ("IRQ-military", "military", "IRQ")
    assert mini_ontology.resolve("US troops").id == "USA-military"
    assert mini_ontology.resolve("American diplomats").kind == "government"


def test_sponsored_groups_are_one_actor(mini_ontology):
    ids = {mini_ontology.resolve(m).id for m in
           ("Tehran-backed armed groups", "Iran-aligned militias", "pro-Iran factions")}
    assert ids == {"IRN-backed-groups"}
    assert mini_ontology.resolve("Iran-aligned militias").kind == "armed_group"


def test_facilities_belong_to_their_owner(mini_ontology):
    emb = mini_ontology.resolve("the US Embassy in Baghdad")
    assert (emb.kind, emb.country) == ("facility", "USA")
    assert mini_ontology.resolve("US bases").kind == "facility"


def test_unknown_names_are_provisional_with_stable_ids(mini_ontology):
    a, b = mini_ontology.resolve("the Northern Hawks"), mini_ontology.resolve("Northern Hawks")
    assert not a.resolved and a.id == b.id == "x-northern-hawks"


def test_normalize():
    assert normalize("The U.S.") == "us"
    assert normalize("Kataib Hezbollah\u2019s") == "kataib hezbollah"


def test_malformed_user_file_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b x:c .\nx:d x:e \n")
    with pytest.raises(OntologyError) as e:
        load_ontology([bad])
    assert "bad.ttl" in str(e.value)


def test_user_file_adds_actors(tmp_path, mini_ontology):
    extra = tmp_path / "mine.ttl"
    extra.write_text('@prefix cekg: <https://graphbuild.dev/ns/cekg#> .\n'
                     '@prefix actor: <https://graphbuild.dev/id/actor/> .\n'
                     '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                     'actor:northern-hawks a cekg:ArmedGroup ; skos:prefLabel "Northern Hawks" .\n')
    onto = load_ontology([extra])
    assert onto.resolve("the Northern Hawks").id == "northern-hawks"
    assert onto.resolve("the Northern Hawks").kind == "armed_group"
