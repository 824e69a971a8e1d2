"""RDF namespaces. The cekg vocabulary is closed: an undeclared term fails at import (rdflib DefinedNamespace)."""

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, URIRef

DEFAULT_BASE = "https://graphbuild.dev/id/"

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
PLOVER = Namespace("https://graphbuild.dev/ns/plover#")
ACTOR = Namespace(DEFAULT_BASE + "actor/")


class CEKG(DefinedNamespace):
    """The graphbuild conflict-event vocabulary (ontology/vocab.ttl)."""

    _fail = True
    _NS = Namespace("https://graphbuild.dev/ns/cekg#")

    # classes
    Actor: URIRef
    State: URIRef
    Government: URIRef
    Military: URIRef
    Police: URIRef
    Intelligence: URIRef
    Diplomats: URIRef
    ArmedGroup: URIRef
    Person: URIRef
    Organisation: URIRef
    IntergovernmentalOrganisation: URIRef
    Facility: URIRef
    Civilians: URIRef
    NewsAgency: URIRef
    Event: URIRef
    Modality: URIRef
    Mode: URIRef
    Mention: URIRef
    # properties
    actor: URIRef
    target: URIRef
    country: URIRef
    iso3: URIRef
    iso2: URIRef
    demonym: URIRef
    capital: URIRef
    metonym: URIRef
    memberOf: URIRef
    partOf: URIRef
    backedBy: URIRef
    alliedWith: URIRef
    leader: URIRef
    title: URIRef
    ownedBy: URIRef
    institutionOf: URIRef
    kindCode: URIRef
    evidence: URIRef
    modality: URIRef
    mode: URIRef
    confidence: URIRef
    mentionCount: URIRef
    cameoRoot: URIRef
    verbTrigger: URIRef
    nounTrigger: URIRef
    trigger: URIRef
    modeOf: URIRef
    sectorNoun: URIRef
    groupNoun: URIRef
    facilityNoun: URIRef
    sponsorCue: URIRef
    proxyNoun: URIRef
    lightVerb: URIRef
    reportingVerb: URIRef
    namingVerb: URIRef
    victimWord: URIRef
    hardwareNoun: URIRef
    eventNoun: URIRef
    relationalNoun: URIRef
    collectiveNoun: URIRef
    genericGroupNoun: URIRef
    harmNoun: URIRef
    territoryWord: URIRef
    formationNoun: URIRef
    haltVerb: URIRef
    warNoun: URIRef
    wagingVerb: URIRef
    wreckingVerb: URIRef
    civilWord: URIRef
    civilHardwareNoun: URIRef
    seriesNoun: URIRef
    receivingVerb: URIRef
    attackerNoun: URIRef
    nonEventGerund: URIRef
    unnamedNoun: URIRef
    describingVerb: URIRef
    personNoun: URIRef
    affiliationNoun: URIRef
    searchVerb: URIRef
    settlementNoun: URIRef
    placeNoun: URIRef
    oathNoun: URIRef
    oneSided: URIRef
    meansOf: URIRef
    suspectVerb: URIRef
    arrestNoun: URIRef
    perpetratorNoun: URIRef
    participationNoun: URIRef
    buildingPart: URIRef
    groundNoun: URIRef
    fatalityWord: URIRef
    injuryWord: URIRef
    fatalities: URIRef
    injured: URIRef
    dateSource: URIRef
    personTitle: URIRef
    cue: URIRef
    attributedTo: URIRef
    docId: URIRef
    sentence: URIRef
    hasMention: URIRef
    actionText: URIRef
    actionLemma: URIRef
    # the direct actor-action-target triple: one property per PLOVER type (lower case)
    assault: URIRef
    fight: URIRef
    threaten: URIRef
    accuse: URIRef
    request: URIRef
    sanction: URIRef
    coerce: URIRef
    protest: URIRef
    mobilize: URIRef
    aid: URIRef
    agree: URIRef
    consult: URIRef
    support: URIRef
    concede: URIRef
    cooperate: URIRef
    retreat: URIRef
    reject: URIRef
    # modality individuals
    asserted: URIRef
    claimed: URIRef
    alleged: URIRef
    threatened: URIRef
    hypothetical: URIRef
    negated: URIRef
    denied: URIRef
