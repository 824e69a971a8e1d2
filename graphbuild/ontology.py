"""Stage: the ontology layer. Loads ``ontology/*.ttl`` (plus user files) and resolves actor mentions to
canonical actors. The Turtle files are the one source of truth; this module only indexes them.

Resolution order (first hit wins): exact alias -> normalized alias -> sponsored group ("Iran-backed
militias") -> facility ("US bases", "the US Embassy in Baghdad") -> sector of a country ("Iraqi security
forces") -> person with title -> a known name inside the mention -> fuzzy alias -> provisional actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .errors import OntologyError
from .namespaces import CEKG
from .records import EVENT_TYPES, KINDS, Actor, stable_id
from .text import _DASHES, normalize, slug

ACTOR_NS = "https://graphbuild.dev/id/actor/"


def ontology_dir() -> Path:
    """The bundled ontology: inside the wheel, or the source tree's ``ontology/`` (editable install)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if candidate.is_dir() and any(candidate.glob("*.ttl")):
            return candidate
    raise OntologyError("the bundled ontology folder is missing; reinstall graphbuild")


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
    hardware_nouns: frozenset[str] = frozenset()
    victim_words: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    relational_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    generic_group_nouns: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
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
        self._fuzzy_keys: list[str] | None = None
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
        return _resolve(self, mention.strip(), hint)

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


# --------------------------------------------------------------------------- resolution rules

_QUANTITY = re.compile(
    r"^(?:(?:at least|at most|more than|less than|fewer than|up to|about|around|nearly|almost|some|over|"
    r"several|many|dozens of|hundreds of|thousands of|scores of|a number of|a group of|a few|few|all|both|"
    r"other|another|two other|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|a dozen|dozens|hundreds|thousands)\s+)+", re.IGNORECASE)


def _resolve(onto: Ontology, mention: str, hint: str | None) -> Actor:
    key = normalize(mention)
    if not key:
        return _provisional(onto, mention, hint)
    aid = onto._alias.get(key)
    if aid:
        return onto.actors[aid].ref(mention)
    # "three American soldiers", "at least 38 people": the count is not part of who they are
    bare = _QUANTITY.sub("", mention.strip().removeprefix("the ").removeprefix("The "))
    if bare != mention.strip() and bare:
        key = normalize(bare) or key
        aid = onto._alias.get(key)
        if aid:
            return onto.actors[aid].ref(mention)
    for rule in (_sponsored_group, _facility, _sector, _country_group, _named_group_members, _titled_person,
                 _embedded_name, _fuzzy):
        found = rule(onto, key, bare or mention)
        if found is not None:
            return found.ref(mention) if isinstance(found, ActorInfo) else found
    return _provisional(onto, mention, hint)


def _split_country_prefix(onto: Ontology, words: list[str]) -> tuple[str | None, list[str]]:
    """Longest leading run of words that names a state: ("iraqi", ["security", "forces"])."""
    for n in range(min(4, len(words) - 1), 0, -1):
        iso = onto._state_words.get(" ".join(words[:n]))
        if iso:
            return iso, words[n:]
    return None, words


def _sponsored_group(onto: Ontology, key: str, mention: str):
    """ "Iran-backed militias", "pro-Iran factions", "radical Tehran-aligned groups": a group noun with a
    sponsor gives the sponsored-group actor; "Iran-backed Kataib Hezbollah" names the group itself."""
    lex = onto.lexicon
    words = mention.strip().lower().translate(_DASHES).split()
    for i in range(min(3, len(words))):
        for n in (1, 2):  # the sponsor may be two words: "United States-backed"
            phrase = " ".join(words[i:i + n])
            m = re.fullmatch(r"pro-(?P<pro>.+)|(?P<sp>.+)-(?P<cue>[a-z]+)", phrase)
            if not m or (m["cue"] and m["cue"] not in lex.sponsor_cues):
                continue
            rest = normalize(" ".join(words[i + n:]))
            sponsor_word = normalize(m["pro"] or m["sp"])
            sponsor = onto._state_words.get(sponsor_word) or onto._alias.get(sponsor_word)
            if not rest or not sponsor:
                continue
            tail = rest.split()
            if (" ".join(tail[-2:]) in lex.group_nouns or tail[-1] in lex.group_nouns
                    or lex.sector_nouns.get(tail[-1]) == "Military"):  # "Iran-backed forces"
                return _sponsored(onto, sponsor)
            known = onto._alias.get(rest)
            if known:
                return onto.actors[known]
    return None


