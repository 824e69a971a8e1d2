"""An incident of years before the article, told in passing: background, not news of the article.

"The brigade is named for the priest Camilo Ruiz, who was killed by soldiers in 1966", "after the deputy was
assassinated in October 1987", "the oligarchs who promoted the invasion of the valley in 1969": a clause
that hangs on a noun or on another clause (relative, adverbial, a noun's clause), whose verb is dated two
or more years before the article. A coder of incidents (ACLED, MUC-4, a human analyst) leaves
it out; told as the sentence's own statement ("Rebels killed the priest in 1966", "The murder of the
archbishop took place in March 1980") it is kept, as it may be what the article is about. "Since 1981"
is a period up to now, not a date of the event. With no date for the article nothing is left out.

Nor is what someone did "in the past" ("the group has attacked soviet interests in the past", "he took part
in other attacks on the army in the past") an incident: a record, whatever the article's date, kept only as
who attacks in the article (a statement of its perpetrator, never output: incidents.py). "In the past few
days" is recent, and kept. The same for events in the plural told as a habit ("characterized by frequent
kidnappings of newsmen", "blamed for repeated massacres of peasants"): a record, not incidents.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

YEARS_BEFORE = 2  # a year or less before the article may still be its news ("last December")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# what a date hangs on before it reaches the word it dates: "in 1966", "in October 1987", "1966" of "May 1966"
_DATE_LINKS = ("pobj", "prep", "npadvmod", "nummod", "compound", "appos", "nmod", "quantmod")
# how an event noun hangs on the verb that tells it: "promoted the invasion", "the attack was carried out"
_NOUN_LINKS = ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "pcomp", "attr")
SUBORDINATE = ("relcl", "acl", "advcl")


# quantifiers of a habit, not of a count: "frequent kidnappings", "repeated raids"
# ("various attacks", "numerous raids" overnight may count incidents of the news)
HABIT_WORDS = frozenset({"frequent", "repeated", "constant", "countless", "continual", "systematic", "recurrent",
                         "habitual"})


def is_record(trigger: Token) -> bool:
    """What someone did "in the past", or does as a habit ("frequent kidnappings"): no one incident."""
    return is_in_the_past(trigger) or trigger.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.lower_ in HABIT_WORDS for c in trigger.children)


def is_in_the_past(trigger: Token) -> bool:
    """ "has attacked soviet interests in the past": a bare "in the past" on the trigger or on the verb that
    tells its event noun ("took part in other attacks in the past")."""
    for tok in _own_words(trigger):
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lower_ == "past" and all(c.lower_ == "the" for c in p.children)
                    for p in prep.children):
                return True
    return False


def is_years_before(trigger: Token, published: date | None) -> bool:
    """Whether ``trigger`` tells, in a subordinate clause, of an event its own words date ``YEARS_BEFORE``
    or more years before ``published``."""
    if published is None:
        return False
    # the clause the date belongs to is the subordinate one: "the priest, who was killed in 1966"; a date on
    # the event noun itself ("links the leader to the March 1980 murder of the archbishop") may name what
    # the article is about
    at = {t.i for t in _own_words(trigger) if t.pos_ in ("VERB", "AUX") and t.dep_ in SUBORDINATE}
    if not at:
        return False
    years = [y for ent in trigger.sent.ents if ent.label_ == "DATE" and not _hour(ent) and _dates(ent, at)
             for y in _years(ent.text, published)]
    return bool(years) and published.year - max(years) >= YEARS_BEFORE


def _own_words(trigger: Token) -> list[Token]:
    """The trigger and, for an event noun, the verb that tells it ("promoted the invasion": promoted)."""
    out = [trigger]
    tok = trigger
    while tok.dep_ in _NOUN_LINKS and tok.head.i != tok.i and len(out) < 4:
        tok = tok.head
        out.append(tok)
        if tok.pos_ in ("VERB", "AUX"):
            break
    return out


def _dates(ent: Span, at: set[int]) -> bool:
    """Whether the date phrase ``ent`` hangs on one of the tokens ``at``, straight or through a preposition
    ("in 1966"), not through "since" nor through a noun ("the 1980 murder" dates the murder)."""
    tok = ent.root
    for _ in range(4):
        if tok.i in at:
            return True
        if not (ent.start <= tok.i < ent.end or tok.pos_ == "ADP") or tok.lower_ == "since":
            return False
        if tok.dep_ not in _DATE_LINKS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i in at


def _hour(ent: Span) -> bool:
    """ "at 1950": a time of day in wire copy, not a year."""
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ == "at" and ent.text.isdigit()


def _years(text: str, published: date) -> list[int]:
    """The years a date phrase names, up to the article's own (a clock time like "1830" is none)."""
    if ":" in text or "gmt" in text.lower():
        return []
    return [y for y in map(int, _YEAR.findall(text)) if published.year - 100 <= y <= published.year]
