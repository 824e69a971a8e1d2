from graphbuild.extract.setting import place_of
from graphbuild.gazetteer import locate


def test_city_gets_country_and_coordinates(ontology):
    p = place_of("Kharkiv", ontology)
    assert p.country == "UKR" and 49 < p.lat < 51 and 35 < p.lon < 37


def test_country_name_is_the_country_not_a_town_of_that_name(ontology):
    assert place_of("Jordan", ontology).country == "JOR"
    assert place_of("Lebanon", ontology).lat is None


def test_capital_is_a_city_with_coordinates(ontology):
    p = place_of("Bamako", ontology)
    assert p.country == "MLI" and p.lat is not None


def test_transliteration_variants():
    assert locate("Kiev").country == locate("Kyiv").country == "UKR"


def test_unknown_place_keeps_its_name_without_country(ontology):
    p = place_of("Wadi Nowhere", ontology)
    assert (p.label, p.country, p.lat) == ("Wadi Nowhere", None, None)


def test_events_carry_place_with_coordinates(extract):
    (ev,) = [e for e in extract("Rebels shelled an army post in Mosul on Monday, officials said.")
             if e.event_type == "ASSAULT"]
    assert ev.place.label == "Mosul" and ev.place.country == "IRQ" and ev.place.lat is not None
