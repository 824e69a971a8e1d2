"""Noun phrases as event sides: the span of a head token, coordination split into one side per conjunct,
modifiers shared by conjuncts ("Danish soldiers, diplomats and contractors"), and the actor words of a
compound modifier ("Turkish and Syrian shelling", "a French-Malian air raid")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import DEMONSTRATIVE, PERSONAL, RELATIVE, Words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NP_KEEP = {"det", "compound", "amod", "nmod", "poss", "nummod", "quantmod", "case", "nn", "punct", "npadvmod",
           "predet", "advmod"}


@dataclass(frozen=True)
class Arg:
    """One side of an event: a head token and, when it differs from the text there, the mention to use
    (a shared modifier added, or the antecedent of a pronoun)."""

    tok: Token
    text: str | None = None
    said: str | None = None  # the pronoun or description the sentence uses for this antecedent ("they")
    sector: str | None = None  # the institution a country word stands for ("US airstrike": its military)
    joint: str | None = None  # the coordination this side was split from, as written ("Putin and Trump")

    @property
    def mention(self) -> str:
        return clean_mention(self.text if self.text is not None else np_span(self.tok).text)


def np_span(tok: Token) -> Span:
    """The noun phrase of a head token, without relative clauses, appositions or coordination; an of-phrase
    ("leaders of those militias", "the radar unit of the frigate") and "in <place>" after a facility or name
    ("the Danish consulate in Karachi") are kept."""
    doc = tok.doc
    lefts = [t for t in tok.lefts if t.dep_ in NP_KEEP and not (t.dep_ == "punct" and t.text in ",;(")
             and t.tag_ not in ("WRB", "WDT", "WP")]
    start = min([tok.i] + [t.left_edge.i for t in lefts])
    end = tok.i + 1
    for r in tok.rights:
        if r.dep_ in ("compound", "case", "nummod") and r.i == end:
            end = r.right_edge.i + 1
        elif r.dep_ == "prep" and r.i == end and (r.lower_ == "of" and not any(c.dep_ == "pcomp" for c in r.children)
                                                  or _locates(tok, r)):  # "accused the army of bombing": not its name
            end = _pp_end(r)
        else:
            break
    while start >= 2 and doc[start - 1].text in "-\u2010\u2011" and not doc[start - 2].whitespace_ and \
            not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
        start -= 2  # a hyphenated word the tokenizer split: "sub-station"
    if tok.ent_type_ not in ("DATE", "TIME"):
        dates = [t.i for t in doc[start:tok.i] if t.ent_type_ in ("DATE", "TIME")]
        if dates:
            start = dates[-1] + 1  # a date is never part of a side: "Later that day rebels", "3 May, militants"
    while start < end - 1 and (doc[start].dep_ in ("punct", "cc", "prep") or doc[start].lower_ in ("both", "also")):
        start += 1
    while end - 1 > start and doc[end - 1].dep_ in ("punct", "cc"):
        end -= 1
    # an acronym in brackets after the name is often the head ("... al-Muslimin (JNIM) said"): the bracket the
    # phrase opens is closed, or the name would be cut ("... al-Muslimin (JNIM")
    if end < len(doc) and doc[end].text == ")" and doc[start:end].text.count("(") > doc[start:end].text.count(")"):
        end += 1
    return doc[start:end]


def clean_mention(text: str) -> str:
    """A mention without the bracketed notes of transcribed copy: a leading label ("[Text] the guerrillas")
    goes, and so does a bracket the phrase opens and does not close.

    >>> clean_mention("[Text] the guerrillas")
    'the guerrillas'
    >>> clean_mention("the RNF [River National")
    'the RNF'
    >>> clean_mention("the RNF [River National Front] guerrillas")
    'the RNF [River National Front] guerrillas'
    """
    text = re.sub(r"^(?:\s*\[[^\]]*\])+\s*", "", text)
    if text.count('"') % 2:
        text = text.replace('"', "")  # '3,000 "raiders' of '3,000 "raiders" who ...' 
    cut = text.rfind("[")
    if cut >= 0 and "]" not in text[cut:]:
        text = text[:cut] if text[:cut].strip() else text[cut + 1:]
    return text.strip(" ,;:\"'“”‘’[]-")


def in_note(tok: Token) -> bool:
    """A word inside brackets that open a sentence or follow other brackets: a transcriber's note or label
    ("[Excerpts]", "[Reporter Name]"), not a gloss of the word before it ("RNF [River National Front]")."""
    doc, sent = tok.doc, tok.sent
    i = tok.i
    while i >= sent.start and doc[i].text not in ("[", "]"):
        i -= 1
    if i < sent.start or doc[i].text != "[":
        return False
    j = i - 1
    while j >= sent.start and doc[j].is_space:
        j -= 1
    return j < sent.start or doc[j].text in ("]", "--", "-", ":")


def _locates(tok: Token, prep: Token) -> bool:
    """ "the Danish consulate in Karachi", "a hangar inside Camp Lemonnier": a place phrase that is part of the name
    or says which building is meant."""
    if prep.lower_ not in ("in", "inside", "at", "within"):
        return False
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    if tok.ent_type_ or tok.pos_ == "PROPN":
        return bool(objs)
    return prep.lower_ != "in" and any(p.pos_ == "PROPN" or p.ent_type_ in ("ORG", "FAC") for p in objs)


def modifier_text(tok: Token) -> str:
    """A name used as a modifier, as written: "French" of "French-Malian", "Harakat Nour" of "Harakat Nour raids"."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, tok.i + 1) \
            and doc[start - 1].whitespace_:
        start -= 1
    if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head == tok:
        start -= 1
    return doc[start:tok.i + 1].text


