"""events.jsonl: one event mention a line, the contract of DESIGN.md."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..documents import json_lines
from ..errors import InputError
from ..records import Event
from .files import atomic_write


def write_events(events: Iterable[Event], path: str | Path) -> int:
    n = 0
    with atomic_write(path) as fh:
        for ev in events:
            fh.write(json.dumps(ev.to_dict(), ensure_ascii=False, sort_keys=False) + "\n")
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
