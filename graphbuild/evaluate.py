"""Evaluation against gold annotations: the format and matching rules of the shared evaluation sets.

A gold file has one document a line: ``{doc_id, source, text | text_file, events: [{id, actor, type, target,
optional}], boilerplate_lines?}``. ``actor`` / ``target`` are lists of acceptable names, ``null`` (the gold says
the side is unidentified: the system must give none) or ``"*"`` (not annotated: anything matches).

A system event matches a gold event when its type is one of the gold types and both sides match: the
normalized label or mention equals a gold name, a gold name of two or more words occurs inside it, or it (two
or more words) occurs inside a gold name; for head-word annotated sets (MUC-4, WikiEvents, RAMS) a gold name of
one word inside it matches too (a document's ``head_match`` field overrides). Recall counts required gold
events matched; precision counts the judged system events that match any gold event. For partially annotated
documents (``partial``, by default those sets) only events of a type the document annotates are judged; an
event whose sentence is page furniture (``boilerplate_lines``) is always wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .documents import json_lines
from .errors import InputError
from .records import Document, Event, check_closed_fields

HEAD_MATCH_SOURCES = ("WikiEvents", "MUC-4", "RAMS")
UNKNOWN = {"", "unknown", "unidentified", "unidentified actor", "unknown actor", "unidentified armed group",
           "unidentified attackers", "unknown attacker", "none"}


# --------------------------------------------------------------------------- names

def norm(text: str) -> str:
    """The form names are compared in. Not :func:`graphbuild.text.normalize` on purpose: it mirrors the
    shared reference scorer (``score.py``) exactly, so both give the same figures.

    >>> norm("The U.S. Embassy's")
    'us embassy'
    >>> norm("Kata'ib Hezbollah")
    'kata ib hezbollah'
    """
    s = text.lower().replace("u.s.", "us").replace("u.n.", "un").replace("\u2019", "'")
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"[^\w\s]", " ", s)
    toks = s.split()
    while toks and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return " ".join(toks)


def _contains(big: str, small: str) -> bool:
    b, s = big.split(), small.split()
    return bool(s) and any(b[i:i + len(s)] == s for i in range(len(b) - len(s) + 1))


def names_match(system: list[str] | None, gold: list[str] | str | None, head_match: bool) -> bool:
    """Whether a system side (its label and mention, or None) matches a gold side.

    >>> names_match(["US Embassy in Baghdad"], ["US Embassy"], False)
    True
    >>> names_match(["a major general"], ["general"], True), names_match(["a major general"], ["general"], False)
    (True, False)
    >>> names_match(None, None, False), names_match(["missile"], None, False)
    (True, False)
    """
    if gold == "*":
        return True
    if gold is None:
        return system is None or all(norm(s) in UNKNOWN for s in system)
    if not system:
        return False
    golds = [g for g in map(norm, gold) if g]
    for s in map(norm, system):
        if not s or s in UNKNOWN:
            continue
        for g in golds:
            if s == g or (len(g.split()) >= 2 and _contains(s, g)) or (len(s.split()) >= 2 and _contains(g, s)):
                return True
            if head_match and len(g) >= 3 and _contains(s, g):
                return True
    return False


def _side(ev: dict, key: str) -> list[str] | None:
    x = ev.get(key)
    if not x:
        return None
    if isinstance(x, str):
        return [x]
    return [v for v in (x.get("label"), x.get("mention"), x.get("text"), x.get("name")) if isinstance(v, str) and v]


def _etype(ev: dict) -> str:
    return str(ev.get("event_type") or ev.get("type") or (ev.get("action") or {}).get("type") or "").upper()


# --------------------------------------------------------------------------- gold

@dataclass(frozen=True)
class GoldEvent:
    id: str
    types: tuple[str, ...]
    actor: Any  # list of names, None (unidentified) or "*" (not annotated)
    target: Any
    optional: bool = False


@dataclass(frozen=True)
class GoldDoc:
    doc_id: str
    source: str
    text: str
    events: tuple[GoldEvent, ...]
    boilerplate: frozenset[str] = frozenset()
    recall_only: bool = False
    # None: the default of the source (true for the head-word annotated sets, false otherwise)
    head_match_flag: bool | None = None
    partial_flag: bool | None = None

    @property
    def known_source(self) -> bool:
        return (self.source.split() or [""])[0] in HEAD_MATCH_SOURCES

    @property
    def head_match(self) -> bool:
        """A one-word gold name inside a system side matches (gold names are head words or categories)."""
        return self.known_source if self.head_match_flag is None else self.head_match_flag

    @property
    def partial(self) -> bool:
        """Only some events are annotated: only system events of an annotated type are judged."""
        return self.known_source if self.partial_flag is None else self.partial_flag

    @property
    def types(self) -> set[str]:
        return {t for g in self.events for t in g.types}

    def matches(self, ev: dict, g: GoldEvent) -> bool:
        return (_etype(ev) in g.types and names_match(_side(ev, "actor"), g.actor, self.head_match)
                and names_match(_side(ev, "target"), g.target, self.head_match))


def _names(value: Any, where: str, path: Path, line: int) -> Any:
    if value is None or value == "*":
        return value
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise InputError(f"{where} must be a list of names, null or \"*\"", path=path, line=line)


def read_gold(path: str | Path) -> list[GoldDoc]:
    """Read a gold file; problems raise :class:`InputError` with the file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError("no such gold file", path=path) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read the gold file ({e})", path=path) from None
    docs = []
    for n, d in json_lines(lines, path):
        if not isinstance(d, dict) or "doc_id" not in d or not isinstance(d.get("events"), list):
            raise InputError("a gold document needs 'doc_id' and a list of 'events'", path=path, line=n)
        text = d.get("text")
        if text is None and d.get("text_file"):
            tf = path.parent / str(d["text_file"])
            try:
                text = tf.read_text(encoding="utf-8")
            except OSError:
                raise InputError(f"text_file {str(d['text_file'])!r} cannot be read", path=path, line=n) from None
        if not isinstance(text, str):
            raise InputError("a gold document needs 'text' or 'text_file'", path=path, line=n)
        events = []
        for i, g in enumerate(d["events"]):
            if not isinstance(g, dict) or "type" not in g:
                raise InputError(f"event {i + 1} needs a 'type'", path=path, line=n)
            types = g["type"] if isinstance(g["type"], list) else [g["type"]]
            events.append(GoldEvent(str(g.get("id", f"{d['doc_id']}#{i + 1}")), tuple(str(t).upper() for t in types),
                                    _names(g.get("actor", "*"), f"event {i + 1} actor", path, n),
                                    _names(g.get("target", "*"), f"event {i + 1} target", path, n),
                                    bool(g.get("optional", False))))
        text_lines = text.splitlines()
        boiler = frozenset(text_lines[i - 1].strip() for i in d.get("boilerplate_lines") or []
                           if isinstance(i, int) and 0 < i <= len(text_lines) and text_lines[i - 1].strip())
        flags = {}
        for name in ("head_match", "partial"):
            if d.get(name) is not None and not isinstance(d[name], bool):
                raise InputError(f"'{name}' must be true or false", path=path, line=n)
            flags[name] = d.get(name)
        docs.append(GoldDoc(str(d["doc_id"]), str(d.get("source", "")), text, tuple(events), boiler,
                            bool(d.get("recall_only")), flags["head_match"], flags["partial"]))
    return docs


