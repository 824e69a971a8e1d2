"""Event words told of something that does not occur: an incident coder (ACLED, MUC-4, a human analyst)
codes none of them, whoever the sentence names.

- a pledge or forecast that it will not happen ("the rebels said they will not attack the polling
  stations", "guerrillas would not attack the polls"), or a statement that it has not happened or is not
  happening now ("peasants have not captured any hostages", "their fighters are not attacking the
  garrison"): the trigger's own negation under a future or conditional auxiliary, or under auxiliaries of
  the present only. "Will not stop bombing the city" negates the stopping, not the bombing, and is kept;
  "would not have attacked", "did not kill" and "had not captured" tell of a moment of the past and stay as
  told (negated);
- an existential negation ("there were no attacks on the convoy", "there will not be any more bombings"):
  the event noun is what does not exist;
- an ability ("the militia can destroy the bridge and kill the guards", "killers who only know how to
  murder"): what someone is able to do, not what they did. "Could" stays as told: "soldiers could have
  killed the priests" is a suspicion of a real killing;
- an exhortation ("let us strike the invaders"): a call to act;
- a habit told in the simple present passive of a relative clause ("victims who are killed in
  indiscriminate bombings", "civilians, whose houses are hit by shells"): the passive of what non_events.py
  calls a characterisation ("a regime that kills priests"). "Who are being held" and "who were killed"
  report an event;
- a threat someone poses, constitutes or represents ("the armed group poses a threat to the region"): what
  someone is, not a threat they made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})  # "wo" of "won't"
# "have not captured", "are not attacking", "have not been hit": auxiliaries of the present ("been" and
# "being" go with them); a past or modal one ("had", "did", "were", "could") tells of another moment
PRESENT_AUX_TAGS = frozenset({"VBP", "VBZ", "VBN", "VBG"})
ABILITY_AUX = frozenset({"can", "ca"})  # "ca" of "can't"
# a noun of threat as what someone is: "poses a threat to", "constitutes a danger for"
BEING_A_THREAT = frozenset({"pose", "constitute", "represent"})
THREAT_NOUNS = frozenset({"threat", "danger", "menace", "risk"})
_NONE = frozenset({"no", "neither"})
VIOLENT_TYPES = ("ASSAULT", "FIGHT")  # a habit of violence; "an offensive which is backed by troops" is a state


def tells_no_occurrence(trigger: Token, etype: str) -> bool:
    """Whether the event word ``trigger`` tells of an event that does not occur (the module's classes)."""
    if trigger.pos_ == "VERB":
        return is_pledged_not(trigger) or is_ability(trigger) or is_exhortation(trigger) or \
            etype in VIOLENT_TYPES and is_habit_passive(trigger)  # "which is backed by X": a state, kept
    if trigger.pos_ == "NOUN":
        return is_existential_negation(trigger) or etype == "THREATEN" and is_threat_posed(trigger)
    return False


def _clause_head(verb: Token) -> Token:
    """The first verb of a coordination ("can destroy the bridge and kill the guards": destroy), whose
    auxiliaries the later verbs share."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        verb = verb.head
    return verb


def _aux_tokens(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    head = _clause_head(verb)
    if head is not verb and not own:
        own = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return own


def _aux(verb: Token) -> set[str]:
    return {c.lower_ for c in _aux_tokens(verb)}


def is_pledged_not(verb: Token) -> bool:
    """ "they will not attack", "would not attack", "won't shell", "have not captured", "are not attacking":
    negated by its own "not" under a future or conditional auxiliary (not a look back: "would not have
    attacked") or under auxiliaries of the present only.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["they", "will", "not", "attack", "it"],
    ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"],
    ...           pos=["PRON", "AUX", "PART", "VERB", "PRON"])
    >>> is_pledged_not(doc[3])
    True
    >>> doc = Doc(spacy.blank("en").vocab, words=["they", "would", "not", "have", "attacked", "it"],
    ...           heads=[4, 4, 4, 4, 4, 4], deps=["nsubj", "aux", "neg", "aux", "ROOT", "dobj"],
    ...           pos=["PRON", "AUX", "PART", "AUX", "VERB", "PRON"])
    >>> is_pledged_not(doc[4])
    False
    """
    head = _clause_head(verb)
    if not any(c.dep_ == "neg" for c in (*verb.children, *head.children)):
        return False
    aux = _aux(verb)
    if aux & FUTURE_AUX:
        return "have" not in aux
    tenses = {t.tag_ for t in _aux_tokens(verb)}
    return bool(tenses) and tenses <= PRESENT_AUX_TAGS and bool(tenses & {"VBP", "VBZ"})


def is_ability(verb: Token) -> bool:
    """What someone can do ("can destroy the bridge and kill the guards") or knows how to do ("who only
    know how to murder people")."""
    if _aux(verb) & ABILITY_AUX:
        return True
    head = _clause_head(verb)
    return head.dep_ == "xcomp" and head.head.lemma_.lower() == "know" and any(
        c.lower_ == "how" for c in head.children)


def is_exhortation(verb: Token) -> bool:
    """ "Let us rise together and strike the invaders": a clause of "let us" (the parser makes "us" its
    subject), or one coordinated with it."""
    head = _clause_head(verb)
    let = head.head if head.dep_ in ("ccomp", "xcomp") else head
    if let.lemma_.lower() != "let":
        return False
    return any(c.lower_ == "us" for c in (*let.children, *head.children))


def is_existential_negation(noun: Token) -> bool:
    """ "There were no attacks on the convoy", "there will not be any more bombings or murders": the event
    noun (or the first of a coordination) is what "there is" says does not exist."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
        first = first.head
    be = first.head
    if first.dep_ != "attr" or be.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in be.children):
        return False
    return any(c.dep_ == "neg" for c in be.children) or any(
        c.dep_ == "det" and c.lower_ in _NONE for c in first.children)


def is_threat_posed(noun: Token) -> bool:
    """ "The armed group poses a threat to the region": the object of pose, constitute or represent."""
    return noun.lemma_.lower() in THREAT_NOUNS and noun.dep_ == "dobj" and \
        noun.head.lemma_.lower() in BEING_A_THREAT


def is_habit_passive(verb: Token) -> bool:
    """ "victims who are killed in bombings": a relative clause whose only auxiliary is a present "is" or
    "are" of the passive."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.dep_ == "relcl" and verb.tag_ == "VBN" and bool(aux) and all(
        c.dep_ == "auxpass" and c.lower_ in ("is", "are", "am") for c in aux)
