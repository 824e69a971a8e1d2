"""RDF export (DESIGN.md, RDF model): merged events as n-ary ``sem:Event`` nodes with provenance, each mention
as a ``cekg:Mention``, the direct ``actor cekg:<type> target`` triple, and the actors with their ontology facts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, SKOS

from ..graph import MergedEvent
from ..namespaces import CEKG, DEFAULT_BASE, PLOVER, SCHEMA, SEM
from ..ontology import ACTOR_NS, Ontology
from ..records import Actor, Affiliation, Document
from .files import atomic_write

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}
KIND_CLASS = {"state": CEKG.State, "government": CEKG.Government, "military": CEKG.Military,
              "police": CEKG.Police, "armed_group": CEKG.ArmedGroup, "person": CEKG.Person,
              "organisation": CEKG.Organisation, "facility": CEKG.Facility, "civilians": CEKG.Civilians,
              "unknown": CEKG.Actor}
_ACTOR_FACTS = (RDF.type, SKOS.prefLabel, SKOS.altLabel, CEKG.country, CEKG.iso3, CEKG.memberOf, CEKG.partOf,
                CEKG.backedBy, CEKG.alliedWith, CEKG.leader, CEKG.title, OWL.sameAs)


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


def to_rdf(merged: Sequence[MergedEvent], ontology: Ontology, documents: Mapping[str, Document] | None = None,
           affiliations: Iterable[Affiliation] = (), base: str = DEFAULT_BASE) -> Graph:
    iris = _Iris(base)
    g = Graph()
    for prefix, ns in (("cekg", CEKG._NS), ("plover", PLOVER), ("sem", SEM), ("schema", SCHEMA),
                       ("prov", PROV), ("skos", SKOS), ("owl", OWL), ("actor", iris.ns["actor/"]),
                       ("event", iris.ns["event/"]), ("article", iris.ns["article/"])):
        g.bind(prefix, ns, override=True)
    documents = documents or {}
    actors: dict[str, Actor] = {}
    articles: set[str] = set()
    for ev in merged:
        node = iris.of("event", ev.event_id)
        g.add((node, RDF.type, SEM.Event))
        g.add((node, RDF.type, PLOVER[ev.event_type]))
        g.add((node, CEKG.modality, CEKG[ev.modality]))
        g.add((node, CEKG.confidence, Literal(float(ev.confidence), datatype=XSD.double)))
        g.add((node, CEKG.mentionCount, Literal(len(ev.mentions), datatype=XSD.integer)))
        g.add((node, CEKG.actionLemma, Literal(ev.first.action_lemma)))
        if ev.first.mode:
            g.add((node, CEKG.mode, Literal(ev.first.mode)))
        if ev.first.cameo:
            g.add((node, CEKG.cameoRoot, Literal(ev.first.cameo)))
        if ev.date:
            g.add((node, SEM.hasTimeStamp, Literal(ev.date, datatype=XSD.date)))
        if ev.place:
            place = iris.of("place", re.sub(r"[^a-z0-9]+", "-", ev.place.label.lower()).strip("-") or "x")
            g.add((node, SEM.hasPlace, place))
            g.add((place, RDF.type, SEM.Place))
            g.add((place, RDFS.label, Literal(ev.place.label)))
            if ev.place.country:
                g.add((place, CEKG.country, iris.of("actor", ev.place.country)))
        for role, side in ((CEKG.actor, ev.actor), (CEKG.target, ev.target)):
            if side is not None:
                g.add((node, role, iris.of("actor", side.id)))
                actors.setdefault(side.id, side)
        if ev.actor is not None and ev.target is not None:
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
            g.add((mnode, CEKG.evidence, Literal(m.sentence)))
            g.add((mnode, CEKG.actionText, Literal(m.action_text)))
            g.add((mnode, CEKG.modality, CEKG[m.modality]))
            g.add((mnode, CEKG.confidence, Literal(float(m.confidence), datatype=XSD.double)))
            if m.attributed_to:
                g.add((mnode, CEKG.attributedTo, Literal(m.attributed_to)))
    for doc_id in sorted(articles):
        _article(g, iris, doc_id, documents.get(doc_id))
    for aff in affiliations:
        for side in (aff.subject, aff.object):
            actors.setdefault(side.id, side)
        g.add((iris.of("actor", aff.subject.id), CEKG[aff.relation], iris.of("actor", aff.object.id)))
    _actors(g, iris, actors, ontology)
    return g


def _article(g: Graph, iris: _Iris, doc_id: str, doc: Document | None) -> None:
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


def _actors(g: Graph, iris: _Iris, actors: Mapping[str, Actor], ontology: Ontology) -> None:
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
            g.add((node, RDF.type, KIND_CLASS.get(actor.kind, CEKG.Actor)))
            g.add((node, SKOS.prefLabel, Literal(actor.label)))
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
