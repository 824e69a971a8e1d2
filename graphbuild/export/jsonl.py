"""events.jsonl: one event mention a line, the contract of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ..documents import json_lines, parse_date
from ..errors import InputError
from ..records import Document, Event
from .files import atomic_write


def article_of(doc: Document | None) -> dict:
    """The ``article`` field of a mention: where and when its article was published (nulls when unknown).

    >>> from datetime import date
    >>> article_of(Document("d1", "", url="https://example.org/a", published=date(2024, 5, 1), source="Wire"))
    {'published': '2024-05-01', 'url': 'https://example.org/a', 'source': 'Wire'}
    >>> article_of(None)
    {'published': None, 'url': None, 'source': None}
    """
    if doc is None:
        return {"published": None, "url": None, "source": None}
    return {"published": doc.published.isoformat() if doc.published else None, "url": doc.url,
            "source": doc.source}


def write_events(events: Iterable[Event], path: str | Path,
                 documents: Mapping[str, Document] | None = None) -> int:
    """One mention a line; ``documents`` (by doc id) gives each line its ``article``."""
    documents = documents or {}
    n = 0
    with atomic_write(path) as fh:
        for ev in events:
            record = ev.to_dict()
            record["article"] = article_of(documents.get(ev.doc_id))
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            n += 1
    return n


def read_events(path: str | Path) -> Iterator[Event]:
    """Read events.jsonl back into Event records; a line outside the contract is refused with the file and line."""
    with open(path, encoding="utf-8") as fh:
        for n, obj in json_lines(fh, path):
            try:
                event = Event.from_dict(obj)
            except InputError as e:  # outside the closed contract: an unknown type, modality or kind
                raise InputError(f"not a valid event record: {e.message}", path=path, line=n) from None
            except (AttributeError, KeyError, TypeError, ValueError) as e:
                raise InputError(f"not a valid event record ({type(e).__name__}: {e})", path=path, line=n) from None
            yield event


def read_articles(path: str | Path) -> dict[str, Document]:
    """The article of every document named in events.jsonl (metadata only, no text), by doc id."""
    out: dict[str, Document] = {}
    with open(path, encoding="utf-8") as fh:
        for n, obj in json_lines(fh, path):
            doc_id = obj.get("doc_id") if isinstance(obj, dict) else None
            if doc_id is None or doc_id in out:
                continue
            art = obj.get("article") or {}
            if not isinstance(art, dict):
                raise InputError("'article' is not an object", path=path, line=n)
            out[doc_id] = Document(doc_id, "", url=art.get("url"), published=parse_date(art.get("published")),
                                   source=art.get("source"))
    return out
