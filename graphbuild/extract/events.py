"""Rule-based event extraction over a dependency parse: triggers (verbs and event nouns from the ontology's
lexicon) -> frames (verb_events.py, noun_events.py) -> sides resolved through coreference (coreference.py) and
the ontology -> events with modality and attribution (modality.py), place and date (setting.py), leaving out
mentions that report no event (non_events.py) -> perpetrators filled across the sentences of one incident
(incidents.py).

Every rule is about structure and the lexicon, never about a particular document or name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Actor, Document, Event
from ..text import normalize, plural
from .aliases import known_as
from .arrests import is_arrest
from .arson import arson_frame
from .attribution import described, is_formation, kind_of_people, names_no_one
from .background import is_attackers_casualty, is_people_in_general
from .casualties import casualties
from .combat import is_combat
from .coordination import counted_event_type
from .coreference import Coref
from .demonstratives import named_land
from .entities import as_entity, person_names, person_roles, unify, unify_groups
from .hostages import hostage_frame
from .incidents import Mention, resolve_incidents
from .inflections import verb_lemma
from .lexicon import DEMONSTRATIVE, FIGHT_MODE, INDEFINITE, NOT_ACTOR_ENTS, SPEAKERS, Words, words_of
from .misread import gerund_event_type, misread_event_noun, participle_read_as_compound
from .modality import presentation
from .no_occurrence import tells_no_occurrence
from .non_events import (
    is_characterisation,
    is_polar_question,
    is_recollection,
    is_series,
    is_tally,
    is_unreal_and_anonymous,
)
from .noun_events import nominal_frames
from .noun_phrases import Arg, clean_mention, in_note, is_definite_description, is_pronoun, np_span, split_sides
from .operations import is_operation
from .operators import operator
from .perpetrators import is_means, named_group
from .riddling import riddled_frame
from .setting import (
    dateline_date,
    dateline_end,
    dateline_place,
    is_region,
    is_settlement,
    place_of,
    sentence_date,
    sentence_place,
)
from .sides import Frame, objects, passive_subjects
from .targets import antecedent_words, is_quarter, predicate_subject, relative_antecedent
from .unnamed_events import statement_frames
from .verb_events import attribution_frames, verbal_frames
from .victims import count_words, is_damage_or_ground
from .wars import war_frames
from .years_before import is_record, is_years_before

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..ontology import Ontology

VIOLENT = ("ASSAULT", "FIGHT")  # the types with casualties and a mode of violence
BARE_DEMONSTRATIVE = ("those", "these", "ones")  # standing for people the sentence does not name


MENTION_FORM = "{said} ({antecedent})"


def extract_events(doc: Doc, document: Document, ontology: Ontology) -> Iterator[Event]:
    """Every event mention of a parsed article, in text order."""
    ext = _Extractor(doc, document, ontology)
    mentions: list[Mention] = []
    for n, sent in enumerate(doc.sents):
        seen: set[tuple] = set()
        for tok in sent:
            for m in ext.mentions_at(tok, sent, n):
                ev = m.event
                key = (ev.actor and ev.actor.id, ev.target and ev.target.id, ev.event_type, ev.span)
                if key not in seen:
                    seen.add(key)
                    mentions.append(m)
    sides = [s for m in mentions for s in (m.event.actor, m.event.target) if s is not None]
    same = unify(sides, ontology)
    groups = unify_groups(sides)  # as actors only: "two guerrillas" killed are people, not the group as target
    if same or groups:
        mentions = [replace(m, event=replace(m.event, actor=as_entity(m.event.actor, same | groups),
                                             target=as_entity(m.event.target, same))) for m in mentions]
    mentions = [replace(m, event=ext.as_written(m.event)) for m in mentions] if ext.written else mentions
    yield from resolve_incidents(mentions, named_group(doc, ontology, ext.dateline_end))


class _Extractor:
    def __init__(self, doc: Doc, document: Document, ontology: Ontology):
        self.doc = doc
        self.document = document
        self.onto = ontology
        self.words: Words = words_of(ontology)
        self.dateline_end = dateline_end(doc.text)
        self.persons = person_names(doc, self.dateline_end, self.words.lex.person_titles)
        self.coref = Coref(doc, self.words, after=self.dateline_end, surnames=frozenset(self.persons))
        self.roles = person_roles(doc, self.persons, self.words.lex.person_titles, self.dateline_end)
        dl = dateline_place(document.text)
        self.dateline = place_of(dl, ontology) if dl else None
        self.dateline_date = dateline_date(document.text)
        self.published = document.published or self.dateline_date
        self._per_sentence: dict[tuple, object] = {}  # what depends on the sentence only, asked once per frame
        # (sentence, span, "actor" | "target", the side's own mention) -> the coordination it was named in
        self.written: dict[tuple, str] = {}

    def frames_at(self, tok: Token) -> Iterator[Frame]:
        lex = self.words.lex
        lemma = verb_lemma(tok, lex.verb_triggers)  # "machinegunned", lemmatized "machinegunne" (inflections.py)
        phrasal = self.words.phrasal(tok) if tok.pos_ == "VERB" else None  # only a verb's particle is asked for
        said_who = list(attribution_frames(tok, self.words)) if tok.pos_ == "VERB" else []
        if said_who:
            yield from said_who  # "blamed it on the rebels": who did an attack told before, no accusation
        elif tok.pos_ == "VERB" and phrasal in lex.verb_triggers:
            yield from verbal_frames(tok, lex.verb_triggers[phrasal], self.words)  # "blew up the pumping station"
        elif tok.pos_ == "VERB" and lemma in lex.verb_triggers:
            yield from verbal_frames(tok, lex.verb_triggers[lemma], self.words)
        elif (idiom := arson_frame(tok, self.words) or hostage_frame(tok, self.words)
              or riddled_frame(tok, self.words)) is not None:
            yield idiom  # "set fire to three buses" (arson.py), "held the envoy hostage" (hostages.py), "riddled
            # with bullets" (riddling.py)
        elif tok.pos_ == "VERB" and self.words.light(tok) and any(
                self.words.is_instrument(x) and lex.noun_triggers.get(x.lemma_.lower(), "ASSAULT") == "ASSAULT"
                for x in objects(tok) + passive_subjects(tok)):  # "arrests were made": no means of attack
            yield from verbal_frames(tok, "ASSAULT", self.words)  # "left a parcel bomb outside the tax office"
        elif (clause := participle_read_as_compound(tok, self.words)) is not None:
            yield clause  # "the Saudi-led coalition bombing Sanaa", one noun phrase (misread.py)
        elif (misread := misread_event_noun(tok, self.words)) is not None:
            yield from nominal_frames(tok, misread, self.words)  # "airstrikes" tagged a verb (misread.py)
        elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lex.noun_triggers or tok.lower_ in lex.noun_triggers):
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "GPE", "PERSON", "NORP", "FAC"):
                return
            yield from nominal_frames(tok, self.words.noun_type(tok), self.words)
        elif tok.pos_ == "NOUN" and lemma in lex.war_nouns:
            yield from war_frames(tok, self.words)  # "waged war on the rebels" (wars.py)
        elif (counted := counted_event_type(tok, self.words)) is not None:
            yield from nominal_frames(tok, counted, self.words)  # "a bombing campaign against the militia"
        elif tok.pos_ == "NOUN" and lemma in self.words.event_words:
            yield from statement_frames(tok, self.words)  # "the incident, for which the rebels are held responsible"
        elif (gerund := gerund_event_type(tok, self.words)) is not None:
            yield from nominal_frames(tok, gerund, self.words)  # "the storming of the parliament"

    def mentions_at(self, tok: Token, sent: Span, n: int) -> Iterator[Mention]:
        for frame in self.frames_at(tok):
            yield from self._mentions(frame, sent, n)

    # ---------------------------------------------------------------- sides
    def _resolve_args(self, args: list[Arg], exclude: set[int] | None = None) -> list[Arg]:
        out: list[Arg] = []
        for a in args:
            if is_pronoun(a.tok) or is_definite_description(a.tok, self.words):
                found = self.coref.resolve(a.tok, exclude or frozenset())
                if found:
                    # a relative pronoun sits beside its antecedent ("the militia, which ..."): nothing to keep
                    said = None if a.tok.tag_ in ("WDT", "WP", "WP$") else clean_mention(np_span(a.tok).text)
                    out += [replace(x, said=x.said or said) for x in found if x.tok.i not in {y.tok.i for y in out}]
                elif not is_pronoun(a.tok):
                    out += self._per_country(a)  # "the consulate" with no earlier mention stays as written
                continue
            out += self._per_country(a)
            named = self._appositive_name(a)
            if named is not None:  # "two reporters, Ana Ruiz and Luis Pena": a side per name
                out += [Arg(c) for c in named.root.conjuncts if c.pos_ == "PROPN" and c.i > named.root.i]
        return out

    def _per_country(self, arg: Arg) -> list[Arg]:
        """ "US and British jets" -> "US jets", "British jets": coordinated country words modifying one noun
        give a side per country, as do the countries of an of-phrase ("the envoys of France and Qatar") and
        coordinated modifiers of a group noun ("herder and farmer militias")."""
        tok = arg.tok
        if arg.text is not None or tok.pos_ != "NOUN":
            return [arg]
        for prep in tok.rights:  # "the envoys of France, Qatar and Egypt": an envoy per country
            objs = [p for p in prep.children if p.dep_ == "pobj"] if prep.dep_ == "prep" and prep.lower_ == "of" else []
            group = [objs[0], *objs[0].conjuncts] if objs else []
            if len(group) > 1 and all(self.onto.state_of(c.text) for c in group):
                head = self.doc[np_span(tok).start:tok.i + 1].text
                joint = self.doc[np_span(tok).start:max(np_span(c).end for c in group)].text
                return [Arg(tok, f"{head} of {c.text}", joint=joint) for c in sorted(group, key=lambda t: t.i)]
        group_noun = tok.lemma_.lower() in self.words.group_nouns or tok.lemma_.lower() in self.words.lex.sector_nouns
        for m in tok.lefts:
            group = [m, *m.conjuncts]
            # "US and British jets"; "herder and farmer militias": a side per modifier of a group noun
            if m.dep_ in ("amod", "compound", "nmod") and len(group) > 1 and (
                    all(self.onto.state_of(c.text) for c in group) or group_noun):
                rest = " ".join(t.text for t in tok.lefts if t.i > max(c.i for c in group))
                return [Arg(tok, " ".join(x for x in (c.text, rest, tok.text) if x), joint=np_span(tok).text)
                        for c in sorted(group, key=lambda t: t.i)]
        return [arg]

    def _usable(self, arg: Arg) -> bool:
        """Not a word of a bracketed note that opens the sentence ("[Excerpts] Two people were ..."), nor of
        the dateline ("SANAA, Jan 12 (Wire) - "), which only gives the place."""
        return not in_note(arg.tok) and arg.tok.idx >= self.dateline_end

    def _hardware(self, arg: Arg) -> bool:
        """A machine of war with no country word ("fighter jets", "a submarine"): the means, not who acts."""
        tok = arg.tok
        if not self.words.is_hardware(tok):
            return False
        words = (arg.text or np_span(tok).text).split()
        return not any(self.onto.state_of(w.strip(",'")) for w in words)

    def _can_act(self, arg: Arg, speaker: bool = False) -> bool:
        """An actor is someone: a name, an actor noun ("militants", "police", "gunmen"), people in the plural
        ("raiders", "villagers"). A thing or an abstraction ("the blast wave", "the attempt") is not; nor is an
        unnamed speaker ("we" of a quote) unless ``speaker`` (a target may be "us")."""
        tok = _partitive(arg.tok)
        if tok.lower_ in SPEAKERS and tok.pos_ == "PRON" and tok.text != "US" and not speaker:
            return False  # "we", "I" of a quoted speaker: who they are is not in the words
        if tok.lower_ in INDEFINITE - SPEAKERS and tok.pos_ in ("PRON", "DET"):
            return False  # "All were shot down", "called what happened ...": no one in particular
        if tok.lower_ in BARE_DEMONSTRATIVE and tok.pos_ in ("PRON", "DET", "NOUN"):
            return False  # "those who planted the bomb", "the ones responsible": who they are is not said
        if tok.pos_ == "NUM" or tok.ent_type_ in NOT_ACTOR_ENTS:
            return False  # "Storm Ellen" (an EVENT) hit the coast
        if self.words.is_instrument(tok) or self.words.is_event_noun(tok):
            return False
        if arg.said is None and names_no_one(tok, self.words):
            return False  # "the authors of the crime", "the crimes": no one (attribution.py); "they" for them is
        # someone the text goes on to tell of ("they (the culprits) detonated the bomb")
        if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) or tok.lemma_.lower() == "event":
            return False  # "no organization has claimed it": no one; "we have been hit by events": no one either
        return self.words.is_actor_word(tok) or tok.tag_ in ("NNS", "NNPS") or tok.pos_ in ("PROPN", "PRON") or \
            is_formation(tok, self.words) or self._curated_name(tok)  # "a rebel column" (attribution.py)

    def _curated_name(self, tok: Token) -> bool:
        """A group's name a recaser wrote in lower case, read as common nouns ("the guerrilla organization
        shining path"): the noun phrase resolves to a curated armed group or organisation."""
        if tok.pos_ != "NOUN" or not any(c.dep_ in ("compound", "amod") for c in tok.lefts):
            return False
        actor = self.onto.resolve(np_span(tok).text)
        return actor.resolved and actor.kind in ("armed_group", "organisation")

    def _can_be_target(self, arg: Arg, trigger: Token | None = None) -> bool:
        """A target is someone or something that can be hit: as for actors, plus facilities, numbers of
        people ("killed 23"), and a part of one ("the radar unit of the frigate", "a hangar inside the air
        base"). "No one" and abstractions ("material losses") are not. Whoever a victim verb ("murdered",
        "kidnapped") takes as its object is a person, named in the lexicon or not ("a locksmith")."""
        tok = arg.tok
        if any(c.lower_ == "no" for c in tok.lefts) or is_damage_or_ground(tok, self.words):
            return False  # "no one"; "destroying windows", "shelled residential areas" (victims.py)
        if is_quarter(tok):
            return False  # "bombing the Escalon neighbourhood": where the attack was (targets.py)
        if arg.text is None and count_words(tok) is not None:
            return True  # "killed dozens", "wounded 12 more": a number of people (victims.py)
        if trigger is not None and trigger.lemma_.lower() in self.words.victim_words and tok.pos_ == "NOUN" and \
                not (self.words.is_instrument(tok) or self.words.is_event_noun(tok) or tok.ent_type_
                     or tok.lemma_.lower() in self.words.lex.harm_nouns):
            return True
        if any(c.dep_ in ("amod", "compound") and self.onto.state_of(c.text) for c in tok.lefts):
            return True  # "Turkish territory", "French positions"
        if trigger is not None and trigger.lemma_.lower() in self.words.lex.territory_words and \
                is_settlement(tok, self.onto):
            return True  # "shelled the town", "stormed the camp": the place is what is hit
        for t in _anchors(tok):
            if t.pos_ == "NUM" and t.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
                return True
            if self._can_act(Arg(t), speaker=True) and not (t.tag_ in ("NNS", "NNPS") and t.pos_ == "NOUN"
                                               and t.lemma_.lower() in self.words.lex.harm_nouns):
                return True
        return False

    def _mention(self, arg: Arg) -> str:
        """The text as written, with possessive pronouns inside it replaced by their antecedent
        ("two of its commanders" -> "two of the Northern Brigade's commanders")."""
        if arg.text is not None:
            return clean_mention(arg.text)
        span = described(np_span(arg.tok), arg.tok, self.words)  # "men wearing army uniforms" (attribution.py)
        parts = []
        replaced: set[int] = set()
        for t in span:
            if t.i in replaced:
                continue
            if t.dep_ == "poss" and t.lower_ in ("its", "their", "his", "her") and t.i != arg.tok.i:
                found = self.coref.resolve(t)
                if found and all(self._owner(f, t) for f in found):
                    parts.append(" and ".join(f.mention for f in found) + "'s" + t.whitespace_)
                    continue
            if t.dep_ == "det" and t.head.i != arg.tok.i and t.head.dep_ == "pobj" and \
                    is_definite_description(t.head, self.words) and self.coref.resolve(t.head):
                continue  # "those" of "leaders of those militias", replaced with the militia below
            if (ante := relative_antecedent(t)) is not None:  # "two of which": "two of the depots" (targets.py)
                parts.append(f"the {antecedent_words(ante)}{t.whitespace_}")
                continue
            if t.dep_ == "pobj" and t.i != arg.tok.i and is_definite_description(t, self.words):
                found = self.coref.resolve(t)
                if found:
                    parts.append(found[0].mention + t.whitespace_)
                    continue
            parts.append(t.text_with_ws)
        return clean_mention("".join(parts))

    def _owner(self, found: Arg, pronoun: Token) -> bool:
        """Whether an antecedent may replace a possessive pronoun: not a phrase with a possessor of its own
        ("the group's spokesman"), and for "its"/"their" an organisation or group, not a person."""
        tok = found.tok
        if found.text is None and any(x.dep_ == "poss" for x in np_span(tok) if x.i != tok.i):
            return False
        if pronoun.lower_ in ("his", "her"):
            return True
        if tok.ent_type_ == "PERSON" or self.onto.resolve(found.mention).kind == "person":
            return False
        return tok.ent_type_ in ("ORG", "NORP", "GPE") or tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS") \
            or tok.lemma_.lower() in self.words.group_nouns

    def _actor(self, arg: Arg) -> Actor | None:
        actor = self._side(arg)
        if actor is None or arg.said is None or f" {normalize(arg.said)} " in f" {normalize(actor.mention)} ":
            return actor  # "the soldiers" for "the soldiers": nothing to add
        # "they" of the sentence, told as its antecedent: the words of the sentence with who they stand for
        return replace(actor, mention=MENTION_FORM.format(said=arg.said, antecedent=actor.mention))

    def _side(self, arg: Arg) -> Actor | None:
        mention = self._mention(arg)
        if not mention:
            return None
        hint = arg.tok.ent_type_ or None
        if self._bare_count(arg, mention):
            mention = clean_mention(count_words(arg.tok).text)  # "scores more": the "more" the parse hung apart
            people = self._counted_people(arg.tok)
            if people is None:  # "six were wounded": the victims, civilians unless the sentence says who
                return replace(self.onto.resolve("civilians"), mention=mention)
            mention = f"{mention} {people}"  # "two guards died and three were hurt": "three guards"
        named = self._appositive_name(arg)
        if named is not None:  # "his companion Ana Ruiz", "the driver, Luis Pena": the name is who it is
            mention = f"{mention}{',' if named.start > np_span(arg.tok).end else ''} {named.text}"
            full = self.persons.get(named.root.lower_) or named.text
            hint = "PERSON" if named.root.ent_type_ in ("PERSON", "") else named.root.ent_type_
            actor = self.onto.resolve(full, hint=hint)
            return replace(actor, mention=mention)
        if arg.sector is not None:  # "US" of "a US airstrike": the US military (noun_events.py)
            actor = self.onto.resolve(f"{mention} {arg.sector}")
            if actor.resolved:
                return replace(actor, mention=mention)
        alias = known_as(arg.tok, self.words) if arg.text is None and arg.tok.pos_ == "NOUN" else None
        if alias is not None:  # "bands of toughs known as colectivos", "a man named Luis Pena" (aliases.py)
            head = self.onto.resolve(mention, hint=hint)
            mention = clean_mention(self.doc[np_span(arg.tok).start:alias.end].text)
            name = self.persons.get(alias.root.lower_) or alias.text
            actor = self.onto.resolve(name, hint=alias.root.ent_type_ or None)
            if not actor.resolved and head.kind != "unknown" and (
                    actor.kind == "unknown" or head.kind not in ("civilians", "person")):
                # a name the ontology does not know is of the head's kind: "a farm known as La Esperanza"
                actor = replace(actor, kind=head.kind, country=actor.country or head.country)
            return replace(actor, mention=mention)
        full = self._full_name(arg, mention)
        actor = self.onto.resolve(full or mention, hint="PERSON" if full else hint)
        return replace(actor, mention=mention) if actor.mention != mention else actor

    @staticmethod
    def _appositive_name(arg: Arg) -> Span | None:
        """The name in apposition right after a common noun side ("his companion Ana Ruiz", "the
        driver, Luis Pena"), when the side is written as the noun alone."""
        tok = arg.tok
        if arg.text is not None or tok.pos_ != "NOUN" or tok.ent_type_:
            return None
        end = np_span(tok).end
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "") and c.is_alpha:
                name = np_span(c)
                gap = tok.doc[end:name.start]
                if all(t.text == "," for t in gap) and len(gap) <= 1 and \
                        all(t.pos_ == "PROPN" for t in name):
                    return name
        return None

    @staticmethod
    def _bare_count(arg: Arg, mention: str) -> bool:
        """A side that is a number and nothing else ("six", "at least 12", "dozens", "12 more": victims.py)."""
        return arg.text is None and count_words(arg.tok) is not None

    @staticmethod
    def _counted_people(num: Token) -> str | None:
        """The plural noun an earlier count of the sentence goes with ("five soldiers ... and five ..."): who a
        bare count is; after a count of one, the noun in the plural ("one soldier ... and two ...")."""
        for t in reversed(list(num.sent)[:num.i - num.sent.start]):
            counts = [c for c in t.children if c.dep_ == "nummod"]
            if t.tag_ == "NNS" and counts:
                return t.text
            if t.tag_ == "NN" and t.is_alpha and any(c.lower_ in ("one", "1") for c in counts):
                return plural(t.text)
        return None

    def _full_name(self, arg: Arg, mention: str) -> str | None:
        """ "Varela" (or "Mayor Varela") after "Tomas Eduardo Varela": the article's one person of
        that surname."""
        tok = arg.tok
        if arg.text is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.roles and all(
                t.i == tok.i or t.dep_ == "det" and t.lower_ in ("the", "this", "that") or t.dep_ == "amod"
                and t.pos_ == "ADJ" for t in np_span(tok)) and tok.tag_ == "NN":
            return self.roles[tok.lemma_.lower()]  # "the mayor" after "Mayor Ana Ruiz"
        if arg.text is not None or not (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.is_title):
            return None
        if tok.ent_type_ not in ("PERSON", "") and (tok.ent_type_ not in ("ORG", "NORP") or self.onto.lookup(
                tok.text) is not None or self.onto.state_of(tok.text)):
            return None  # a surname the tagger took for a firm or a people ("Varela" as NORP) is still one
        names = [w for w in mention.split() if w[:1].isupper()]
        full = self.persons.get(tok.lower_)
        if full is None or len(names) > 1 and not self.words.lex.person_titles:
            return None
        if len(names) > 1 and not any(n.lower().rstrip(".") in self.words.lex.person_titles for n in names[:-1]):
            return None
        return full if len(full.split()) > 1 and full.lower() != mention.lower() else None

    # ---------------------------------------------------------------- events
    def _mentions(self, frame: Frame, sent: Span, n: int) -> Iterator[Mention]:
        told = self._per_sentence.get(("told", n))
        if told is None:
            told = self._per_sentence["told", n] = not (is_polar_question(sent) or is_recollection(sent))
        if not told:
            return
        if frame.etype in VIOLENT and is_characterisation(frame.trigger):
            return  # "a regime that kills priests": what it is said to do, no event (non_events.py)
        if tells_no_occurrence(frame.trigger, frame.etype):
            return  # "they will not attack", "there were no raids", "can kill": nothing occurs (no_occurrence.py)
        if is_years_before(frame.trigger, self.published):
            return  # "the priest, who was killed by soldiers in 1966": background (years_before.py)
        actors = [(operator(a, self.words) or a) if self._hardware(a) else a for a in self._resolve_args(frame.actors)]
        actors = [a for a in actors
                  if self._usable(a) and self._can_act(a) and not self._hardware(a)
                  and not is_settlement(a.tok, self.onto)  # "near the town, which destroyed": a place, not who
                  and not (frame.etype in VIOLENT and is_means(a.tok, self.words))]
        targets = [named_land(t, frame.trigger, self.words) or t  # "invaded this borderland" (demonstratives.py)
                   for t in self._hit(self._resolve_args(self._hit(frame.targets), exclude={a.tok.i for a in actors}),
                                      resolved=True)]
        targets = [t for t in targets if self._usable(t) and self._can_be_target(t, frame.trigger)]
        if targets and all(is_tally(t.tok, sent) for t in targets):
            return  # "9,000 civilians have died in the conflict since 2011": many incidents, not one
        if frame.etype in VIOLENT and targets and all(is_people_in_general(t.tok) for t in targets):
            return  # "the army bombs the civilian population": a charge, no incident (background.py)
        if not actors and not targets:
            return
        pres = presentation(frame.trigger, sent, self.words)
        etype, text = frame.etype, frame.text
        modality = frame.modality or pres.modality
        if pres.threat is not None and etype != "THREATEN":
            etype, modality = "THREATEN", "threatened"
            text = f"{pres.threat.text} {frame.text}" if frame.text.startswith("to ") or \
                frame.trigger.pos_ != "VERB" else f"{pres.threat.text} to {frame.text}"
        if etype == "THREATEN" and modality == "asserted":
            modality = "threatened"
        actor_objs = [(x, a) for x in actors if (a := self._actor(x)) is not None] or [(None, None)]
        target_args = [(x, t) for x in targets if (t := self._actor(x)) is not None]
        target_objs = [t for _x, t in target_args] or [None]
        if frame.etype == "ASSAULT" and (is_series(frame.trigger, self.words) or is_record(frame.trigger)):
            # "a wave of attacks on banks by the cartel", "has attacked banks in the past", "frequent
            # kidnappings": no one incident, but who attacks in this article
            target_objs = [None]  # (a statement of its perpetrator only, never output: incidents.py)
        if etype == "ASSAULT" and is_combat(frame.trigger, sent, [a for _x, a in actor_objs], target_objs,
                                            self.words):
            etype = "FIGHT"  # combat between armed sides, PLOVER's FIGHT (combat.py)
        elif etype == "ASSAULT" and is_arrest(frame.trigger, [a for _x, a in actor_objs], target_objs, self.words):
            etype = "COERCE"  # "the police captured the gunman": an arrest (arrests.py)
        elif etype == "ASSAULT" and is_operation(frame.trigger, [a for _x, a in actor_objs], target_objs, self.words):
            etype = "FIGHT"  # an occupation, prisoners taken, an offensive on armed foes (operations.py)
        # the sides' own words are not the place; "the town of Rafah" still gives Rafah
        exclude = {i for a in actors + targets if a.tok.sent == sent for i in range(np_span(a.tok).start, a.tok.i + 1)}
        place = sentence_place(sent, self.onto, exclude, near=self.dateline)
        if place is None or (is_region(place) and self.dateline is not None):
            place = self.dateline or place  # the dateline's city is more exact than "the Middle East"
        date, date_source = self._date(sent)
        trig = frame.trigger
        # "opened fire on the bus, killing five": the light verb's clause carries the counts of its event noun
        anchor = trig.head if trig.pos_ == "NOUN" and trig.dep_ == "dobj" and self.words.light(trig.head) else trig
        killed, injured = casualties(sent, self.words, anchor) if etype in VIOLENT else (None, None)
        statement = trig.pos_ == "VERB" or any(c.lower_ in DEMONSTRATIVE and c.lower_ != "that" or c.dep_ == "poss"
                                                for c in trig.lefts)
        weak = {a.tok.i for a in actors if a.tok.i in frame.modifiers and a.tok.pos_ != "PROPN"
                and a.tok.ent_type_ not in ("ORG", "NORP", "GPE", "PERSON")}
        actor_objs = [(x, kind_of_people(a, self.words, self.onto) if x is not None and x.tok.i in weak else a)
                      for x, a in actor_objs]  # "terrorist" of "a terrorist attack": terrorists (attribution.py)
        pairs = [(x, a, t) for x, a in actor_objs for t in target_objs]
        joint_of = {id(t): x for x, t in target_args}
        mutual = False  # one event per pair of coordinated sides, each side in its own words
        if target_objs == [None] and len(actor_objs) >= 2 and self._mutual(frame):
            # "France, Qatar and Egypt met", "herder and farmer militias clashed": one event per pair
            pairs = [(x, a, b) for i, (x, a) in enumerate(actor_objs) for _y, b in actor_objs[i + 1:]]
            mutual = True
        for x, a, t in pairs:
            if a is None and t is None:
                continue
            if a is not None and t is not None and a.id == t.id:
                continue
            if etype == "FIGHT" and t is None:
                continue  # "the rebels fought on": whom they fought is not told
            if is_unreal_and_anonymous(a, modality):
                continue  # "nobody would be safe if a guard were shot": no one did anything
            if etype in VIOLENT and is_attackers_casualty(a, t, self.words):
                continue  # "two of the kidnappers were killed": the attack's own casualty (background.py)
            wa, wt = (None, None) if mutual else (x, joint_of.get(id(t)))
            if wa is not None and wt is not None and wa.joint == wt.joint:
                wa = wt = None  # "the crossfire between the army and rebels": the pair is what the words say
            ev = self._event(frame, sent, etype, a, t, text, modality, pres.attributed_to, place, date)
            ev = replace(ev, date_source=date_source, fatalities=killed, injured=injured)
            for key, arg, side in (("actor", wa, a), ("target", wt, t)):
                if arg is not None and arg.joint is not None and side is not None:
                    joint = clean_mention(arg.joint)  # "they (Syria and its allies)" for a pronoun
                    self.written[ev.sentence, ev.span, key, side.mention] = joint if arg.said is None else \
                        MENTION_FORM.format(said=arg.said, antecedent=joint)
            yield Mention(n, ev, statement=statement, anaphoric=frame.anaphoric,
                          weak_actor=x is not None and x.tok.i in weak)

    def _hit(self, targets: list[Arg], resolved: bool = False) -> list[Arg]:
        """The targets of a frame, with the subject of a copula for its predicate noun ("Ruiz is the second
        mayor murdered": Ruiz; targets.py); once ``resolved`` ("the mayor that was murdered": "that" is the
        mayor), only a subject that needs no resolving of its own."""
        out: list[Arg] = []
        for a in targets:
            subject = predicate_subject(a.tok, self.words) if a.text is None else None
            if subject is None or resolved and is_pronoun(subject):
                out.append(a)
            else:
                out += split_sides([subject])
        return out

    def as_written(self, ev: Event) -> Event:
        """A side split from a coordination with the coordination's words as its mention ("poisoned by Putin
        and Trump": "Putin and Trump" for Putin and for Trump); its label stays the one actor. Given to the
        event once it is built and its sides are the article's entities: the rules that read a side's words
        to type the event (combat, arrests) or to find its entity ("the guerrillas") read the side's own."""
        sides = {}
        for key in ("actor", "target"):
            side = getattr(ev, key)
            joint = side is not None and self.written.get((ev.sentence, ev.span, key, side.mention))
            if joint:
                sides[key] = replace(side, mention=joint)
        return replace(ev, **sides) if sides else ev

    def _mutual(self, frame: Frame) -> bool:
        """An event its sides do to each other: a meeting, talks, a clash."""
        trig = frame.trigger
        mode = self.words.mode_of(trig) if trig.pos_ in ("NOUN", "PROPN") else \
            self.words.lex.modes.get(trig.lemma_.lower(), (None,))[0]
        return frame.etype == "CONSULT" or (frame.etype == "ASSAULT" and mode == FIGHT_MODE)

    def _event(self, frame: Frame, sent: Span, etype: str, actor: Actor | None, target: Actor | None,
               text: str, modality: str, attributed: str | None, place, date) -> Event:
        trigger = frame.trigger
        start = sent.start_char
        return Event(
            doc_id=self.document.id,
            sentence=sent.text.strip(),
            span=(trigger.idx - start, trigger.idx - start + len(trigger.text)),
            actor=actor,
            target=target,
            action_text=text or trigger.text,
            action_lemma=trigger.lemma_.lower(),
            event_type=etype,
            modality=modality,
            mode=frame.mode or (self._sentence_mode(sent, etype) if etype in VIOLENT else None),
            cameo=self.words.lex.cameo.get(etype),
            attributed_to=attributed,
            place=place,
            date=date,
            confidence=_confidence(actor, target, modality),
        )

    def _date(self, sent: Span) -> tuple[str | None, str | None]:
        """The sentence's own date, else the dateline's, else the article's publication date."""
        key = ("date", sent.start)
        if key not in self._per_sentence:
            self._per_sentence[key] = sentence_date(sent, self.published, self.dateline_end)
        found = self._per_sentence[key]
        if found:
            return found, "sentence"
        if self.dateline_date is not None:
            return self.dateline_date.isoformat(), "dateline"
        if self.document.published is not None:
            return self.document.published.isoformat(), "published"
        return None, None

    def _sentence_mode(self, sent: Span, etype: str) -> str | None:
        key = ("mode", sent.start, etype)
        if key in self._per_sentence:
            return self._per_sentence[key]
        text = " " + " ".join(t.lower_ for t in sent) + " "
        segments = set(text.split(" "))  # a phrase found in the text begins with one of its whole words
        best = None
        for phrase, first, spaced, mode in self.words.modes_of_type.get(etype, ()):
            if first in segments and spaced in text and (best is None or len(phrase) > len(best[0])):
                best = (phrase, mode)
        self._per_sentence[key] = found = best[1] if best else None
        return found


