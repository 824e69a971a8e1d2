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


def test_the_cached_gazetteer_table_gives_the_rows_of_the_built_index(tmp_path, monkeypatch):
    import os
    import random

    from graphbuild import gazetteer

    monkeypatch.setenv("GRAPHBUILD_CACHE", str(tmp_path / "cache"))
    gazetteer._index.cache_clear()
    monkeypatch.setattr(gazetteer, "_build_index", lambda: {"mosul": ("Mosul", "IRQ", 36.335, 43.11889, 1739800),
                                                            "kyiv": ("Kyiv", "UKR", 50.45466, 30.5238, 2797553)})
    try:
        table = gazetteer._index()
        assert isinstance(table, gazetteer._Table) and not table.broken
        assert table.get("mosul") == ("Mosul", "IRQ", 36.335, 43.11889, 1739800) and table.get("nowhere") is None
        assert gazetteer.locate("Kyiv").country == "UKR"
        if hasattr(os, "fork"):  # a forked worker opens its own connection
            pid = os.fork()
            if pid == 0:
                os._exit(0 if table.get("kyiv")[1] == "UKR" else 1)
            assert os.waitpid(pid, 0)[1] == 0
        # a damaged file costs time, not the run: the index is built in the process then
        path = next((tmp_path / "cache").glob("gazetteer-*.sqlite"))
        path.write_bytes(random.Random(1).randbytes(4096))
        gazetteer._index.cache_clear()
        table = gazetteer._index()
        assert table.broken and table.get("mosul")[1] == "IRQ" and not path.exists()
    finally:
        gazetteer._index.cache_clear()
