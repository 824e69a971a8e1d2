"""Start-up work kept between runs: the indexed ontology and the gazetteer index take seconds to build and
are the same from one run to the next. They are pickled in the user's cache folder under a key hashed from
everything they are built from (the content of the files, graphbuild's own code, the package versions), so
a changed ontology file, a user ``--ontology`` file or an upgrade simply misses the cache.

The folder is ``$GRAPHBUILD_CACHE``, else ``$XDG_CACHE_HOME/graphbuild``, else ``~/.cache/graphbuild``;
``GRAPHBUILD_CACHE=off`` turns the cache off. A cache that cannot be read or written is ignored: it can make a
run faster, never make it fail.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .ontology import Ontology

T = TypeVar("T")
KEEP = 3  # values kept per name: a few checkouts or ontologies side by side
PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where cached start-up work lives, or None when the cache is off."""
    env = os.environ.get("GRAPHBUILD_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graphbuild"


@functools.cache
def _code_hash() -> str:
    """graphbuild's own code: what the cached objects are made of (an edit in a checkout misses the cache)."""
    h = hashlib.sha256()
    for f in sorted(PACKAGE.rglob("*.py")):
        h.update(f.relative_to(PACKAGE).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "-"


def key(files: Iterable[str | Path] = (), packages: Iterable[str] = (), code: bool = True) -> str:
    """A hash of the content of ``files``, the versions of ``packages``, Python's version and graphbuild's code
    (``code=False`` for what graphbuild's code does not shape, such as another package's model).

    >>> key(packages=["rdflib"]) == key(packages=["rdflib"])
    True
    >>> key(packages=["rdflib"]) == key(packages=["pycountry"])
    False
    """
    h = hashlib.sha256()
    h.update(f"{sys.version_info[:2]} {_code_hash() if code else ''}".encode())
    for f in files:
        data = Path(f).read_bytes()
        h.update(f"\0file {Path(f).resolve()} {len(data)}\0".encode() + data)
    for p in packages:
        h.update(f"\0package {p} {_version(p)}".encode())
    return h.hexdigest()[:24]


def cached(name: str, digest: str, build: Callable[[], T]) -> T:
    """``build()``, or the value a run with the same ``digest`` kept under ``name``. The folder keeps the
    :data:`KEEP` most recently used values of each name (two checkouts, or runs with and without a user
    ``--ontology``, would otherwise evict each other's on every run); older ones are removed when a new one
    is written."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as fh:
            value = pickle.load(fh)
        _touch(path)
        return value
    except FileNotFoundError:
        pass
    except Exception:  # a truncated or stale file: build it again
        pass
    value = build()
    _store(folder, name, path, value)
    return value


def cached_file(name: str, digest: str, suffix: str, write: Callable[[Path], None]) -> Path | None:
    """The path of a file a run with the same ``digest`` kept under ``name`` (``write(path)`` makes it when
    there is none, under a temporary name renamed at the end), or None when the cache is off or unwritable.
    For what is looked up in place rather than loaded (an SQLite table); kept as :func:`cached` keeps values."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"{name}-{digest}{suffix}"
    if path.is_file():
        _touch(path)
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        os.close(fd)
        try:
            write(Path(tmp))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(folder, name, path)
    except OSError:
        return None
    return path


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Keep the :data:`KEEP` most recently used files of ``name``, of any suffix (a kind of file an older
    graphbuild wrote, such as a pickled gazetteer, goes when the new kind is written)."""
    kept = sorted((p for p in folder.glob(f"{name}-*") if p.name[len(name) + 1:].split(".")[0].isalnum()),
                  key=lambda p: (p == keep, _used(p)), reverse=True)
    for old in kept[KEEP:]:
        old.unlink(missing_ok=True)


def _used(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed by another run meanwhile
        return 0.0


def _touch(path: Path) -> None:
    try:
        os.utime(path)  # most recently used: kept longest
    except OSError:
        pass


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(folder, name, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only home or an object pickle cannot take: the run goes on uncached


def load_ontology(extra: Iterable[str | Path] = ()) -> Ontology:
    """:func:`graphbuild.ontology.load_ontology` of the bundled files plus ``extra``, from the cache when
    none of them changed."""
    from .ontology import load_ontology as load
    from .ontology import ontology_dir

    extra = list(extra)
    try:
        digest = key([*sorted(ontology_dir().glob("*.ttl")), *extra], packages=["rdflib"])
    except OSError:  # a missing file: the loader names it
        return load(extra)
    return cached("ontology", digest, lambda: load(extra))
