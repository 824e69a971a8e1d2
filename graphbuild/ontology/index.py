"""The loaded ontology indexed for the questions the stages ask: actors by alias, state words, the lexicon
(trigger words, cue lists, the extractor's word classes), affiliations and derived institutions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..namespaces import CEKG
from ..records import Actor
from ..text import normalize

ACTOR_NS = "https://graphbuild.dev/id/actor/"
_RESOLVED_KEPT = 50_000  # mentions whose resolution is remembered


# --------------------------------------------------------------------------- records

@dataclass(frozen=True)
class ActorInfo:
    """A curated (or derived) actor of the ontology."""

    id: str
    label: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    cls: str = "Actor"
    demonyms: tuple[str, ...] = ()

    def ref(self, mention: str = "", resolved: bool = True) -> Actor:
        return Actor(id=self.id, label=self.label, kind=self.kind, country=self.country,
                     mention=mention or self.label, resolved=resolved)


@dataclass
class Lexicon:
    """Trigger words and cue lists read from the ontology (lower-case lemmas / phrases)."""

    verb_triggers: dict[str, str] = field(default_factory=dict)     # lemma -> PLOVER type
    noun_triggers: dict[str, str] = field(default_factory=dict)
    cameo: dict[str, str] = field(default_factory=dict)             # PLOVER type -> CAMEO root
    modes: dict[str, tuple[str, str]] = field(default_factory=dict)  # phrase -> (mode, PLOVER type)
    modality_cues: dict[str, str] = field(default_factory=dict)      # lemma/phrase -> modality
    sector_nouns: dict[str, str] = field(default_factory=dict)       # noun phrase -> class local name
    group_nouns: set[str] = field(default_factory=set)
    facility_nouns: set[str] = field(default_factory=set)
    sponsor_cues: set[str] = field(default_factory=set)
    proxy_nouns: set[str] = field(default_factory=set)
    # the word classes the extraction rules ask about (vocab.ttl says what each is)
    light_verbs: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    hardware_nouns: frozenset[str] = frozenset()
    victim_words: frozenset[str] = frozenset()
    territory_words: frozenset[str] = frozenset()
    formation_nouns: frozenset[str] = frozenset()
    halt_verbs: frozenset[str] = frozenset()
    war_nouns: frozenset[str] = frozenset()
    waging_verbs: frozenset[str] = frozenset()
    wrecking_verbs: frozenset[str] = frozenset()
    civil_words: frozenset[str] = frozenset()
    civil_hardware_nouns: frozenset[str] = frozenset()
    series_nouns: frozenset[str] = frozenset()
    receiving_verbs: frozenset[str] = frozenset()
    attacker_nouns: frozenset[str] = frozenset()
    non_event_gerunds: frozenset[str] = frozenset()
    unnamed_nouns: frozenset[str] = frozenset()
    describing_verbs: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    affiliation_nouns: dict[str, str] = field(default_factory=dict)  # noun -> cekg property (partOf, memberOf)
    search_verbs: frozenset[str] = frozenset()
    settlement_nouns: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()  # the settlement nouns and "the state", "the capital"
    oath_nouns: frozenset[str] = frozenset()
    one_sided_modes: frozenset[str] = frozenset()  # mode labels
    mode_sectors: dict[str, str] = field(default_factory=dict)  # mode label -> sector word ("military")
    suspect_verbs: frozenset[str] = frozenset()
    arrest_nouns: frozenset[str] = frozenset()
    perpetrator_nouns: frozenset[str] = frozenset()
    participation_nouns: frozenset[str] = frozenset()
    building_parts: frozenset[str] = frozenset()
    ground_nouns: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    generic_group_nouns: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    fatality_words: frozenset[str] = frozenset()
    injury_words: frozenset[str] = frozenset()
    person_titles: tuple[str, ...] = ()  # longest first


_DERIVED_SUFFIXES = ("-backed-groups", "-armed-groups")
_SECTOR_LABEL = {"Military": "military", "Police": "police", "Government": "government",
                 "Intelligence": "intelligence", "Diplomats": "diplomats", "Civilians": "civilians"}


class Ontology:
    """The loaded ontology: actors indexed for resolution, and the lexicons."""

    def __init__(self, graph: Graph, files: Sequence[Path] = ()):
        self.graph = graph
        self.files = list(files)
        self.kind_of_class = self._kind_codes()
        self.actors: dict[str, ActorInfo] = {}
        self.relations: list[tuple[str, str, str]] = []
        self.sources: dict[str, str] = {}  # normalized alias -> news agency label
        self._alias: dict[str, str] = {}
        self._state_words: dict[str, str] = {}  # normalized country word -> ISO3
        self.lexicon = Lexicon()
        self._index_actors()
        self._index_lexicon()
        self._max_alias_words = max((len(k.split()) for k in self._alias), default=1)
        # alias keys, as the fuzzy scorer reads them, and by the length of a query those that can match it
        self._fuzzy_keys: tuple[list[str], list[str], dict[int, tuple[list[int], list[str]]]] | None = None
        self._resolved: dict[tuple[str, str | None], Actor] = {}  # resolve()'s answers: it is a pure function
        self._capitals: set[str] | None = None
        self._national: dict[tuple[str | None, str], ActorInfo] | None = None

    # ------------------------------------------------------------ loading
    def _kind_codes(self) -> dict[URIRef, str]:
        g = self.graph
        direct = {c: str(k) for c, k in g.subject_objects(CEKG.kindCode)}
        out: dict[URIRef, str] = {}
        for cls in set(g.subjects(RDFS.subClassOf, None)) | set(direct):
            chain = [cls, *g.transitiveClosure(lambda c, _: g.objects(c, RDFS.subClassOf), cls)]
            for c in chain:
                if c in direct:
                    out[cls] = direct[c]
                    break
        return out

    def _local(self, node) -> str:
        s = str(node)
        return s[len(ACTOR_NS):] if s.startswith(ACTOR_NS) else s.rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def _index_actors(self) -> None:
        g = self.graph
        news = set(g.subjects(RDF.type, CEKG.NewsAgency))
        for subj in sorted(set(g.subjects(SKOS.prefLabel, None)), key=str):
            if subj in news:
                self._index_source(subj)
            if not isinstance(subj, URIRef) or not str(subj).startswith(ACTOR_NS):
                continue
            classes = sorted(g.objects(subj, RDF.type))
            kind = next((self.kind_of_class[c] for c in classes if c in self.kind_of_class), "unknown")
            cls = next((self._local(c) for c in classes if c in self.kind_of_class), "Actor")
            if subj in news:  # a news outlet is a source of reports, and can itself be a target
                kind, cls = "organisation", "NewsAgency"
            aid = self._local(subj)
            label = self._pref(subj)
            country = self._country(subj)
            aliases = [str(x) for p in (SKOS.altLabel, CEKG.metonym, CEKG.capital) for x in sorted(g.objects(subj, p))]
            wikidata = next((str(o).rsplit("/", 1)[-1] for o in g.objects(subj, OWL.sameAs)
                             if "wikidata" in str(o)), None)
            if cls == "State":
                iso3 = next((str(x) for x in g.objects(subj, CEKG.iso3)), aid)
                country = iso3
                for w in [label, *aliases, *map(str, g.objects(subj, CEKG.demonym))]:
                    self._state_words.setdefault(normalize(w), iso3)
            if cls == "Facility":  # a facility is its owner's: the US Embassy in Baghdad is a US actor
                owner = next((o for o in sorted(g.objects(subj, CEKG.ownedBy))
                              if (o, RDF.type, CEKG.State) in g), None)
                country = self._local(owner) if owner is not None else country
            # "Iraqi" / "Iraqis" alone name the state when used as an actor.
            demonyms = tuple(sorted(str(x) for x in g.objects(subj, CEKG.demonym)))
            info = ActorInfo(aid, label, kind, country, tuple(dict.fromkeys(aliases)), wikidata, cls, demonyms)
            self.actors[aid] = info
            for name in (label, *info.aliases, *demonyms):
                self._alias.setdefault(normalize(name), aid)
        for rel in ("memberOf", "partOf", "backedBy", "alliedWith", "leader", "ownedBy"):
            for s, o in g.subject_objects(CEKG[rel]):
                if str(s).startswith(ACTOR_NS) and str(o).startswith(ACTOR_NS):
                    self.relations.append((self._local(s), rel, self._local(o)))

    def _index_source(self, subj) -> None:
        label = self._pref(subj)
        for name in (label, *map(str, self.graph.objects(subj, SKOS.altLabel))):
            self.sources.setdefault(normalize(name), label)

    def _pref(self, subj) -> str:
        labels = list(self.graph.objects(subj, SKOS.prefLabel))
        en = [x for x in labels if isinstance(x, Literal) and x.language in (None, "en")]
        return str((en or labels)[0])

    def _country(self, subj) -> str | None:
        for o in self.graph.objects(subj, CEKG.country):
            iso = next(self.graph.objects(o, CEKG.iso3), None)
            return str(iso) if iso else self._local(o)
        return None

    def _index_lexicon(self) -> None:
        g, lex = self.graph, self.lexicon
        for etype in g.subjects(RDFS.subClassOf, CEKG.Event):
            code = self._local(etype)
            for o in g.objects(etype, CEKG.verbTrigger):
                lex.verb_triggers.setdefault(str(o).lower(), code)
            for o in g.objects(etype, CEKG.nounTrigger):
                lex.noun_triggers.setdefault(str(o).lower(), code)
            root = next(g.objects(etype, CEKG.cameoRoot), None)
            if root is not None:
                lex.cameo[code] = str(root)
        for mode in g.subjects(RDF.type, CEKG.Mode):
            label = str(next(g.objects(mode, RDFS.label), self._local(mode)))
            of = next(g.objects(mode, CEKG.modeOf), None)
            for o in g.objects(mode, CEKG.trigger):
                lex.modes.setdefault(str(o).lower(), (label, self._local(of) if of else "ASSAULT"))
        for m in g.subjects(RDF.type, CEKG.Modality):
            label = str(next(g.objects(m, RDFS.label), self._local(m)))
            for o in g.objects(m, CEKG.cue):
                lex.modality_cues.setdefault(str(o).lower(), label)
        for cls, noun in g.subject_objects(CEKG.sectorNoun):
            lex.sector_nouns.setdefault(str(noun).lower(), self._local(cls))
        lex.group_nouns |= {str(o).lower() for o in g.objects(None, CEKG.groupNoun)}
        lex.facility_nouns |= {str(o).lower() for o in g.objects(None, CEKG.facilityNoun)}
        lex.sponsor_cues |= {str(o).lower() for o in g.objects(None, CEKG.sponsorCue)}
        lex.proxy_nouns |= {str(o).lower() for o in g.objects(None, CEKG.proxyNoun)}

        def words(prop: str) -> frozenset[str]:
            return frozenset(str(o).lower() for o in g.objects(None, CEKG[prop]))

        lex.light_verbs, lex.reporting_verbs = words("lightVerb"), words("reportingVerb")
        lex.hardware_nouns, lex.victim_words = words("hardwareNoun"), words("victimWord")
        lex.event_nouns, lex.relational_nouns = words("eventNoun"), words("relationalNoun")
        lex.collective_nouns, lex.generic_group_nouns = words("collectiveNoun"), words("genericGroupNoun")
        lex.harm_nouns = words("harmNoun")
        lex.naming_verbs = words("namingVerb")
        lex.territory_words, lex.halt_verbs = words("territoryWord"), words("haltVerb")
        lex.war_nouns = words("warNoun")
        lex.waging_verbs, lex.wrecking_verbs = words("wagingVerb"), words("wreckingVerb")
        lex.civil_words, lex.civil_hardware_nouns = words("civilWord"), words("civilHardwareNoun")
        lex.series_nouns, lex.receiving_verbs = words("seriesNoun"), words("receivingVerb")
        lex.attacker_nouns, lex.non_event_gerunds = words("attackerNoun"), words("nonEventGerund")
        lex.unnamed_nouns, lex.describing_verbs = words("unnamedNoun"), words("describingVerb")
        lex.person_nouns, lex.search_verbs = words("personNoun"), words("searchVerb")
        lex.settlement_nouns, lex.oath_nouns = words("settlementNoun"), words("oathNoun")
        lex.place_nouns = words("placeNoun") | lex.settlement_nouns
        for prop, noun in g.subject_objects(CEKG.affiliationNoun):
            lex.affiliation_nouns.setdefault(str(noun).lower(), self._local(prop))
        for mode in g.subjects(RDF.type, CEKG.Mode):
            label = str(next(g.objects(mode, RDFS.label), self._local(mode)))
            if any(str(o).lower() in ("true", "1") for o in g.objects(mode, CEKG.oneSided)):
                lex.one_sided_modes |= {label}
            sector = next((_SECTOR_LABEL.get(self._local(c)) for c in g.objects(mode, CEKG.meansOf)), None)
            if sector is not None:
                lex.mode_sectors.setdefault(label, sector)
        lex.formation_nouns = words("formationNoun")
        lex.suspect_verbs, lex.arrest_nouns = words("suspectVerb"), words("arrestNoun")
        lex.perpetrator_nouns, lex.participation_nouns = words("perpetratorNoun"), words("participationNoun")
        lex.building_parts, lex.ground_nouns = words("buildingPart"), words("groundNoun")
        lex.fatality_words, lex.injury_words = words("fatalityWord"), words("injuryWord")
        lex.person_titles = tuple(sorted(words("personTitle"), key=lambda t: (-len(t), t)))

    # ------------------------------------------------------------ queries
    def is_capital(self, name: str) -> bool:
        """True when the name is a capital city ("Baghdad"), which also stands for its state."""
        if self._capitals is None:
            self._capitals = {normalize(str(c)) for c in self.graph.objects(None, CEKG.capital)}
        return normalize(name) in self._capitals

    def state_of(self, word: str) -> str | None:
        """ISO3 of a country word (name, demonym, capital), or None."""
        return self._state_words.get(normalize(word))

    def lookup(self, mention: str) -> ActorInfo | None:
        """Exact or normalized alias match."""
        aid = self._alias.get(normalize(mention))
        return self.actors.get(aid) if aid else None

    def is_source(self, mention: str) -> bool:
        return normalize(mention) in self.sources

    def aliases(self) -> Iterable[tuple[str, ActorInfo]]:
        """(surface name, actor) for every curated alias: feeds the entity ruler."""
        for info in self.actors.values():
            for name in (info.label, *info.aliases):
                yield name, info

    def resolve(self, mention: str, hint: str | None = None) -> Actor:
        """The canonical actor for a mention, or a provisional one (``resolved=False``) with a stable id.

        ``hint`` is the named-entity label (PERSON, ORG, GPE, NORP ...) when the parser gave one.
        """
        from .resolve import resolve_mention

        key = (mention.strip(), hint)
        found = self._resolved.get(key)
        if found is None:
            if len(self._resolved) >= _RESOLVED_KEPT:
                self._resolved.clear()  # a bounded memo: memory stays flat over a stream of articles
            found = self._resolved[key] = resolve_mention(self, key[0], hint)
        return found

    def links(self, actor: Actor) -> list[tuple[str, str]]:
        """Affiliations of an actor, curated or implied by a derived actor's kind: a sponsored group is
        backedBy its sponsor, a facility ownedBy its state."""
        if actor.id in self.actors and actor.resolved and not actor.id.endswith(_DERIVED_SUFFIXES):
            return sorted((rel, o) for s, rel, o in self.relations if s == actor.id)
        m = re.fullmatch(r"([A-Z]{3})-backed-groups", actor.id)
        if m:
            return [("backedBy", m[1])]
        if actor.kind == "facility" and actor.country:
            return [("ownedBy", actor.country)]
        return []

    def derived(self, iso3: str, cls: str) -> ActorInfo:
        """The state institution of ``cls`` (Military, Police, ...) of a country: ``IRQ-military``,
        labelled as news writes it: "Iraqi military", "US military"."""
        national = self._national_institution(iso3, cls)
        if national is not None:
            return national
        sector = _SECTOR_LABEL.get(cls, cls.lower())
        kind = "civilians" if cls == "Civilians" else self.kind_of_class.get(CEKG[cls], "government")
        return ActorInfo(f"{iso3}-{sector}", f"{self.adjective(iso3)} {sector}", kind, iso3, cls=cls)

    def _national_institution(self, iso3: str, cls: str) -> ActorInfo | None:
        """The curated principal institution of that class and country (``cekg:institutionOf``), so
        "Turkish forces" is the Turkish Armed Forces and not a second, generic actor."""
        if self._national is None:
            self._national = {}
            for s, o in self.graph.subject_objects(CEKG.institutionOf):
                info = self.actors.get(self._local(s))
                state = self.actors.get(self._local(o))
                if info and state:
                    self._national[(state.country, info.cls)] = info
        return self._national.get((iso3, cls))

    def adjective(self, iso3: str) -> str:
        """The word news puts before "military" or "government": the initialism of a multi-word name
        ("US", "UK", "UAE"), else the adjectival demonym ("Iraqi", "British"), else the name."""
        state = self.actors.get(iso3)
        if state is None:
            return iso3
        initials = "".join(w[0] for w in state.label.split() if w[0].isupper())
        if len(initials) >= 2 and initials in state.aliases:
            return initials
        adjectives = sorted((d for d in state.demonyms if not d.endswith("s") or d.endswith("ss")),
                            key=lambda d: (not d.endswith(("ian", "an", "i", "ish", "ese", "ic", "ch")), len(d), d))
        return adjectives[0] if adjectives else state.label
