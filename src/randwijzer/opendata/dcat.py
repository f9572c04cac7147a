"""The catalogue of the published documents in DCAT-AP 3.0.0 (`/open-data/dcat.ttl`)."""
from __future__ import annotations

import datetime as dt

from django.conf import settings
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from randwijzer.catalogue.models import FundingLine, Partner

from . import identifiers, records
from .common_rdf import nl
from .distributions import DATASETS, LICENCE_NAME, LICENCE_URL, of
from .vocab import IANA_MEDIA, new_graph

CATALOGUE_TITLE = "Open data van Randwijzer"
CATALOGUE_DESCRIPTION = ("De steunmaatregelen en partners voor projecten in de Vlaamse Rand uit de catalogus "
                         "van Randwijzer, in de open standaarden OSLO Besluit Subsidies, CPSV-AP en CommonGrants.")
# DCAT-AP needs a publisher: the one the deployment names (RANDWIJZER_PUBLISHER_NAME), else the site itself.
SITE_NAME = "Randwijzer"


def publisher_name() -> str:
    return settings.RANDWIJZER_PUBLISHER_NAME.strip() or SITE_NAME


def modified() -> dict[str, dt.datetime | None]:
    return {"funding": records.last_modified(FundingLine), "partners": records.last_modified(Partner)}


def graph() -> Graph:
    found = new_graph()
    catalogue = URIRef(identifiers.absolute("/open-data/dcat"))
    publisher = URIRef(identifiers.absolute("/id/organisatie/randwijzer"))
    found.add((publisher, RDF.type, FOAF.Agent))
    found.add((publisher, FOAF.name, nl(publisher_name())))
    licence = URIRef(LICENCE_URL)
    found.add((licence, RDF.type, DCTERMS.LicenseDocument))
    found.add((licence, DCTERMS.title, nl(LICENCE_NAME)))
    found.add((catalogue, RDF.type, DCAT.Catalog))
    found.add((catalogue, DCTERMS.title, nl(CATALOGUE_TITLE)))
    found.add((catalogue, DCTERMS.description, nl(CATALOGUE_DESCRIPTION)))
    found.add((catalogue, DCTERMS.publisher, publisher))
    found.add((catalogue, DCTERMS.license, licence))
    homepage = URIRef(identifiers.absolute("/open-data/"))
    found.add((homepage, RDF.type, FOAF.Document))
    found.add((catalogue, FOAF.homepage, homepage))
    changes = modified()
    for dataset in DATASETS:
        node = URIRef(identifiers.absolute(f"/open-data/dataset/{dataset.key}"))
        found.add((catalogue, DCAT.dataset, node))
        found.add((node, RDF.type, DCAT.Dataset))
        found.add((node, DCTERMS.title, nl(dataset.title)))
        found.add((node, DCTERMS.description, nl(dataset.description)))
        found.add((node, DCTERMS.publisher, publisher))
        found.add((node, DCTERMS.conformsTo, standard(found, dataset)))
        last = changes[dataset.records]
        if last is not None:
            found.add((node, DCTERMS.modified, Literal(last.isoformat(), datatype=XSD.dateTime)))
        for item in of(dataset):
            url = URIRef(identifiers.absolute(item.path))
            distribution = URIRef(f"{url}#distributie")
            found.add((node, DCAT.distribution, distribution))
            found.add((distribution, RDF.type, DCAT.Distribution))
            found.add((distribution, DCTERMS.title, nl(f"{dataset.title} ({item.format_name})")))
            found.add((url, RDF.type, RDFS.Resource))
            found.add((distribution, DCAT.accessURL, url))
            found.add((distribution, DCAT.downloadURL, url))
            media = URIRef(IANA_MEDIA[item.media_type])
            found.add((media, RDF.type, DCTERMS.MediaType))
            found.add((distribution, DCAT.mediaType, media))
            found.add((distribution, DCTERMS.license, licence))
            if last is not None:
                found.add((distribution, DCTERMS.modified, Literal(last.isoformat(), datatype=XSD.dateTime)))
    return found


def standard(graph: Graph, dataset) -> URIRef:
    node = URIRef(dataset.standard_url)
    graph.add((node, RDF.type, DCTERMS.Standard))
    graph.add((node, DCTERMS.title, Literal(dataset.standard)))
    return node
