"""graphbuild: conflict-event knowledge graphs from news, with the evidence for every edge.

``graphbuild.build(inputs, out)`` and ``graphbuild.load(out)`` return a :class:`graphbuild.api.Graph` (pandas
tables, a networkx graph, the RDF, SPARQL queries and the graph view for notebooks).
"""

__version__ = "0.1.0"

from .errors import GraphbuildError  # noqa: E402
from .records import Actor, Document, Event, Place  # noqa: E402

__all__ = ["Actor", "Document", "Event", "Graph", "GraphbuildError", "Place", "__version__", "build", "load",
           "load_ontology"]


def __getattr__(name):  # heavy stages load on first use, so `import graphbuild` stays fast
    if name in ("build", "load", "Graph"):
        from . import api

        return getattr(api, name)
    if name == "load_ontology":
        from .ontology import load_ontology

        return load_ontology
    raise AttributeError(name)


def __dir__():  # tab completion in notebooks sees the names loaded on first use too
    return sorted(set(globals()) | set(__all__))