def _pp_end(prep: Token) -> int:
    """End of a prepositional phrase, leaving out relative clauses and coordination of its object."""
    end = prep.i + 1
    for p in prep.children:
        if p.dep_ in ("pobj", "pcomp"):
            end = max(end, np_span(p).end)
    return end


def conjuncts(tok: Token) -> list[Token]:
    """The head and every coordinated head, in text order ("Syria and its allies" -> Syria, allies)."""
    out = [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ")]]
    return sorted(set(out), key=lambda t: t.i)


def split_sides(toks: list[Token]) -> list[Arg]:
    """Every conjunct of every head as its own side; a bare later conjunct takes the first conjunct's
    modifiers ("Danish soldiers, diplomats and contractors" -> "Danish diplomats", "Danish contractors").
    Each side split from a coordination keeps the coordination as written (``joint``): the sentence names
    them together ("poisoned by Putin and Trump"), and so does the evidence of each."""
    out: list[Arg] = []
    seen: set[int] = set()
    for t in toks:
        elided = _elided_head(t)
        if elided and t.i not in seen:  # "Herder and farmer militias", read as "Herder" and "farmer militias"
            out += elided
            seen |= {t.i, *(c.i for c in t.conjuncts)}
            continue
        lead = _hyphen_coordination(t)
        if lead is not None:
            first, rest = lead
            joint = np_span(t).text
            out.append(Arg(first, first.text, joint=joint))
            out.append(Arg(t, rest, joint=joint))
            seen.add(t.i)
        group = conjuncts(t)
        first = group[0]
        joint = coordination_text(group)
        shared = [c for c in first.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ")]
        for c in group:
            if c.i in seen:
                continue
            seen.add(c.i)
            if c.i != first.i and shared and c.pos_ == "NOUN" and not any(
                    x.dep_ in NP_KEEP - {"punct"} for x in c.lefts):
                prefix = " ".join(x.text for x in shared)
                out.append(Arg(c, f"{prefix} {np_span(c).text}", joint=joint))
            else:
                out.append(Arg(c, joint=joint))
    return out


def coordination_text(group: list[Token]) -> str | None:
    """The words of coordinated heads as written, from the first conjunct's phrase to the last's ("Iraq,
    Libya, and Syria"); None for a single head."""
    if len(group) < 2:
        return None
    doc = group[0].doc
    return doc[np_span(group[0]).start:np_span(group[-1]).end].text


def _elided_head(first: Token) -> list[Arg]:
    """ "Herder and farmer militias", which the small model reads as "Herder" coordinated with "farmer
    militias": a bare singular noun coordinated with a plural whose own modifier is a bare singular noun is a
    modifier too, the plural the head of both ("herder militias", "farmer militias")."""
    if first.pos_ != "NOUN" or first.tag_ != "NN" or list(first.lefts) or first.dep_ == "conj":
        return []
    conj = [c for c in first.children if c.dep_ == "conj"]
    if len(conj) != 1 or not any(c.dep_ == "cc" for c in first.children):
        return []
    (plural,) = conj
    mods = list(plural.lefts)
    if plural.pos_ != "NOUN" or plural.tag_ != "NNS" or len(mods) != 1 or mods[0].dep_ != "compound" or \
            mods[0].tag_ != "NN" or list(mods[0].children):
        return []
    joint = first.doc[first.i:plural.i + 1].text
    return [Arg(plural, f"{first.text} {plural.text}", joint=joint),
            Arg(plural, f"{mods[0].text} {plural.text}", joint=joint)]


def _hyphen_coordination(head: Token) -> tuple[Token, str] | None:
    """ "Syria and Syria-allied militias", which the parser reads as "(Syria and Syria)-allied militias":
    a name coordinated with the first part of a hyphenated modifier is a side of its own."""
    span = np_span(head)
    doc = head.doc
    for t in span:
        if t.i + 4 >= span.end:
            break
        nxt, second, hyph = doc[t.i + 1], doc[t.i + 2], doc[t.i + 3]
        if (t.pos_ == "PROPN" and nxt.lower_ == "and" and second.pos_ == "PROPN" and hyph.text == "-"
                and second in t.conjuncts and t.i == span.start + (1 if doc[span.start].dep_ == "det" else 0)):
            return t, doc[second.i:span.end].text
    return None


def modifier_actors(noun: Token, words: Words) -> list[Token]:
    """Actor words among the pre-modifiers of an event noun: "Turkish and Syrian shelling" -> Turkish, Syrian;
    "a French-Malian air raid" -> French, Malian; "ELF raids" -> ELF; "rebel raids" -> rebel; the possessor
    ("the ELF's raid"). Instruments ("drone", "mortar") and dates are not actors."""
    found: list[Token] = []

    def visit(t: Token, depth: int) -> None:
        if depth > 3 or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return
        if (words.is_modifier_actor(t) or _state_name(t, words)) and not words.is_event_noun(t):
            found.append(t)
            hyphened = [c for c in t.lefts if c.dep_ in ("npadvmod", "compound", "amod", "nmod")
                        and c.i + 2 == t.i and t.doc[c.i + 1].text in "-\u2010\u2011\u2013"]
            for c in hyphened:  # "French-Malian": both names
                visit(c, depth + 1)
            if t.dep_ == "poss" or t.pos_ == "PROPN" or words.onto.state_of(t.text):
                for c in t.conjuncts:
                    if c.i < noun.i:
                        visit(c, depth + 1)
            return
        if words.is_instrument(t) or t.lower_ in words.lex.sponsor_cues:
            # "drone and mortar raids": look no further; "Syria-backed": the sponsor is not the actor
            return
        for c in t.lefts:
            if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss"):
                visit(c, depth + 1)
        for c in t.conjuncts:
            if c.i < noun.i:
                visit(c, depth + 1)

    for c in noun.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
            visit(c, 0)
    return sorted(set(found), key=lambda t: t.i)


def _state_name(tok: Token, words: Words) -> bool:
    """The last word of a country's name of several words ("States" of "United States-led")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "GPE" and modifier_text(tok) != tok.text and \
        bool(words.onto.state_of(modifier_text(tok)))


def is_pronoun(tok: Token) -> bool:
    return tok.lower_ in PERSONAL or (tok.lower_ in RELATIVE and tok.tag_ in ("WDT", "WP", "WP$"))


def is_definite_description(tok: Token, words: Words) -> bool:
    """ "the group", "those militias", "the consulate": a determiner and an actor noun, nothing more."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words.actor_nouns:
        return False
    lefts = list(tok.lefts)
    return bool(lefts) and lefts[0].lower_ in DEMONSTRATIVE and all(
        c.dep_ in ("det", "amod") and c.pos_ in ("DET", "ADJ") for c in lefts)