def gold_documents(gold: Iterable[GoldDoc]) -> Iterator[Document]:
    """The articles of a gold file, as Documents (page furniture is removed as for any input)."""
    from .documents import prepare_text

    for d in gold:
        yield Document(id=d.doc_id, text=prepare_text(d.text), source=d.source or None)


# --------------------------------------------------------------------------- scoring

@dataclass
class DocScore:
    doc_id: str
    recalled: int = 0
    required: int = 0
    correct: int = 0
    judged: int = 0
    missed: list[GoldEvent] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)


@dataclass
class Score:
    docs: list[DocScore]
    boilerplate_fp: int = 0

    def _sum(self, attr: str) -> int:
        return sum(getattr(d, attr) for d in self.docs)

    recalled = property(lambda self: self._sum("recalled"))
    required = property(lambda self: self._sum("required"))
    correct = property(lambda self: self._sum("correct"))
    judged = property(lambda self: self._sum("judged"))

    @property
    def precision(self) -> float:
        judged = self._sum("judged")
        return self._sum("correct") / judged if judged else 0.0

    @property
    def recall(self) -> float:
        req = self._sum("required")
        return self._sum("recalled") / req if req else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(recalled {self._sum('recalled')}/{self._sum('required')}, correct "
                f"{self._sum('correct')}/{self._sum('judged')}, boilerplate FP {self.boilerplate_fp})")


