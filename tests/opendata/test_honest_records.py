"""What the published records claim must follow from the catalogue's own dates and facts, and an odd
value from a feed must not break a document (found in the review of the open-data app, 2026-12-02)."""
from __future__ import annotations

import datetime as dt

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF

from randwijzer.catalogue.models import CallRound, FundingLine, Partner, SubmissionMode, YearlyDeadline
from randwijzer.deadlines.services import today
from randwijzer.opendata import commongrants, identifiers, oslo
from tests.opendata.conftest import opportunity_validator

pytestmark = pytest.mark.django_db

LBLOD_SUBSIDIE = "http://lblod.data.gift/vocabularies/subsidie/"


def grant(client, line_id: str) -> dict:
    answer = client.get(f"/common-grants/opportunities/{identifiers.opportunity_id(line_id)}")
    assert answer.status_code == 200
    return answer.json()["data"]


def as_call_line(line_id: str, *calls: tuple[dt.date | None, dt.date]) -> None:
    """The line becomes one that takes applications only within these calls (its yearly rounds gone)."""
    YearlyDeadline.objects.filter(funding_line_id=line_id).delete()
    FundingLine.objects.filter(pk=line_id).update(submission_mode=SubmissionMode.CALL, status="open")
    for number, (opens, closes) in enumerate(calls):
        CallRound.objects.create(funding_line_id=line_id, position=number, label=f"Oproep {number + 1}",
                                 opens_on=opens, closes_on=closes)


def test_a_line_whose_calls_are_all_over_is_not_open(client):
    # An imported line keeps status "open" from the day it was read; its only call has ended since.
    as_call_line("impulssubsidie-vlaamse-rand", (today() - dt.timedelta(days=90), today() - dt.timedelta(days=30)))
    assert grant(client, "impulssubsidie-vlaamse-rand")["status"]["value"] == "closed"


def test_a_line_without_any_moment_to_apply_is_not_open(client):
    FundingLine.objects.filter(pk="impulssubsidie-vlaamse-rand").update(submission_mode=SubmissionMode.UNKNOWN)
    item = grant(client, "impulssubsidie-vlaamse-rand")
    assert item["status"]["value"] == "custom" and item["status"]["customValue"] == "onbekend"
    assert "Niet bekend wanneer u kunt aanvragen." in item["status"]["description"]
    assert list(opportunity_validator().iter_errors(item)) == []


def test_doorlopend_does_not_claim_one_can_apply_all_year(client):
    # The WIES-fonds runs on ("doorlopend"), but the sources name no moment to apply.
    wies = grant(client, "wies-fonds")["status"]
    assert wies["customValue"] == "doorlopend" and "hele jaar" not in wies["description"]
    assert "Er is geen indienmoment bekend." in wies["description"]
    continuous = grant(client, "subsidie-taalstimulering-nederlands")["status"]
    assert "Aanvragen kan het hele jaar door." in continuous["description"]


def test_a_call_without_opening_day_gives_the_close_date(client):
    closes = today() + dt.timedelta(days=40)
    as_call_line("impulssubsidie-vlaamse-rand", (None, closes))
    dates = grant(client, "impulssubsidie-vlaamse-rand")["keyDates"]
    assert dates["closeDate"]["date"] == closes.isoformat()
    listed = [event for event in dates["otherDates"].values() if closes.isoformat() in event.values()]
    assert len(listed) == 1, listed  # the call round once, not again as a loose deadline


def test_a_call_with_an_opening_day_is_listed_once(client):
    opens, closes = today() - dt.timedelta(days=5), today() + dt.timedelta(days=40)
    as_call_line("impulssubsidie-vlaamse-rand", (opens, closes))
    item = grant(client, "impulssubsidie-vlaamse-rand")
    assert item["status"]["value"] == "open" and item["keyDates"]["closeDate"]["date"] == closes.isoformat()
    assert len(item["keyDates"]["otherDates"]) == 1, item["keyDates"]["otherDates"]


def test_a_web_address_with_a_space_does_not_break_the_documents(client):
    # The importers store the feed's address as it comes; Django's URL check does not run there.
    FundingLine.objects.filter(pk="plan-samenleven").update(contact_url="https://www.vlaanderen.be/plan samenleven")
    Partner.objects.filter(pk=FundingLine.objects.get(pk="plan-samenleven").administrator_id).update(
        website="https://www.vlaanderen.be/samen leven")
    response = client.get("/open-data/subsidiemaatregelen.ttl")
    assert response.status_code == 200
    graph = Graph().parse(data=response.content, format="turtle")
    page = URIRef("https://www.vlaanderen.be/plan%20samenleven")
    assert (URIRef(identifiers.line_iri("plan-samenleven")), FOAF.page, page) in graph
    partners = client.get("/open-data/partners.ttl")
    assert partners.status_code == 200 and b"samen%20leven" in partners.content
    item = grant(client, "plan-samenleven")
    assert item["source"] == str(page) and list(opportunity_validator().iter_errors(item)) == []


def series_by_title(client, line_id: str) -> dict[str, str]:
    graph = Graph().parse(data=client.get(f"/open-data/subsidiemaatregelen/{line_id}.ttl").content, format="turtle")
    offer = URIRef(identifiers.line_iri(line_id))
    return {str(graph.value(series, DCTERMS.title)): str(series)
            for series in graph.objects(offer, URIRef(LBLOD_SUBSIDIE + "heeftReeks"))}


def test_a_call_round_keeps_its_iri_when_another_is_added_before_it(client):
    before = series_by_title(client, "plan-samenleven")
    assert len(before) == 1
    CallRound.objects.filter(funding_line_id="plan-samenleven").update(position=1)
    CallRound.objects.create(funding_line_id="plan-samenleven", position=0, label="Proefoproep 2022",
                             opens_on=dt.date(2022, 3, 1), closes_on=dt.date(2022, 4, 30))
    from django.core.cache import cache
    cache.clear()  # read the document afresh, whatever the cache holds
    after = series_by_title(client, "plan-samenleven")
    (title, iri), = before.items()
    assert after[title] == iri and len(after) == 2


def test_the_number_of_queries_does_not_grow_with_the_lines():
    def count(build) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        with CaptureQueriesContext(connection) as queries:
            build()
        return len(queries.captured_queries)

    reference = today()
    builders = {"oslo": lambda: oslo.graph(reference), "commongrants": lambda: commongrants.opportunities(reference)}
    before = {name: count(build) for name, build in builders.items()}
    for number, line in enumerate(FundingLine.objects.all()[:4]):
        line.pk, line.title = f"kopie-{number}", f"{line.title} (kopie)"
        line._state.adding = True
        line.save()
    assert {name: count(build) for name, build in builders.items()} == before


def test_applicant_types_to_verify_read_as_one_dutch_sentence(client):
    line = next(line for line in FundingLine.objects.all() if line.applicant_types_to_verify.exists())
    line.applicant_types_to_verify.set(["school", "vzw"])
    details = grant(client, line.pk)["customFields"]["eligibilityCriteria"]["value"]["details"]
    sentence = "Te verifiëren of ook deze aanvragers in aanmerking komen: "
    assert f"{sentence}vzw en school." in details or f"{sentence}school en vzw." in details, details
