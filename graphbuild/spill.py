"""Mentions on disk, so a build holds per event what merging needs, not every mention: each document's
mentions go to a temporary file as they come (pickled, exactly as extracted), duplicate reports are merged
through a key index (:class:`graphbuild.graph.Clusters`: key -> events, each with the file offsets of its
mentions), and the outputs read them back event by event (:meth:`Merged.__iter__`) or article by article
(:meth:`Merged.mentions`).

>>> import tempfile
>>> from graphbuild.graph import merge_events
>>> from graphbuild.records import Actor, Event
>>> us, ir = Actor("USA", "United States"), Actor("IRN", "Iran")
>>> with tempfile.TemporaryDirectory() as tmp, Spill(Path(tmp) / "events.spill") as spill:
...     spill.add([Event("d2", "The US struck Iran.", (7, 13), us, ir, "struck", "strike", "ASSAULT")])
...     spill.add([Event("d1", "US strikes hit Iran.", (3, 10), us, ir, "strikes", "strike", "ASSAULT")])
...     merged = spill.merge()
...     [(m.mention_count, m.first.doc_id) for m in merged] == [(m.mention_count, m.first.doc_id)
...                                                            for m in merge_events(merged.mentions())]
True
"""

from __future__ import annotations

import os
import pickle
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from .graph import Clusters, MergedEvent, coreferent_facilities, mention_key, mention_order
from .records import Event

_LENGTH_BITS = 32  # a mention's record is shorter than 4 GB
_LENGTH_MASK = (1 << _LENGTH_BITS) - 1


class Spill:
    """A temporary file of mentions, by article (``add`` a document's mentions as they come), and what
    ``merge`` makes of them. Delete it with ``close`` (or use it as a context manager)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fh = open(self.path, "w+b")
        self._end = 0
        self._docs: dict[str, list[int]] = defaultdict(list)  # doc id -> where its mentions are

    def add(self, events: Iterable[Event]) -> None:
        for ev in events:
            data = pickle.dumps(ev, protocol=pickle.HIGHEST_PROTOCOL)
            # one int a mention: where its record starts, and its length
            self._docs[ev.doc_id].append(self._end << _LENGTH_BITS | len(data))
            self._fh.write(data)
            self._end += len(data)

    def _read(self, ref: int, event_id: str | None = None) -> Event:
        ev = pickle.loads(os.pread(self._fh.fileno(), ref & _LENGTH_MASK, ref >> _LENGTH_BITS))
        if event_id is not None:
            # a record just read, held by no one else: given its id in place (``with_event_id`` builds and
            # checks a new one, which costs more than reading it)
            object.__setattr__(ev, "event_id", event_id)
        return ev

    def _document(self, doc_id: str) -> list[tuple[Event, int]]:
        """An article's mentions in document order, each once, with their offsets (as :func:`merge_events`
        takes them)."""
        unique: dict[str, tuple[Event, int]] = {}
        read = ((self._read(off), off) for off in self._docs[doc_id])
        for ev, off in sorted(read, key=lambda x: mention_order(x[0])):
            unique.setdefault(ev.id, (ev, off))
        return list(unique.values())

    def merge(self) -> Merged:
        """Merge the mentions as :func:`merge_events` does, reading them article by article."""
        self._fh.flush()
        clusters = Clusters()
        where: dict[str, tuple[list[int], list]] = {}  # doc id -> its mentions' offsets and their events
        actors: set[str] = set()
        for doc_id in sorted(self._docs):
            mentions = self._document(doc_id)
            same = coreferent_facilities([ev for ev, _ in mentions])
            where[doc_id] = ([off for _, off in mentions],
                             [clusters.add(ev, mention_key(ev, same), off) for ev, off in mentions])
            actors.update(a.id for ev, _ in mentions for a in (ev.actor, ev.target) if a is not None)
        return Merged(self, clusters.events(), where, len(actors))

    def close(self) -> None:
        self._fh.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Merged:
    """The merged events of a :class:`Spill`, read back from it each time they are iterated (in the order
    of :func:`merge_events`); ``mentions()`` gives every mention in the order of events.jsonl."""

    def __init__(self, spill: Spill, events: list, where: dict, actors: int):
        self._spill, self._events, self._where = spill, events, where
        self._ids = {id(c): eid for eid, c in events}
        self.actors = actors
        self.mention_count = sum(len(c.members) for _, c in events)

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[MergedEvent]:
        read = self._spill._read
        for eid, cluster in self._events:
            yield MergedEvent(eid, tuple(read(off, eid) for off in cluster.members))

    def mentions(self) -> Iterator[Event]:
        """Every mention with its event id, in document order (:func:`graphbuild.graph.mentions_of`)."""
        read = self._spill._read
        for doc_id in sorted(self._where):
            offsets, clusters = self._where[doc_id]
            evs = [(read(off, self._ids[id(c)]), c) for off, c in zip(offsets, clusters, strict=True)]
            # mentions_of's order: a tie in document order goes to the earlier event
            evs.sort(key=lambda x: (mention_order(x[0]), mention_order(x[1].head), x[0].event_id))
            yield from (ev for ev, _ in evs)
