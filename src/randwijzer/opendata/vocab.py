"""The RDF namespaces the open-data graphs use, spelled exactly as the official shapes spell them."""
from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, RDF, RDFS, SKOS, XSD

ADMS = Namespace("http://www.w3.org/ns/adms#")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
M8G = Namespace("http://data.europa.eu/m8g/")
SUBSIDIE = Namespace("http://data.vlaanderen.be/ns/subsidie#")
LBLOD_SUBSIDIE = Namespace("http://lblod.data.gift/vocabularies/subsidie/")
MOBILITEIT = Namespace("https://data.vlaanderen.be/ns/mobiliteit#")
SCHEMA = Namespace("https://schema.org/")  # the Besluit profile's MonetaryAmount and name use https
LOCN = Namespace("http://www.w3.org/ns/locn#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
IANA_MEDIA = Namespace("http://www.iana.org/assignments/media-types/")

PREFIXES = {
    "adms": ADMS, "cpsv": CPSV, "dcat": DCAT, "dct": DCTERMS, "foaf": FOAF, "lblodSubsidie": LBLOD_SUBSIDIE,
    "locn": LOCN, "m8g": M8G, "mobiliteit": MOBILITEIT, "org": ORG, "rdf": RDF, "rdfs": RDFS,
    "schema": SCHEMA, "skos": SKOS, "subsidie": SUBSIDIE, "vcard": VCARD, "xsd": XSD,
}


def new_graph() -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph
