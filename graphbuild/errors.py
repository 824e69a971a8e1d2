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
    """An input file or record cannot be read."""


class OntologyError(GraphbuildError):
    """An ontology file is malformed or inconsistent."""


class ModelError(GraphbuildError):
    """The spaCy pipeline cannot be loaded."""


class OutputError(GraphbuildError):
    """The output folder cannot be written."""


class QueryError(GraphbuildError):
    """A SPARQL query is malformed or cannot be run."""