def _facility(onto: Ontology, key: str, mention: str):
    """ "US bases", "the US Embassy in Baghdad", "the British embassy in the Yemeni capital, Sanaa": a
    facility noun after a country word is that country's facility; with a place, the curated facility of
    that name and place when there is one."""
    words, place = key.split(), None
    if " in " in f" {key} ":
        head, _, where = key.partition(" in ")
        words = head.split()
        place_words = where.split()
        # "the iraqi capital baghdad" -> "baghdad": the longest ending that is a known city or capital
        place = next((" ".join(place_words[i:]) for i in range(len(place_words))
                      if onto.is_capital(" ".join(place_words[i:]))), where)
    iso, rest = _split_country_prefix(onto, words)
    if not iso or not rest:
        return None
    noun = " ".join(rest)
    fac = next((f for f in (noun, rest[-1], noun.rstrip("s")) if f in onto.lexicon.facility_nouns), None)
    if not fac:
        return None
    singular = re.sub(r"ies$", "y", fac) if fac.endswith("ies") else fac.rstrip("s") if fac.endswith("s") else fac
    plural = fac != singular
    if place:
        for info in onto.actors.values():
            if info.cls == "Facility" and info.country == iso:
                name = normalize(info.label)
                if singular in name.split() and place in name:
                    return info
    adj = onto.adjective(iso)
    label = f"{adj} {fac if plural else singular.title() if place else singular}" + \
        (f" in {place.title()}" if place else "")
    return ActorInfo(stable_id(iso, singular, place or "", plural, prefix=f"{iso}-fac-", length=8),
                     label, "facility", iso, cls="Facility")


def _sector(onto: Ontology, key: str, mention: str):
    words = key.split()
    iso, rest = _split_country_prefix(onto, words)
    if not iso or not rest:
        return None
    lex = onto.lexicon.sector_nouns
    for n in range(len(rest), 0, -1):
        phrase = " ".join(rest[-n:])
        if phrase in lex:
            return onto.derived(iso, lex[phrase])
    return None


def _sponsored(onto: Ontology, sponsor: str) -> ActorInfo:
    sp = onto.actors.get(sponsor)
    return ActorInfo(f"{sponsor}-backed-groups", f"{sp.label if sp else sponsor}-backed armed groups",
                     "armed_group", None, cls="ArmedGroup")


def _country_group(onto: Ontology, key: str, mention: str):
    """"Iran's proxies" -> the groups Iran backs; "Iraqi militias" -> Iraqi armed groups."""
    iso, rest = _split_country_prefix(onto, key.split())
    if not iso or not rest:
        return None
    noun = " ".join(rest)
    if noun in onto.lexicon.proxy_nouns:
        return _sponsored(onto, iso)
    if noun in onto.lexicon.group_nouns or (rest[-1] in onto.lexicon.group_nouns and len(rest) <= 2):
        return ActorInfo(f"{iso}-armed-groups", f"{onto.adjective(iso)} armed groups", "armed_group", iso,
                         cls="ArmedGroup")
    return None


def _named_group_members(onto: Ontology, key: str, mention: str):
    """"Hamas militants", "ISIS fighters": a known group's name followed by a group noun is that group."""
    words = key.split()
    lex = onto.lexicon
    for n in (2, 1):
        if len(words) > n and " ".join(words[-n:]) in lex.group_nouns | set(lex.sector_nouns):
            aid = onto._alias.get(" ".join(words[:-n]))
            if aid and onto.actors[aid].cls not in ("State", "Person"):
                return onto.actors[aid]
    return None


def _titled_person(onto: Ontology, key: str, mention: str):
    for title in onto.lexicon.person_titles:  # longest first
        if key.startswith(title + " "):
            rest = key[len(title) + 1:]
            aid = onto._alias.get(rest)
            if aid:
                return onto.actors[aid]
    return None


def _embedded_name(onto: Ontology, key: str, mention: str):
    """A known multi-word name inside a longer mention: "the powerful Kataib Hezbollah militia"."""
    words = key.split()
    for n in range(min(len(words) - 1, onto._max_alias_words), 1, -1):
        for i in range(len(words) - n + 1):
            aid = onto._alias.get(" ".join(words[i:i + n]))
            if aid:
                return onto.actors[aid]
    return None


def _fuzzy(onto: Ontology, key: str, mention: str):
    if len(key) < 6:
        return None
    from rapidfuzz import fuzz, process, utils  # imported lazily: only spelling variants need it

    if onto._fuzzy_keys is None:
        onto._fuzzy_keys = [k for k in onto._alias if len(k) >= 6]
    hit = process.extractOne(key, onto._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=90,
                             processor=utils.default_process)
    if hit:
        return onto.actors[onto._alias[hit[0]]]
    return None


_HINT_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "unknown", "FAC": "facility"}


def _provisional(onto: Ontology, mention: str, hint: str | None) -> Actor:
    """An unknown name or description, kept with a stable id. Its kind comes from its head noun where the
    lexicons know it ("gunmen" armed group, "civilians", "the air base" facility), else from the NER label."""
    text = mention.strip()
    label = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE) or text
    return Actor(id="x-" + slug(label)[:48], label=label, kind=_head_kind(onto, label) or
                 _HINT_KIND.get(hint or "", "unknown"), country=None, mention=text, resolved=False)


