"""Who or what an attack hit, told apart from where it happened, and written so the side says who it is.

Where a weapon was put or thrown, told apart from the scene of the sentence.

A verb that moves a weapon ("placed a bomb", "bombs were hurled", "set off a charge") takes its target from a
place phrase: "at the temple", "on the pipeline", "in a car", "near a power tower". Two kinds of place phrase
are the scene instead, not what was hit:

- a place phrase written before the verb ("In the town of Ayala, rebels placed a bomb at the school", "In the
  opinion of the police, the charge was set off ..."): it opens the sentence and sets its scene or its source;
- an in-phrase beside another place phrase of the verb or the weapon ("bombs were hurled at the temple, in
  Santiago", "a charge was placed on the pipeline, in the area of El Carmen"): the other phrase says what
  was hit, the in-phrase where that is (places_hit.setting_dropped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noun_phrases import np_span
from .places_hit import setting_dropped

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .lexicon import Words

# the prepositions of a weapon's place that name where it was, not only what it was aimed at
SCENE_PREPS = ("in", "near", "inside", "outside", "toward", "towards")


def weapon_place_targets(verb: Token, found: list[Token], heads: tuple[Token, ...] = ()) -> list[Token]:
    """The place-phrase targets of a weapon ``found`` under ``verb`` (or under the weapon noun), without the
    scene: place phrases before the verb, and in-phrases beside another place phrase of ``verb`` or of the
    other ``heads`` (the weapon), which :func:`graphbuild.extract.places_hit.setting_dropped` tells apart.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["bombs", "were", "hurled", "at", "a", "temple", ",", "in", "Santiago"]
    >>> heads = [2, 2, 2, 2, 5, 3, 2, 2, 7]
    >>> deps = ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct", "prep", "pobj"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    >>> [t.text for t in weapon_place_targets(doc[2], [doc[5], doc[8]])]
    ['temple']
    >>> words = ["In", "Ayala", ",", "rebels", "placed", "a", "bomb", "at", "the", "school"]
    >>> heads = [4, 0, 4, 4, 4, 6, 4, 4, 9, 7]
    >>> deps = ["prep", "pobj", "punct", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    >>> [t.text for t in weapon_place_targets(doc[4], [doc[9], doc[1]])]
    ['school']
    """
    return setting_dropped([t for t in found if not _fronted(t, verb)], (verb, *heads))


def _prep(pobj: Token) -> Token:
    return pobj.head


def _fronted(pobj: Token, verb: Token) -> bool:
    """A scene phrase written before the verb ("In Ayala, rebels placed ...")."""
    prep = _prep(pobj)
    return prep.lower_ in SCENE_PREPS and prep.i < verb.i and prep.head.i == verb.i


def relative_antecedent(pronoun: Token) -> Token | None:
    """The antecedent of "which" or "whom" in a partitive inside a relative clause ("brothels, two of which were
    destroyed", "the guards, three of whom were hurt"): the noun the clause tells of. None for anything else.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["attacks", "on", "depots", ",", "two", "of", "which", "burned"]
    >>> heads = [0, 0, 1, 2, 7, 4, 5, 2]
    >>> deps = ["ROOT", "prep", "pobj", "punct", "nsubj", "prep", "pobj", "relcl"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps,
    ...           pos=["NOUN", "ADP", "NOUN", "PUNCT", "NUM", "ADP", "PRON", "VERB"])
    >>> relative_antecedent(doc[6]).text
    'depots'
    """
    if pronoun.lower_ not in ("which", "whom") or pronoun.dep_ != "pobj":
        return None
    prep = pronoun.head
    if prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    clause = prep.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return clause.head


_QUANTIFIERS = frozenset({"several", "many", "some", "few", "numerous", "various", "other", "more", "all", "both"})


def antecedent_words(noun: Token) -> str:
    """The words of an antecedent without its determiner or count ("several depots" -> "depots", "the
    guards" -> "guards"), to be written after "two of the"."""
    span = noun.doc[np_span(noun).start:noun.i + 1]
    return " ".join(t.text for t in span if t.dep_ not in ("det", "predet", "nummod", "poss", "punct")
                    and t.lower_ not in _QUANTIFIERS) or noun.text


# a subject that points at no one the words name ("This is the first mayor killed", "There were ...")
_EMPTY_SUBJECTS = frozenset({"this", "that", "it", "these", "those", "there", "which", "who", "what"})


def predicate_subject(tok: Token, words: Words) -> Token | None:
    """The subject of a copula whose predicate noun is the target ("Ruiz is the second mayor murdered this
    week", "Ana Ruiz and Luis Pena were the reporters killed"): who was hit is the subject; None when the
    predicate is no such noun or the subject names no one ("This is the first mayor killed").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Ruiz", "is", "the", "second", "mayor", "murdered"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 4, 4, 1, 4],
    ...           deps=["nsubj", "ROOT", "det", "amod", "attr", "acl"],
    ...           lemmas=["Ruiz", "be", "the", "second", "mayor", "murder"])
    >>> from graphbuild.cache import load_ontology
    >>> from graphbuild.extract.lexicon import words_of
    >>> predicate_subject(doc[4], words_of(load_ontology())).text
    'Ruiz'
    """
    settlement = tok.pos_ == "NOUN" and tok.lemma_.lower() in words.lex.settlement_nouns
    if tok.dep_ != "attr" or tok.head.lemma_.lower() != "be" or settlement or is_place(tok):
        return None  # "Medellin was the first city hit": where, the side is not
    subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or subj[0].lower_ in _EMPTY_SUBJECTS or is_place(subj[0]):
        return None
    return subj[0]


def is_place(tok: Token) -> bool:
    """A name of a place as the parser tagged it."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC")


# a vehicle or a plane its words tell as a fighting force's ("fighter planes", "armored cars", "army trucks"):
# the words that tell it, and the nouns the lexicon does not file as machines of war (a plane, a car or a truck
# is a civilian's unless said otherwise). Not "patrol": a patrol car is the police's as often.
MILITARY_WORDS = frozenset({"fighter", "military", "army", "armored", "armoured", "combat", "naval",
                            "navy"})
VEHICLE_NOUNS = frozenset({"plane", "planes", "car", "cars", "vehicle", "vehicles", "truck", "trucks", "jeep",
                           "jeeps", "boat", "boats", "ship", "ships"})


def is_military_vehicle(mention: str) -> bool:
    """A vehicle told as a fighting force's by a word before it ("12 government fighter planes", "armored
    cars", "an army truck"); not one told as a civilian's ("a private plane") nor a bare one ("the cars").

    >>> [is_military_vehicle(m) for m in ("12 fighter planes", "armored cars", "a private plane", "the cars")]
    [True, True, False, False]
    """
    words = [w.strip(".,'\"()") for w in mention.lower().split(" of ")[-1].split()]
    return len(words) >= 2 and words[-1] in VEHICLE_NOUNS and any(w in MILITARY_WORDS for w in words[:-1])


# a quarter of a city or a stretch of land, named or not ("the Escalon neighbourhood", "a commercial area of the
# capital", "that sector of the town"): where an attack happened. Plural ground ("residential areas", "several
# towns") is victims.py's, and a town that is stormed or shelled is hit (events.py, ``cekg:territoryWord``)
QUARTER_NOUNS = frozenset({"neighborhood", "neighbourhood", "barrio", "quarter", "suburb", "area", "sector",
                           "jurisdiction"})


def is_quarter(tok: Token) -> bool:
    """A target head that is a quarter of a city, named or not: the place of the attack, not whom it hit
    ("helicopters bombed the Escalon neighbourhood"); those who live there are its victims when the text names
    them ("the residents of the neighbourhood").

    >>> import spacy
    >>> doc = spacy.blank("en")("the Escalon neighbourhood")
    >>> is_quarter(doc[2]), is_quarter(doc[1])
    (True, False)
    """
    return tok.lower_ in QUARTER_NOUNS
