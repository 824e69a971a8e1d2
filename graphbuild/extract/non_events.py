"""Mentions that name an event without reporting one: a yes-no question ("Did the militia shell the depot
again?"), a recollection of the past ("Let us remember the massacre of ...", "two years ago"), a tally of
many incidents over a period ("9,000 civilians have died in the conflict since 2011"), and an event that
did not happen told with no one doing it ("more guards could be killed", "the clerk was not hurt"), and
what someone is said to do habitually ("a regime that kills priests", "those who shell the villages"), and
events in the plural told as a campaign rather than as incidents ("a series of attacks on banks", "a long
history of kidnappings"). A wh-question presupposes its event ("Why did they shell the depot?") and is
kept."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .casualties import NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Words

TALLY_MIN = 100  # victims: fewer are one incident's toll, not a tally
# a period, not a moment: "over the last decade", "to date", "in total", "in May", "in 2015" (and "since 2011",
# below)
_PERIOD = re.compile(r"\b(so far|to date|a total of|in total|over the (?:past|last)|in the (?:past|last)|"
                     r"during the (?:past|last)|this year|last year|per (?:year|month)|every (?:year|month)|"
                     r"by the end of|in (?:january|february|march|april|may|june|july|august|september|october|"
                     r"november|december)(?! \d)|in (?:19|20)\d\d)\b", re.IGNORECASE)


def is_polar_question(sent: Span) -> bool:
    """A sentence that asks whether something happened: it ends in "?" and opens with an auxiliary or
    modal ("Did the militia ...", "Would such raids ..."), after any vocative ("Minister, would ...") or
    bracketed speaker label ("[Anchor] was it ...")."""
    if not sent.text.rstrip(" \"'”’)]").endswith("?"):
        return False
    toks = [t for t in sent if not t.is_space]
    i = 0
    while i < len(toks) and toks[i].text == "[":  # "[Anchor]"
        while i < len(toks) and toks[i].text != "]":
            i += 1
        i += 1
    rest = toks[i:]
    comma = next((k for k, t in enumerate(rest[:4]) if t.text == ","), None)
    if comma is None:  # a longer vocative ("Mr. Prime Minister Ruiz, did ..."), which the parser may take for
        comma = _vocative_end(rest)  # the subject
    if comma is not None:  # "Minister, would ..."
        rest = rest[comma + 1:]
    first = next((t for t in rest if not t.is_punct), None)
    return first is not None and first.tag_ in ("MD", "VBZ", "VBP", "VBD") and first.pos_ in ("AUX", "VERB") \
        and first.dep_ in ("aux", "auxpass", "ROOT")


def _vocative_end(toks: list[Token]) -> int | None:
    """The comma that ends a vocative of up to eight words, a name with its titles ("Mr. Prime Minister
    Ruiz, ..."): only nouns, names and their modifiers before it, no verb."""
    comma = next((k for k, t in enumerate(toks[:9]) if t.text == ","), None)
    if comma is None or not all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "INTJ") for t in toks[:comma]):
        return None
    return comma


def is_recollection(sent: Span) -> bool:
    """A sentence that recalls the past rather than reporting the news: "Let us remember that ...", "It
    should be recalled that ...", "we must not forget the murder of ...", "... three years ago".

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> is_recollection(nlp("We must not forget the murder of the judge.")[:])
    True
    >>> is_recollection(nlp("Rebels attacked the bridge.")[:])
    False
    """
    return bool(_RECALL.search(sent.text))


_RECALL = re.compile(r"\b(let us (?:also )?(?:remember|recall|not forget)|(?:should|must|will|can) be (?:recalled|"
                     r"remembered)|(?:must|should|cannot|can not|will) (?:not |never )?forget|worth (?:recalling|"
                     r"remembering)|we (?:also )?(?:remember|recall)|recalled that|\w+ (?:years|decades) ago)\b",
                     re.IGNORECASE)


def is_characterisation(verb: Token) -> bool:
    """A relative clause in the simple present that says what its antecedent does, as a habit or a trait
    ("a regime that kills priests", "sappers who sabotage the power lines destroyed two pylons"), not an
    event of the news; the past ("the group that bombed the bus") and the progressive ("the rebels who are
    shelling the town") report one."""
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl":
        verb = verb.head if verb.tag_ == verb.head.tag_ else verb  # "who kill and maim"
    return verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def is_series(trigger: Token, words: Words) -> bool:
    """An event noun in the plural told as a campaign, not as incidents: the noun of a series or of its mere
    possibility ("a wave of attacks", "a long history of kidnappings", "the possibility of attacks"). "Two
    bomb attacks on the bank", "the attacks on five offices", "a number of strikes", even "the 44 attacks on
    the pipeline this year" tell of incidents and are kept, as are attacks someone halts ("suspended its
    raids on the checkpoints": who halts them made them, noun_events.py). The nouns of a series are the
    ontology's ``cekg:seriesNoun``."""
    if trigger.tag_ != "NNS" or trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    return trigger.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words.lex.series_nouns


def is_unreal_and_anonymous(actor: object | None, modality: str) -> bool:
    """An event that did not happen (hypothetical, negated, denied) with no actor: no one did anything to
    anyone. With an actor it is kept ("the rebels plan to attack the dam", "the army denied shelling the
    town"): who intends or denies what is news; a threat is itself an event and is kept too.

    >>> is_unreal_and_anonymous(None, "hypothetical"), is_unreal_and_anonymous(None, "asserted")
    (True, False)
    """
    return actor is None and modality in _UNREAL


_UNREAL = ("hypothetical", "negated", "denied")


def is_tally(target: Token, sent: Span) -> bool:
    """Victims counted over a period: a number of at least TALLY_MIN and a period in the sentence."""
    count = _count(target)
    if count is None or count < TALLY_MIN:
        return False
    # "since 2011" (a preposition), not "since the militia began its raids" (a clause)
    return bool(_PERIOD.search(sent.text)) or any(t.lower_ == "since" and t.dep_ == "prep" for t in sent)


def _count(tok: Token) -> int | None:
    heads = [tok, *[p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"  # "a total of 300 people"
                    for p in c.children if p.dep_ == "pobj"]]
    nums = [t for t in heads if t.pos_ == "NUM"] + [c for t in heads for c in t.children if c.dep_ == "nummod"]
    best = None
    for n in nums:
        words = [t for t in n.subtree if t.pos_ == "NUM" or t.lower_ in NUMBER_WORDS]
        for w in words:
            text = w.lower_.replace(",", "")
            value = int(text) if text.isdigit() else NUMBER_WORDS.get(text)
            if value is not None:
                best = max(best or 0, value)
    return best
