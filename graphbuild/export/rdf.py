"""RDF export (DESIGN.md, RDF model): merged events as n-ary ``sem:Event`` nodes with provenance, each mention
as a ``cekg:Mention``, the direct ``actor cekg:<type> target`` triple beside each event reported as having happened
(asserted, claimed or alleged), and the actors with their ontology facts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from ..graph import MergedEvent
from ..namespaces import CEKG, DEFAULT_BASE, PLOVER, SCHEMA, SEM
from ..ontology import ACTOR_NS, Ontology
from ..records import HAPPENED, KIND_TABLE, Actor, Affiliation, Document, Place, stable_id
from ..text import slug
from .files import atomic_write

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
_ACTOR_FACTS = (RDF.type, SKOS.prefLabel, SKOS.altLabel, CEKG.country, CEKG.iso3, CEKG.memberOf, CEKG.partOf,
                CEKG.backedBy, CEKG.alliedWith, CEKG.institutionOf, CEKG.ownedBy, CEKG.leader, CEKG.title,
                OWL.sameAs)


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes of the exported graph (also the default prefixes of SPARQL queries)."""
    base = base if base.endswith(("/", "#")) else base + "/"
    return {"cekg": str(CEKG._NS), "plover": str(PLOVER), "sem": str(SEM), "schema": str(SCHEMA),
            "prov": str(PROV), "skos": str(SKOS), "owl": str(OWL), "rdf": str(RDF), "rdfs": str(RDFS),
            "xsd": str(XSD), "actor": base + "actor/", "event": base + "event/", "mention": base + "mention/",
            "article": base + "article/", "place": base + "place/"}


class _Iris:
    def __init__(self, base: str):
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.ns = Namespace(self.base)

    def of(self, kind: str, local: str) -> URIRef:
        return self.ns[f"{kind}/{quote(local, safe='-_.~')}"]

    def rebase(self, node):
        """Ontology actor IRIs follow the user's base namespace too."""
        if isinstance(node, URIRef) and str(node).startswith(ACTOR_NS) and self.base != DEFAULT_BASE:
            return URIRef(self.base + "actor/" + str(node)[len(ACTOR_NS):])
        return node


class _Triples:
    """Collects triples with ``add`` (as a Graph would) until :meth:`drain` hands them over: the writers stream
    per event instead of holding the graph of everything."""

    def __init__(self):
        self.buffer: list[tuple] = []

    def add(self, triple: tuple) -> None:
        self.buffer.append(triple)

    def drain(self) -> list[tuple]:
        # an event's mentions repeat its article and, often, its sentence: each triple once per batch
        out, self.buffer = list(dict.fromkeys(self.buffer)), []
        return out


def to_rdf(merged: Sequence[MergedEvent], ontology: Ontology, documents: Mapping[str, Document] | None = None,
           affiliations: Iterable[Affiliation] = (), base: str = DEFAULT_BASE) -> Graph:
    """The graph of ``merged`` as an rdflib Graph (for tests and small graphs; a build streams
    :func:`triples` instead)."""
    g = Graph()
    for prefix, ns in prefixes(base).items():
        g.bind(prefix, ns, override=True)
    for t in triples(merged, ontology, documents, affiliations, base):
        g.add(t)
    return g


