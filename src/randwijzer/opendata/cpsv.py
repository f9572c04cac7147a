"""Partners and their services in CPSV-AP 3.2.0: each partner an organisation (a public
organisation when a government set it up), each service a `cpsv:PublicService`.

Field by field in docs/open-data.md. A partner that is no public organisation cannot be a
service's competent authority in CPSV-AP: its services name it as provider (a participation)
and leave the competent authority out, which the shapes report as a missing value (listed in
docs/open-data.md), as they do for a service without a description.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF

from randwijzer.catalogue.models import Partner, Service

from . import identifiers, records
from .common_rdf import add_concept, add_organisation, add_territory, add_theme, is_public, nl
from .vocab import CPSV, M8G, new_graph

CHANNELS = {"website": "Website", "e-mail": "E-mail"}


def graph(partner_id: str | None = None) -> Graph:
    found = new_graph()
    for partner in records.partners(partner_id):
        add_partner(found, partner)
    return found


def add_partner(graph: Graph, partner: Partner) -> URIRef:
    organisation = add_organisation(graph, partner)
    graph.add((organisation, RDF.type, FOAF.Agent))  # a participant in CPSV-AP is an agent
    graph.add((organisation, DCTERMS.title, nl(partner.name)))
    website = identifiers.web_page(partner.website)
    if website:
        graph.add((organisation, FOAF.homepage, URIRef(website)))
    if partner.summary:
        graph.add((organisation, DCTERMS.description, nl(partner.summary)))
    contact = add_contact_point(graph, partner)
    channels = add_channels(graph, partner, organisation)
    for service in partner.services.all():
        add_service(graph, partner, organisation, service, contact, channels)
    return organisation


def add_contact_point(graph: Graph, partner: Partner) -> URIRef | None:
    website = identifiers.web_page(partner.website)
    if not partner.email and not website:
        return None
    node = URIRef(identifiers.part_iri(identifiers.partner_iri(partner.pk), "contactpunt"))
    graph.add((node, RDF.type, M8G.ContactPoint))
    if partner.email:
        graph.add((node, M8G.email, Literal(partner.email)))
    if website:
        page = URIRef(website)
        graph.add((page, RDF.type, FOAF.Document))
        graph.add((node, M8G.contactPage, page))
    return node


def add_channels(graph: Graph, partner: Partner, organisation: URIRef) -> list[URIRef]:
    found = []
    for kind, address in (("website", partner.website), ("e-mail", partner.email)):
        if not address:
            continue
        node = URIRef(identifiers.part_iri(str(organisation), "kanaal", kind))
        graph.add((node, RDF.type, M8G.Channel))
        graph.add((node, DCTERMS.identifier, Literal(f"{partner.pk}/{kind}")))
        graph.add((node, DCTERMS.type, add_concept(graph, identifiers.absolute(f"/id/kanaal/{kind}"), CHANNELS[kind])))
        graph.add((node, DCTERMS.description, nl(f"{CHANNELS[kind]}: {address}")))
        graph.add((node, M8G.ownedBy, organisation))
        found.append(node)
    return found


def add_service(graph: Graph, partner: Partner, organisation: URIRef, service: Service,
                contact: URIRef | None, channels: list[URIRef]) -> URIRef:
    node = URIRef(identifiers.service_iri(partner.pk, service.position))
    graph.add((node, RDF.type, CPSV.PublicService))
    graph.add((node, DCTERMS.identifier, Literal(f"{partner.pk}/dienst/{service.position}")))
    graph.add((node, DCTERMS.title, nl(service.title)))
    if service.description:
        graph.add((node, DCTERMS.description, nl(service.description)))
    if is_public(partner):
        graph.add((node, M8G.hasCompetentAuthority, organisation))
    else:
        add_provider(graph, node, organisation, partner)
    for audience in service.audiences.all():
        graph.add((node, DCTERMS.audience,
                   add_concept(graph, identifiers.absolute(f"/id/aanvrager/{audience.pk}"), audience.label)))
    for theme in service.themes.all():
        graph.add((node, M8G.thematicArea, add_theme(graph, theme)))
    graph.add((node, DCTERMS.spatial, add_territory(graph, partner.territory)))
    if contact is not None:
        graph.add((node, M8G.contactPoint, contact))
    for channel in channels:
        graph.add((node, M8G.hasChannel, channel))
    return node


def add_provider(graph: Graph, service: URIRef, organisation: URIRef, partner: Partner) -> None:
    participation = URIRef(f"{service}/aanbieder")
    graph.add((participation, RDF.type, M8G.Participation))
    graph.add((participation, DCTERMS.identifier, Literal(f"{partner.pk}/aanbieder")))
    graph.add((participation, DCTERMS.description, nl(f"{partner.name} biedt deze dienst aan.")))
    graph.add((participation, M8G.role, add_concept(graph, identifiers.absolute("/id/rol/aanbieder"), "Aanbieder")))
    graph.add((participation, M8G.hasParticipant, organisation))
    graph.add((organisation, M8G.participates, participation))
    graph.add((service, M8G.hasParticipation, participation))
