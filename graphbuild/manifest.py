"""What a build holds, for ``build --append``: ``documents.jsonl`` (each document's metadata and the sha256 of
its text), ``affiliations.jsonl`` (the affiliations read from text) and ``build.json`` (the settings that shape
its events: ``--base``, the spaCy pipeline, the user's ``--ontology`` files), beside ``events.jsonl``. Together
they let a later build add documents and merge again as one build over all of them would; an append with other
settings is refused, since its events would not be those of one build.

>>> digest("Gunmen attacked a checkpoint.") == digest("Gunmen attacked a checkpoint."), len(digest(""))
(True, 64)
>>> digest("Gunmen attacked a checkpoint.") == digest("Gunmen attacked a checkpoint on Monday.")
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .documents import json_lines, parse_date
from .errors import InputError
from .export.files import atomic_write
from .export.jsonl import read_events
from .records import Actor, Affiliation, Document, Event

DOCUMENTS = "documents.jsonl"
AFFILIATIONS = "affiliations.jsonl"
SETTINGS = "build.json"


def digest(text: str) -> str:
    """The sha256 of a document's text: the same id with another text is another version of the document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Settings:
    """What a build's events depend on besides its documents: its IRI base, its spaCy pipeline (name and
    version) and the sha256 of its user ontology files (in the order given; the bundled ontology goes with
    graphbuild's version)."""

    base: str
    model: str
    ontology: str

    @classmethod
    def of(cls, base: str, model: str, ontology_files: Iterable[str | Path] = ()) -> Settings:
        """The settings of a build with these options.

        >>> Settings.of("http://x/", "en_core_web_sm 3.8.0").ontology == hashlib.sha256().hexdigest()
        True
        """
        h = hashlib.sha256()
        for f in ontology_files:
            h.update(Path(f).read_bytes())
        return cls(base, model, h.hexdigest())

    def differences(self, other: Settings) -> list[str]:
        """What ``other`` sets otherwise, as the options that say it.

        >>> Settings("http://a/", "m 1", "x").differences(Settings("http://b/", "m 1", "y"))
        ['--base http://a/ (now http://b/)', 'other --ontology files']
        """
        out = []
        if self.base != other.base:
            out.append(f"--base {self.base} (now {other.base})")
        if self.model != other.model:
            out.append(f"--model {self.model} (now {other.model})")
        if self.ontology != other.ontology:
            out.append("other --ontology files")
        return out


@dataclass(frozen=True)
class Previous:
    """The content of an earlier build: its documents (metadata only) with their text's sha256, its
    affiliations, and where its mentions are (read when needed, not held)."""

    documents: Mapping[str, Document]
    hashes: Mapping[str, str]
    affiliations: tuple[Affiliation, ...] = ()
    events_file: Path | None = None
    dropped: frozenset[str] = frozenset()
    settings: Settings | None = None  # None: an empty folder, or a build older than build.json

    def check(self, settings: Settings, folder: Path) -> None:
        """Refuse to add to a build made with other settings: its events would not be one build's."""
        if self.settings is None:
            return
        differences = self.settings.differences(settings)
        if differences:
            raise InputError(f"was built with {'; '.join(differences)}: add to it with the same settings, or "
                             "rebuild it with --force", path=folder)

    def has(self, doc: Document) -> bool:
        """The same document (id and text) is in the earlier build."""
        return self.hashes.get(doc.id) == digest(doc.text)

    def without(self, doc_ids: Iterable[str]) -> Previous:
        """The earlier build less the documents ``doc_ids`` (new versions replace them)."""
        drop = set(doc_ids)
        if not drop:
            return self
        return replace(self, documents={k: v for k, v in self.documents.items() if k not in drop},
                       hashes={k: v for k, v in self.hashes.items() if k not in drop},
                       affiliations=tuple(a for a in self.affiliations if a.doc_id not in drop),
                       dropped=self.dropped | drop)

    def mentions(self) -> Iterator[Event]:
        """Its mentions, read from its events.jsonl as they are asked for."""
        if self.events_file is not None:
            yield from (e for e in read_events(self.events_file) if e.doc_id not in self.dropped)


