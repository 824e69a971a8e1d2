"""Violence told as the background of the news, not as an incident of it: what a coder of incidents (ACLED,
MUC-4, a human analyst) leaves uncoded.

- violence against people in general ("the army bombs the civilian population", "they murder people",
  "attacks on the salvadoran people"): a whole population, with no count, no name and nothing that singles
  out some of them, is the language of a charge or a speech, not of a report of who was hit. "Six
  civilians", "the people wounded in the blast", "the villagers of Ayala" are victims of an incident, and
  kept;
- an attacker hit with no one named as hitting them ("two of the kidnappers were killed", "a third gunman
  was wounded and fled", "the bomber was killed by his own device"): a casualty of the attack they made,
  not its victim. With who hit them named it is kept ("the army hit three gunmen", "police shot the
  killer dead"): that is the force of the state, an event of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .combat import head_word

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .lexicon import Words

# nouns of a population as a whole; "civilians" only in the plural with nothing before it but an adjective
POPULATION_NOUNS = frozenset({"population", "populace", "people", "peoples", "civilians", "masses", "public",
                              "nation"})
_SINGLING_OUT = ("nummod", "compound", "poss", "acl", "relcl", "prep", "appos", "nmod", "quantmod", "conj")
# a demonstrative points back at people already told of, a quantifier counts them ("killed several people")
_SINGLING_WORDS = frozenset({"this", "that", "these", "those", "some", "several", "many", "few", "numerous",
                             "other", "more", "most", "dozens", "hundreds", "thousands", "scores", "both"})


def is_people_in_general(tok: Token) -> bool:
    """A target head that names a population as a whole ("the civilian population", "the salvadoran
    people", "defenseless civilians"): a population noun whose only dependents are "the" and adjectives,
    one of them at least. A bare plural may be the people of an incident ("starving people until they
    flee"). A count or a quantifier, a name, a possessor, a demonstrative or a clause single some of them
    out ("two civilians", "several people", "the San Pedro people", "the people wounded in the blast",
    "these people").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> def np(words, deps, tags):
    ...     heads = [len(words) - 1] * (len(words) - 1) + [len(words) - 1]
    ...     return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps + ["ROOT"], tags=tags)[-1]
    >>> is_people_in_general(np(["the", "civilian", "population"], ["det", "amod"], ["DT", "JJ", "NN"]))
    True
    >>> is_people_in_general(np(["six", "civilians"], ["nummod"], ["CD", "NNS"]))
    False
    >>> is_people_in_general(np(["these", "people"], ["det"], ["DT", "NNS"]))
    False
    >>> is_people_in_general(np(["people"], [], ["NNS"]))
    False
    """
    if tok.lower_ not in POPULATION_NOUNS or tok.tag_ in ("NNP", "NNPS", "CD"):
        return False
    for c in tok.children:
        if c.dep_ in _SINGLING_OUT or c.lower_ in _SINGLING_WORDS or c.tag_ == "CD":
            return False
        if c.dep_ == "amod" and any(g.tag_ == "CD" or g.dep_ in ("npadvmod", "advmod") for g in c.children):
            return False  # "some 50 civilians" read as an adjective phrase
    # a bare plural may be people of the incident ("bombarding and starving people until they flee", "bombs
    # aimed at civilians"); the article or an adjective makes it the population ("the people", "defenseless
    # civilians")
    return any(c.dep_ == "det" and c.lower_ == "the" or c.dep_ == "amod" for c in tok.children)


def is_attackers_casualty(actor: Actor | None, target: Actor | None, words: Words) -> bool:
    """An attacker hit with no one named as hitting them: the head noun of the target is a noun of a
    perpetrator or of an attacker (``cekg:perpetratorNoun``, ``cekg:attackerNoun``: "two of the kidnappers",
    "a third terrorist", "his assailant").

    >>> from graphbuild.cache import load_ontology
    >>> from graphbuild.extract.lexicon import words_of
    >>> from graphbuild.records import Actor
    >>> words = words_of(load_ontology())
    >>> side = lambda m: Actor(id="x", label="x", mention=m)
    >>> is_attackers_casualty(None, side("two of the kidnappers"), words)
    True
    >>> is_attackers_casualty(side("the army"), side("three gunmen"), words)
    False
    >>> is_attackers_casualty(None, side("two guards"), words)
    False
    """
    if actor is not None or target is None:
        return False
    head = head_word(target.mention)
    singular = head[:-1] if head.endswith("s") else head
    lex = words.lex
    return any(w in lex.attacker_nouns or w in lex.perpetrator_nouns for w in (head, singular))
