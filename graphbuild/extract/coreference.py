"""Conservative coreference for event sides: personal pronouns ("they", "it", "its"), relative pronouns
("which", "who") and definite descriptions ("the group", "those groups", "the consulate") resolved to an
earlier actor mention of the same article.

Rules, in the spirit of Hobbs and of Lappin & Leass's salience weights, kept small:
- a relative pronoun stands for the noun its clause modifies (a name in apposition is preferred);
- "it"/"its" takes a singular non-person antecedent, "they"/"them"/"their" a plural or coordinated one,
  "he"/"she" a person; the same sentence is searched first (never the pronoun's own clause subject for an
  object pronoun), then up to two sentences back, subjects before other roles;
- a definite description takes the nearest earlier mention with the same head noun and more words
  ("the embassy" -> "the Danish Embassy in Nairobi"), or for a group noun the nearest named or modified
  group ("the group" any organisation, "the rebels" an armed group), unless the same bare words came last;
- "it" standing for a clause ("it is likely that ...") has no antecedent;
- the listener of a reporting verb ("told the BBC") and news agencies are never antecedents.
An antecedent that is itself a pronoun is followed to its own antecedent. Nothing found: no antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import ENT_ACTOR, INDEFINITE, Words
from .noun_phrases import Arg, conjuncts, is_definite_description, np_span, split_sides

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
PLURAL = {"they", "them", "their", "theirs", "themselves"}
NEUTER = {"it", "its", "itself"}
PERSON = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


@dataclass(frozen=True)
class _Cand:
    tok: Token
    sent: int
    subject: bool
    plural: bool       # a plural noun, or coordinated ("Syria and its allies" for "they")
    singular: bool     # the noun itself is singular (for "it")
    person: bool


class Coref:
    def __init__(self, doc: Doc, words: Words, after: int = 0, surnames: frozenset[str] = frozenset()):
        """``after``: where the article's own text starts (after a dateline, which names no antecedent);
        ``surnames``: the article's persons by surname (lower case), also those the recogniser missed."""
        self.doc = doc
        self.words = words
        self.surnames = surnames
        self.sent_of = {}
        for n, s in enumerate(doc.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = n
        self._ent_of = {i: e for e in doc.ents for i in range(e.start, e.end)}  # doc.ents scans the whole doc
        self.cands = [c for t in doc if t.idx >= after and (c := self._candidate(t)) is not None]
        self._memo: dict[int, list[Arg]] = {}
        self._exclude: set[int] = set()

    def _candidate(self, t: Token) -> _Cand | None:
        w = self.words
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "poss", "npadvmod", "nmod"):
            return None
        if t.ent_type_ in ("DATE", "TIME", "MONEY", "CARDINAL", "PERCENT", "QUANTITY", "ORDINAL"):
            return None
        if w.is_event_noun(t) or w.is_instrument(t):
            return None
        if t.dep_ == "advcl" or any(c.dep_ == "mark" for c in t.children):
            return None  # a clause with no verb, "If elected president, she ...": a condition, not someone
        head = t.head
        if t.dep_ in ("dobj", "dative") and w.reporting(head):
            return None  # the listener: "told the BBC"
        if not (t.ent_type_ in ENT_ACTOR or t.pos_ == "PROPN" or w.is_actor_word(t)):
            return None
        if w.onto.is_source(np_span(t).text) or w.onto.is_source(t.text):  # after the cheaper tests: np_span costs
            return None
        if t.ent_type_ and t.ent_iob_ in ("B", "I"):
            ent = self._ent_of.get(t.i)
            if ent is not None and ent.root != t:
                return None  # "Chad" inside "the Liberation Front of Chad"
        plural = t.tag_ in ("NNS", "NNPS") or bool([c for c in t.conjuncts if c.i > t.i])
        person = t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.lower_ in self.surnames
        return _Cand(t, self.sent_of[t.i], t.dep_ in SUBJECT_DEPS, plural, t.tag_ not in ("NNS", "NNPS"), person)

    # ------------------------------------------------------------------ public
    def resolve(self, tok: Token, exclude: set[int] | frozenset[int] = frozenset()) -> list[Arg]:
        """The antecedent sides of a pronoun or definite description (empty when none is found).
        ``exclude``: tokens that cannot be the antecedent (the other side of the event: "they target them")."""
        if exclude:
            saved, self._exclude = self._exclude, set(exclude)
            try:
                found = self._resolve(tok)
            finally:
                self._exclude = saved
            return [a for a in found if a.tok.i not in exclude]
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = []  # guards against cycles
        found = self._resolve(tok)
        self._memo[tok.i] = found
        return found

    def _resolve(self, tok: Token) -> list[Arg]:
        low = tok.lower_
        if low in ("which", "who", "whom", "that", "whose") and tok.tag_ in ("WDT", "WP", "WP$"):
            return self._relative(tok)
        if low in PLURAL | NEUTER | PERSON:
            return self._personal(tok)
        if is_definite_description(tok, self.words):
            return self._description(tok)
        return []

    # ------------------------------------------------------------------ rules
    def _relative(self, tok: Token) -> list[Arg]:
        clause = tok.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i and clause.head.i > tok.i - 3:
            clause = clause.head
        if clause.dep_ not in ("relcl", "acl"):
            return []
        noun = clause.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            noun = noun.head  # "Omar Haddad, the party's deputy chief, who ..."
        return self._as_args(_nearest_name(tok, noun, self.words))

    def _personal(self, tok: Token) -> list[Arg]:
        low = tok.lower_
        if _expletive(tok):
            return []
        own = _own_np_heads(tok)
        clause_subjects = {c.i for c in _clause(tok).children if c.dep_ in SUBJECT_DEPS} \
            if tok.dep_ not in SUBJECT_DEPS and low not in ("its", "their", "his", "her") else set()
        s = self.sent_of[tok.i]

        window = [c for c in self.cands if s - 2 <= c.sent <= s and c.tok.i < tok.i]
        # "he" after a person named nearby is that person, not "the army" that reported it
        persons_only = low in PERSON and any(c.person for c in window if c.tok.i not in own)

        def fits(c: _Cand) -> bool:
            if c.tok.i in own or c.tok.i in clause_subjects or c.tok.i in self._exclude:
                return False
            if low in PLURAL:
                return c.plural and not c.person
            if low in NEUTER:
                return c.singular and not c.person and c.tok.lower_ not in INDEFINITE
            return c.person or (not persons_only and c.tok.lemma_.lower() in self.words.lex.sector_nouns
                                and not c.plural)

        same = [c for c in self.cands if c.sent == s and c.tok.i < tok.i and fits(c)]
        if not same and low in NEUTER:  # a name the tagger took for a person ("Harakat Nour")
            same = [c for c in self.cands if c.sent == s and c.tok.i < tok.i and c.tok.pos_ == "PROPN"
                    and c.singular and c.tok.i not in own and c.tok.i not in clause_subjects
                    and c.tok.i not in self._exclude]
        if same:
            # the most recent subject, else the most recent mention
            subj = [c for c in same if c.subject]
            pick = (subj or same)[-1] if low not in ("its", "their") else same[-1]
            return self._as_args(pick.tok, plural=low in PLURAL)
        for back in (1, 2):
            prev = [c for c in self.cands if c.sent == s - back and fits(c)]
            if prev:
                subj = [c for c in prev if c.subject]
                pick = (subj or prev)[0]
                return self._as_args(pick.tok, plural=low in PLURAL)
        if low in PERSON:
            return self._only_person(tok)
        return []

    def _only_person(self, tok: Token) -> list[Arg]:
        """ "If elected, she will ... Clinton can be stopped": "he" or "she" with no one before it is the one
        person the article names, when it names only one (by surname), later in the text."""
        persons = [c for c in self.cands if c.person and c.tok.i not in self._exclude]
        if len({c.tok.lower_ for c in persons}) != 1 or persons[0].tok.i < tok.i:
            return []
        return self._as_args(persons[0].tok)

    def _description(self, tok: Token) -> list[Arg]:
        lemma = tok.lemma_.lower()
        s = self.sent_of[tok.i]
        group = lemma in self.words.group_nouns
        generic = lemma in self.words.lex.generic_group_nouns
        best = same = bare = None
        for c in self.cands:
            if c.tok.i >= tok.i or c.sent < s - 3 or c.tok.i in _own_np_heads(tok):
                continue
            span = np_span(c.tok)
            same_head = c.tok.lemma_.lower() == lemma or c.tok.lower_ == tok.lower_
            if len(span) < 2 and c.tok.pos_ != "PROPN":
                if same_head:
                    bare = c  # "rebels" ... "the rebels": the same words, nothing more to say
                continue
            # "the group" may be any named organisation; "the rebels" an armed group only
            named_group = group and (c.tok.lemma_.lower() in self.words.group_nouns or c.tok.ent_type_ == "ORG"
                                     and (generic or self.words.onto.resolve(span.text).kind == "armed_group"))
            if same_head:
                same = c
            elif named_group:
                best = c
        pick = same or best
        if pick is None or (bare is not None and bare.tok.i > pick.tok.i):
            return []
        return self._as_args(pick.tok)

    # ------------------------------------------------------------------ helpers
    def _as_args(self, tok: Token, plural: bool = False) -> list[Arg]:
        """The antecedent as sides; a pronoun antecedent is followed; "they" takes every conjunct."""
        if tok.lower_ in PLURAL | NEUTER | PERSON or (tok.tag_ in ("WDT", "WP") and tok.lower_ in ("who", "which")):
            return self.resolve(tok)
        if is_definite_description(tok, self.words):
            found = self.resolve(tok)
            if found:
                return found
        heads = conjuncts(tok) if plural else [tok]
        out = []
        for a in split_sides(heads) if plural else [Arg(tok)]:
            if a.tok.lower_ in PLURAL | NEUTER | PERSON:
                out += self.resolve(a.tok)
            else:
                out.append(a)
        return out