def write_manifest(folder: Path, documents: Mapping[str, Document], hashes: Mapping[str, str],
                   affiliations: Iterable[Affiliation], settings: Settings | None = None) -> None:
    if settings is not None:
        with atomic_write(folder / SETTINGS) as fh:
            fh.write(json.dumps(asdict(settings), indent=1) + "\n")
    with atomic_write(folder / DOCUMENTS) as fh:
        for doc_id in sorted(documents):
            fh.write(json.dumps(_document_record(documents[doc_id], hashes[doc_id]), ensure_ascii=False) + "\n")
    with atomic_write(folder / AFFILIATIONS) as fh:
        for a in affiliations:
            fh.write(json.dumps({"subject": _actor_record(a.subject), "relation": a.relation,
                                 "object": _actor_record(a.object), "doc_id": a.doc_id, "sentence": a.sentence},
                                ensure_ascii=False) + "\n")


def read_previous(folder: Path) -> Previous:
    """The earlier build in ``folder``; an empty one when the folder holds no build. A build made before
    graphbuild kept ``documents.jsonl`` cannot be added to: that is said, naming the folder."""
    if not (folder / "events.jsonl").is_file():
        if folder.is_dir() and any(folder.iterdir()):
            raise InputError("holds no graphbuild build (no events.jsonl) to add to", path=folder)
        return Previous({}, {})
    if not (folder / DOCUMENTS).is_file():
        raise InputError(f"has no {DOCUMENTS} (built by an older graphbuild); rebuild it with --force "
                         "before adding to it with --append", path=folder)
    documents, hashes = {}, {}
    path = folder / DOCUMENTS
    with open(path, encoding="utf-8") as fh:
        for n, obj in json_lines(fh, path):
            try:
                doc = Document(str(obj["id"]), "", title=obj.get("title"), url=obj.get("url"),
                               published=parse_date(obj.get("published")), source=obj.get("source"),
                               origin=obj.get("origin"), author=obj.get("author"), language=obj.get("language"))
                hashes[doc.id] = str(obj["sha256"])
            except (KeyError, TypeError, AttributeError, ValueError) as e:
                raise InputError(f"not a valid document record ({type(e).__name__}: {e})", path=path,
                                 line=n) from None
            documents[doc.id] = doc
    affiliations = []
    path = folder / AFFILIATIONS
    if path.is_file():
        with open(path, encoding="utf-8") as fh:
            for n, obj in json_lines(fh, path):
                try:
                    affiliations.append(Affiliation(_actor(obj["subject"]), str(obj["relation"]),
                                                    _actor(obj["object"]), str(obj["doc_id"]), str(obj["sentence"])))
                except (KeyError, TypeError, AttributeError, ValueError, InputError) as e:
                    raise InputError(f"not a valid affiliation record ({type(e).__name__}: {e})", path=path,
                                     line=n) from None
    return Previous(documents, hashes, tuple(affiliations), folder / "events.jsonl", settings=_settings(folder))


def _settings(folder: Path) -> Settings | None:
    path = folder / SETTINGS
    if not path.is_file():
        return None
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
        return Settings(str(obj["base"]), str(obj["model"]), str(obj["ontology"]))
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"not a valid settings file ({type(e).__name__}: {e}); rebuild it with --force",
                         path=path) from None


def _document_record(doc: Document, sha256: str) -> dict:
    return {"id": doc.id, "sha256": sha256, "title": doc.title, "url": doc.url,
            "published": doc.published.isoformat() if doc.published else None, "source": doc.source,
            "origin": doc.origin, "author": doc.author, "language": doc.language}


def _actor_record(a: Actor) -> dict:
    return {**a.to_dict(), "resolved": a.resolved}


def _actor(x: dict) -> Actor:
    return Actor(id=str(x["id"]), label=str(x["label"]), kind=x.get("kind") or "unknown", country=x.get("country"),
                 mention=x.get("mention") or "", resolved=bool(x.get("resolved", True)))
