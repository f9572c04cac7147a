"""RDF nodes two standards share: an organisation, a theme, a place, a period."""
from __future__ import annotations

import datetime as dt

from django.utils import timezone
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, RDF, SKOS, XSD

from randwijzer.catalogue.models import Partner, PartnerKind, Territory, Theme

from . import identifiers
from .vocab import ADMS, M8G

# Partners set up by a government (agency, province, their companies, an intercommunale):
# m8g:PublicOrganisation. The others (vzw, media, networks) are organisations only.
PUBLIC_KINDS = {PartnerKind.AGENTSCHAP, PartnerKind.EVA, PartnerKind.PROVINCIE, PartnerKind.PROVINCIEBEDRIJF,
                PartnerKind.INTERCOMMUNALE}


def nl(text: str) -> Literal:
    return Literal(text, lang="nl")


def is_public(partner: Partner) -> bool:
    return partner.kind in PUBLIC_KINDS


def add_identifier(graph: Graph, node: URIRef, owner_iri: str, notation: str) -> None:
    identifier = URIRef(identifiers.part_iri(owner_iri, "identificator"))
    graph.add((node, ADMS.identifier, identifier))
    graph.add((identifier, RDF.type, ADMS.Identifier))
    graph.add((identifier, SKOS.notation, Literal(notation)))


def add_organisation(graph: Graph, partner: Partner) -> URIRef:
    node = URIRef(identifiers.partner_iri(partner.pk))
    graph.add((node, RDF.type, ORG.Organization))
    if is_public(partner):
        graph.add((node, RDF.type, M8G.PublicOrganisation))
    graph.add((node, SKOS.prefLabel, nl(partner.name)))
    graph.add((node, DCTERMS.identifier, Literal(partner.pk)))
    add_identifier(graph, node, str(node), partner.pk)
    graph.add((node, DCTERMS.spatial, add_territory(graph, partner.territory)))
    return node


def add_territory(graph: Graph, territory: Territory) -> URIRef:
    node = URIRef(identifiers.absolute(f"/id/werkingsgebied/{territory.pk}"))
    graph.add((node, RDF.type, DCTERMS.Location))
    graph.add((node, SKOS.prefLabel, nl(territory.name)))
    return node


def add_theme(graph: Graph, theme: Theme) -> URIRef:
    node = URIRef(identifiers.absolute(f"/id/thema/{theme.pk}"))
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, nl(theme.label)))
    return node


def add_concept(graph: Graph, iri: str, label: str) -> URIRef:
    node = URIRef(iri)
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, nl(label)))
    return node


def add_period(graph: Graph, iri: str, start: dt.date, end: dt.date) -> URIRef:
    """A period of whole days: from the first day's start to the last day's end (the site's time zone,
    TIME_ZONE: Brussels)."""
    node = URIRef(iri)
    graph.add((node, RDF.type, M8G.PeriodOfTime))
    brussels = timezone.get_default_timezone()
    first = dt.datetime.combine(start, dt.time.min, tzinfo=brussels)
    last = dt.datetime.combine(end, dt.time(23, 59, 59), tzinfo=brussels)
    graph.add((node, M8G.startTime, Literal(first.isoformat(), datatype=XSD.dateTime)))
    graph.add((node, M8G.endTime, Literal(last.isoformat(), datatype=XSD.dateTime)))
    return node