def triples(merged: Iterable[MergedEvent], ontology: Ontology, documents: Mapping[str, Document] | None = None,
            affiliations: Iterable[Affiliation] = (), base: str = DEFAULT_BASE) -> Iterator[tuple]:
    """The triples of ``merged``, event by event: one ``sem:Event`` node per event with its provenance
    (``prov:wasDerivedFrom`` each article, ``cekg:evidence`` each sentence, ``cekg:hasMention`` each report),
    the direct ``actor cekg:<type> target`` triple, then the articles, and every actor with its ontology facts.
    Only the actors, articles and places seen so far are held (to write each once)."""
    iris = _Iris(base)
    g = _Triples()
    places: set[Place] = set()
    documents = documents or {}
    # events.jsonl names a mode by its label ("ground assault"); the graph links the ontology's mode individual
    modes = {str(label).lower(): m for m in ontology.graph.subjects(RDF.type, CEKG.Mode)
             for label in ontology.graph.objects(m, RDFS.label)}
    actors: dict[str, Actor] = {}
    articles: set[str] = set()
    for ev in merged:
        node = iris.of("event", ev.event_id)
        g.add((node, RDF.type, SEM.Event))
        g.add((node, RDF.type, PLOVER[ev.event_type]))
        g.add((node, RDFS.label, Literal(_event_label(ev))))
        g.add((node, CEKG.modality, CEKG[ev.modality]))
        g.add((node, CEKG.confidence, Literal(round(float(ev.confidence), 3), datatype=XSD.double)))
        g.add((node, CEKG.mentionCount, Literal(ev.mention_count, datatype=XSD.integer)))
        g.add((node, CEKG.actionLemma, Literal(ev.first.action_lemma)))
        if ev.mode:
            g.add((node, CEKG.mode, modes.get(ev.mode.lower()) or PLOVER[f"mode-{slug(ev.mode)}"]))
        if ev.cameo:
            g.add((node, CEKG.cameoRoot, Literal(ev.cameo)))
        if ev.date:
            g.add((node, SEM.hasTimeStamp, Literal(ev.date, datatype=XSD.date)))
        for prop, count in ((CEKG.fatalities, ev.fatalities), (CEKG.injured, ev.injured)):
            if count is not None:  # the largest report of the merged mentions
                g.add((node, prop, Literal(count, datatype=XSD.nonNegativeInteger)))
        if ev.place:
            g.add((node, SEM.hasPlace, _place(g, iris, ev.place, ev.place not in places)))
            places.add(ev.place)
            if ev.place.country in ontology.actors:
                actors.setdefault(ev.place.country, ontology.actors[ev.place.country].ref())
        for role, side in ((CEKG.actor, ev.actor), (CEKG.target, ev.target)):
            if side is not None:
                g.add((node, role, iris.of("actor", side.id)))
                actors.setdefault(side.id, side)
        if ev.actor is not None and ev.target is not None and ev.modality in HAPPENED:
            # the direct triple, so "who did what to whom" is one triple pattern; not for threats,
            # hypotheses, denials or negations, which are not reports that it happened
            g.add((iris.of("actor", ev.actor.id), CEKG[ev.event_type.lower()], iris.of("actor", ev.target.id)))
        for m in ev.mentions:
            article = iris.of("article", m.doc_id)
            articles.add(m.doc_id)
            g.add((node, PROV.wasDerivedFrom, article))
            g.add((node, CEKG.evidence, Literal(m.sentence)))
            mnode = iris.of("mention", m.id)
            g.add((node, CEKG.hasMention, mnode))
            g.add((mnode, RDF.type, CEKG.Mention))
            g.add((mnode, PROV.wasDerivedFrom, article))
            g.add((mnode, CEKG.docId, Literal(m.doc_id)))
            g.add((mnode, CEKG.evidence, Literal(m.sentence)))
            g.add((mnode, CEKG.actionText, Literal(m.action_text)))
            g.add((mnode, CEKG.modality, CEKG[m.modality]))
            # rounded as in events.jsonl: Turtle writes doubles short, so 0.6000000000000001 would not round-trip
            g.add((mnode, CEKG.confidence, Literal(round(float(m.confidence), 3), datatype=XSD.double)))
            if m.attributed_to:
                g.add((mnode, CEKG.attributedTo, Literal(m.attributed_to)))
            if m.date_source:
                g.add((mnode, CEKG.dateSource, Literal(m.date_source)))
            for prop, count in ((CEKG.fatalities, m.fatalities), (CEKG.injured, m.injured)):
                if count is not None:
                    g.add((mnode, prop, Literal(count, datatype=XSD.nonNegativeInteger)))
        yield from g.drain()
    for doc_id in sorted(articles):
        _article(g, iris, doc_id, documents.get(doc_id))
    for aff in affiliations:
        _affiliation(g, iris, aff)
        if aff.doc_id not in articles:
            articles.add(aff.doc_id)
            _article(g, iris, aff.doc_id, documents.get(aff.doc_id))
        for side in (aff.subject, aff.object):
            actors.setdefault(side.id, side)
    _actors(g, iris, actors, ontology)
    yield from g.drain()


def _affiliation(g: _Triples, iris: _Iris, aff: Affiliation) -> None:
    """An affiliation read from text: the direct triple, and a reified statement carrying its evidence, so it
    stands beside the curated affiliations and can be told apart from them."""
    s, p, o = iris.of("actor", aff.subject.id), CEKG[aff.relation], iris.of("actor", aff.object.id)
    g.add((s, p, o))
    node = iris.of("affiliation", stable_id(aff.subject.id, aff.relation, aff.object.id, aff.doc_id, aff.sentence))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, CEKG.evidence, Literal(aff.sentence)))
    g.add((node, PROV.wasDerivedFrom, iris.of("article", aff.doc_id)))


def _event_label(ev: MergedEvent) -> str:
    actor = ev.actor.label if ev.actor else "unidentified actor"
    target = ev.target.label if ev.target else "unidentified target"
    notes = [x for x in (ev.date, None if ev.modality == "asserted" else ev.modality) if x]
    return f"{actor} {ev.event_type} {target}" + (f" ({', '.join(notes)})" if notes else "")


