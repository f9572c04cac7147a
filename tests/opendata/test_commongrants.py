"""The CommonGrants API: every opportunity valid against OpportunityBase, pagination, errors."""
from __future__ import annotations

import uuid

import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.opendata.identifiers import opportunity_id
from tests.opendata.conftest import opportunity_validator

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def listing(client_module):
    return client_module.get("/common-grants/opportunities").json()


@pytest.fixture(scope="module")
def validator():
    return opportunity_validator()


def test_every_line_is_a_valid_opportunity(listing, validator):
    assert listing["paginationInfo"]["totalItems"] == FundingLine.objects.count() == len(listing["items"])
    for item in listing["items"]:
        assert list(validator.iter_errors(item)) == [], item["title"]
    assert list(opportunity_validator("Error.yaml").iter_errors({"status": 404, "message": "x", "errors": []})) == []


def test_status_amounts_and_share_come_from_the_line(listing):
    by_title = {item["title"]: item for item in listing["items"]}
    uncertain = by_title["Plan Samenleven"]["status"]
    assert uncertain["value"] == "custom" and uncertain["customValue"] == "onzeker"
    assert "onzeker" in uncertain["description"].lower()
    for line in FundingLine.objects.all():
        item = by_title[line.title]
        assert item["id"] == str(opportunity_id(line.pk))
        if line.max_amount is not None:
            assert item["funding"]["maxAwardAmount"] == {"amount": str(line.max_amount), "currency": "EUR"}
        else:
            assert "maxAwardAmount" not in item.get("funding", {})
        if line.cost_share_pct is not None and line.share_base == "project_cost":
            assert item["customFields"]["costSharing"]["value"]["percentage"] == 100 - line.cost_share_pct


def test_yearly_rounds_give_the_next_deadline(listing):
    impuls = next(item for item in listing["items"] if item["title"] == "Impulssubsidie Vlaamse Rand")
    assert impuls["keyDates"]["closeDate"]["date"][5:] in {"02-01", "05-01", "10-01"}


def test_the_id_does_not_change_with_the_title(client_module):
    line = FundingLine.objects.get(pk="plan-samenleven")
    before = opportunity_id(line.pk)
    FundingLine.objects.filter(pk=line.pk).update(title="Plan Samenleven (nieuwe naam)")
    try:
        answer = client_module.get(f"/common-grants/opportunities/{before}").json()
        assert answer["data"]["id"] == str(before) and answer["data"]["title"].endswith("(nieuwe naam)")
    finally:
        FundingLine.objects.filter(pk=line.pk).update(title=line.title)


@pytest.mark.parametrize("query, status, field", [
    ("pageSize=0", 400, "pageSize"), ("pageSize=-5", 400, "pageSize"), ("pageSize=100000", 400, "pageSize"),
    ("pageSize=abc", 400, "pageSize"), ("page=0", 400, "page"), ("page=1.5", 400, "page"),
    ("page=99", 404, "page"), ("page=99999999999999999999", 400, "page"),
])
def test_bad_paging_answers_the_error_shape(client, query, status, field):
    response = client.get(f"/common-grants/opportunities?{query}")
    assert response.status_code == status
    body = response.json()
    assert body["status"] == status and body["errors"][0]["field"] == field
    assert list(opportunity_validator("Error.yaml").iter_errors(body)) == []


def test_paging_splits_the_list(client):
    first = client.get("/common-grants/opportunities?page=1&pageSize=2").json()
    second = client.get("/common-grants/opportunities?page=2&pageSize=2").json()
    assert first["paginationInfo"]["totalPages"] == -(-FundingLine.objects.count() // 2)
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


@pytest.mark.parametrize("url", ["/common-grants/opportunities", f"/common-grants/opportunities/{opportunity_id('wies-fonds')}"])
def test_unsupported_accept_is_406_in_the_error_shape(client, url):
    response = client.get(url, HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    body = response.json()
    assert body["status"] == 406 and "formaat" in body["message"] and body["errors"][0]["field"] == "Accept"
    assert list(opportunity_validator("Error.yaml").iter_errors(body)) == []


@pytest.mark.parametrize("identifier", [str(uuid.uuid4()), "niet-een-uuid", "plan-samenleven"])
def test_unknown_id_is_a_404_in_the_error_shape(client, identifier):
    response = client.get(f"/common-grants/opportunities/{identifier}")
    assert response.status_code == 404
    assert list(opportunity_validator("Error.yaml").iter_errors(response.json())) == []


def test_unknown_status_fails_the_schema(listing, validator):
    item = dict(listing["items"][0], status={"value": "misschien"})
    assert list(validator.iter_errors(item))
    dated = dict(listing["items"][0], createdAt="gisteren")
    assert list(validator.iter_errors(dated))
    impuls = next(item for item in listing["items"] if item["title"] == "Impulssubsidie Vlaamse Rand")
    not_a_day = {**impuls, "keyDates": {"closeDate": {**impuls["keyDates"]["closeDate"], "date": "2027-02-30"}}}
    assert list(validator.iter_errors(not_a_day))
