"""graphbuild: conflict-event knowledge graphs from news, with the evidence for every edge."""

__version__ = "0.1.0"

from .errors import GraphbuildError  # noqa: E402
from .records import Actor, Document, Event, Place  # noqa: E402

__all__ = ["Actor", "Document", "Event", "GraphbuildError", "Place", "__version__", "build", "load_ontology"]


def __getattr__(name):  # heavy stages load on first use, so `import graphbuild` stays fast
    if name == "build":
        from .pipeline import build

        return build
    if name == "load_ontology":
        from .ontology import load_ontology

        return load_ontology
    raise AttributeError(name)
