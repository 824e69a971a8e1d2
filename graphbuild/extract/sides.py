"""Event frames: a trigger with the heads of its actor and target sides, before resolution. Shared by the
verbal and nominal rules: voice, the subject a verb inherits from the clause that governs it, and the target
of a preposition."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lexicon import OBJ, PASS_SUBJ, SUBJ, Words
from .noun_phrases import Arg

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACE_ENTS = ("GPE", "LOC", "DATE", "TIME")


@dataclass
class Frame:
    trigger: Token
    etype: str
    actors: list[Arg] = field(default_factory=list)
    targets: list[Arg] = field(default_factory=list)
    mode: str | None = None
    text: str = ""
    modality: str | None = None  # set when the rule itself knows it ("blamed on": alleged)
    modifiers: set[int] = field(default_factory=set)  # actors that are only modifiers ("guerrilla raids")
    anaphoric: bool = False  # the event is told as "the raid" of an earlier sentence ("the blast hurt two")


CLAIM_NOUNS = frozenset({"responsibility", "credit"})  # "claimed responsibility for", "took credit for"


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in PASS_SUBJ or c.dep_ in ("auxpass", "agent") for c in verb.children):
        return True  # a by-agent is the parser's own word for a passive, whatever tag it gave the verb
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "aux" for c in verb.children):
        return True  # reduced relative: "the soldiers killed in the attack"
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return is_passive(verb.head)  # "were killed and wounded"
    return gapped_passive(verb)


def gapped_passive(verb: Token) -> bool:
    """ "two guards were killed, and 12 soldiers injured": a participle with a subject of its own and no
    auxiliary or object in a conjunct clause is a passive whose "were" the writer left out; its subject is
    the harmed, never who harmed."""
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and \
        any(c.dep_ == "nsubj" and c.pos_ != "NUM" for c in verb.children) and \
        not any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in verb.children)


def agents(verb: Token) -> list[Token]:
    """The by-phrase of a passive, also when the parser hung it on the noun the clause modifies."""
    out = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    if not out:
        heads = [verb, *[c for c in verb.children if c.dep_ in ("acomp", "oprd", "advmod", "xcomp")]]
        out = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by"
               for p in c.children if p.dep_ == "pobj"]
    if not out and verb.dep_ in ("relcl", "acl"):
        out = [p for c in verb.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > verb.i
               for p in c.children if p.dep_ == "pobj"]
    return out


def subjects(verb: Token, depth: int = 0, words: Words | None = None) -> list[Token]:
    """The actor heads of a verb: its own subject, or the one it shares with the clause that governs it
    ("vowed to strike", "raided ... and burned", "shelled the depot, wounding four")."""
    own = [c for c in verb.children if c.dep_ in SUBJ and c.dep_ != "expl"]
    if own or depth > 4:
        return own
    if is_passive(verb):
        return agents(verb)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" and words is not None and words.requests(head):
        # "urged Biden to strike", "called on the army to strike": whoever is asked would act
        return objects(head) or [p for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                                 for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ in ("xcomp", "conj", "pcomp") or (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB")):
        if head.pos_ in ("VERB", "AUX"):
            if is_passive(head) and verb.dep_ != "conj":
                return agents(head)
            return subjects(head, depth + 1, words)
        if verb.dep_ == "pcomp" and head.head.lemma_.lower() in CLAIM_NOUNS and head.head.dep_ == "dobj":
            return subjects(head.head.head, depth + 1, words)  # "claimed responsibility for killing the mayor"
        if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            gov = head.head
            accused = objects(gov) or ([c for c in gov.children if c.dep_ in PASS_SUBJ])
            if head.lower_ in ("of", "for") and accused and words is not None and (
                    words.token_cue(gov) == "alleged" or words.lex.verb_triggers.get(gov.lemma_.lower()) == "COERCE"):
                return accused  # "X accused Y of shelling Z": Y is the (alleged) actor
            return subjects(gov, depth + 1, words)
        if verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.dep_ in ("dobj", "nsubjpass") and \
                words is not None and words.token_cue(head.head.head) == "alleged":
            return [head.head]  # "accused the rebels of carrying out the raid": the parser hangs "of" on "rebels"
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ in ("NOUN", "PROPN"):
        return [head]  # a finite verb the parser hung on its subject: "..., the militia mounted raids"
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if words_actor(head):
            return [head]  # "snipers firing at the checkpoint"
        if head.dep_ in OBJ and head.head.pos_ in ("VERB", "AUX"):
            return subjects(head.head, depth + 1, words)  # "they released a video offering a reward for ..."
    return []


def words_actor(tok: Token) -> bool:
    """A noun that can act: a name or a plural/person-like noun, not a document or thing ("statement")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or tok.tag_ == "NNS"


def passive_subjects(verb: Token, depth: int = 0) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in PASS_SUBJ or c.dep_ == "nsubj" and gapped_passive(verb)]
    if own or depth > 3:
        return own
    if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN", "NUM") and (
            verb.tag_ == "VBN" or any(c.dep_ == "agent" for c in verb.children)):
        return [verb.head]  # "the suspect, shot dead by police" (a participle the tagger read as "shot" past)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return passive_subjects(verb.head, depth + 1)
    return []


def objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in OBJ]


def prep_objects(tok: Token, preps: tuple[str, ...], words: Words, places: bool = False) -> list[Token]:
    """Objects of the given prepositions under ``tok``; "in front of X" gives X. Places and times are left
    out unless ``places``."""
    out = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in preps:
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            p = _through_relational(p, words)
            if p.ent_type_ in ("DATE", "TIME") or (p.ent_type_ in PLACE_ENTS and not places):
                continue
            out.append(p)
    return out


def _through_relational(p: Token, words: Words) -> Token:
    """ "in front of the church": the church (the lexicon's relational nouns of place)."""
    while p.lower_ in words.lex.relational_nouns:
        nxt = [x for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children
               if x.dep_ == "pobj"]
        if not nxt:
            break
        p = nxt[0]
    return p