def _as_dict(ev: Event | dict) -> dict:
    return ev if isinstance(ev, dict) else ev.to_dict()


def score(gold: list[GoldDoc], events: Iterable[Event | dict]) -> Score:
    """Score system events against gold documents (the rules of the module docstring)."""
    by_doc: dict[str, list[dict]] = {}
    for ev in events:
        d = _as_dict(ev)
        by_doc.setdefault(str(d.get("doc_id")), []).append(d)
    result = Score([])
    for doc in gold:
        evs = by_doc.get(doc.doc_id, [])
        ds = DocScore(doc.doc_id)
        for g in doc.events:
            if g.optional:
                continue
            ds.required += 1
            if any(doc.matches(e, g) for e in evs):
                ds.recalled += 1
            else:
                ds.missed.append(g)
        result.docs.append(ds)
        if doc.recall_only:
            continue
        types = doc.types
        for e in evs:
            sent = (e.get("sentence") or "").strip()
            if doc.boilerplate and sent and any(sent in b or b in sent for b in doc.boilerplate if len(b) > 12):
                ds.judged += 1
                result.boilerplate_fp += 1
                ds.wrong.append(e)
                continue
            if doc.partial and _etype(e) not in types:
                continue
            ds.judged += 1
            if any(doc.matches(e, g) for g in doc.events):
                ds.correct += 1
            else:
                ds.wrong.append(e)
    return result


def read_event_dicts(path: str | Path) -> Iterator[dict]:
    """events.jsonl as plain dicts; a line with a type, modality or kind outside the contract is refused with
    the file and line."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8")
    except OSError:
        raise InputError("no such events file", path=path) from None
    with fh:
        for n, d in json_lines(fh, path):
            if not isinstance(d, dict):
                raise InputError("an event must be a JSON object", path=path, line=n)
            try:
                check_closed_fields(d)
            except InputError as e:
                raise InputError(f"not a valid event record: {e.message}", path=path, line=n) from None
            yield d


def extract_gold(gold: list[GoldDoc], *, model: str | None = None, ontology_files: Iterable[str | Path] = ()
                 ) -> list[Event]:
    """Run the extractor over the articles of a gold file (no outputs written)."""
    from .nlp import load_pipeline
    from .ontology import load_ontology
    from .pipeline import process

    onto = load_ontology(ontology_files)
    nlp = load_pipeline(model, onto)
    return [ev for _doc, evs, _affs in process(gold_documents(gold), onto, nlp) for ev in evs]


def _side_text(side: Any) -> str:
    if side is None:
        return "(unidentified)"
    if side == "*":
        return "*"
    return " | ".join(side[:3]) + (" ..." if len(side) > 3 else "")


def report(result: Score, misses: bool = True, wrong: bool = False) -> str:
    """P/R/F1, then per document what was recalled and the gold events missed (and wrong events)."""
    lines = [result.summary()]
    for d in result.docs:
        if not (d.missed or (wrong and d.wrong)):
            continue
        lines.append(f"{d.doc_id}: recalled {d.recalled}/{d.required}, correct {d.correct}/{d.judged}")
        if misses:
            for g in d.missed:
                lines.append(f"  missed {g.id}: {'/'.join(g.types)} {_side_text(g.actor)} -> {_side_text(g.target)}")
        if wrong:
            for e in d.wrong:
                a, t = _side(e, "actor"), _side(e, "target")
                lines.append(f"  wrong: {_etype(e)} {a[0] if a else '-'} -> {t[0] if t else '-'}  "
                             f"[{(e.get('sentence') or '')[:90]}]")
    return "\n".join(lines)
