"""The start-up cache: same inputs, the kept value; a changed input, a new one; a broken cache, no failure."""

from __future__ import annotations

import os

import pytest

from graphbuild import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_value_is_built_once_per_digest(folder):
    build, calls = counting({"a": 1})
    assert cache.cached("thing", "d1", build) == {"a": 1}
    assert cache.cached("thing", "d1", build) == {"a": 1}
    assert len(calls) == 1
    assert cache.cached("thing", "d2", build) == {"a": 1} and len(calls) == 2
    assert cache.cached("thing", "d1", build) == {"a": 1} and len(calls) == 2  # still kept beside d2


def test_the_most_recently_used_values_are_kept(folder):
    build, calls = counting(0)
    for d in ("d1", "d2", "d3"):
        cache.cached("thing", d, build)
    os.utime(folder / "thing-d1.pickle", (1, 1))  # d1 used longest ago
    os.utime(folder / "thing-d3.pickle", (2, 2))
    cache.cached("thing", "d2", build)  # a hit makes d2 the most recent
    cache.cached("thing", "d4", build)
    assert sorted(p.name for p in folder.iterdir()) == ["thing-d2.pickle", "thing-d3.pickle", "thing-d4.pickle"]
    assert len(calls) == 4


def test_a_broken_or_unwritable_cache_only_costs_time(folder, tmp_path, monkeypatch):
    folder.mkdir()
    (folder / "thing-d1.pickle").write_bytes(b"not a pickle")
    build, calls = counting([1, 2])
    assert cache.cached("thing", "d1", build) == [1, 2] and len(calls) == 1
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("GRAPHBUILD_CACHE", str(blocked / "cache"))
    assert cache.cached("thing", "d1", build) == [1, 2] and len(calls) == 2


def test_off_means_no_files(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build, calls = counting(3)
    assert cache.cached("thing", "d1", build) == 3 and cache.cached("thing", "d1", build) == 3
    assert len(calls) == 2 and not any(tmp_path.iterdir())


def test_the_key_follows_file_content(tmp_path):
    f = tmp_path / "mine.ttl"
    f.write_text("one")
    first = cache.key([f], ["rdflib"])
    assert cache.key([f], ["rdflib"]) == first
    f.write_text("two")
    assert cache.key([f], ["rdflib"]) != first


USER_ONTOLOGY = ('@prefix cekg: <https://graphbuild.dev/ns/cekg#> .\n'
                 '@prefix actor: <https://graphbuild.dev/id/actor/> .\n'
                 '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
                 'actor:northern-hawks a cekg:ArmedGroup ; skos:prefLabel "{label}" ; cekg:country actor:SYR .\n')


def test_a_user_ontology_file_invalidates_the_cached_ontology(folder, tmp_path):
    mine = tmp_path / "mine.ttl"
    mine.write_text(USER_ONTOLOGY.replace("{label}", "Northern Hawks"))
    first = cache.load_ontology([mine])
    assert first.resolve("the Northern Hawks").id == "northern-hawks"
    again = cache.load_ontology([mine])
    assert again is not first and again.resolve("the Northern Hawks").id == "northern-hawks"  # from the file
    assert len(list(folder.glob("ontology-*.pickle"))) == 1
    mine.write_text(USER_ONTOLOGY.replace("{label}", "Southern Hawks"))
    changed = cache.load_ontology([mine])
    assert changed.resolve("the Southern Hawks").id == "northern-hawks"
    assert not changed.resolve("the Northern Hawks").resolved
    assert cache.load_ontology().resolve("the Southern Hawks").resolved is False  # bundled only


def test_a_file_is_made_once_per_digest_and_kept_like_values(folder):
    made = []

    def write(path):
        made.append(path)
        path.write_text("table")

    first = cache.cached_file("table", "d1", ".db", write)
    assert first == folder / "table-d1.db" and first.read_text() == "table"
    assert cache.cached_file("table", "d1", ".db", write) == first and len(made) == 1
    for d in ("d2", "d3", "d4"):
        cache.cached_file("table", d, ".db", write)
    assert len(list(folder.glob("table-*.db"))) == cache.KEEP and not list(folder.glob(".table-*"))


def test_files_an_older_graphbuild_kept_under_a_name_go_when_its_new_kind_is_written(folder):
    import os

    folder.mkdir(parents=True, exist_ok=True)
    for n, d in enumerate(("o1", "o2", "o3")):  # the old kind, used longer ago than anything new
        (folder / f"table-{d}.pickle").write_bytes(b"old")
        os.utime(folder / f"table-{d}.pickle", (1_000_000 + n, 1_000_000 + n))
    (folder / "table-index-o1.pickle").write_bytes(b"another name")
    made = cache.cached_file("table", "n1", ".db", lambda p: p.write_text("table"))
    left = sorted(p.name for p in folder.iterdir())
    assert made.name in left and len([x for x in left if x.startswith("table-") and "index" not in x]) == cache.KEEP
    assert "table-o1.pickle" not in left and "table-index-o1.pickle" in left


def test_a_key_without_code_is_the_same_whatever_graphbuild_code(monkeypatch):
    before = cache.key(packages=["rdflib"], code=False), cache.key(packages=["rdflib"])
    monkeypatch.setattr(cache, "_code_hash", lambda: "edited")
    assert cache.key(packages=["rdflib"], code=False) == before[0] and cache.key(packages=["rdflib"]) != before[1]


def test_a_file_is_none_when_the_cache_is_off_or_unwritable(tmp_path, monkeypatch):
    monkeypatch.setenv("GRAPHBUILD_CACHE", "off")
    assert cache.cached_file("table", "d1", ".db", lambda p: p.write_text("x")) is None
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("GRAPHBUILD_CACHE", str(blocked / "cache"))
    assert cache.cached_file("table", "d1", ".db", lambda p: p.write_text("x")) is None
