"""Rule-based event extraction over a dependency parse: triggers (verbs and event nouns from the ontology's
lexicon) -> frames (verbal.py, nominal.py) -> sides resolved through coreference (coref.py) and the ontology
-> events with modality and attribution (modality.py), place and date (context.py).

Every rule is about structure and the lexicon, never about a particular document or name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor, Document, Event
from .context import dateline_date, dateline_end, dateline_place, place_of, sentence_date, sentence_place
from .coref import Coref
from .frames import Frame, objects, passive_subjects
from .modality import presentation
from .nominal import nominal_frames
from .phrases import Arg, is_definite_description, is_pronoun, np_span
from .verbal import verbal_frames
from .words import DEMONSTRATIVE, Words, words_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..ontology import Ontology


def extract_events(doc: "Doc", document: Document, ontology: "Ontology") -> Iterator[Event]:
    """Every event mention of a parsed article, in text order."""
    ext = _Extractor(doc, document, ontology)
    events: list[tuple[int, Event]] = []
    for n, sent in enumerate(doc.sents):
        seen: set[tuple] = set()
        for tok in sent:
            for ev in ext.events_at(tok, sent):
                key = (ev.actor and ev.actor.id, ev.target and ev.target.id, ev.event_type, ev.span)
                if key not in seen:
                    seen.add(key)
                    events.append((n, ev))
    yield from fill_perpetrators(events, ext.statements)


NEAR = 2  # sentences


def fill_perpetrators(events: list[tuple[int, Event]], statements_ok: set[int] | None = None) -> list[Event]:
    """Event coreference across sentences: an attack reported without its perpetrator ("a bomb exploded at
    the party headquarters") and a nearby statement of who carried out an attack with no target of its own
    ("the attack was staged by guerrillas", "the bombs were planted by the FMLN") are one event. The
    perpetrator fills the actor (with the statement's modality and source); a statement used so is dropped.

    ``events``: (sentence number, event) in text order; ``statements_ok``: ids of the events that may be
    such a statement (a definite event noun or a verb, not "prompting Russian airstrikes")."""
    statements = [(n, e) for n, e in events if e.event_type == "ASSAULT" and e.actor is not None
                  and e.target is None and (statements_ok is None or id(e) in statements_ok)]
    used: set[int] = set()
    out: list[Event] = []
    for n, e in events:
        if e.event_type == "ASSAULT" and e.actor is None and e.target is not None and e.modality == "asserted":
            near = [(abs(m - n) + (0.5 if m < n else 0), i, s) for i, (m, s) in enumerate(statements)
                    if abs(m - n) <= NEAR]
            if near:
                _, i, s = min(near, key=lambda x: (x[0], x[1]))
                used.add(i)
                e = replace(e, actor=s.actor, modality=s.modality, attributed_to=e.attributed_to or s.attributed_to,
                            confidence=round(max(e.confidence - 0.1, 0.05), 3))
        out.append(e)
    dropped = {id(statements[i][1]) for i in used}
    out = [e for e in out if id(e) not in dropped]
    # the same victim named with its attacker elsewhere in the article: "X was kidnapped today" ... "X was
    # kidnapped by heavily armed men" (only a specific victim, and only one attacker named for it)
    by_target: dict[str, set] = {}
    for e in out:
        if e.event_type == "ASSAULT" and e.actor is not None and e.target is not None and _specific(e.target):
            by_target.setdefault(e.target.id, set()).add(e.actor)
    # an article that names one attacker only (wire copy on one incident): its unattributed attacks are
    # that attacker's
    attackers = {e.actor.id: e.actor for e in out if e.event_type == "ASSAULT" and e.actor is not None
                 and e.modality in ("asserted", "claimed", "alleged")}
    only = next(iter(attackers.values())) if len(attackers) == 1 else None
    filled = []
    for e in out:
        if e.event_type == "ASSAULT" and e.actor is None and e.target is not None and e.modality == "asserted":
            if len(by_target.get(e.target.id, ())) == 1:
                e = replace(e, actor=next(iter(by_target[e.target.id])),
                            confidence=round(max(e.confidence - 0.1, 0.05), 3))
            elif only is not None:
                e = replace(e, actor=only, confidence=round(max(e.confidence - 0.2, 0.05), 3))
        filled.append(e)
    return filled


def _specific(actor: Actor) -> bool:
    """A victim named precisely enough to recognise it in another sentence: a person, a named group or
    organisation, a named facility."""
    return actor.kind in ("person", "organisation", "armed_group") or (
        actor.kind == "facility" and actor.resolved) or any(w[:1].isupper() for w in actor.mention.split()[1:])


class _Extractor:
    def __init__(self, doc: "Doc", document: Document, ontology: "Ontology"):
        self.doc = doc
        self.document = document
        self.onto = ontology
        self.words: Words = words_of(ontology)
        self.coref = Coref(doc, self.words)
        dl = dateline_place(document.text)
        self.dateline = place_of(dl, ontology) if dl else None
        self.published = document.published or dateline_date(document.text)
        self.statements: set[int] = set()
        self.dateline_end = dateline_end(doc.text)

    def frames_at(self, tok: "Token") -> Iterator[Frame]:
        lex = self.words.lex
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in lex.verb_triggers:
            yield from verbal_frames(tok, lex.verb_triggers[lemma], self.words)
        elif tok.pos_ == "VERB" and self.words.light(tok) and any(
                self.words.is_instrument(x) for x in objects(tok) + passive_subjects(tok)):
            yield from verbal_frames(tok, "ASSAULT", self.words)  # "planted a bomb in front of the church"
        elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lex.noun_triggers or tok.lower_ in lex.noun_triggers):
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "FAC"):
                return
            yield from nominal_frames(tok, lex.noun_triggers.get(lemma) or lex.noun_triggers[tok.lower_],
                                      self.words)

    def events_at(self, tok: "Token", sent: "Span") -> Iterator[Event]:
        for frame in self.frames_at(tok):
            yield from self._events(frame, sent)

    # ---------------------------------------------------------------- sides
    def _resolve_args(self, args: list[Arg], exclude: set[int] | None = None) -> list[Arg]:
        out: list[Arg] = []
        for a in args:
            if is_pronoun(a.tok) or is_definite_description(a.tok, self.words):
                found = self.coref.resolve(a.tok, exclude or frozenset())
                if found:
                    out += [x for x in found if x.tok.i not in {y.tok.i for y in out}]
                elif not is_pronoun(a.tok):
                    out.append(a)  # "the embassy" with no earlier mention stays as written
                continue
            out.append(a)
        return out

    def _can_act(self, arg: Arg) -> bool:
        """An actor is someone: a name, an actor noun ("militants", "police", "gunmen"), people in the plural
        ("contras", "individuals"). A thing or an abstraction ("the shock wave", "the attempt") is not."""
        tok = _partitive(arg.tok)
        if tok.pos_ == "NUM" or tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
            return False
        if self.words.is_instrument(tok) or self.words.is_event_noun(tok):
            return False
        return self.words.is_actor_word(tok) or tok.tag_ in ("NNS", "NNPS") or tok.pos_ in ("PROPN", "PRON")

    def _can_be_target(self, arg: Arg) -> bool:
        """A target is someone or something that can be hit: as for actors, plus facilities, numbers of
        people ("killed 23"), and a part of one ("part of its air defence system", "a helipad inside the
        embassy"). "No one" and abstractions ("property damage") are not."""
        tok = arg.tok
        if any(c.lower_ == "no" for c in tok.lefts):
            return False
        if any(c.dep_ in ("amod", "compound") and self.onto.state_of(c.text) for c in tok.lefts):
            return True  # "British soil", "US interests"
        for t in _anchors(tok):
            if t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
                return True
            if self._can_act(Arg(t)) and not (t.tag_ in ("NNS", "NNPS") and t.pos_ == "NOUN"
                                               and t.lemma_.lower() in ("damage", "loss", "casualty")):
                return True
        return False

    def _mention(self, arg: Arg) -> str:
        """The text as written, with possessive pronouns inside it replaced by their antecedent
        ("three of its members" -> "three of Kataib Hezbollah's members")."""
        if arg.text is not None:
            return arg.text
        span = np_span(arg.tok)
        parts = []
        replaced: set[int] = set()
        for t in span:
            if t.i in replaced:
                continue
            if t.dep_ == "poss" and t.lower_ in ("its", "their", "his", "her") and t.i != arg.tok.i:
                found = self.coref.resolve(t)
                if found:
                    parts.append(" and ".join(f.mention for f in found) + "'s" + t.whitespace_)
                    continue
            if t.dep_ == "det" and t.head is not arg.tok and t.head.dep_ == "pobj" and \
                    is_definite_description(t.head, self.words) and self.coref.resolve(t.head):
                continue  # "those" of "members of those groups", replaced with the group below
            if t.dep_ == "pobj" and t is not arg.tok and is_definite_description(t, self.words):
                found = self.coref.resolve(t)
                if found:
                    parts.append(found[0].mention + t.whitespace_)
                    continue
            parts.append(t.text_with_ws)
        return "".join(parts).strip(" ,;:\"'“”‘’")

    def _actor(self, arg: Arg) -> Actor | None:
        mention = self._mention(arg)
        if not mention:
            return None
        hint = arg.tok.ent_type_ or None
        actor = self.onto.resolve(mention, hint=hint)
        return replace(actor, mention=mention) if actor.mention != mention else actor

    # ---------------------------------------------------------------- events
    def _events(self, frame: Frame, sent: "Span") -> Iterator[Event]:
        actors = [a for a in self._resolve_args(frame.actors) if self._can_act(a)]
        targets = [t for t in self._resolve_args(frame.targets, exclude={a.tok.i for a in actors})
                   if self._can_be_target(t)]
        if not actors and not targets:
            return
        pres = presentation(frame.trigger, sent, self.words)
        etype, text = frame.etype, frame.text
        modality = frame.modality or pres.modality
        if pres.threat is not None and etype != "THREATEN":
            etype, modality = "THREATEN", "threatened"
            text = f"{pres.threat.text} {frame.text}" if frame.text.startswith("to ") or \
                frame.trigger.pos_ != "VERB" else f"{pres.threat.text} to {frame.text}"
        if etype == "THREATEN" and modality == "asserted":
            modality = "threatened"
        actor_objs = [a for a in (self._actor(x) for x in actors) if a is not None] or [None]
        target_objs = [t for t in (self._actor(x) for x in targets) if t is not None] or [None]
        # the sides' own words are not the place; "the town of Rafah" still gives Rafah
        exclude = {i for a in actors + targets if a.tok.sent == sent for i in range(np_span(a.tok).start, a.tok.i + 1)}
        place = sentence_place(sent, self.onto, exclude) or self.dateline
        date = sentence_date(sent, self.published, self.dateline_end)
        trig = frame.trigger
        statement = trig.pos_ == "VERB" or any(c.lower_ in DEMONSTRATIVE and c.lower_ != "that" or c.dep_ == "poss"
                                                for c in trig.lefts)
        for a in actor_objs:
            for t in target_objs:
                if a is None and t is None:
                    continue
                if a is not None and t is not None and a.id == t.id:
                    continue
                ev = self._event(frame, sent, etype, a, t, text, modality, pres.attributed_to, place, date)
                if statement:
                    self.statements.add(id(ev))
                yield ev

    def _event(self, frame: Frame, sent: "Span", etype: str, actor: Actor | None, target: Actor | None,
               text: str, modality: str, attributed: str | None, place, date) -> Event:
        trigger = frame.trigger
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
            mode=frame.mode or (self._sentence_mode(sent, etype) if etype == "ASSAULT" else None),
            cameo=self.words.lex.cameo.get(etype),
            attributed_to=attributed,
            place=place,
            date=date,
            confidence=_confidence(actor, target, modality),
        )

    def _sentence_mode(self, sent: "Span", etype: str) -> str | None:
        text = " " + " ".join(t.lower_ for t in sent) + " "
        best = None
        for phrase, (mode, of) in self.words.lex.modes.items():
            if of == etype and f" {phrase} " in text and (best is None or len(phrase) > len(best[0])):
                best = (phrase, mode)
        return best[1] if best else None


def _partitive(tok: "Token") -> "Token":
    """ "three of its members" -> members; "two of the devices" -> devices."""
    if tok.pos_ == "NUM" or tok.lower_ in ("some", "many", "most", "all", "several", "each", "one", "part"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return tok


def _anchors(tok: "Token") -> list["Token"]:
    """The head and what it is part of or located in: of-, inside-, in-phrases and the possessor."""
    out = [tok]
    seen = {tok.i}
    i = 0
    while i < len(out) and len(out) < 6:
        t = out[i]
        i += 1
        for c in t.children:
            nxt = []
            if c.dep_ == "prep" and c.lower_ in ("of", "inside", "in", "at", "within"):
                nxt = [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "poss":
                nxt = [c]
            for p in nxt:
                if p.i not in seen:
                    seen.add(p.i)
                    out.append(p)
    return out


def _confidence(actor: Actor | None, target: Actor | None, modality: str) -> float:
    score = 0.5
    for side in (actor, target):
        if side is not None:
            score += 0.2 if side.resolved else 0.05
    if modality != "asserted":
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 3)