def _partitive(tok: Token) -> Token:
    """ "two of the militia's commanders" -> commanders; "both of the mines" -> mines; "shards of metal" -> metal."""
    if tok.pos_ == "NUM" or tok.lower_ in ("some", "many", "most", "all", "several", "each", "one", "part",
                                           "piece", "pieces", "fragments", "shards", "bits", "dozens", "hundreds",
                                           "thousands", "scores", "tens"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                objs = [p for p in c.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return tok


def _anchors(tok: Token) -> list[Token]:
    """The head and what it is part of or located in: of-, inside-, in-phrases and the possessor."""
    out = [tok]
    seen = {tok.i}
    i = 0
    while i < len(out) and len(out) < 6:
        t = out[i]
        i += 1
        for c in t.children:
            nxt = []
            if c.dep_ == "prep" and c.lower_ in ("of", "inside", "in", "at", "within"):
                nxt = [p for p in c.children if p.dep_ == "pobj"]
            elif c.dep_ == "poss":
                nxt = [c]
            for p in nxt:
                if p.i not in seen:
                    seen.add(p.i)
                    out.append(p)
    return out


def _confidence(actor: Actor | None, target: Actor | None, modality: str) -> float:
    score = 0.5
    for side in (actor, target):
        if side is not None:
            score += 0.2 if side.resolved else 0.05
    if modality != "asserted":
        score -= 0.1
    return round(min(max(score, 0.05), 0.95), 3)

