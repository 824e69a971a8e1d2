"""Stage: the ontology. ``load_ontology()`` reads ``ontology/*.ttl`` (plus user files) and ``Ontology.resolve``
turns actor mentions into canonical actors. The Turtle files are the one source of truth; this package only
loads (``load``), indexes (``index``) and resolves (``resolve``) them."""

from ..text import normalize, slug
from .index import ACTOR_NS, ActorInfo, Lexicon, Ontology
from .load import check_terms, load_ontology, ontology_dir

__all__ = ["ACTOR_NS", "ActorInfo", "Lexicon", "Ontology", "check_terms", "load_ontology", "normalize",
           "ontology_dir", "slug"]
