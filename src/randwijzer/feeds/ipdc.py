"""IPDC (the inter-governmental product catalogue, IPDC-LPDC model on CPSV-AP): products → funding lines.

Kept: products of type `FinancieelVoordeel` for local governments, associations or organisations.
Every other product is skipped with the reason. Conditions stay prose ("na te gaan"); the area
(`dct:spatial`: LAU and NUTS codes) becomes a territory in areas.py.
"""
from __future__ import annotations

import datetime as dt
import re

from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS

from randwijzer.text.dutch import format_date_nl

from .areas import code
from .dutch import dutch
from .links import web_address
from .records import Record, Skip
from .timeutil import brussels_date, today

IPDC = Namespace("https://productencatalogus.data.vlaanderen.be/ns/ipdc-lpdc#")
CONCEPT = "https://productencatalogus.data.vlaanderen.be/id/concept/"
M8G = Namespace("http://data.europa.eu/m8g/")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
BELGIF = Namespace("http://vocab.belgif.be/ns/publicservice#")
SCHEMA = Namespace("http://schema.org/")

PRODUCT_CLASSES = {IPDC.ConceptualPublicServiceSnapshot, IPDC.InstancePublicServiceSnapshot,
                   IPDC.ConceptualPublicService, IPDC.InstancePublicService, CPSV.PublicService}
KEPT_TYPE = "FinancieelVoordeel"
# IPDC audience → (sure applicant types, applicant types to verify)
AUDIENCES = {
    "LokaalBestuur": (["lokaal-bestuur"], []),
    "Vereniging": ([], ["vzw", "feitelijke-vereniging"]),
    "Organisatie": ([], ["andere-organisatie"]),
}
LEVELS = {"Europees": "europees", "Federaal": "federaal", "Vlaams": "vlaams", "Provinciaal": "provinciaal",
          "Lokaal": "lokaal"}
THEMES = {
    "MilieuEnergie": ["vergroening"], "CultuurSportVrijeTijd": ["cultuur", "vrije-tijd"],
    "OnderwijsWetenschap": ["onderwijs"], "WelzijnGezondheid": ["welzijn", "zorg"],
    "MobiliteitOpenbareWerken": ["mobiliteit"], "BouwenWonen": ["wonen"], "EconomieWerk": ["werk"],
    "BurgerOverheid": ["lokaal-bestuur-en-mandaat"],
}


def _code(node) -> str:
    return str(node).rstrip("/").rsplit("/", 1)[-1]


def products(graph: Graph) -> list:
    """The product snapshots in a graph, the latest snapshot per product (dct:isVersionOf) only."""
    latest: dict[str, tuple] = {}
    for cls in PRODUCT_CLASSES:
        for subject in graph.subjects(RDF.type, cls):
            key = str(graph.value(subject, DCTERMS.isVersionOf) or subject)
            stamp = str(graph.value(subject, PROV.generatedAtTime) or "")
            if key not in latest or stamp > latest[key][0]:
                latest[key] = (stamp, subject)
    return [(key, subject) for key, (stamp, subject) in sorted(latest.items())]


def records(graph: Graph, on: dt.date | None = None) -> list[Record | Skip]:
    """One record (or skip) per product; the area is resolved when writing (areas.py)."""
    on = on or today()
    return [product_record(graph, subject, key, on) for key, subject in products(graph)]


def product_record(graph: Graph, product, key: str, on: dt.date) -> Record | Skip:
    title = dutch(graph.objects(product, DCTERMS.title))
    if not title:
        return Skip(key, "", "het product heeft geen Nederlandse titel")
    types = [_code(t) for t in graph.objects(product, DCTERMS.type)]
    if KEPT_TYPE not in types:
        return Skip(key, title, f"geen financieel voordeel (type: {', '.join(types) or 'geen'})")
    audiences = sorted(_code(a) for a in graph.objects(product, IPDC.targetAudience))
    kept = [a for a in audiences if a in AUDIENCES]
    if not kept:
        return Skip(key, title, f"niet voor lokale besturen, verenigingen of organisaties (doelgroep: {', '.join(audiences) or 'geen'})")
    sure = sorted({t for a in kept for t in AUDIENCES[a][0]})
    to_verify = sorted({t for a in kept for t in AUDIENCES[a][1]} - set(sure))
    description = dutch(graph.objects(product, DCTERMS.description))
    status, reason = _status(graph, product, on)
    notes: list[str] = []
    return Record(
        iri=key, title=title[:200], description=description,
        summary=_summary(description, title),
        url=_website(graph, product, notes), notes=notes, level=_level(graph, product), status=status, status_reason=reason,
        applicant_types=sure, applicant_types_to_verify=to_verify,
        applicant_note=f"IPDC noemt als doelgroep {', '.join(kept)}." if to_verify else "",
        conditions=_conditions(graph, product), themes=_themes(graph, product),
        area_codes=sorted({code(s) for s in graph.objects(product, DCTERMS.spatial)}), administrator_note=_authority(graph, product),
    )


def _summary(description: str, title: str) -> str:
    if not description:
        return title[:500]
    first = re.split(r"(?<=[.!?])\s", description, maxsplit=1)[0]
    return first if len(first) <= 500 else first[:499] + "…"


def _status(graph: Graph, product, on: dt.date) -> tuple[str, str]:
    end = brussels_date(graph.value(product, SCHEMA.endDate))
    if end is not None and end < on:
        return "afgesloten", f"Volgens IPDC liep dit product tot {format_date_nl(end)}."
    return "onzeker", "IPDC geeft geen indienperiode; ga na wanneer u kunt aanvragen."


def _level(graph: Graph, product) -> str:
    levels = [LEVELS.get(_code(level)) for level in graph.objects(product, IPDC.competentAuthorityLevel)]
    order = ["vlaams", "provinciaal", "lokaal", "federaal", "europees"]
    found = sorted((lv for lv in levels if lv), key=order.index)
    return found[0] if found else "vlaams"


def _website(graph: Graph, product, notes: list[str]) -> str:
    for site in sorted(graph.objects(product, RDFS.seeAlso), key=str):
        url = web_address(str(graph.value(site, SCHEMA.url) or "").strip(), notes)
        if url:
            return url
    return ""


def _conditions(graph: Graph, product) -> list[str]:
    texts = []
    for requirement in sorted(graph.objects(product, BELGIF.hasRequirement), key=str):
        text = dutch(graph.objects(requirement, DCTERMS.description))
        if text:
            texts.append(text)
    for advantage in sorted(graph.objects(product, CPSV.produces), key=str):
        text = dutch(graph.objects(advantage, DCTERMS.description))
        if text:
            texts.append(f"Financieel voordeel: {text}")
    return texts


def _themes(graph: Graph, product) -> list[str]:
    return sorted({t for area in graph.objects(product, M8G.thematicArea) for t in THEMES.get(_code(area), [])})


def _authority(graph: Graph, product) -> str:
    """IPDC names the competent authority by IRI (a name only sometimes): kept as the feed says it, to verify."""
    names = []
    for authority in sorted(graph.objects(product, M8G.hasCompetentAuthority), key=str):
        names.append(dutch(graph.objects(authority, SKOS.prefLabel)) or str(authority))
    return f"Bevoegd bestuur volgens IPDC: {', '.join(names)}." if names else ""
