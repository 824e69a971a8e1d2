"""One entity, one actor within an article.

A report names an entity fully once and then shortly: "Tomas Eduardo Varela" ... "Varela"; "the gate of
the French Embassy in Niamey" ... "the French Embassy in the Nigerien capital" ... "the French
Embassy" ... "the embassy". The rules, per article:

- a person named by one word (a surname) is the one person of the article whose full name ends with it;
- facilities of one kind and one country ("French Embassy", "French Embassy in the Nigerien capital") are
  one facility when the article names only one of them precisely (a curated facility, or the one fullest
  name), and a bare "the embassy" is that one facility when it is the only embassy of the article. Two
  different places ("the US Embassy in Baghdad", "the US Embassy in Beirut") keep them apart, as does a
  plural ("US bases": several facilities).

The mention keeps the words as written; the id, label, kind and country become the entity's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor
from ..text import normalize

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..ontology import Ontology

_QUALIFIER = re.compile(r"\s+(?:in|at|near|outside|of)\s+(?P<where>.*)$", re.I)


def person_names(doc: Doc, after: int = 0, titles: Iterable[str] = ()) -> dict[str, str]:
    """Surname (lower case) -> the full name of the one person of the article with that last name; a
    surname two people share is left out. A person is a name the recogniser calls one, or (for copy it
    reads badly, such as transcribed wire text) a run of proper nouns after a title ("Mayor Ana Ruiz") or
    with a role in apposition ("Ana Ruiz, mayor of the town"); ``titles``: the title words.

    >>> import spacy
    >>> from spacy.tokens import Span
    >>> doc = spacy.blank("en")("Ana Ruiz met Luis Ruiz and Maria Lopez .")
    >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "PERSON"), Span(doc, 6, 8, "PERSON")]
    >>> person_names(doc)
    {'lopez': 'Maria Lopez'}
    >>> doc = spacy.blank("en")("Hector Ruiz Lopez left .")
    >>> doc.ents = [Span(doc, 0, 3, "PERSON")]
    >>> person_names(doc)
    {'lopez': 'Hector Ruiz Lopez', 'ruiz': 'Hector Ruiz Lopez'}
    >>> doc = spacy.blank("en")("hector Lopez spoke . Hector Lopez left .")  # a recaser's slip: one spelling wins
    >>> doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 4, 6, "PERSON")]
    >>> person_names(doc)
    {'lopez': 'Hector Lopez'}
    """
    found: dict[str, set[str]] = defaultdict(set)
    names: list[Span] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start_char >= after and ent[-1].is_alpha:
            start = ent.start  # "Ana" of "Ana Ortega" that the recogniser left out
            while start > 0 and ent.doc[start - 1].pos_ == "PROPN" and ent.doc[start - 1].is_title and \
                    ent.doc[start - 1].dep_ == "compound" and not ent.doc[start - 1].ent_type_:
                start -= 1
            names.append(ent.doc[start:ent.end])
    titles = {t.lower() for t in titles}
    names += _titled_names(doc, after, titles)
    for name in names:
        while len(name) > 1 and name[0].lower_.rstrip(".") in titles:
            name = name[1:]  # "Minister Ana Ruiz": the title is not the name
        text = " ".join(t.text for t in name)
        found[name[-1].lower_].add(text)
        if len(name) >= 3 and name[-2].is_alpha:
            found[name[-2].lower_].add(text)  # "Varela" of "Tomas Varela Duarte": the father's surname
    out = {}
    for last, names in found.items():
        full = {normalize(n) for n in names}
        # the longest, and of two spellings the one with more capitals: never the set's (hash) order
        longest = max(names, key=lambda n: (len(n), sum(w[:1].isupper() for w in n.split()), n))
        # "Luis Ruiz" and "Ruiz" of "Ana Ruiz": two people; "Tomas Varela" and "Tomas Varela Duarte": one
        if len(longest.split()) > 1 and all(f" {f} " in f" {normalize(longest)} " for f in full):
            out[last] = longest
    return out


def _titled_names(doc: Doc, after: int, titles: set[str]) -> list[Span]:
    """Runs of two to five proper nouns that name a person by their context: a title before them, or a
    common noun in apposition after them ("Ana Maria Ruiz, mayor of ...", "General Luis Ortega")."""
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.idx < after or not tok.is_alpha:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and \
                start <= doc[start - 1].head.i <= tok.i and doc[start - 1].is_alpha and \
                doc[start - 1].lower_ not in titles:
            start -= 1
        span = doc[start:tok.i + 1]
        if not 2 <= len(span) <= 5 or any(t.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE") for t in span):
            continue
        titled = start > 0 and doc[start - 1].lower_.rstrip(".") in titles
        role = any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children)
        if titled or role:
            out.append(span)
    return out


def person_roles(doc: Doc, persons: dict[str, str], titles: Iterable[str], after: int = 0) -> dict[str, str]:
    """Title (lower case) -> the one person of the article named with it: "Mayor Ana Ruiz", "Ana Ruiz,
    mayor of ...", "the mayor, Ana Ruiz", "justice minister Ana Ruiz"; ``persons`` is person_names' table.
    A title two people of the article hold is left out."""
    titles = {t.lower() for t in titles}
    found: dict[str, set[str]] = defaultdict(set)
    for tok in doc:
        if tok.idx < after or tok.pos_ not in ("PROPN", "NOUN") or tok.lower_ not in persons or \
                tok.dep_ == "compound":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= tok.i:
            start -= 1
        roles = [t for t in doc[start:tok.i] if t.lower_.rstrip(".") in titles]  # "Mayor Ana Ruiz"
        if start > 0 and doc[start - 1].lower_.rstrip(".") in titles:
            roles.append(doc[start - 1])
        roles += [c for c in tok.children if c.dep_ == "appos" and c.lemma_.lower() in titles]
        if tok.dep_ == "appos" and tok.head.lemma_.lower() in titles:
            roles.append(tok.head)  # "the mayor, Ana Ruiz"
        for r in roles:
            found[r.lemma_.lower().rstrip(".")].add(persons[tok.lower_])
    return {role: next(iter(names)) for role, names in found.items() if len(names) == 1}


def _facility_key(actor: Actor, ontology: Ontology) -> tuple[tuple[str | None, str], str, bool] | None:
    """(country, head noun), where it is, and whether the head is plural: "US Embassy in Baghdad" ->
    (("USA", "embassy"), "baghdad", False)."""
    m = _QUALIFIER.search(actor.label)
    where = normalize(m["where"]) if m else ""
    words = normalize(_QUALIFIER.sub("", actor.label)).split()
    if not words:
        return None
    head = words[-1]
    plural = head.endswith("s") and not head.endswith("ss")
    return (actor.country, head[:-1] if plural else head), where, plural


def unify(actors: Iterable[Actor], ontology: Ontology) -> dict[str, Actor]:
    """For the actors of one article, actor id -> the actor it is one entity with (only those that change)."""
    from ..gazetteer import locate

    facilities: dict[tuple, list[tuple[Actor, str]]] = defaultdict(list)
    for a in actors:
        if a.kind != "facility":
            continue
        key = _facility_key(a, ontology)
        if key is None or key[2]:
            continue
        if a not in [x for x, _ in facilities[key[0]]]:
            facilities[key[0]].append((a, key[1]))
    out: dict[str, Actor] = {}
    for (country, head), group in facilities.items():
        if country is None:
            continue
        places = {w for _, w in group if w and locate(w.title()) is not None}
        if len(places) > 1:
            continue  # two embassies in two cities
        precise = [a for a, _ in group if a.resolved and not a.id.startswith(f"{country}-fac-")] or \
            [max((a for a, _ in group), key=lambda a: (len(a.label), a.label))]
        if len({a.id for a in precise}) != 1:
            continue
        best = precise[0]
        for a, _ in group:
            if a.id != best.id:
                out[a.id] = best
        # "the embassy" with no country word: the article's one embassy
        bare = [(a, w) for a, w in facilities.get((None, head), [])]
        if len([k for k in facilities if k[1] == head and k[0] is not None]) == 1:
            for a, _ in bare:
                out[a.id] = best
    return out


def as_entity(actor: Actor | None, same: dict[str, Actor]) -> Actor | None:
    """``actor`` as the article's entity, its mention kept."""
    if actor is None or actor.id not in same:
        return actor
    return replace(same[actor.id], mention=actor.mention)