def _head_kind(onto: Ontology, label: str) -> str | None:
    words = normalize(label).split()
    lex = onto.lexicon
    for n in (2, 1):
        if len(words) < n:
            continue
        tail = " ".join(words[-n:])
        if tail in lex.group_nouns or tail in lex.proxy_nouns:
            return "armed_group"
        if tail in lex.facility_nouns:
            return "facility"
        if tail in lex.sector_nouns:
            cls = lex.sector_nouns[tail]
            return "civilians" if cls == "Civilians" else onto.kind_of_class.get(CEKG[cls], "government")
    return None


# --------------------------------------------------------------------------- loading

def _parse(graph: Graph, path: Path) -> None:
    try:
        graph.parse(path, format="turtle")
    except Exception as e:  # rdflib raises several parser exception types
        line = None
        m = re.search(r"line (\d+)", str(e))
        if m:
            line = int(m[1])
        msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise OntologyError(f"not valid Turtle: {msg}", path=path, line=line) from None


def _declared(graph: Graph) -> frozenset[str]:
    """The local names of the ``cekg:`` terms a graph declares (every one has an ``rdf:type``)."""
    ns = str(CEKG._NS)
    return frozenset(str(s)[len(ns):] for s in graph.subjects(RDF.type, None) if str(s).startswith(ns))


def _line_of(path: Path, graph: Graph, iri: str) -> int | None:
    """The first line of ``path`` that writes ``iri``, prefixed or in full: rdflib keeps no line numbers."""
    forms = [re.escape(f"<{iri}>")]
    for prefix, ns in graph.namespaces():
        if iri.startswith(str(ns)) and prefix:
            forms.append(r"(?<![\w:.-])" + re.escape(f"{prefix}:{iri[len(str(ns)):]}") + r"(?![\w-])")
    pattern = re.compile("|".join(forms))
    for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if pattern.search(line.split("#", 1)[0] if line.lstrip().startswith("#") else line):
            return n
    return None


def check_terms(graph: Graph, path: Path, declared: frozenset[str]) -> None:
    """Refuse a file that uses a ``cekg:`` term the vocabulary does not declare (a typo such as
    ``cekg:contry`` or ``a cekg:Armedgroup`` would otherwise load silently), or a kind, event type or
    modality outside the closed enumerations of events.jsonl."""
    import difflib

    ns = str(CEKG._NS)
    used = sorted({str(x) for triple in graph for x in triple
                   if isinstance(x, URIRef) and str(x).startswith(ns) and str(x) != ns})
    for iri in used:
        local = iri[len(ns):]
        if local not in declared:
            near = difflib.get_close_matches(local, declared, n=1)
            hint = f"; did you mean cekg:{near[0]}?" if near else ""
            raise OntologyError(f"cekg:{local} is not a term of the graphbuild vocabulary (ontology/vocab.ttl)"
                                f"{hint}", path=path, line=_line_of(path, graph, iri))
    for cls, code in graph.subject_objects(CEKG.kindCode):
        if str(code) not in KINDS:
            raise OntologyError(f"kind code {str(code)!r} is not one of {', '.join(KINDS)}", path=path,
                                line=_line_of(path, graph, str(cls)))
    for etype in graph.subjects(RDFS.subClassOf, CEKG.Event):
        if str(etype).rsplit("#", 1)[-1] not in EVENT_TYPES:
            raise OntologyError(f"event class {etype} is not a PLOVER type ({', '.join(EVENT_TYPES)})",
                                path=path, line=_line_of(path, graph, str(etype)))


def load_ontology(extra: Iterable[str | Path] = (), base: Path | None = None) -> Ontology:
    """The bundled ontology plus ``extra`` Turtle files (later files add and override). A user file may use
    only the terms of the bundled vocabulary: anything else is refused with its file and line."""
    folder = base or ontology_dir()
    files = sorted(folder.glob("*.ttl"))
    graph = Graph()
    for f in files:
        _parse(graph, f)
    declared = _declared(graph)
    overrides: list[Path] = []
    for x in extra:
        p = Path(x)
        if not p.is_file():
            raise OntologyError("no such ontology file", path=p)
        g2 = Graph()
        _parse(g2, p)
        check_terms(g2, p, declared)
        # A user file overrides labels and kinds of the actors it names.
        for s in set(g2.subjects(SKOS.prefLabel, None)):
            graph.remove((s, SKOS.prefLabel, None))
        for s in set(g2.subjects(RDF.type, None)):
            graph.remove((s, RDF.type, None))
        graph += g2
        overrides.append(p)
    return Ontology(graph, [*files, *overrides])
