"""The progress bar of a build: how many documents to expect, so the bar shows a total and an ETA."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from .documents import SUFFIXES, iter_paths

T = TypeVar("T")


def _ignore(_err) -> None:  # the build itself reports bad inputs; counting stays quiet
    pass


def _lines(path: Path) -> int:
    n = 0
    with path.open("rb") as fh:
        for line in fh:
            n += bool(line.strip())
    return n


def expected_documents(inputs: Iterable[str | Path]) -> int | None:
    """The number of documents the inputs hold (one a file, one a non-blank JSONL line), or None when it
    cannot be known beforehand (stdin). Bad records are counted, so the bar may end short of its total.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("One."), (d / "b.jsonl").write_text('{"id": 1}\\n\\n{"id": 2}\\n')
    >>> expected_documents([d]), expected_documents([d / "a.txt", "-"])
    (3, None)
    """
    total = 0
    for p in iter_paths(inputs, _ignore):
        if p == "-":
            return None
        try:
            total += _lines(p) if p.suffix.lower() == ".jsonl" else int(p.suffix.lower() in SUFFIXES)
        except OSError:
            continue
    return total


def progress_bar(items: Iterable[T], inputs: Iterable[str | Path]) -> Iterator[T]:
    """``items`` (one per document) with a bar on stderr: shown only on a terminal, and only once the run
    takes more than a moment; with a total and an ETA when the inputs' size is known."""
    from tqdm import tqdm

    return tqdm(items, total=expected_documents(inputs), unit=" documents", file=sys.stderr, desc="graphbuild",
                delay=1.5, disable=None, dynamic_ncols=True)