# members of an insurgent organisation, as reports call them once the organisation is named
# ("groups" is not one: "aid groups" are no armed group's members)
_MEMBER_NOUNS = frozenset({"guerrilla", "rebel", "insurgent", "subversive", "terrorist", "extremist", "militant",
                           "fighter", "commando"})


def _generic_group(actor: Actor) -> bool:
    """ "the guerrillas", "three rebels", "Salvadoran rebels": an armed group the ontology knows only by
    its kind (and country), named by a member noun."""
    if actor.kind != "armed_group":
        return False
    if actor.resolved and actor.id != f"{actor.country}-armed-groups":
        return False
    words = normalize(actor.mention or actor.label).split()
    return bool(words) and words[-1].removesuffix("s") in _MEMBER_NOUNS


def unify_groups(actors: Iterable[Actor]) -> dict[str, Actor]:
    """For the sides of one article, generic armed-group id -> the one armed group the article names
    ("the guerrillas" after "ELN guerrillas"). An article naming two groups (or none) keeps them generic,
    as does a country word that is not the group's ("Peruvian rebels" in a report on a Colombian group).

    >>> eln = Actor("eln", "National Liberation Army", "armed_group", "COL", "ELN")
    >>> rebels = Actor("x-rebels", "rebels", "armed_group", None, "the rebels", resolved=False)
    >>> unify_groups([eln, rebels])["x-rebels"].label
    'National Liberation Army'
    >>> unify_groups([eln, rebels, Actor("fmln", "FMLN", "armed_group", "SLV", "FMLN")])
    {}
    """
    actors = list(actors)
    named = {a.id: a for a in actors if a.kind == "armed_group" and a.resolved and not _generic_group(a)
             and a.id != f"{a.country}-armed-groups"}
    if len(named) != 1:
        return {}
    group = next(iter(named.values()))
    return {a.id: group for a in actors if a.id != group.id and _generic_group(a)
            and a.country in (None, group.country)}
