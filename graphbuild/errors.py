"""One exception tree. Foreign errors are converted at the boundary, so the CLI can print
``graphbuild: FILE:LINE: message`` and never a traceback."""

from __future__ import annotations


class GraphbuildError(Exception):
    """Base of every error graphbuild raises on purpose."""

    def __init__(self, message: str, *, path: object = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:" + (f"{self.line}:" if self.line else "") + " "
        return f"{where}{self.message}"


class InputError(GraphbuildError):
    """A problem with an input file or record, reported through the readers' ``warn`` callback.

    ``skipped`` tells the two kinds apart, so the caller can choose its exit status: True when the input
    (a file, a folder, a JSONL record) was left out of the build (missing, empty, binary, unknown kind,
    not English, malformed record, duplicate id, unreadable PDF); False when it was used with a warning
    (invalid UTF-8 decoded with replacement characters; the files of unknown kind beside the documents
    of a folder, named in one warning, since the folder itself was read).

    >>> InputError("empty file", path="a.txt", skipped=True).skipped
    True
    >>> str(InputError("invalid UTF-8", path="in.jsonl", line=3))
    'in.jsonl:3: invalid UTF-8'
    """

    def __init__(self, message: str, *, path: object = None, line: int | None = None, skipped: bool = False):
        self.skipped = skipped
        super().__init__(message, path=path, line=line)


class OntologyError(GraphbuildError):
    """An ontology file is malformed or inconsistent."""


class ModelError(GraphbuildError):
    """The spaCy pipeline cannot be loaded."""


class OutputError(GraphbuildError):
    """The output folder cannot be written."""


class QueryError(GraphbuildError):
    """A SPARQL query is malformed or cannot be run."""


class EngineError(GraphbuildError):
    """The workers of a parallel build cannot be started, reached or kept (see :mod:`graphbuild.engines`)."""
