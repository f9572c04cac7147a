"""Content negotiation, the /open-data/ page, the footer link and the line pages' alternates."""
from __future__ import annotations

import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.opendata.identifiers import line_iri

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("accept, expected", [
    ("text/turtle", "text/turtle"), ("application/ld+json", "application/ld+json"),
    ("application/ld+json;q=0.9, text/turtle;q=0.5", "application/ld+json"), ("*/*", "text/turtle"), (None, "text/turtle"),
])
def test_content_negotiation(client, accept, expected):
    headers = {"HTTP_ACCEPT": accept} if accept else {}
    response = client.get("/open-data/subsidiemaatregelen", **headers)
    assert response.status_code == 200 and response["Content-Type"].startswith(expected)


@pytest.mark.parametrize("url", ["/open-data/subsidiemaatregelen", "/open-data/partners"])
def test_unsupported_accept_is_406_with_a_dutch_reason(client, url):
    response = client.get(url, HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert "formaat" in response.json()["detail"]


def test_open_data_page_lists_every_distribution(client):
    page = client.get("/open-data/").content.decode()
    for path in ("/open-data/subsidiemaatregelen.ttl", "/open-data/partners.jsonld", "/open-data/dcat.ttl",
                 "/common-grants/opportunities", "CC BY 4.0"):
        assert path in page
    assert 'href="/open-data/"' in client.get("/").content.decode()


def test_line_page_links_to_its_records_and_the_iri_does_not_use_the_title(client, settings):
    line = FundingLine.objects.first()
    page = client.get(f"/steun/{line.pk}/").content.decode()
    assert f'<link rel="alternate" type="text/turtle" href="/open-data/subsidiemaatregelen/{line.pk}.ttl"' in page
    record = client.get(f"/open-data/subsidiemaatregelen/{line.pk}.ttl").content.decode()
    assert line_iri(line.pk) in record and line_iri(line.pk).startswith(settings.RANDWIJZER_SITE_URL)
    assert client.get(f"/id/steunmaatregel/{line.pk}").status_code == 303
    assert client.get("/open-data/subsidiemaatregelen/bestaat-niet.ttl").status_code == 404


def test_site_url_setting_moves_the_iris(client, settings):
    settings.RANDWIJZER_SITE_URL = "https://randwijzer.example/"
    body = client.get("/open-data/partners.ttl").content.decode()
    assert "https://randwijzer.example/id/partner/" in body and "127.0.0.1" not in body


def test_the_dcat_publisher_is_the_one_the_deployment_names(client, settings):
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, FOAF
    settings.RANDWIJZER_PUBLISHER_NAME = "Gemeente Voorbeeld"
    graph = Graph().parse(data=client.get("/open-data/dcat.ttl").content, format="turtle")
    publisher = graph.value(URIRef(settings.RANDWIJZER_SITE_URL + "/open-data/dcat"), DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) == Literal("Gemeente Voorbeeld", lang="nl")


@pytest.mark.parametrize("url", ["/open-data/", "/open-data/subsidiemaatregelen.ttl", "/open-data/partners.jsonld",
                                 "/open-data/dcat.ttl"])
def test_harvesters_and_link_checkers_may_ask_with_head(client, url):
    # A harvester or link checker asks with HEAD first; it gets the document's headers, not a 405.
    got, head = client.get(url), client.head(url)
    assert head.status_code == 200 and head["Content-Type"] == got["Content-Type"]
    assert client.post(url).status_code == 405
