"""Rule-based event extraction over a dependency parse.

Verbal events: a trigger verb with its subject (actor) and object (target); in the passive the subject is the
target and the by-agent the actor. A subject that is an instrument or an event noun ("a missile", "two
strikes") is no actor: the event keeps an unidentified actor (None) and the instrument gives the mode.
Nominal events: a trigger noun with "on/against X" (target), a possessive or compound/adjective country
word (actor). Coordination splits into one event per actor and target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..records import Actor, Affiliation, Document, Event
from .context import dateline_place, place_of, sentence_date, sentence_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..ontology import Ontology

SUBJ = ("nsubj", "csubj")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
NP_KEEP = {"det", "compound", "amod", "nmod", "poss", "nummod", "quantmod", "case", "nn", "punct", "npadvmod"}
SAY = {"say", "tell", "report", "add", "state", "announce", "confirm", "note", "write", "explain", "quote"}
PRONOUNS = {"it", "they", "he", "she", "we", "them", "him", "her", "its", "their"}
TARGET_PREPS = {"on", "against", "at", "upon", "in"}


def extract_events(doc: "Doc", document: Document, ontology: "Ontology") -> Iterator[Event]:
    """Every event mention of a parsed article, in text order."""
    ctx = _Context(doc, document, ontology)
    for sent in doc.sents:
        seen: set[tuple] = set()
        for tok in sent:
            for ev in ctx.events_at(tok, sent):
                key = (ev.actor and ev.actor.id, ev.target and ev.target.id, ev.event_type, ev.span)
                if key not in seen:
                    seen.add(key)
                    yield ev


def extract_affiliations(doc: "Doc", document: Document, ontology: "Ontology") -> Iterator[Affiliation]:
    """Affiliations read from text: "X, which is part of Y", "X, a member of Y", "Iran-backed X"."""
    for tok in doc:
        if tok.dep_ == "relcl" and tok.lemma_ == "be":
            head = tok.head
            for prep in (c for c in tok.children if c.dep_ in ("attr", "acomp")):
                for p in prep.children:
                    if p.dep_ == "prep" and p.lower_ == "of" and prep.lemma_ in ("part", "member", "wing", "arm"):
                        objs = [c for c in p.children if c.dep_ == "pobj"]
                        for o in objs:
                            rel = "memberOf" if prep.lemma_ == "member" else "partOf"
                            s, t = _resolve(head, ontology), _resolve(o, ontology)
                            if s and t:
                                yield Affiliation(s, rel, t, document.id, tok.sent.text.strip())


class _Context:
    def __init__(self, doc: "Doc", document: Document, ontology: "Ontology"):
        self.doc = doc
        self.document = document
        self.onto = ontology
        self.lex = ontology.lexicon
        dl = dateline_place(document.text)
        self.dateline = place_of(dl, ontology) if dl else None
        self.instruments = {w for phrase in self.lex.modes for w in phrase.split()} | set(self.lex.noun_triggers)

    # ---------------------------------------------------------------- triggers
    def events_at(self, tok: "Token", sent: "Span") -> Iterator[Event]:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in self.lex.verb_triggers:
            yield from self._verbal(tok, sent, self.lex.verb_triggers[lemma])
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.noun_triggers:
            yield from self._nominal(tok, sent, self.lex.noun_triggers[lemma])

    def _verbal(self, verb: "Token", sent: "Span", etype: str) -> Iterator[Event]:
        passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)
        actors: list[Token] = []
        targets: list[Token] = []
        mode = None
        for c in verb.children:
            if c.dep_ in SUBJ and not passive:
                actors.append(c)
            elif c.dep_ in PASS_SUBJ:
                targets.append(c)
            elif c.dep_ in OBJ and not passive:
                targets.append(c)
            elif c.dep_ == "agent":
                actors += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS and not targets and etype != "ASSAULT":
                targets += [p for p in c.children if p.dep_ == "pobj"]
        if not actors and verb.dep_ in ("xcomp", "conj") and not passive:
            actors = [c for c in verb.head.children if c.dep_ in SUBJ]  # "vowed to attack", "A and struck"
        actor_toks, a_mode = self._drop_instruments(_expand_conj(actors))
        mode = a_mode
        for a in self._sides(actor_toks) or [None]:
            for t in self._sides(_expand_conj(targets)) or [None]:
                if a is None and t is None:
                    continue
                yield self._event(verb, sent, etype, a, t, mode=mode, text=_verb_phrase(verb))

    def _nominal(self, noun: "Token", sent: "Span", etype: str) -> Iterator[Event]:
        targets: list[Token] = []
        actors: list[Token] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting"):
                targets += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                actors += [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")):
                actors.append(c)
        if not targets:
            return
        # light verbs: "X launched/carried out attacks on Y", "Y came under attack"
        head = noun.head
        if noun.dep_ in OBJ and head.pos_ == "VERB" and not actors:
            actors = [c for c in head.children if c.dep_ in SUBJ]
        for a in self._sides(_expand_conj(actors)) or [None]:
            for t in self._sides(_expand_conj(targets)):
                yield self._event(noun, sent, etype, a, t, text=_noun_phrase_text(noun))

    # ---------------------------------------------------------------- sides
    def _drop_instruments(self, toks: list["Token"]) -> tuple[list["Token"], str | None]:
        kept, mode = [], None
        for t in toks:
            if t.lemma_.lower() in self.instruments and t.ent_type_ not in ("ORG", "GPE", "PERSON", "NORP"):
                mode = mode or self._mode_of(t)
                continue
            kept.append(t)
        return kept, mode

    def _mode_of(self, tok: "Token") -> str | None:
        words = {tok.lemma_.lower(), tok.lower_}
        for phrase, (mode, _) in self.lex.modes.items():
            if phrase in words:
                return mode
        return None

    def _sides(self, toks: list["Token"]) -> list[Actor]:
        out = []
        for t in toks:
            actor = _resolve(t, self.onto)
            if actor is not None:
                out.append(actor)
        return out

    def _event(self, trigger: "Token", sent: "Span", etype: str, actor: Actor | None, target: Actor | None,
               mode: str | None = None, text: str = "") -> Event:
        modality, attributed = _modality(trigger, self.lex.modality_cues)
        exclude = set()
        place = sentence_place(sent, self.onto, exclude) or self.dateline
        start = sent.start_char
        return Event(
            doc_id=self.document.id,
            sentence=sent.text.strip(),
            span=(trigger.idx - start, trigger.idx - start + len(trigger.text)),
            actor=actor,
            target=target,
            action_text=text or trigger.text,
            action_lemma=trigger.lemma_.lower(),
            event_type=etype,
            modality=modality,
            mode=mode or self._sentence_mode(sent, etype),
            cameo=self.lex.cameo.get(etype),
            attributed_to=attributed,
            place=place,
            date=sentence_date(sent, self.document.published),
            confidence=_confidence(actor, target),
        )

    def _sentence_mode(self, sent: "Span", etype: str) -> str | None:
        text = " " + sent.text.lower() + " "
        for phrase, (mode, of) in self.lex.modes.items():
            if of == etype and f" {phrase} " in text:
                return mode
        return None


def _confidence(actor: Actor | None, target: Actor | None) -> float:
    score = 0.5
    for side in (actor, target):
        if side is not None:
            score += 0.2 if side.resolved else 0.05
    return min(score, 0.95)


def _expand_conj(toks: list["Token"]) -> list["Token"]:
    out = []
    for t in toks:
        out.append(t)
        out += [c for c in t.conjuncts if c not in out]
    return out


def _verb_phrase(verb: "Token") -> str:
    parts = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")] + [verb]
    parts.sort(key=lambda t: t.i)
    return " ".join(t.text for t in parts)


def _noun_phrase_text(noun: "Token") -> str:
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod")]
    return " ".join(t.text for t in [*left, noun])


def np_span(tok: "Token") -> "Span":
    """The noun phrase of a head token without relative clauses, appositions or trailing prepositions,
    except "in <place>" after a facility ("the US Embassy in Baghdad")."""
    doc = tok.doc
    lefts = [t for t in tok.lefts if t.dep_ in NP_KEEP]
    start = min([tok.i] + [t.left_edge.i for t in lefts])
    end = tok.i + 1
    for r in tok.rights:
        if r.dep_ in ("compound", "case") or (r.dep_ == "prep" and r.lower_ in ("in", "of") and tok.ent_type_):
            end = max(end, r.right_edge.i + 1)
        else:
            break
    while start < end - 1 and doc[start].dep_ in ("punct", "cc") or doc[start].lower_ in ("both", "also"):
        start += 1
    return doc[start:end]


def _resolve(tok: "Token", onto: "Ontology") -> Actor | None:
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return None
    span = np_span(tok)
    text = span.text.strip(" ,;:")
    if not text:
        return None
    hint = tok.ent_type_ or None
    return onto.resolve(text, hint=hint)


def _modality(trigger: "Token", cues: dict[str, str]) -> tuple[str, str | None]:
    """Modality from the trigger's own auxiliaries and negation, then from the verbs that govern it."""
    modality = "asserted"
    attributed = None
    for c in trigger.children:
        if c.dep_ == "neg":
            modality = "negated"
        elif c.dep_ == "aux" and c.lower_ in cues:
            modality = cues[c.lower_]
    node = trigger
    hops = 0
    while node.head is not node and hops < 4:
        hops += 1
        rel, node = node.dep_, node.head
        lemma = node.lemma_.lower()
        if lemma in SAY and attributed is None:
            subj = next((c for c in node.children if c.dep_ in SUBJ), None)
            if subj is not None:
                attributed = np_span(subj).text
            continue
        if modality == "asserted" and lemma in cues and rel in ("xcomp", "ccomp", "dobj", "pobj", "advcl",
                                                                 "conj", "acl", "relcl", "nsubjpass"):
            modality = cues[lemma]
    return modality, attributed
