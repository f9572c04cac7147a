"""The published documents: one list that the DCAT catalogue, the /open-data/ page and the
docs read, so a new distribution is added in one place."""
from __future__ import annotations

from dataclasses import dataclass

# The licence of the published data. Randwijzer states its facts with their sources; reusers may
# copy them with attribution.
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME = "Creative Commons Naamsvermelding 4.0 (CC BY 4.0)"


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    standard: str
    standard_url: str
    records: str  # "funding" or "partners": what it describes, for its last change


@dataclass(frozen=True)
class Distribution:
    dataset: str
    path: str
    media_type: str
    format_name: str


DATASETS = [
    Dataset("subsidiemaatregelen", "Steunmaatregelen voor de Vlaamse Rand",
            "Elke steunmaatregel uit de catalogus van Randwijzer als subsidiemaatregelaanbod: wie mag "
            "aanvragen, waar, wanneer en hoeveel.",
            "OSLO Besluit Subsidies", "https://data.vlaanderen.be/doc/applicatieprofiel/besluit-subsidie/",
            "funding"),
    Dataset("partners", "Partners en hun diensten",
            "De partnerorganisaties uit de catalogus van Randwijzer en hun diensten, met doelgroep, "
            "werkingsgebied en contact.",
            "CPSV-AP 3.2.0", "https://semiceu.github.io/CPSV-AP/releases/3.2.0/", "partners"),
    Dataset("commongrants", "Steunmaatregelen als CommonGrants-opportunities",
            "Dezelfde steunmaatregelen volgens het CommonGrants-protocol (JSON), per pagina op te vragen.",
            "CommonGrants", "https://commongrants.org/", "funding"),
]

DISTRIBUTIONS = [
    Distribution("subsidiemaatregelen", "/open-data/subsidiemaatregelen.ttl", "text/turtle", "Turtle"),
    Distribution("subsidiemaatregelen", "/open-data/subsidiemaatregelen.jsonld", "application/ld+json", "JSON-LD"),
    Distribution("partners", "/open-data/partners.ttl", "text/turtle", "Turtle"),
    Distribution("partners", "/open-data/partners.jsonld", "application/ld+json", "JSON-LD"),
    Distribution("commongrants", "/common-grants/opportunities", "application/json", "JSON"),
]


def of(dataset: Dataset) -> list[Distribution]:
    return [item for item in DISTRIBUTIONS if item.dataset == dataset.key]