def _own_np_heads(tok: Token) -> set[int]:
    """Tokens of the noun phrase the pronoun sits in ("its" in "its proxies": proxies)."""
    out = set()
    t = tok
    while t.dep_ in ("poss", "det", "compound", "amod", "pobj", "prep") and t.head.i != t.i:
        t = t.head
        out.add(t.i)
        if t.pos_ in ("VERB", "AUX"):
            break
    return out


def _expletive(tok: Token) -> bool:
    """ "it" that stands for a clause, not a thing: "it is hard to ...", "it was feared that ...",
    "it appears that ..."."""
    if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass", "expl"):
        return False
    verb = tok.head
    return tok.dep_ == "expl" or any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in verb.children) \
        or any(c.dep_ == "acomp" and any(x.dep_ in ("xcomp", "ccomp") for x in c.children) for c in verb.children)


def _clause(tok: Token) -> Token:
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def _nearest_name(rel: Token, noun: Token, words: Words) -> Token:
    """ "the plan pursued by Russia, which ...": the parser hangs the relative clause on "plan", which cannot
    act, but the name right before the relative pronoun can; that name is what the clause is about."""
    before = rel.i - 1 if rel.i > 0 and rel.doc[rel.i - 1].text != "," else rel.i - 2
    if before < 0 or noun.pos_ != "NOUN" or words.is_actor_word(noun) or rel.lower_ not in ("which", "who"):
        return noun
    name = rel.doc[before]
    if name.i != noun.i and name.pos_ == "PROPN" and name.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and \
            noun.i < name.i and noun.is_ancestor(name):
        return name
    return noun