def _place(g: _Triples, iris: _Iris, place: Place, new: bool = True) -> URIRef:
    node = iris.of("place", slug(place.label) + (f"-{place.country}" if place.country else ""))
    if not new:
        return node
    g.add((node, RDF.type, SEM.Place))
    g.add((node, RDFS.label, Literal(place.label)))
    if place.country:
        # schema:containedInPlace, not cekg:country: that one's domain is cekg:Actor
        g.add((node, SCHEMA.containedInPlace, iris.of("actor", place.country)))
    if place.lat is not None and place.lon is not None:
        g.add((node, SCHEMA.latitude, Literal(float(place.lat), datatype=XSD.double)))
        g.add((node, SCHEMA.longitude, Literal(float(place.lon), datatype=XSD.double)))
    return node


def _article(g: _Triples, iris: _Iris, doc_id: str, doc: Document | None) -> None:
    node = iris.of("article", doc_id)
    g.add((node, RDF.type, SCHEMA.NewsArticle))
    g.add((node, SCHEMA.identifier, Literal(doc_id)))
    if doc is None:
        return
    if doc.title:
        g.add((node, SCHEMA.headline, Literal(doc.title)))
    if doc.url:
        g.add((node, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))
    if doc.published:
        g.add((node, SCHEMA.datePublished, Literal(doc.published.isoformat(), datatype=XSD.date)))
    if doc.source:
        g.add((node, SCHEMA.publisher, Literal(doc.source)))


def _actors(g: _Triples, iris: _Iris, actors: Mapping[str, Actor], ontology: Ontology) -> None:
    onto = ontology.graph
    pending = dict(actors)
    done: set[str] = set()
    while pending:
        aid, actor = pending.popitem()
        if aid in done:
            continue
        done.add(aid)
        node = iris.of("actor", aid)
        src = URIRef(ACTOR_NS + aid)
        if (src, SKOS.prefLabel, None) in onto:
            for p in _ACTOR_FACTS:
                for o in onto.objects(src, p):
                    o = iris.rebase(o)
                    g.add((node, p, o))
                    # a country or affiliate named here gets its own label and kind too
                    if isinstance(o, URIRef) and str(o).startswith(iris.base + "actor/") and p != RDF.type:
                        other = str(o)[len(iris.base + "actor/"):]
                        if other not in done and other in ontology.actors:
                            pending.setdefault(other, ontology.actors[other].ref())
        else:
            g.add((node, RDF.type, CEKG[KIND_TABLE[actor.kind].cls]))
            g.add((node, SKOS.prefLabel, Literal(actor.label)))
            for rel, other in ontology.links(actor):  # a sponsored group's sponsor, a facility's owner
                g.add((node, CEKG[rel], iris.of("actor", other)))
                if other not in done and other in ontology.actors:
                    pending.setdefault(other, ontology.actors[other].ref())
            if actor.country:
                g.add((node, CEKG.country, iris.of("actor", actor.country)))
                if actor.country not in done and actor.country in ontology.actors:
                    pending.setdefault(actor.country, ontology.actors[actor.country].ref())
        g.add((node, RDF.type, CEKG.Actor))


def write_rdf(graph: Graph, path: str | Path) -> None:
    """Serialize to the format named by the suffix (.ttl, .nt, .jsonld)."""
    fmt = FORMATS[Path(path).suffix]
    data = graph.serialize(format=fmt, **({"auto_compact": True} if fmt == "json-ld" else {}))
    with atomic_write(path) as fh:
        fh.write(data)


# --------------------------------------------------------------------------- streaming through the store

def _ox_term(term):
    """An rdflib term as a pyoxigraph one (lexical form, datatype and language kept as they are)."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.BlankNode(str(term))


def write_ntriples(triples: Iterable[tuple], path: str | Path) -> None:
    """Write ``triples`` (rdflib terms) as N-Triples, as they come: nothing but the current triple is held."""
    import pyoxigraph as ox

    stream = (ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in triples)
    with atomic_write(path, "wb") as fh:
        ox.serialize(stream, fh, format=ox.RdfFormat.N_TRIPLES)


def convert(source: str | Path, path: str | Path, base: str = DEFAULT_BASE) -> None:
    """Re-serialize the N-Triples file ``source`` to Turtle or JSON-LD (by the suffix of ``path``), with the
    prefixes of :func:`prefixes`, as a stream through Oxigraph (many times faster than rdflib, nothing held).
    Not dumped from the store: the store keeps ``xsd:nonNegativeInteger`` values as ``xsd:integer``, which
    the SHACL shapes refuse."""
    import pyoxigraph as ox

    fmt = {".ttl": ox.RdfFormat.TURTLE, ".jsonld": ox.RdfFormat.JSON_LD, ".nt": ox.RdfFormat.N_TRIPLES}[
        Path(path).suffix]
    with atomic_write(path, "wb") as fh:
        ox.serialize(ox.parse(path=str(source), format=ox.RdfFormat.N_TRIPLES), fh, format=fmt,
                     prefixes=prefixes(base))
