"""How the text presents an event: modality, the source it is attributed to, and threats.

The trigger's own negation and modal auxiliaries come first ("did not attack": negated; "may attack":
hypothetical); then the words that govern it, climbing the parse: a claim ("claimed raids", "took
responsibility for the ambush"), an allegation ("raids blamed on"), a denial, a plan, a threat ("pledged
to attack", "vowed to strike": the event becomes THREATEN), a wish or an aim ("wants to strike": hypothetical), a
hedge ("it is believed that", "apparently": alleged). Reporting verbs on the way name the source
("security sources told Reuters"), as does "according to X".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import SUBJ, Words
from .noun_phrases import np_span

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# a relative clause is its own statement: "groups, which Washington designated ..., have claimed attacks"
CLIMB = ("xcomp", "ccomp", "advcl", "conj", "dobj", "pobj", "prep", "nsubjpass", "pcomp", "acl",
         "nsubj", "attr", "oprd", "appos", "npadvmod", "dep")


@dataclass(frozen=True)
class Presentation:
    modality: str = "asserted"
    attributed_to: str | None = None
    threat: Token | None = None       # the verb that makes this a threat ("pledged")


def presentation(trigger: Token, sent: Span, words: Words) -> Presentation:
    modality, attributed, threat = "asserted", None, None
    for c in trigger.children:
        if c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and _none_of(c):
            modality = "negated"  # "did not attack"; "neither the driver nor his son was hurt"
        elif c.dep_ in ("aux", "advmod") and (m := words.cue(c.lower_)) in ("hypothetical", "alleged", "negated"):
            modality = m
    if modality == "asserted" and any(c.dep_ == "mark" and words.cue(c.lower_) == "hypothetical"
                                      for c in trigger.children):
        modality = "hypothetical"  # "it would be worse if a guard were shot": a condition, not an event
    node, rel, hops = trigger, trigger.dep_, 0
    while node.head.i != node.i and hops < 6 and rel in CLIMB:
        hops += 1
        node = node.head
        if words.reporting(node):
            if modality == "asserted" and rel == "ccomp" and any(
                    c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in node.children):
                modality = "alleged"  # "it is believed that", "it was reported that": no one stands by it
            if attributed is None:
                subj = next((c for c in node.children if c.dep_ in SUBJ), None)
                if subj is not None and subj.pos_ != "PRON":
                    attributed = np_span(subj).text
            rel = node.dep_
            continue
        if rel == "xcomp" and modality == "asserted" and words.requests(node):
            modality = "hypothetical"  # "urged the army to strike": asked for, not done
        m = words.token_cue(node)
        if m and modality == "asserted" and node.pos_ in ("VERB", "NOUN", "ADJ", "AUX"):
            if m == "threatened":
                # "threats to kill the judges": the infinitive of a noun of threat is what is threatened
                if rel == "xcomp" or (rel in ("pobj", "prep", "acl") and node.pos_ == "NOUN"):
                    threat = node
                    modality = "threatened"
            elif m != "asserted":
                modality = m
        if node.pos_ in ("VERB", "AUX") and modality == "asserted":
            for c in node.children:
                if c.dep_ == "neg" and rel in ("xcomp", "ccomp"):
                    modality = "negated"
                elif c.dep_ == "aux" and words.cue(c.lower_) == "hypothetical" and rel == "xcomp":
                    modality = "hypothetical"
        rel = node.dep_
    if attributed is None:
        attributed = _according_to(sent)
    return Presentation(modality, attributed, threat)


def _according_to(sent: Span) -> str | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"] or \
                   [c for c in t.children for c in c.children if c.dep_ == "pobj"]
            if objs:
                return np_span(objs[0]).text
    return None


def _none_of(subj: Token) -> bool:
    """A subject that names no one it is true of: "none (of the guards)", "neither guard", "neither the
    driver nor his son", "no group"."""
    return subj.lower_ in ("none", "neither") or any(
        c.dep_ in ("preconj", "det") and c.lower_ in ("neither", "no") for c in subj.children)
