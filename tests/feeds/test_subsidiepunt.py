"""The bundled Subsidiepunt snapshots, imported as `randwijzer load` does."""
import datetime as dt

import pytest

from randwijzer.catalogue.models import FundingLine
from randwijzer.changes.models import Change
from randwijzer.feeds import snapshots
from randwijzer.feeds.rdf import parse
from randwijzer.feeds.subsidiepunt import records, status_from
from randwijzer.feeds.records import Round
from tests.feeds.fixtures import PROJECT

FEEDS = PROJECT / "data" / "feeds"


@pytest.fixture
def loaded(db):
    return snapshots.import_all(FEEDS)


def test_load_shows_at_least_20_lines_with_their_source_and_plan_samenleven_once(loaded):
    assert FundingLine.objects.count() >= 20
    assert set(FundingLine.objects.values_list("feed_source", flat=True)) == {"redactie", "subsidiepunt"}
    assert FundingLine.objects.filter(title__iexact="Plan Samenleven").count() == 1
    plan = FundingLine.objects.get(pk="plan-samenleven")
    assert plan.feed_source == "redactie" and plan.feed_iri.endswith("a2d920b2-d266-4555-b023-63632997c406")
    titles = set(FundingLine.objects.values_list("title", flat=True))
    assert {"Lokaal Energie- en Klimaatpact 2.1", "Subsidie voor Hoppinpunten", "Pride-evenementen 2026"} <= titles


def test_second_import_writes_nothing(loaded):
    changes, lines = Change.objects.count(), list(FundingLine.objects.values_list("id", "updated_at"))
    again = snapshots.import_all(FEEDS)
    assert [r.counts["ongewijzigd"] for r in again] == [16, 1]
    assert Change.objects.count() == changes
    assert list(FundingLine.objects.values_list("id", "updated_at")) == lines


def test_pride_call_is_in_brussels_dates_and_closed_after_its_period(loaded):
    pride = FundingLine.objects.get(title="Pride-evenementen 2026")
    call = pride.callrounds.get()
    assert (call.label, call.opens_on, call.closes_on) == ("Oproep 2026", dt.date(2025, 9, 15), dt.date(2025, 10, 31))
    assert pride.status == "afgesloten"
    assert [a.pk for a in pride.applicant_types.all()] == ["lokaal-bestuur"]
    # "Economische actoren" is not an applicant type we know: kept in the feed's words, to verify.
    assert "Economische actoren" in pride.to_verify["applicant_types"]
    assert pride.administrator.name == "Agentschap Binnenlands Bestuur"
    assert pride.contact_url == "https://www.vlaanderen.be/inclusie/subsidies"


def test_status_is_never_open_without_a_date_that_says_so():
    on = dt.date(2025, 10, 1)
    assert status_from([], on)[0] == "onzeker"
    assert status_from([Round("Oproep", dt.date(2025, 9, 15), dt.date(2025, 10, 31))], on)[0] == "open"
    assert status_from([Round("Oproep", dt.date(2025, 9, 15), dt.date(2025, 9, 30))], on)[0] == "afgesloten"


def test_lines_without_a_period_are_unknown_and_land_in_check(loaded):
    hoppin = FundingLine.objects.get(title="Subsidie voor Hoppinpunten")
    assert hoppin.status == "onzeker" and not hoppin.callrounds.exists()
    assert hoppin.contact_url.startswith("https://www.vlaanderen.be/subsidies-voor-de-aanleg")


def test_a_new_line_enters_the_change_log_as_news(loaded):
    change = Change.objects.get(funding_line_id=FundingLine.objects.get(title="Subsidie voor Hoppinpunten").pk, field="line")
    assert change.new_value is not None and change.origin == "feed: Subsidiepunt"


def test_every_databank_offer_becomes_a_record():
    graph = parse((FEEDS / "subsidiedatabank-aanbod.nt").read_text(encoding="utf-8"), "subsidiedatabank-aanbod.nt")
    found = records(graph, dt.date(2026, 11, 26))
    assert len(found) == 16 and all(r.title for r in found)


def test_new_lines_reach_the_subsidieflash_like_other_news(db):
    from django.utils import timezone

    from randwijzer.flash.editions import EditionData, Profile, new_edition

    start = timezone.now()
    snapshots.import_all(FEEDS)
    month = timezone.localdate().strftime("%Y-%m")
    edition = new_edition(month, timezone.now())
    edition.period_start = start
    content = EditionData(edition).content(Profile(None, "lokaal-bestuur"))
    news = {group["title"]: group for group in content.change_groups}
    assert news["Subsidie voor Hoppinpunten"]["new"] is True
    assert "Plan Samenleven" not in news  # linked, not new: nothing a reader sees changed
