"""The lines `randwijzer load` imports from the bundled Subsidiepunt snapshots (data/feeds/) are
published too: every document stays valid with them, missing only what the catalogue cannot know."""
from __future__ import annotations

import pytest
from rdflib import Graph

from randwijzer.catalogue.models import FundingLine
from randwijzer.feeds import snapshots
from tests.opendata.conftest import opportunity_validator, shacl

pytestmark = pytest.mark.django_db

# What no imported offer has in the catalogue (docs/open-data.md, "Not in the catalogue").
UNKNOWABLE = {"toepasbaarVoorBeslissing", "hasFormalFramework", "biedtAan"}


@pytest.fixture
def imported():
    reports = snapshots.import_all()
    assert all(not report.counts["overgeslagen"] for report in reports), [r.lines for r in reports]
    lines = FundingLine.objects.exclude(feed_source="redactie")
    assert lines.count() >= 10
    return lines


def test_imported_offers_miss_only_what_the_catalogue_cannot_know(client, imported):
    data = Graph().parse(data=client.get("/open-data/subsidiemaatregelen.ttl").content, format="turtle")
    _, results = shacl(data, "oslo")
    assert {component for _, _, component in results} <= {"MinCountConstraintComponent"}
    assert {path.rsplit("#", 1)[-1].rsplit("/", 1)[-1] for _, path, _ in results} <= UNKNOWABLE


def test_imported_lines_are_valid_opportunities_and_never_open_after_their_call(client, imported):
    items = client.get("/common-grants/opportunities").json()["items"]
    assert len(items) == FundingLine.objects.count()
    validator = opportunity_validator()
    for item in items:
        assert list(validator.iter_errors(item)) == [], item["title"]
    pride = next(item for item in items if item["title"] == "Pride-evenementen 2026")
    assert pride["status"]["value"] == "closed"  # its only call ran from 15 September to 31 October 2025


def test_the_imported_administrator_is_a_valid_partner_record(client, imported):
    data = Graph().parse(data=client.get("/open-data/partners.ttl").content, format="turtle")
    _, results = shacl(data, "cpsv")
    assert {component for _, _, component in results} <= {"MinCountConstraintComponent"}
