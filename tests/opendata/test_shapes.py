"""Every published RDF document validated against the official shapes, once per standard.

OSLO and CPSV-AP may miss only values the catalogue does not have (sh:minCount), and exactly
those listed in docs/open-data.md; DCAT-AP must conform fully."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from randwijzer.catalogue.models import FundingLine, Partner
from tests.opendata.conftest import missing_by_record, shacl

DOCS = Path(__file__).resolve().parents[2] / "docs" / "open-data.md"
M8G = "http://data.europa.eu/m8g/"
SUBSIDIE = "http://data.vlaanderen.be/ns/subsidie#"


def fetch(client, url: str) -> Graph:
    response = client.get(url)
    assert response.status_code == 200, url
    return Graph().parse(data=response.content, format="turtle" if url.endswith(".ttl") else "json-ld")


@pytest.fixture(scope="module")
def oslo(client_module):
    data = fetch(client_module, "/open-data/subsidiemaatregelen.ttl")
    return data, shacl(data, "oslo")


@pytest.fixture(scope="module")
def cpsv(client_module):
    data = fetch(client_module, "/open-data/partners.ttl")
    return data, shacl(data, "cpsv")


@pytest.fixture(scope="module")
def dcat(client_module):
    data = fetch(client_module, "/open-data/dcat.ttl")
    return data, shacl(data, "dcat")


def rows(missing: dict[str, list[str]]) -> str:
    return "\n".join(f"| `{record}` | {', '.join(f'`{item}`' for item in items)} |" for record, items in missing.items())


def check_documented(section: str, missing: dict[str, list[str]]) -> None:
    """The docs list what is missing; RANDWIJZER_WRITE_DOCS=1 rewrites that list from the shapes."""
    if os.environ.get("RANDWIJZER_WRITE_DOCS") == "1":
        text = DOCS.read_text(encoding="utf-8")
        start, end = f"<!-- missing:{section}:start -->", f"<!-- missing:{section}:end -->"
        head, rest = text.split(start)
        DOCS.write_text(f"{head}{start}\n| record | missing (node: property) |\n|---|---|\n{rows(missing)}\n{end}"
                        f"{rest.split(end)[1]}", encoding="utf-8")
    assert missing == documented(section), "update the list in docs/open-data.md (RANDWIJZER_WRITE_DOCS=1)"


def documented(section: str) -> dict[str, list[str]]:
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(rf"<!-- missing:{section}:start -->(.*?)<!-- missing:{section}:end -->", text, re.S).group(1)
    found = {}
    for line in block.strip().splitlines():
        match = re.fullmatch(r"\| `([^`]+)` \| (.*) \|", line.strip())
        if match:
            found[match.group(1)] = sorted(item.strip().strip("`") for item in match.group(2).split(","))
    return found


@pytest.mark.django_db
def test_one_offer_per_line_and_only_missing_values_all_documented(oslo, settings):
    data, (_, results) = oslo
    offers = set(data.subjects(RDF.type, URIRef(SUBSIDIE + "SubsidiemaatregelAanbod")))
    assert len(offers) == FundingLine.objects.count()
    assert {component for _, _, component in results} <= {"MinCountConstraintComponent"}
    check_documented("oslo", missing_by_record(results, settings.RANDWIJZER_SITE_URL + "/id/steunmaatregel/"))


@pytest.mark.django_db
def test_one_organisation_per_partner_and_only_documented_missing_values(cpsv, settings):
    data, (_, results) = cpsv
    organisations = set(data.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    assert len(organisations) == Partner.objects.count()
    assert {component for _, _, component in results} <= {"MinCountConstraintComponent"}
    check_documented("cpsv", missing_by_record(results, settings.RANDWIJZER_SITE_URL + "/id/partner/"))


def test_dcat_catalogue_conforms(dcat):
    _, (conforms, results) = dcat
    assert conforms, results


def test_jsonld_holds_the_same_graph_as_turtle(client_module, oslo, cpsv):
    from rdflib.compare import isomorphic
    assert isomorphic(fetch(client_module, "/open-data/subsidiemaatregelen.jsonld"), oslo[0])
    assert isomorphic(fetch(client_module, "/open-data/partners.jsonld"), cpsv[0])


def test_a_date_that_is_not_a_date_and_an_untyped_authority_fail(oslo):
    data, _ = oslo
    broken = Graph()
    for triple in data:
        broken.add(triple)
    period = next(broken.subjects(RDF.type, URIRef(M8G + "PeriodOfTime")), None)
    assert period is not None, "Plan Samenleven's call round should give a period"
    broken.set((period, URIRef(M8G + "startTime"), Literal("26 mei 2023", datatype=XSD.string)))
    authority = next(broken.objects(None, URIRef(M8G + "hasCompetentAuthority")))
    broken.remove((authority, RDF.type, URIRef(M8G + "PublicOrganisation")))
    conforms, results = shacl(broken, "oslo")
    components = {(focus, component) for focus, _, component in results}
    assert (str(period), "DatatypeConstraintComponent") in components
    assert any(component == "ClassConstraintComponent" for _, component in components)
