"""Casualties: how many people an event killed and wounded, as the sentence gives them.

A fatality or injury word of the lexicon (``cekg:fatalityWord``, ``cekg:injuryWord``) counts the people of
its side: the object of an active verb ("killing at least 12", "wounded two soldiers and a child"), the
subject of a passive one ("27 people were killed, including three children", "six were hurt"), the number
that the word qualifies ("five dead", "12 killed") or its own number ("a death toll of 9", "12 deaths").
The count is the lower bound the text gives ("at least 12", "between 10 and 15": 10); a bound from above
("up to 20", "nearly 20") or a vague word ("several", "many") is no count. Coordinated victims add up.
"Dozens" and "hundreds" count as 12 and 100, the convention of human coders (ACLED).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import OBJ, PASS_SUBJ, Words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "dozen": 12, "dozens": 12, "hundreds": 100, "scores": 20,
                     "thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6, "a dozen": 12,
                     "both": 2, "couple": 2})  # number words are grammar, a closed class: no ontology term
_TALLY_WORDS = ("thousand", "million", "millions")
UPPER_BOUND = {"up", "nearly", "almost", "under", "fewer", "less", "maximum", "most"}  # "up to 20": no lower bound
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")


def number(tok: Token) -> int | None:
    """The count a word gives, when it is a number of people: "12", "1,200", "twelve", "dozens".

    >>> import spacy
    >>> doc = spacy.blank("en")("12 1,200 twelve dozens 1989 several")
    >>> [number(t) for t in doc]
    [12, 1200, 12, 12, None, None]
    """
    text = tok.lower_
    if _DIGITS.match(text):
        value = int(text.replace(",", ""))
        # a year or a time is no count of people ("in 1989", "at 2130")
        return None if len(text) == 4 and "," not in text and 1900 <= value <= 2100 else value
    # "thousand" and "million" multiply the number before them ("two thousand", "5 million"), and "millions" is
    # the toll of a war: none counts one incident's victims; they size a tally (non_events.py)
    return None if text in _TALLY_WORDS else NUMBER_WORDS.get(text)


def _count_of(head: Token, words: Words) -> int | None:
    """The number of people a noun phrase (or a bare number) stands for: "at least 12 people" -> 12,
    "between 10 and 15 civilians" -> 10, "a soldier and two children" -> 3, "up to 20" -> None."""
    total, any_count = 0, False
    for tok in [head, *head.conjuncts]:
        n = _one_count(tok, words)
        if n is None:
            return None if not any_count and tok is head else (total if any_count else None)
        total += n
        any_count = True
    return total if any_count else None


def _one_count(tok: Token, words: Words) -> int | None:
    nums = [tok] if tok.pos_ == "NUM" or number(tok) is not None and tok.pos_ != "PROPN" else []
    nums += [c for c in tok.children if c.dep_ == "nummod"]
    if not nums:
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
              if p.dep_ == "pobj"]
        if tok.lower_ in ("dozens", "hundreds", "scores", "thousands") and of:
            return number(tok)  # "dozens of people"
        # one person: "killed a policeman", "the mayor was shot dead"
        if tok.tag_ == "NN" and tok.ent_type_ in ("", "PERSON") and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in tok.children):
            return 1 if _is_person(tok, words) else None
        return 1 if tok.ent_type_ == "PERSON" else None
    values = []
    for n in nums:
        mods = {c.lower_ for c in n.subtree if c.i < n.i} | {c.lower_ for c in n.children}
        if mods & UPPER_BOUND:
            return None
        v = number(n)
        if v is not None and v < 10 and n.i >= 2 and n.doc[n.i - 1].text == "-":
            v += number(n.doc[n.i - 2]) or 0  # "twenty-seven"
        if v is None:
            return None
        values.append(v)
        values += [number(c) for c in n.children if c.dep_ in ("quantmod", "conj") and number(c) is not None]
    return min(values) if values else None


def _is_person(tok: Token, words: Words) -> bool:
    """A singular noun of a person-like kind (a person title or a word for people: the ontology's
    ``cekg:personNoun``), not "the building"."""
    return tok.lemma_.lower() in words.lex.person_nouns


def _word_count(tok: Token, words: Words) -> tuple[str, int] | None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    lex = words.lex
    kind = "fatalities" if lemma in lex.fatality_words or low in lex.fatality_words else \
        "injured" if lemma in lex.injury_words or low in lex.injury_words else None
    if kind is None or any(c.dep_ == "neg" for c in tok.children):
        return None  # "the driver was not injured" reports no one hurt
    heads: list[Token] = []
    if tok.pos_ == "VERB" and not any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in tok.children) \
            and not (tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")):
        heads = [c for c in tok.children if c.dep_ in OBJ]  # "killing at least 12", "wounded two soldiers"
        heads += [c for c in tok.children if c.dep_ == "nsubj" and tok.lemma_.lower() in ("die",)]
    else:
        heads = [c for c in tok.children if c.dep_ in PASS_SUBJ]  # "27 people were killed"
        if tok.dep_ in ("acl", "amod", "relcl") and tok.head.pos_ in ("NUM", "NOUN", "PRON") and not heads:
            heads = [tok.head]  # "12 killed", "six people killed in the raid"
    if not heads:
        if tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and tok.pos_ == "ADJ":
            heads = [c for c in tok.children if c.dep_ == "nsubj"] or \
                    [c for c in tok.head.children if c.dep_ in OBJ + PASS_SUBJ + ("nsubj",) and c.i < tok.i]
        heads += [c for c in tok.children if c.dep_ == "nummod"]  # "12 deaths", "five dead"
        if tok.pos_ in ("NOUN", "ADJ") and tok.head.pos_ == "NUM" and tok.dep_ in ("amod", "npadvmod", "dep"):
            heads.append(tok.head)  # "five dead" parsed with the number as head
        if tok.lower_ in ("toll",):  # "a death toll of 9", "the toll rose to 30"
            heads += [p for c in [*tok.children, *tok.head.children] if c.dep_ == "prep" and c.lower_ in ("of", "to")
                      for p in c.children if p.dep_ == "pobj" and p.pos_ == "NUM"]
    heads = [h for h in heads if h.lower_ not in ("nobody", "none") and not any(
        c.dep_ == "det" and c.lower_ == "no" for c in h.children)]  # "no one was killed"
    counts = [c for c in (_count_of(h, words) for h in heads) if c is not None]
    if not counts:
        return None
    return kind, max(counts)


def casualties(sent: Span, words: Words, trigger: Token | None = None) -> tuple[int | None, int | None]:
    """(fatalities, injured) the sentence reports, the largest of each kind; None when it gives none.
    Several reports in a sentence ("killing 3 and wounding 9") give one of each kind. With a ``trigger``,
    only the counts in the same clause chain as it: the trigger itself, what it governs ("attacked the bus,
    killing five") or what governs it ("the bombing killed 12"), not a second event of the sentence ("the
    attack came after strikes hit the base, killing three")."""
    found: dict[str, int] = {}
    for tok in sent:
        if trigger is not None and not (tok.i == trigger.i or tok.is_ancestor(trigger) or trigger.is_ancestor(tok)):
            continue
        got = _word_count(tok, words)
        if got is not None:
            kind, n = got
            found[kind] = max(found.get(kind, 0), n)
    return found.get("fatalities"), found.get("injured")
