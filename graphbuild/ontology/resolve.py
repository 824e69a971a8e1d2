"""Resolution of an actor mention to a canonical actor, rule by rule (first hit wins): exact alias ->
normalized alias -> sponsored group ("Iran-backed militias") -> facility ("US bases", "the US Embassy in
Baghdad") -> sector of a country ("Iraqi security forces") -> country group -> a known group with a group noun
-> person with title -> a known name inside the mention -> fuzzy alias -> provisional actor."""

from __future__ import annotations

import re

from rdflib import URIRef

from ..namespaces import CEKG
from ..records import Actor, stable_id
from ..text import _DASHES, normalize, slug
from .index import ACTOR_NS, ActorInfo, Ontology

_QUANTITY = re.compile(
    r"^(?:(?:at least|at most|more than|less than|fewer than|up to|about|around|nearly|almost|some|over|"
    r"several|many|dozens of|hundreds of|thousands of|scores of|a number of|a group of|a few|few|all|both|"
    r"other|another|two other|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|a dozen|dozens|hundreds|thousands)\s+)+", re.IGNORECASE)


def resolve_mention(onto: Ontology, mention: str, hint: str | None) -> Actor:
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
    coded = coded_name(onto, mention)
    if coded is not None:
        return coded
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
    if _machines_of_war(onto, rest):
        return None  # "Russian planes": a country's machines of war are its military (cekg:hardwareNoun, _sector)
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
    if _machines_of_war(onto, rest):
        return onto.derived(iso, "Military")  # "Russian and Syrian government planes": the air forces
    return None


def _machines_of_war(onto: Ontology, rest: list[str]) -> bool:
    """ "planes", "government planes" after a country word: a machine of war (cekg:hardwareNoun), told at most
    with the sector it serves, stands for the country's military."""
    lex = onto.lexicon
    return bool(rest) and rest[-1] in lex.hardware_nouns and all(w in lex.sector_nouns for w in rest[:-1])


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
        tail = " ".join(words[-n:])
        if len(words) > n and (tail in lex.group_nouns or tail in lex.sector_nouns):  # no union built per call
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

    if onto._fuzzy_keys is None:  # the aliases processed once, not on every call
        keys = [k for k in onto._alias if len(k) >= 6]
        onto._fuzzy_keys = keys, [utils.default_process(k) for k in keys], {}
    keys, processed, by_length = onto._fuzzy_keys
    query = utils.default_process(key)
    n = len(query)
    if n not in by_length:  # once per length of query
        # a ratio of 90 needs lengths within a tenth of their sum (the distance is at least their difference):
        # only those aliases, in their order, can match; the others score below the cutoff anyway
        near = [i for i, m in enumerate(map(len, processed)) if abs(m - n) <= 0.1 * (m + n) + 1]
        by_length[n] = near, [processed[i] for i in near]
    near, choices = by_length[n]
    hit = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=90, processor=None)
    if hit:
        return onto.actors[onto._alias[keys[near[hit[2]]]]]
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


# ---------------------------------------------------------------- the actor names of coded event data
_YEARS = re.compile(r"\s*\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)\s*$")          # "(2022-)", "(1991-2000)"
_QUALIFIED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<q>[^()]+)\)$")       # "Civilians (Mali)"
_OF_COUNTRY = re.compile(r"^(?P<name>.+?)\s+of\s+(?P<q>.+)$", re.IGNORECASE)  # "Police Forces of Kenya"
_ACRONYM = re.compile(r"^(?P<acr>[A-Z][A-Za-z0-9'-]{1,11}):\s*(?P<full>.+)$")  # "JNIM: Group for Support ..."
_UNIDENTIFIED = {"unidentified armed group", "unidentified armed groups", "unknown armed group", "unidentified gunmen"}


def coded_name(onto: Ontology, mention: str) -> Actor | None:
    """An actor written the way coded event data names actors, which analysts join against:
    "Military Forces of Somalia (2022-)", "Police Forces of Kenya", "Civilians (Mali)", "Protesters (Iraq)",
    "Unidentified Armed Group (Nigeria)", "JNIM: Group for Support of Islam and Muslims", and a branch of a
    transnational group by its region or country ("Islamic State (Sahel)", "Islamic State (Somalia)").
    None when the mention has none of these forms.

    >>> from graphbuild.ontology import load_ontology
    >>> onto = load_ontology()
    >>> [coded_name(onto, m).id for m in ("Military Forces of Somalia (2022-)", "Civilians (Mali)",
    ...                                    "Islamic State (Somalia)", "Unidentified Armed Group (Nigeria)")]
    ['somali-national-army', 'MLI-civilians', 'islamic-state-somalia', 'NGA-unidentified-armed-group']
    >>> coded_name(onto, "the rebels") is None
    True
    """
    text = _YEARS.sub("", mention.strip())
    if m := _ACRONYM.match(text):
        for part in (m["full"], m["acr"]):
            aid = onto._alias.get(normalize(part))
            if aid:
                return onto.actors[aid].ref(mention)
        return None
    m = _QUALIFIED.match(text)
    if m is None:
        of = _OF_COUNTRY.match(text)
        m = of if of is not None and onto.state_of(of["q"]) else None  # "Forces of Kenya", not "leaders of X"
    if m is None:
        return None
    name, q = m["name"].strip(), m["q"].strip()
    for joined in (f"{name} {q}", f"{name} in {q}", f"{name} in the {q}", f"{name} {q} Province"):
        aid = onto._alias.get(normalize(joined))
        if aid:
            return onto.actors[aid].ref(mention)
    iso = onto.state_of(q)
    core = onto._alias.get(normalize(name))
    if core and iso:  # "Islamic State (Mozambique)": the core's branch in that country
        parent = URIRef(ACTOR_NS + core)
        branches = [a for a in onto.actors.values() if a.country == iso and
                    (URIRef(ACTOR_NS + a.id), CEKG.partOf, parent) in onto.graph]
        if len(branches) == 1:
            return branches[0].ref(mention)
    if iso is None:
        return onto.actors[core].ref(mention) if core else None
    key = normalize(name)
    if key in _UNIDENTIFIED:
        return Actor(f"{iso}-unidentified-armed-group", f"Unidentified armed group ({onto.actors[iso].label})",
                     "armed_group", iso, mention=mention, resolved=True)
    found = _sector(onto, normalize(f"{q} {name}"), mention) or \
        _sector(onto, normalize(f"{q} {key.split()[-1]}"), mention)  # "Military Forces": "forces"
    if found is not None:
        return found.ref(mention)
    if core:
        return onto.actors[core].ref(mention)
    kind = _head_kind(onto, name)
    if kind is None:
        return None
    return Actor(f"{iso}-{slug(name)[:40]}", f"{name} ({onto.actors[iso].label})", kind, iso, mention=mention,
                 resolved=True)
