"""The extractor's view of the ontology's lexicon: trigger lemmas, modes, modality cues, light and reporting
verbs, actor nouns. Everything here is read from the Turtle files (one source of truth); this module only
indexes it for the questions the rules ask. The constants below are grammar (closed-class words, dependency
labels and entity labels), which stays in Python (docs/ontology-schema.md)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..ontology import Ontology

# Closed-class words (grammar, not lexicon), and the word classes the rules are about.
PERSONAL = {"it", "its", "itself", "they", "them", "their", "theirs", "themselves", "he", "him", "his",
            "himself", "she", "her", "hers", "herself"}
REFLEXIVE = {"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself", "yourselves"}
RELATIVE = {"who", "whom", "which", "that", "whose"}
DEMONSTRATIVE = {"the", "this", "that", "these", "those"}
INDEFINITE = {"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody", "none", "all",
              "each", "both", "either", "neither", "one", "some", "many", "several", "few", "others", "other",
              "something", "anything", "everything", "nothing", "whoever", "what", "who", "which",
              "we", "us", "i", "me", "you", "our", "my", "your"}
SPEAKERS = {"i", "me", "we", "us", "you"}  # first and second person: the speaker, unnamed in the sentence
SUBJ = ("nsubj", "csubj", "expl")
PASS_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
ENT_ACTOR = ("ORG", "GPE", "NORP", "PERSON", "FAC")
FIGHT_MODE = "armed clash"  # the label of the mode plover:mode-clash
NOT_ACTOR_ENTS = ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW",
                  "WORK_OF_ART", "LANGUAGE", "PRODUCT")


@dataclass
class Words:
    onto: Ontology

    @cached_property
    def lex(self):
        return self.onto.lexicon

    @property
    def light_verbs(self) -> frozenset[str]:
        return self.lex.light_verbs

    @property
    def reporting_verbs(self) -> frozenset[str]:
        return self.lex.reporting_verbs

    @property
    def hardware(self) -> frozenset[str]:
        """Machines of war ("jets", "warships"): a country's military with a country word, else instruments."""
        return self.lex.hardware_nouns

    @property
    def victim_words(self) -> frozenset[str]:
        """Verbs and nouns whose object can only be a living being ("murdered a locksmith")."""
        return self.lex.victim_words

    @property
    def event_words(self) -> frozenset[str]:
        """Nouns that stand for an event without naming its kind ("the action by the rebels")."""
        return self.lex.event_nouns

    @cached_property
    def mode_words(self) -> dict[str, str]:
        """One-word mode triggers (and the last word of longer ones) -> mode label: the instruments."""
        out: dict[str, str] = {}
        for phrase, (mode, _of) in self.lex.modes.items():
            if " " not in phrase and "-" not in phrase:
                out.setdefault(phrase, mode)
        return out

    @cached_property
    def _modes_by_prefix(self) -> tuple[dict[str, list[tuple[int, str, str]]], list[tuple[int, str, str]]]:
        """The mode triggers as (rank in the lexicon, phrase, mode), by their first three characters, and
        those shorter than three: which triggers can begin at a given place of a text."""
        long: dict[str, list[tuple[int, str, str]]] = {}
        short: list[tuple[int, str, str]] = []
        for rank, (phrase, (mode, _of)) in enumerate(self.lex.modes.items()):
            if len(phrase) >= 3:
                long.setdefault(phrase[:3], []).append((rank, phrase, mode))
            else:
                short.append((rank, phrase, mode))
        return long, short

    def first_mode_at_word(self, text: str) -> str | None:
        """The mode of the first trigger, in the lexicon's order, that begins a word of ``text`` ("bomb" in
        "suicide car bombing"). The same answer as trying every trigger in turn, found by looking only at
        the triggers that begin with the three letters at each word start.

        >>> from graphbuild.ontology import load_ontology
        >>> words = words_of(load_ontology())
        >>> [words.first_mode_at_word(t) for t in ("suicide car bombing", "peace talks", "the wall")]
        ['explosives', 'meet', None]
        """
        spaced = f" {text}"
        long, short = self._modes_by_prefix
        best: tuple[int, str] | None = None
        for q in range(1, len(spaced)):
            if spaced[q - 1] != " ":
                continue
            for rank, phrase, mode in long.get(spaced[q:q + 3], ()):
                if (best is None or rank < best[0]) and spaced.startswith(phrase, q):
                    best = rank, mode
        for rank, phrase, mode in short:
            if (best is None or rank < best[0]) and f" {phrase}" in spaced:
                best = rank, mode
        return best[1] if best else None

    @cached_property
    def modes_of_type(self) -> dict[str, list[tuple[str, str, str, str]]]:
        """PLOVER type -> its mode triggers as (phrase, its first word, " phrase ", mode), in the lexicon's
        order."""
        out: dict[str, list[tuple[str, str, str, str]]] = {}
        for phrase, (mode, of) in self.lex.modes.items():
            out.setdefault(of, []).append((phrase, phrase.split(" ")[0], f" {phrase} ", mode))
        return out

    @cached_property
    def group_nouns(self) -> frozenset[str]:
        return frozenset(w for w in self.lex.group_nouns if " " not in w)

    @cached_property
    def actor_nouns(self) -> frozenset[str]:
        """Head nouns that name an actor without a proper name: sector, group and facility nouns."""
        words = set(self.group_nouns) | {w.split()[-1] for w in self.lex.sector_nouns}
        words |= {w.split()[-1] for w in self.lex.facility_nouns}
        return frozenset(words)

    def phrasal(self, tok: Token) -> str | None:
        """A verb with its particle, as the lexicon lists phrasal verbs: "blew up" -> "blow up"."""
        prt = next((c for c in tok.children if c.dep_ == "prt"), None)
        return f"{tok.lemma_.lower()} {prt.lower_}" if prt is not None else None

    def light(self, tok: Token) -> bool:
        return any(f in self.light_verbs for f in forms(tok))

    def reporting(self, tok: Token) -> bool:
        return tok.pos_ in ("VERB", "AUX") and any(f in self.reporting_verbs for f in forms(tok))

    def token_cue(self, tok: Token) -> str | None:
        return next((c for f in forms(tok) if (c := self.cue(f))), None)

    def cue(self, word: str) -> str | None:
        return self.lex.modality_cues.get(word.lower())

    def is_instrument(self, tok: Token) -> bool:
        """A weapon or means ("a missile", "drones", "explosives"), never an actor."""
        if tok.ent_type_ in ENT_ACTOR and tok.pos_ == "PROPN":
            return False
        lemma = tok.lemma_.lower()
        if lemma in self.actor_nouns or tok.lower_ in self.actor_nouns:
            return False  # "gunmen", "hostages": people, though a mode names them too
        mods = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
        if mods and f"{mods[-1]} {tok.lower_}" in self.lex.group_nouns:
            return False  # "suicide bombers"
        if mods and f"{mods[-1]} {tok.lower_}" in self.lex.modes:
            return True  # "four explosive charges", though "charges" alone may be filed in court
        return lemma in self.mode_words or tok.lower_ in self.mode_words

    def requests(self, tok: Token) -> bool:
        """A verb of asking ("urged", "called on", "demanded"): what it asks for has not happened."""
        return tok.pos_ == "VERB" and self.lex.verb_triggers.get(tok.lemma_.lower()) == "REQUEST"

    def is_hardware(self, tok: Token) -> bool:
        """A machine of war the lexicon lists as a military noun ("jets", "warships", "a submarine"): it
        stands for its country's military only with a country word."""
        if tok.pos_ != "NOUN" or tok.ent_type_:
            return False
        forms_ = (tok.lower_, tok.lemma_.lower())
        military = any(self.lex.sector_nouns.get(f) == "Military" for f in forms_)
        return military and any(f in self.mode_words or f in self.hardware for f in forms_)

    def is_fight(self, tok: Token) -> bool:
        """A noun of two-sided fighting ("clashes", "crossfire"): the PLOVER mode "armed clash"."""
        return self.is_event_noun(tok) and self.mode_of(tok) == FIGHT_MODE

    def is_event_noun(self, tok: Token) -> bool:
        return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lex.noun_triggers and \
            not (tok.pos_ == "PROPN" and tok.ent_type_ in ENT_ACTOR)

    def noun_type(self, tok: Token) -> str | None:
        """The PLOVER type of an event noun of the lexicon (``cekg:nounTrigger``), by its lemma, else as written
        ("airstrikes" tagged a verb keeps its lemma "airstrike")."""
        return self.lex.noun_triggers.get(tok.lemma_.lower()) or self.lex.noun_triggers.get(tok.lower_)

    def mode_of(self, tok: Token) -> str | None:
        return self.mode_words.get(tok.lower_) or self.mode_words.get(tok.lemma_.lower())

    def is_modifier_actor(self, tok: Token) -> bool:
        """A modifier of an event noun that names who acts: a country word ("US strikes"), an organisation
        or person ("Hamas attacks"), a group or sector noun ("rebel attacks", "police raids"). A city or a
        facility names the place or the target instead ("Baghdad bombing", "embassy attack")."""
        if tok.ent_type_ in NOT_ACTOR_ENTS or self.is_instrument(tok):
            return False
        if self.onto.state_of(tok.text):
            return True
        if tok.ent_type_ in ("ORG", "NORP", "PERSON"):
            return True
        info = self.onto.lookup(tok.text)
        if info is not None and info.kind not in ("facility", "state"):
            return True
        lemma = tok.lemma_.lower()
        return lemma in self.group_nouns or lemma in self._sector_not_facility_heads

    @cached_property
    def _sector_not_facility_heads(self) -> frozenset[str]:
        """Last words of sector nouns that are no facility noun's last word: built once, asked per token."""
        return frozenset({w.split()[-1] for w in self.lex.sector_nouns} -
                         {w.split()[-1] for w in self.lex.facility_nouns})

    def is_facility(self, tok: Token) -> bool:
        return tok.ent_type_ == "FAC" or tok.lemma_.lower() in self.lex.facility_nouns

    def is_actor_word(self, tok: Token) -> bool:
        """A modifier or head that names an actor: a country word, a named entity, an actor noun."""
        if tok.ent_type_ in NOT_ACTOR_ENTS:
            return False
        if self.onto.state_of(tok.text):
            return True
        if tok.pos_ == "PROPN" or tok.ent_type_ in ENT_ACTOR:
            return not self.is_instrument(tok)
        if tok.lemma_.lower() in self.actor_nouns or tok.lower_ in self.actor_nouns:
            return True
        if tok.pos_ == "NOUN" and not tok.ent_type_ and self.is_group_name(tok):
            return True  # "the eln kidnapped": a curated group's acronym a recaser wrote in lower case
        mods = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")]
        return bool(mods) and f"{mods[-1]} {tok.lower_}" in self.lex.group_nouns  # "suicide bomber"

    def is_group_name(self, tok: Token) -> bool:
        """The token is a curated armed group's or organisation's name of one word ("ELN", "Hezbollah"),
        whatever its case."""
        info = self.onto.lookup(tok.text)
        return info is not None and info.kind in ("armed_group", "organisation") and \
            tok.lower_ not in self.actor_nouns


def forms(tok: Token) -> list[str]:
    """The lemma, and for a regular inflected verb the stems the lemmatizer may have missed ("staged" is
    lemmatized "stag")."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    out = [lemma, low]
    for suffix, repl in (("ed", "e"), ("ed", ""), ("d", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return out


_CACHE: dict[int, Words] = {}


def words_of(onto: Ontology) -> Words:
    w = _CACHE.get(id(onto))
    if w is None or w.onto is not onto:
        w = _CACHE[id(onto)] = Words(onto)
    return w
